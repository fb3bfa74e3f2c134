from __future__ import annotations

from datetime import date

import pytest

from redactphi.date_shift import DateShifter

SHIFT = DateShifter(-45)


@pytest.mark.parametrize(
    ("original", "shifted"),
    [
        ("03/14/2024", "01/29/2024"),  # mm/dd/yyyy keeps its zero padding
        ("3/14/24", "1/29/24"),  # unpadded, two-digit year
        ("11/22/2024 01:47", "10/08/2024 01:47"),  # the time of day is not an identifier
        ("08/24/2024 at 00:52", "07/10/2024 at 00:52"),
        ("March 14th", "January 28th"),  # no year: a common year is assumed
        ("June 2nd", "April 18th"),  # the ordinal suffix follows the new day
        ("14-Mar-2024", "29-Jan-2024"),
        ("22 Jan 1996", "8 Dec 1995"),  # crosses a year boundary
        ("Friday, March 15, 2024", "Tuesday, January 30, 2024"),  # weekday recomputed
        ("Saturday, March 16", "Wednesday, January 30"),  # weekday moves by offset mod 7
        ("2024-03-14T19:05:33", "2024-01-29T19:05:33"),  # ISO with time
        ("September 2023", "August 2023"),  # month and year: whole months
        ("Aug 2023", "Jul 2023"),
        ("11/2024", "10/2024"),
        ("MARCH 3, 2024", "JANUARY 18, 2024"),  # case kept
        ("june 30th", "may 16th"),
        ("Sept 10", "Jul 27"),
        ("2024", "2023"),  # a lone year moves by at least one year
        ("2/29", "1/15"),  # Feb 29 without a year: a leap year is assumed
    ],
)
def test_dates_shift_in_their_own_format(original: str, shifted: str) -> None:
    assert SHIFT.shift(original) == shifted


@pytest.mark.parametrize("text", ["13/45/2024", "April 31, 2024", "no date here", "02/30"])
def test_impossible_or_missing_dates_are_refused(text: str) -> None:
    # The caller then falls back to [DATE]: never a half-shifted value.
    assert SHIFT.shift(text) is None


def test_reference_year_keeps_intervals_across_february() -> None:
    assert SHIFT.shift("March 28th", reference_year=2024) == "February 12th"
    assert SHIFT.shift("03/28/2024") == "02/12/2024"


def test_intervals_between_dates_are_preserved() -> None:
    shifter = DateShifter.for_scope(b"k" * 32, "patient-1")
    a, b = "03/14/2024", "04/29/2024"
    sa, sb = shifter.shift(a), shifter.shift(b)
    assert sa is not None and sb is not None
    parse = lambda s: date(int(s[6:]), int(s[:2]), int(s[3:5]))  # noqa: E731
    assert (parse(sb) - parse(sa)).days == (parse(b) - parse(a)).days


def test_offset_is_keyed_per_scope_and_in_range() -> None:
    key = b"k" * 32
    offsets = {DateShifter.for_scope(key, f"p{i}", 30, 360).offset_days for i in range(200)}
    assert all(30 <= abs(o) <= 360 for o in offsets)
    assert len(offsets) > 100
    assert any(o < 0 for o in offsets) and any(o > 0 for o in offsets)
    assert DateShifter.for_scope(key, "p1") == DateShifter.for_scope(key, "p1")
    assert DateShifter.for_scope(key, "p1") != DateShifter.for_scope(b"j" * 32, "p1")
