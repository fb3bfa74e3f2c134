"""Ages over 89, which Safe Harbor treats as identifiers (ages up to 89 are kept)."""

from __future__ import annotations

import re

from .span_pattern import SpanMatch, SpanPattern, SpanPatternRecognizer

__all__ = ["AgeOver89Recognizer"]

_AGE = r"(?P<phi>(?:9\d|1[01]\d|12[0-5]))(?![.,]\d)"
_AFTER = re.compile(
    rf"(?<![\w.]){_AGE}(?:\s*|-)(?:(?:and|&)\s+(?:a\s+)?half\s+)?(?:(?:years?|yrs?|y)[\s\-]*(?:old|of\s+age|o\b)|a[ñn]os\b)",
    re.IGNORECASE,
)
_ABBREVIATED = re.compile(
    rf"(?<![\w.]){_AGE}\s*(?:yo|y/o|y\.o\.?|yof|yom|yr\s+old|(?-i:F|M))(?![\w/])", re.IGNORECASE
)
# "AGE: 92Y" (legacy printouts glue the unit to the number)
_BEFORE = re.compile(
    rf"\b(?:age[ds]?|aged|AGE|edad|EDAD)(?:/(?:sex|gender|SEX|GENDER|Sex|Gender|sx|SX|Sx|g|G|s|S))?\s*(?::|of|=|\||\(|\.{{2,}}:?)?\s*{_AGE}(?=(?:Y|y|yo|YO|yrs?|YRS?)?(?![\w.]))", re.IGNORECASE
)
# "DOB: 02/14/1930 (94 y)": an age in brackets with its unit; "her 94th birthday".
_BRACKETED = re.compile(rf"\([ \t]*{_AGE}[ \t]*(?:y|yo|y/o|yrs?|years?)[ \t]*[),]", re.IGNORECASE)
# Header blocks: "KIMBROUGH, EARLINE V    F  90Y", "M/92", "female, 91 yo".
_SEX_AGE = re.compile(
    rf"(?:\b[MF]|\b(?i:male|female))[ \t/,]+{_AGE}[ \t]*(?:Y|y|yo|YO|yrs?)(?![\w])"
)
_BIRTHDAY = re.compile(rf"(?<![\w.]){_AGE}(?:th|st|nd|rd)[ \t]+birthday", re.IGNORECASE)
_WORDS = (
    r"(?:ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|one[- ]hundred(?:[- ](?:and[- ])?(?:one|two|three|four|five|six|seven|eight|nine|ten))?)"
)
_SPELLED = re.compile(rf"\b(?P<phi>{_WORDS})(?=[- ](?:years?|yrs?)\b|[- ]year[- ]old)", re.IGNORECASE)
# "her sister ... who is herself 95": a person's age with no unit after it.
_PERSON_IS = re.compile(
    r"\b(?:he|she|who|patient|pt)[ \t]+is[ \t]+(?:now[ \t]+|herself[ \t]+|himself[ \t]+|also[ \t]+)?"
    rf"{_AGE}(?![ \t]*(?:%|mg|kg|lb|bpm|mm|cm|/|\.\d|percent|degrees|units?))",
    re.IGNORECASE,
)
# "father ... lived to 96", "died at 93", "passed away at age 91".
_LIVED_TO = re.compile(
    rf"\b(?:lived[ \t]+to|died(?:[ \t]+(?:in[ \t]+)?\d{{1,2}}/(?:\d{{1,2}}/)?\d{{2,4}})?[ \t]+at|(?<![\w.])d\.[ \t]+at|passed(?:[ \t]+away)?[ \t]+at|deceased[ \t]+at|alive[ \t]+at|living[ \t]+at"
    rf"|(?<=,[ \t])now|(?<=\()now|turned|turns|will[ \t]+turn)(?:[ \t]+age)?[ \t]+{_AGE}(?![\w%]|\.\d)(?![ \t]*(?:mg|kg|lb|bpm|mm|cm|%|percent|units?)\b)",
    re.IGNORECASE,
)
_TEMPERATURE_BEFORE = re.compile(
    r"(?i)(?:fever|febrile|temp(?:erature)?|tmax|t[ \t]*max|\bT\b|above|over|greater[ \t]+than|>|≥|to)[ \t:]*(?:of[ \t]+)?$"
)
# A relative's age in apposition or after "is": "sister Mildred Sloane, 94, called",
# "Ruth Bishop Calloway, is 97 and lives in Oregon".
_APPOSITION = re.compile(
    rf"(?<=[a-z]),[ \t]+(?:is[ \t]+(?:now[ \t]+)?)?{_AGE}(?:,[ \t]+(?=[a-z])|(?=[ \t]+(?:and|who|years|yo|y/o)\b)|(?=[ \t]*[;.)]))"
)
# "wife Fumiko Yamamoto (92)": a bare number in brackets after a relative's name; "DOB /
# Age: 03/08/1927 / 97 yrs": after a birth date and a slash.
_RELATIVE_BRACKETED = re.compile(
    r"\b(?i:wife|husband|spouse|partner|mother|father|sister|brother|son|daughter|aunt|uncle|grandmother"
    r"|grandfather|friend|neighbou?r|roommate|companion)[ \t]+(?:[A-Z][a-z'’]+(?:-[A-Za-z][a-z]+)?[ \t]+){1,3}"
    r"[A-Z][a-z'’]+(?:-[A-Za-z][a-z]+)?[ \t]*\((?P<phi>9\d|1[01]\d)\)"
)
_AFTER_BIRTH_DATE = re.compile(rf"\d{{4}}[ \t]*/[ \t]*{_AGE}[ \t]*(?:y|yo|yrs?|years?)(?![\w])", re.IGNORECASE)
_NONAGENARIAN = re.compile(r"(?P<phi>\b(?:nonagenarian|centenarian)s?\b)", re.IGNORECASE)


class AgeOver89Recognizer(SpanPatternRecognizer):
    """Ages of 90 and over (entity type AGE)."""

    ENTITIES = ("AGE",)
    PATTERNS = (
        SpanPattern("age over 89, before age words", _AFTER, 0.9),
        SpanPattern("age over 89, abbreviated", _ABBREVIATED, 0.9),
        SpanPattern("age over 89, after 'age'", _BEFORE, 0.9),
        SpanPattern("nonagenarian", _NONAGENARIAN, 0.6),
        SpanPattern("age in brackets after a relative's name", _RELATIVE_BRACKETED, 0.8, gate=re.compile(r"\((?:9\d|1[01]\d)\)")),
        SpanPattern("age after a birth date and a slash", _AFTER_BIRTH_DATE, 0.85, gate=re.compile(r"\d{4}[ \t]*/")),
        SpanPattern("age over 89 in words", _SPELLED, 0.9),
        SpanPattern("age over 89 after 'is'", _PERSON_IS, 0.7),
        SpanPattern("age over 89 at death", _LIVED_TO, 0.85),
        SpanPattern("age over 89 in apposition", _APPOSITION, 0.7),
        SpanPattern("age over 89 in brackets", _BRACKETED, 0.85, gate=re.compile(r"\(")),
        SpanPattern("age over 89 after the sex", _SEX_AGE, 0.85),
        SpanPattern("age over 89 at a birthday", _BIRTHDAY, 0.85, gate=re.compile(r"(?i)birthday")),
    )

    def confirm(self, text: str, match: SpanMatch, pattern: SpanPattern) -> SpanMatch | None:
        if pattern.regex in (_NONAGENARIAN, _SPELLED):
            return match
        value = float(text[match.start : match.end])
        if pattern.regex is _ABBREVIATED and _TEMPERATURE_BEFORE.search(text, max(0, match.start - 25), match.start):
            return None  # "fever above 101 F": degrees Fahrenheit, not a 101-year-old woman
        return match if value >= 90 else None
