"""Hostile inputs cost work linear in their size: no quadratic passes, no regex blow-ups.

Wall time is not asserted (it depends on the machine). Two deterministic proxies are:

- Python work: the number of lines Python executes for `analyze` (sys.settrace), at a
  small size and at ten times that size, must grow about tenfold. This covers our code,
  Presidio's and libphonenumber's (pure Python), i.e. every loop over tokens or findings.
- Regex work: the `re` engine runs in C, out of the tracer's sight; every recognizer regex
  is checked instead for the shape that backtracks exponentially (an unbounded repeat
  inside another unbounded repeat), and the benchmark reports the CPU time of each input
  at both sizes (benchmarks/throughput.py, "adversarial inputs").
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

import pytest

try:  # Python 3.11+: the regex parser moved to re._parser
    from re import _constants as sre_constants
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

from redactphi_recognizers import DEFAULT_RECOGNIZERS, SpanPatternRecognizer, build_recognizers

from redactphi.testing import ADVERSARIAL_INPUTS

SMALL = 1_000

INPUTS = ADVERSARIAL_INPUTS


# Python work is counted in RedactPHI's and Presidio's code; libphonenumber (pure Python,
# traced it makes the suite minutes slower) is covered by the benchmark's CPU-time table.
_TRACED = ("redactphi", "presidio_analyzer")


def _python_lines(fn: Callable[[], Any]) -> int:
    count = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def global_(frame: FrameType, event: str, arg: Any) -> Any:
        return local if any(p in frame.f_code.co_filename for p in _TRACED) else None

    previous = sys.gettrace()
    sys.settrace(global_)
    try:
        fn()
    finally:
        sys.settrace(previous)
    return count


@pytest.mark.parametrize("name", sorted(INPUTS))
def test_python_work_grows_linearly(fake_redactor, name: str) -> None:  # type: ignore[no-untyped-def]
    make = INPUTS[name]
    small, large = make(SMALL), make(SMALL * 10)
    # First calls load caches (libphonenumber's region metadata): not the input's cost.
    fake_redactor.analyze(small)
    fake_redactor.analyze(large)
    work_small = _python_lines(lambda: fake_redactor.analyze(small))
    work_large = _python_lines(lambda: fake_redactor.analyze(large))
    # Linear: ~10x. Quadratic would be ~100x; allow fixed per-call costs to shrink the ratio.
    assert work_large <= 15 * max(work_small, 1_000), (name, work_small, work_large)


_SAMPLE = [chr(c) for c in range(128)] + ["é", "’", "\u00a0"]
_CATEGORIES = {
    sre_constants.CATEGORY_DIGIT: str.isdigit,
    sre_constants.CATEGORY_NOT_DIGIT: lambda c: not c.isdigit(),
    sre_constants.CATEGORY_SPACE: str.isspace,
    sre_constants.CATEGORY_NOT_SPACE: lambda c: not c.isspace(),
    sre_constants.CATEGORY_WORD: lambda c: c.isalnum() or c == "_",
    sre_constants.CATEGORY_NOT_WORD: lambda c: not (c.isalnum() or c == "_"),
}


def _chars(op: Any, av: Any, flags: int) -> frozenset[str] | None:
    """The sample characters one single-character item matches (None: not one character)."""
    fold = flags & re.IGNORECASE

    def hit(c: str) -> bool:
        if op is sre_constants.ANY:
            return c != "\n" or bool(flags & re.DOTALL)
        if op is sre_constants.LITERAL:
            return c == chr(av) or bool(fold) and c.lower() == chr(av).lower()
        if op is sre_constants.NOT_LITERAL:
            return c != chr(av)
        if op is sre_constants.IN:
            negate = False
            found = False
            for iop, iav in av:
                if iop is sre_constants.NEGATE:
                    negate = True
                elif iop is sre_constants.LITERAL:
                    found |= c == chr(iav) or bool(fold) and c.lower() == chr(iav).lower()
                elif iop is sre_constants.RANGE:
                    found |= (
                        iav[0] <= ord(c) <= iav[1]
                        or bool(fold)
                        and (
                            iav[0] <= ord(c.lower()) <= iav[1] or iav[0] <= ord(c.upper()) <= iav[1]
                        )
                    )
                elif iop is sre_constants.CATEGORY:
                    found |= _CATEGORIES.get(iav, lambda _: True)(c)
            return found != negate
        raise LookupError

    try:
        return frozenset(c for c in _SAMPLE if hit(c))
    except LookupError:
        return None


_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT)
_ZERO_WIDTH = (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT)
Chars = frozenset[str] | None  # None: not known, treated as "could be anything"


def _union(sets: list[Chars]) -> Chars:
    return None if any(x is None for x in sets) else frozenset().union(*sets)  # type: ignore[arg-type]


def _edge(items: Any, flags: int, last: bool) -> tuple[Chars, bool]:
    """Characters a match of `items` can start (`last`: end) with, and whether it can be empty."""
    chars: set[str] = set()
    for op, av in reversed(list(items)) if last else items:
        if op in _ZERO_WIDTH:
            continue
        if op is sre_constants.SUBPATTERN:
            found, empty = _edge(av[3], flags, last)
        elif op in _REPEATS:
            found, empty = _edge(av[2], flags, last)
            empty = empty or av[0] == 0
        elif op is sre_constants.BRANCH:
            edges = [_edge(b, flags, last) for b in av[1]]
            found, empty = _union([e[0] for e in edges]), any(e[1] for e in edges)
        else:
            found, empty = _chars(op, av, flags), False
        if found is None:
            return None, False
        chars |= found
        if not empty:
            return frozenset(chars), False
    return frozenset(chars), True


def _trailing_repeat(items: Any, flags: int) -> Chars:
    """Characters the unbounded repeats at the end of `items` can take (empty: none there)."""
    chars: set[str] = set()
    for op, av in reversed(list(items)):
        if op in _ZERO_WIDTH:
            continue
        if op is sre_constants.SUBPATTERN:
            found = _trailing_repeat(av[3], flags)
            optional = _edge(av[3], flags, last=True)[1]
        elif op is sre_constants.BRANCH:
            found = _union([_trailing_repeat(b, flags) for b in av[1]])
            optional = any(_edge(b, flags, last=True)[1] for b in av[1])
        elif op in _REPEATS:
            found = (
                _edge(av[2], flags, last=True)[0]
                if av[1] == sre_constants.MAXREPEAT
                else (_trailing_repeat(av[2], flags))
            )
            optional = av[0] == 0
        else:
            return frozenset(chars)
        if found is None:
            return None
        chars |= found
        if not optional:
            break
    return frozenset(chars)


def _ambiguous_nesting(items: Any, flags: int) -> bool:
    """An unbounded repeat whose iterations can split the same input more than one way:
    its body can match nothing, or ends with an unbounded repeat able to eat what the next
    iteration starts with: (a+)+, (\\s*\\w+)*, (\\s*#\\s*)*. Iterations that start on a
    character the previous one cannot swallow, as in (?:-\\d+)*, split it one way only."""
    for op, av in items:
        if op in _REPEATS:
            if av[1] == sre_constants.MAXREPEAT:
                first, empty = _edge(av[2], flags, last=False)
                tail = _trailing_repeat(av[2], flags)
                if empty or first is None or tail is None or tail & first:
                    return True
            if _ambiguous_nesting(av[2], flags):
                return True
        elif op is sre_constants.SUBPATTERN:
            if _ambiguous_nesting(av[3], flags):
                return True
        elif op is sre_constants.BRANCH:
            if any(_ambiguous_nesting(b, flags) for b in av[1]):
                return True
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            if _ambiguous_nesting(av[1], flags):
                return True
    return False


def _blows_up(pattern: str, flags: int = 0) -> bool:
    return _ambiguous_nesting(sre_parse.parse(pattern, flags), flags)


def test_nested_repeat_checker_flags_the_classic_blowups() -> None:
    for bad in (r"(a+)+b", r"(?:\s*\w+)*:", r"(x|y*)*z", r"(?:[a-z]+\.?)+@", r"A(?:\s*#\s*)*\s*1"):
        assert _blows_up(bad), bad
    for good in (
        r"\d{1,2}/\d{1,2}",
        r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*",
        r"(?:ab)+",
        r"\d+(?:-\d+)*",
        r"A(?:\s*#)*\s*1",
    ):
        assert not _blows_up(good), good


def _span_regexes() -> list[tuple[str, re.Pattern[str]]]:
    found = []
    for recognizer in build_recognizers(DEFAULT_RECOGNIZERS):
        if isinstance(recognizer, SpanPatternRecognizer):
            found.extend((f"{recognizer.name}: {p.name}", p.regex) for p in recognizer.patterns)
    return found


@pytest.mark.parametrize(
    ("name", "regex"), _span_regexes(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_no_recognizer_regex_can_backtrack_exponentially(name: str, regex: re.Pattern[str]) -> None:
    assert not _blows_up(regex.pattern, regex.flags), name
