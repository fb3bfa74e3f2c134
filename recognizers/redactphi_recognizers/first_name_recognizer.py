"""Names with no cue around them, found by their first name ("Liam", "Ana Petrov").

A capitalised token that is a US Census first name and not an ordinary English word
(so "Hope", "Will", "Grace" need a cue) proposes a name; a following capitalised,
name-like token is taken as the surname. Scores stay moderate: the clinical lexicon
and the resolution step still decide.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from importlib.resources import files

from .name_priors import NamePriors
from .span_pattern import SpanMatch, SpanPattern, SpanPatternRecognizer

__all__ = ["FirstNameRecognizer"]

_CAPITALISED = re.compile(r"(?<![\w'’\-])(?P<phi>[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?)(?![\w\-])(?!['’](?!s\b))")
_NEXT_WORD = re.compile(r"[ \t]+(?:[A-Z]\.?[ \t]+)?([A-Z][a-zA-Z'’\-]+|[A-Z]\.|[A-Z](?![\w.'’]))")
_COMMON_WORD_ZIPF = 5.6  # beyond this a "name" is mostly a word, whatever the lists say
_MONTHS_AND_DAYS = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)


class FirstNameRecognizer(SpanPatternRecognizer):
    """Uncued personal names found by a Census first name (entity type PERSON)."""

    ENTITIES = ("PERSON",)
    PATTERNS = (SpanPattern("census first name (weak)", _CAPITALISED, 0.6),)

    def __init__(self) -> None:
        super().__init__()
        self.priors = NamePriors.load()
        data = files("redactphi_recognizers").joinpath("data/names/ambiguous_given_names.txt")
        self.ambiguous = frozenset(
            line.strip().lower()
            for line in data.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        )

    def candidates(self, text: str) -> Iterator[tuple[SpanMatch, SpanPattern]]:
        pattern = self.patterns[0]
        for m in _CAPITALISED.finditer(text):
            word = m.group("phi")
            lower = word.lower()
            first = lower.split("-")[0]  # "Anne-Marie"
            if first not in self.priors.first_names or lower in _MONTHS_AND_DAYS:
                continue
            if self.priors.word_frequency(first) >= _COMMON_WORD_ZIPF:
                continue
            end = m.end()
            nxt = _NEXT_WORD.match(text, end)
            has_surname = bool(nxt and (len(nxt.group(1)) <= 2 or self.priors.is_name_like(nxt.group(1))))
            if first in self.ambiguous and not has_surname:
                continue  # "Hope", "Will", "Grace" alone are words
            if has_surname and nxt:
                end = nxt.end()
            yield SpanMatch(m.start(), end, "PERSON", pattern.score, pattern.name), pattern
