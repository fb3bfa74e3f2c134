"""Where the statistical NER runs: the parts of a note the rules have not settled.

The NER costs about four fifths of the analysis time and only ever proposes names,
organisations and places, which are written capitalised. A sentence whose capitalised
words are all ordinary (stop words, clinical lexicon words, short acronyms such as CT or
RLQ, field labels) or already inside a rule finding ("Dr. Cook", "March 14, 2024") gives
the NER nothing to add, so it is not sent. The rest runs through the NER as contiguous
regions, cut on sentence boundaries, so each name keeps the words around it.

`full` scope sends the whole note; both cut very long notes into chunks on line or word
boundaries so spaCy's length limit and memory stay bounded.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Sequence

__all__ = ["NER_SCOPES", "NerScope"]

NER_SCOPES = ("selective", "full")

# A chunk this long holds any clinical note; longer inputs are cut so that memory and
# spaCy's max_length (1,000,000 characters) never bound what RedactPHI accepts.
MAX_CHUNK = 100_000
# Lines: cutting inside a line ("Emily A. Roe", "S. Addison") costs the NER its context.
_SEGMENT = re.compile(r"[^\n]+")
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")


class NerScope:
    """Chooses the text regions of a note that the statistical NER reads."""

    def __init__(
        self,
        mode: str = "selective",
        *,
        ordinary_words: Collection[str] = (),
        max_chunk: int = MAX_CHUNK,
    ) -> None:
        if mode not in NER_SCOPES:
            raise ValueError(f"ner_scope must be one of {NER_SCOPES}, not {mode!r}")
        self.mode = mode
        self._ordinary = frozenset(w.lower() for w in ordinary_words)
        self.max_chunk = max_chunk

    def regions(self, text: str, settled: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
        """Sorted, disjoint (start, end) regions of `text` for the NER.

        `settled` are spans already found by the rules (any order, may overlap).
        """
        if not text.strip():
            return []
        if self.mode == "full":
            return self._chunked([(0, len(text))], text)
        starts, ends = _flatten(settled)
        regions: list[tuple[int, int]] = []
        for m in _SEGMENT.finditer(text):
            start, end = m.span()
            if not self._needs_ner(text, start, end, starts, ends):
                continue
            if regions and not text[regions[-1][1] : start].strip():
                regions[-1] = (regions[-1][0], end)
            else:
                regions.append((start, end))
        return self._chunked(regions, text)

    def _needs_ner(
        self, text: str, start: int, end: int, starts: list[int], ends: list[int]
    ) -> bool:
        for m in _WORD.finditer(text, start, end):
            word = m.group()
            if word.lower().strip("'’-") in self._ordinary:
                continue
            if _inside(m.start(), m.end(), starts, ends):
                continue
            return True
        return False

    def _chunked(self, regions: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        for start, end in regions:
            while end - start > self.max_chunk:
                cut = _cut_point(text, start, start + self.max_chunk)
                out.append((start, cut))
                start = cut
            if text[start:end].strip():
                out.append((start, end))
        return out


def _cut_point(text: str, start: int, limit: int) -> int:
    """The last line break, else the last space, in the second half of [start, limit]."""
    floor = start + (limit - start) // 2
    for sep in ("\n", " "):
        at = text.rfind(sep, floor, limit)
        if at > start:
            return at + 1
    return limit


def _flatten(spans: Sequence[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Merge spans into disjoint sorted runs, returned as parallel start and end lists."""
    starts: list[int] = []
    ends: list[int] = []
    for s, e in sorted(spans):
        if ends and s <= ends[-1]:
            ends[-1] = max(ends[-1], e)
        else:
            starts.append(s)
            ends.append(e)
    return starts, ends


def _inside(start: int, end: int, starts: list[int], ends: list[int]) -> bool:
    i = bisect_right(starts, start) - 1
    return i >= 0 and end <= ends[i]
