"""US phone, fax and pager numbers in the shapes notes use, including 555 test numbers.

Presidio's PhoneRecognizer relies on libphonenumber validity, which rejects fictitious
555 exchanges and bare 7-digit pager numbers; notes and test data use both.
"""

from __future__ import annotations

import re

from .span_pattern import PRODUCT_LABEL_BEFORE, SpanMatch, SpanPattern, SpanPatternRecognizer, preceding_words

__all__ = ["PhoneNumberRecognizer"]

_EXT = r"(?:\s*(?:,\s*)?(?:ext\.?|extension|x|#)\s*\d{1,6})?"
_NANP = re.compile(
    rf"(?<![\w+.\-/])(?P<phi>(?:\+?1[\s.\-]?|001[\s.\-])?(?:\(\d{{3}}\)\s*|\d{{3}}[\s.\-/]|\d{{3}}(?=\d{{7}}))\d{{3}}[\s.\-]?\d{{4}}{_EXT})(?![\w\-/]|\.\d)",
    re.IGNORECASE,
)
_SHORT = re.compile(r"(?<![\w.\-/])(?P<phi>\d{3}[\-. ]\d{4}(?:\s*(?:ext\.?|x)\s*\d{1,6})?|\d-\d{4})(?![\w\-/]|\.\d)", re.I)
# In-house pagers and extensions: "pager 7713", "ext. 112", "x4471".
_PAGER = re.compile(
    # one run of blanks per gap: "[ \t]*(#)?[ \t]*" could split a long run n ways (quadratic)
    r"\b(?:pager|pgr|beeper|page)\.?[ \t]*(?:(?:#|no\.?|number|:)[ \t]*)?(?P<phi>\d{3,6}|\d-\d{4})(?![\w/]|\.\d)",
    re.IGNORECASE,
)
# An extension alone takes its "ext." or "x" with it: "(staff, ext. 4482)", "LCSW, x4471".
_EXTENSION = re.compile(
    r"\b(?P<phi>(?:(?:ext|extension)\.?[ \t]*(?:(?:#|no\.?|number|:)[ \t]*)?|x)(?:\d{3,6}|\d-\d{4}))(?![\w/]|\.\d)",
    re.IGNORECASE,
)
_CUES = frozenset(
    "phone tel telephone ph cell mobile home work fax pager pgr beeper call contact contacted "
    "number no reached callback voicemail vm text line office desk ext extension at or "
    "hotline answering service page paged operator switchboard dial dialed via".split()
)


class PhoneNumberRecognizer(SpanPatternRecognizer):
    """Phone, fax and pager numbers (entity type PHONE_NUMBER)."""

    ENTITIES = ("PHONE_NUMBER",)
    PATTERNS = (
        SpanPattern("NANP phone (strong)", _NANP, 0.8),
        SpanPattern("pager or extension number", _PAGER, 0.85),
        SpanPattern("extension number", _EXTENSION, 0.85),
        SpanPattern("short phone or pager (weak)", _SHORT, 0.2),
    )

    def confirm(self, text: str, match: SpanMatch, pattern: SpanPattern) -> SpanMatch | None:
        before = preceding_words(text, match.start, 30)
        cued = bool(set(before[-3:]) & _CUES)
        if pattern.regex is _SHORT:
            return match.retyped(score=0.8) if cued and before and before[-1] in _CUES | {"#"} or (
                cued and len(before) >= 2 and before[-2] in _CUES
            ) else None
        if PRODUCT_LABEL_BEFORE.search(text, max(0, match.start - 24), match.start):
            return None  # "catalog number 02.124.009": a product's number
        digits = re.sub(r"\D", "", text[match.start : match.end])
        if len(set(digits)) == 1:
            return None
        return match.retyped(score=0.95) if cued else match
