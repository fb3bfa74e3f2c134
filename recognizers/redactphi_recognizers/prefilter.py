"""Literal prefilters derived from a regex: skip the text a pattern cannot match.

Python's `re` tries a pattern at every position of a note; with ~150 patterns that is most
of the rule time, although most patterns need a word most lines do not hold ("MRN",
"Street", "Christmas"). `required_factors` reads a compiled pattern's parse tree and returns
lower-case strings one of which every match must contain (RE2's prefilter idea), or None
when no such set of useful length exists. A scan then runs only where a factor occurs:
`scan_windows` gives the lines around each occurrence, for patterns that cannot cross a line
(`crosses_lines`), or the whole note when the pattern can.

The derivation is conservative: lower-casing both the note and the factors keeps "contains"
true whatever the pattern's case flags; lookarounds are zero-width and contribute nothing;
an optional, repeated-from-zero or unbounded part ends a run of exact text. A pattern whose
matches could avoid every factor would be a bug here, and the tests check every shipped
pattern's matches on the sample notes against its factors.
"""

from __future__ import annotations

import re
from re import _constants as C  # noqa: N812 - the parser's opcode names
from re import _parser
from functools import lru_cache
from typing import Any

from wordfreq import zipf_frequency

__all__ = ["MIN_FACTOR", "crosses_lines", "required_factors", "scan_windows"]

MIN_FACTOR = 3  # shorter factors ("mr", "st") occur everywhere and skip nothing
_MAX_EXACT = 64  # the most alternatives an exact run may expand to
_MAX_FACTORS = 200

_Info = tuple[frozenset[str] | None, frozenset[str] | None]  # (exact strings, required set)
_EMPTY = frozenset({""})


def required_factors(regex: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-case strings of at least MIN_FACTOR characters, one of which every match of
    `regex` contains; None when the pattern has no such set."""
    return _required_factors(regex.pattern, regex.flags)


@lru_cache(maxsize=2048)  # patterns built per call (a recognizer's inner SpanPattern) parse once
def _required_factors(pattern: str, flags: int) -> frozenset[str] | None:
    try:
        parsed = _parser.parse(pattern, flags)
    except (re.error, RecursionError):  # pragma: no cover - a compiled pattern parses
        return None
    exact, required = _sequence(list(parsed))
    return _better(_useful(exact), _useful(required))


def crosses_lines(regex: re.Pattern[str]) -> bool:
    """Whether a match of `regex` may consume a newline, or the pattern tests the end of the
    text (`$`, `\\Z`), which a window that ends at a line end would fake. Lookarounds do not
    count: a lookbehind reads the note before the window, and a window reaches one whole line
    past the factor's, which is as far as the shipped lookaheads read."""
    return _crosses_lines(regex.pattern, regex.flags)


@lru_cache(maxsize=2048)
def _crosses_lines(pattern: str, flags: int) -> bool:
    return _crosses(list(_parser.parse(pattern, flags)), flags)


def scan_windows(lowered: str, factors: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) regions of the note, whole lines, holding every occurrence of a factor with
    its line and the next one (a lookahead may read past the line end). Merged, in order."""
    spans: list[tuple[int, int]] = []
    for factor in factors:
        at = lowered.find(factor)
        while at >= 0:
            start = lowered.rfind("\n", 0, at) + 1
            end = lowered.find("\n", at + len(factor))
            if end >= 0:
                end = lowered.find("\n", end + 1)
            end = len(lowered) if end < 0 else end + 1
            spans.append((start, end))
            at = lowered.find(factor, end)
    if not spans:
        return spans
    spans.sort()
    merged = [spans[0]]
    for start, end in spans[1:]:
        if start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _useful(strings: frozenset[str] | None) -> frozenset[str] | None:
    if not strings or len(strings) > _MAX_FACTORS:
        return None
    if min(len(s) for s in strings) < MIN_FACTOR:
        return None
    return strings


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if _cost(a) <= _cost(b) else b


def _cost(strings: frozenset[str]) -> float:
    """How often a set's strings turn up in text: English word frequency, or for a
    non-word, a floor by length (a short string occurs inside other words)."""
    return sum(_frequency(s) for s in strings)


@lru_cache(maxsize=8192)
def _frequency(string: str) -> float:
    word = string.strip(" \t.,:;-'’()#/")
    by_length = 10.0 ** (7 - len(string))
    if not word.isalpha():
        return by_length
    return max(10.0 ** zipf_frequency(word, "en"), by_length)


def _sequence(items: list[tuple[Any, Any]], prefix: frozenset[str] = _EMPTY) -> _Info:
    """Exact strings of the whole sequence (if small), and its best required set. `prefix`
    is exact text right before the sequence (an alternation's factored-out start)."""
    run: frozenset[str] | None = prefix
    best: frozenset[str] | None = None
    whole_exact = True
    for op, av in items:
        if op is C.ASSERT and av[0] == 1 and not _crosses(list(av[1]), 0):
            # a lookahead within the line: its text is in the note, though not in the match
            ahead_exact, ahead_required = _sequence(list(av[1]))
            best = _better(best, _better(_useful(ahead_exact), ahead_required))
            continue
        if op is C.BRANCH and run is not None and run != _EMPTY:
            # the parser factors a common start out of alternatives ("M(?:artin ...|LK)"):
            # read each alternative with the run before it ("mlk")
            joined_exact, joined_required = _branch(av[1], run)
            if joined_exact is not None:
                run = joined_exact
                continue
            whole_exact = False
            best = _better(best, joined_required)
            best = _better(best, _useful(run))
            best = _better(best, _branch(av[1])[1])
            run = _EMPTY
            continue
        exact, required = _item(op, av)
        if exact is not None and run is not None:
            product = frozenset(a + b for a in run for b in exact)
            if len(product) <= _MAX_EXACT:
                run = product
                continue
        # the run of exact text ends here: it is one candidate, the item's own set another
        whole_exact = False
        if run is not None:
            best = _better(best, _useful(run))
        best = _better(best, _useful(exact))
        best = _better(best, _useful(required))
        run = exact if exact is not None else _EMPTY
    if whole_exact:
        return run, _useful(run)
    if run is not None:
        best = _better(best, _useful(run))
    return None, best


def _item(op: Any, av: Any) -> _Info:
    if op is C.LITERAL:
        return frozenset({chr(av).lower()}), None
    if op is C.IN:
        chars = _charset(av)
        return (chars, None) if chars is not None else (None, None)
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return _EMPTY, None  # zero width
    if op is C.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is C.ATOMIC_GROUP:
        return _sequence(list(av))
    if op is C.BRANCH:
        return _branch(av[1])
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, high, body = av
        exact, required = _sequence(list(body))
        if exact is not None and high == 1:
            return (exact | _EMPTY if low == 0 else exact), None
        if low >= 1:
            return None, _better(_useful(exact), required)
        return None, None
    return None, None  # ANY, NOT_LITERAL, GROUPREF, ...: no literal text


def _branch(alternatives: list[Any], prefix: frozenset[str] = _EMPTY) -> _Info:
    infos = [_sequence(list(alt), prefix) for alt in alternatives]
    if all(exact is not None for exact, _ in infos):
        union = frozenset().union(*(exact for exact, _ in infos if exact is not None))
        if len(union) <= _MAX_EXACT:
            return union, _useful(union)
    required: set[str] = set()
    for exact, req in infos:
        best = _better(_useful(exact), req)
        if best is None:
            return None, None
        required |= best
    return None, frozenset(required) if len(required) <= _MAX_FACTORS else None


def _charset(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The lower-cased characters of a small positive class ("[Pp]" -> {"p"})."""
    chars: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            chars.add(chr(av).lower())
        elif op is C.RANGE and av[1] - av[0] < 4:
            chars.update(chr(c).lower() for c in range(av[0], av[1] + 1))
        else:
            return None
    return frozenset(chars) if len(chars) <= 4 else None


_NEWLINE = ord("\n")
_LINE_CATEGORIES = {
    C.CATEGORY_SPACE, C.CATEGORY_NOT_DIGIT, C.CATEGORY_NOT_WORD, C.CATEGORY_LINEBREAK,
    C.CATEGORY_UNI_SPACE, C.CATEGORY_UNI_NOT_DIGIT, C.CATEGORY_UNI_NOT_WORD,
    C.CATEGORY_UNI_LINEBREAK, C.CATEGORY_LOC_NOT_WORD,
}


def _crosses(items: list[tuple[Any, Any]], flags: int) -> bool:
    for op, av in items:
        if op is C.LITERAL and av == _NEWLINE:
            return True
        if op is C.NOT_LITERAL and av != _NEWLINE:
            return True
        if op is C.ANY and flags & re.DOTALL:
            return True
        if op is C.IN and _class_has_newline(av):
            return True
        if op is C.AT and av in (C.AT_END, C.AT_END_STRING):
            return True
        if op is C.SUBPATTERN:
            add_flags = av[1] or 0
            if _crosses(list(av[-1]), flags | add_flags):
                return True
        elif op is C.ATOMIC_GROUP and _crosses(list(av), flags):
            return True
        elif op is C.BRANCH and any(_crosses(list(alt), flags) for alt in av[1]):
            return True
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and _crosses(list(av[2]), flags):
            return True
        elif op in (C.GROUPREF_EXISTS,):
            return True
    return False


def _class_has_newline(items: list[tuple[Any, Any]]) -> bool:
    negate = False
    has = False
    for op, av in items:
        if op is C.NEGATE:
            negate = True
        elif op is C.LITERAL and av == _NEWLINE:
            has = True
        elif op is C.RANGE and av[0] <= _NEWLINE <= av[1]:
            has = True
        elif op is C.CATEGORY and av in _LINE_CATEGORIES:
            has = True
        elif op is C.CHARSET or op is C.BIGCHARSET:  # pragma: no cover - only after compiling
            return True
    return has != negate
