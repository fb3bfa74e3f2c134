"""Date shifting: one keyed offset per scope, applied to dates written in any common style.

Every date of one scope (a patient, a batch) moves by the same number of days, so the
intervals between them (post-operative day, time to follow-up) survive. The output keeps
the input's own format: `03/14/2024`, `3/14/24`, `March 14th`, `14-Mar-2024`, `Friday,
March 15, 2024`, `2024-03-14T19:05`; times of day are not identifiers and stay as written.
Partial dates move too: a month and day without a year, a month and year (by whole
months), a lone year (by whole years, at least one).
"""

from __future__ import annotations

import calendar
import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["YEAR_PATTERN", "DateShifter"]

_MONTHS = tuple(calendar.month_name)[1:]
_MONTH_NUMBER = {name.lower(): i + 1 for i, name in enumerate(_MONTHS)}
_MONTH_NUMBER.update({name[:3].lower(): i + 1 for i, name in enumerate(_MONTHS)})
_MONTH_NUMBER["sept"] = 9
_FULL_MONTHS = frozenset(name.lower() for name in _MONTHS)
_WEEKDAYS = tuple(calendar.day_name)
_WEEKDAY_NUMBER = {name.lower(): i for i, name in enumerate(_WEEKDAYS)}
_WEEKDAY_NUMBER.update({name[:3].lower(): i for i, name in enumerate(_WEEKDAYS)})
_WEEKDAY_NUMBER.update({"tues": 1, "thur": 3, "thurs": 3})

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_ORD = r"(?:st|nd|rd|th)"
_DATE = re.compile(
    rf"""
    (?<![\w/.-])(?:
        (?P<iso_y>\d{{4}})-(?P<iso_m>\d{{1,2}})-(?P<iso_d>\d{{1,2}})(?!\d)
      | (?P<a_d>\d{{1,2}})(?P<a_ord>{_ORD})?(?P<a_s1>\ (?:of\ )?|-|\ ?-\ ?)(?P<a_mon>{_MONTH})
        (?:(?P<a_s2>,?\ |-)(?P<a_y>\d{{4}}|\d{{2}})(?![\d:]))?
      | (?P<b_mon>{_MONTH})(?P<b_s1>\ )(?P<b_d>\d{{1,2}})(?P<b_ord>{_ORD})?(?![\d:])
        (?:(?P<b_s2>,\ ?|\ )(?P<b_y>\d{{4}})(?![\d:]))?
      | (?P<c_mon>{_MONTH})(?P<c_s>,?\ )(?P<c_y>\d{{4}})(?!\d)
      | (?P<n_1>\d{{1,2}})(?P<n_s>[/.-])(?P<n_2>\d{{1,2}})
        (?:(?P=n_s)(?P<n_y>\d{{4}}|\d{{2}}))?(?![\d/])
      | (?P<my_m>\d{{1,2}})/(?P<my_y>\d{{4}})(?!\d)
    )(?!(?!T\d)\w)  # an ISO date may run straight into its time: 2024-03-14T19:05
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Any 4-digit year in a date finding; used to pick the reference year of partial dates.
YEAR_PATTERN = _YEAR = re.compile(r"(?<!\d)(?P<y>(?:1[89]|20)\d\d)(?!\d)")
_WEEKDAY = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\b",
    re.IGNORECASE,
)
# Reference years for dates written without one: Feb 29 needs a leap year.
_COMMON_YEAR = 2023
_LEAP_YEAR = 2024
_DAYS_PER_MONTH = 30.4375


@dataclass(frozen=True, slots=True)
class DateShifter:
    """Moves every date in a text by `offset_days`.

    >>> DateShifter(-45).shift("seen 03/14/2024, again March 28th")
    'seen 01/29/2024, again February 12th'
    """

    offset_days: int

    @classmethod
    def for_scope(
        cls, key: bytes, scope: str, min_days: int = 30, max_days: int = 360
    ) -> DateShifter:
        """The shifter of one scope: |offset| in [min_days, max_days], either direction,
        derived from `key` (HMAC-SHA256), so no table of offsets has to be stored."""
        if not 1 <= min_days <= max_days:
            raise ValueError("date shift needs 1 <= min_days <= max_days")
        digest = hmac.new(key, b"date-shift\x1f" + scope.encode("utf-8"), hashlib.sha256).digest()
        value = int.from_bytes(digest[:8], "big")
        magnitude = min_days + value % (max_days - min_days + 1)
        return cls(-magnitude if digest[8] & 1 else magnitude)

    @property
    def month_offset(self) -> int:
        months = max(1, round(abs(self.offset_days) / _DAYS_PER_MONTH))
        return months if self.offset_days >= 0 else -months

    @property
    def year_offset(self) -> int:
        years = max(1, round(abs(self.offset_days) / 365.25))
        return years if self.offset_days >= 0 else -years

    def shift(self, text: str, reference_year: int | None = None) -> str | None:
        """`text` with each date in it shifted, or None when no date can be read in it.

        `reference_year` is the year assumed for dates written without one (the note's own
        year, so "March 28" and "03/14/2024" keep their true interval across February).
        """
        shifted, count = _DATE.subn(lambda m: self._replace(m, reference_year), text)
        if count == 0:
            shifted, count = _YEAR.subn(
                lambda m: f"{int(m.group('y')) + self.year_offset:04d}", text
            )
            return shifted if count else None
        if "\x00" in shifted:  # a component was not a real date (month 13, April 31)
            return None
        return _WEEKDAY.sub(self._shift_weekday, shifted)

    def _shift_weekday(self, match: re.Match[str]) -> str:
        token = match.group(0)
        new = _WEEKDAYS[(_WEEKDAY_NUMBER[token.lower()] + self.offset_days) % 7]
        # Full weekday names are 6+ letters; "Thurs" and "Tues" are abbreviations.
        return _case_like(new[:3] if len(token) <= 5 else new, token)

    def _replace(self, m: re.Match[str], reference_year: int | None) -> str:
        g = m.groupdict()
        try:
            if g["iso_y"]:
                new = self._move(int(g["iso_y"]), int(g["iso_m"]), int(g["iso_d"]))
                widths = (len(g["iso_m"]), len(g["iso_d"]))
                return f"{new.year:04d}-{new.month:0{widths[0]}d}-{new.day:0{widths[1]}d}"
            if g["a_d"]:
                year = _full_year(g["a_y"]) if g["a_y"] else reference_year
                day, month = int(g["a_d"]), _MONTH_NUMBER[g["a_mon"].rstrip(".").lower()]
                new = self._move(year, month, day)
                out = (
                    _day(new.day, g["a_d"], g["a_ord"])
                    + g["a_s1"]
                    + _month_name(new.month, g["a_mon"])
                )
                if g["a_y"]:
                    out += g["a_s2"] + _year(new.year, g["a_y"])
                return out
            if g["b_mon"]:
                year = int(g["b_y"]) if g["b_y"] else reference_year
                month, day = _MONTH_NUMBER[g["b_mon"].rstrip(".").lower()], int(g["b_d"])
                new = self._move(year, month, day)
                out = (
                    _month_name(new.month, g["b_mon"])
                    + g["b_s1"]
                    + _day(new.day, g["b_d"], g["b_ord"])
                )
                if g["b_y"]:
                    out += g["b_s2"] + f"{new.year:04d}"
                return out
            if g["c_mon"]:
                y, mo = self._move_month(
                    int(g["c_y"]), _MONTH_NUMBER[g["c_mon"].rstrip(".").lower()]
                )
                return _month_name(mo, g["c_mon"]) + g["c_s"] + f"{y:04d}"
            if g["n_1"]:
                month, day = int(g["n_1"]), int(g["n_2"])
                year = _full_year(g["n_y"]) if g["n_y"] else reference_year
                new = self._move(year, month, day)
                pad = _numeric_padding(g["n_1"], g["n_2"])
                out = f"{new.month:0{pad}d}{g['n_s']}{new.day:0{pad}d}"
                if g["n_y"]:
                    out += g["n_s"] + _year(new.year, g["n_y"])
                return out
            y, mo = self._move_month(int(g["my_y"]), int(g["my_m"]))
            return f"{mo:0{len(g['my_m'])}d}/{y:04d}"
        except (ValueError, OverflowError):
            return "\x00"

    def _move(self, year: int | None, month: int, day: int) -> date:
        if year is None or (month == 2 and day == 29 and not calendar.isleap(year)):
            leap = month == 2 and day == 29
            return date(_LEAP_YEAR if leap else _COMMON_YEAR, month, day) + timedelta(
                self.offset_days
            )
        return date(year, month, day) + timedelta(self.offset_days)

    def _move_month(self, year: int, month: int) -> tuple[int, int]:
        if not 1 <= month <= 12:
            raise ValueError("month out of range")
        index = year * 12 + (month - 1) + self.month_offset
        return index // 12, index % 12 + 1


def _full_year(text: str) -> int:
    if len(text) == 4:
        return int(text)
    # Two-digit years in clinical notes: recent ones are 20xx, older (birth dates) 19xx.
    value = int(text)
    return 2000 + value if value <= 40 else 1900 + value


def _year(year: int, original: str) -> str:
    return f"{year % 100:02d}" if len(original) == 2 else f"{year:04d}"


def _numeric_padding(first: str, second: str) -> int:
    # "3/14" stays unpadded, "03/14" and "11/22" (the EHR mm/dd default) stay two-digit.
    if first.startswith("0") or second.startswith("0"):
        return 2
    if len(first) == 1 or len(second) == 1:
        return 1
    return 2


def _day(day: int, original: str, ordinal: str | None) -> str:
    out = f"{day:0{len(original)}d}" if original.startswith("0") else str(day)
    if ordinal:
        suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
        out += suffix.upper() if ordinal.isupper() else suffix
    return out


def _month_name(month: int, original: str) -> str:
    bare = original.rstrip(".")
    full = _MONTHS[month - 1]
    full_style = bare.lower() in _FULL_MONTHS and not (
        bare.lower() == "may" and original.endswith(".")
    )
    if full_style:
        name = full
    else:
        name = "Sept" if bare.lower() == "sept" and month == 9 else full[:3]
        name += "." if original.endswith(".") else ""
    return _case_like(name, bare)


def _case_like(value: str, original: str) -> str:
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return value.upper()
    if letters and all(c.islower() for c in letters):
        return value.lower()
    return value
