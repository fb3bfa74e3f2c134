"""Where the statistical NER runs: small windows around the words it could label.

The NER costs about four fifths of the analysis time and only ever proposes names,
organisations and places (PERSON, ORG, GPE/LOC/FAC), which are written capitalised. Its
tok2vec (HashEmbedCNN, window 1, depth 4) lets each token see only about four tokens either
side, so a few words of context give it (nearly) the same view as the whole note.

`windowed` (default) sends, per line, about `WINDOW_WORDS` whitespace-cut words either side
of each candidate word, windows closer than `MERGE_GAP` characters merged. A candidate has a
capital letter, is not an ordinary word (stop word, clinical lexicon term) and is not inside
a rule finding of a type the NER does not propose ("Dr. Cook", "March 14, 2024"; a rule's
guessed PERSON/ORGANIZATION/LOCATION stays open, the NER may extend it: "MD Anderson").
Not candidates: a common English word opening a line, bullet or sentence ("Tolerated well")
unless it is a known name or the next word is capitalised too ("Summit Dermatology");
ALL-CAPS acronyms of up to 3 letters unless a capitalised word follows ("SF General");
ALL-CAPS headings that do not look like names ("OPERATIVE REPORT"). In a note written
almost without capitals (dictation) every non-ordinary word is a candidate.

`selective` sends whole lines holding any non-ordinary, unsettled word; `full` sends the
whole note. All modes cut very long regions into chunks on line or word boundaries so
spaCy's length limit and memory stay bounded.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from redactphi_recognizers import NamePriors

__all__ = ["NER_SCOPES", "NerScope"]

NER_SCOPES = ("windowed", "selective", "full")

# A chunk this long holds any clinical note; longer inputs are cut so that memory and
# spaCy's max_length (1,000,000 characters) never bound what RedactPHI accepts.
MAX_CHUNK = 100_000
# Lines: cutting inside a line ("Emily A. Roe", "S. Addison") costs the NER its context.
_SEGMENT = re.compile(r"[^\n]+")
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_TOKEN = re.compile(r"\S+")
# `windowed`: words of context either side of a candidate word (whitespace-cut). spaCy's NER
# sees about four tokens either side through its tok2vec, plus its own recent decisions.
# Measured on the seven sample sets and asq-phi (session 3): 8, 6, 5 and 4 words give the
# same span recall; 3 loses spans (notes_f 98.90 -> 98.58) and keep. 5 keeps one word of
# margin over the receptive field. NER share of samples/notes.jsonl: 8 -> 36.7%, 5 -> 30.0%.
WINDOW_WORDS = 5
# Windows closer than this (in characters) are merged into one NER input.
MERGE_GAP = 20
# A capitalised word opening a sentence and at least this common in English is ordinary.
COMMON_ZIPF = 4.0
# Under this share of capital letters among letters a note is treated as written caseless.
CASELESS_SHARE = 0.02
_UPPER = re.compile(r"[A-Z]")
_LETTER = re.compile(r"[A-Za-z]")
_BULLETS = frozenset("-*•·–—>#+")


class NerScope:
    """Chooses the text regions of a note that the statistical NER reads."""

    def __init__(
        self,
        mode: str = "windowed",
        *,
        ordinary_words: Collection[str] = (),
        max_chunk: int = MAX_CHUNK,
        window: int = WINDOW_WORDS,
        merge_gap: int = MERGE_GAP,
        common_zipf: float = COMMON_ZIPF,
        priors: NamePriors | None = None,
    ) -> None:
        if mode not in NER_SCOPES:
            raise ValueError(f"ner_scope must be one of {NER_SCOPES}, not {mode!r}")
        self.mode = mode
        self._ordinary = frozenset(w.lower() for w in ordinary_words)
        self.max_chunk = max_chunk
        self.window = window
        self.merge_gap = merge_gap
        self.common_zipf = common_zipf
        self._priors = priors

    def regions(self, text: str, settled: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
        """Sorted, disjoint (start, end) regions of `text` for the NER.

        `settled` are spans already found by the rules (any order, may overlap).
        """
        if not text.strip():
            return []
        if self.mode == "full":
            return self._chunked([(0, len(text))], text)
        starts, ends = _flatten(settled)
        if self.mode == "windowed":
            return self._chunked(self._windows(text, starts, ends), text)
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

    @property
    def priors(self) -> NamePriors:
        if self._priors is None:
            from redactphi_recognizers import NamePriors

            self._priors = NamePriors.load()
        return self._priors

    def _windows(self, text: str, starts: list[int], ends: list[int]) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        # A note dictated or typed without capitals ("seen by farah siddiqui") gives case no
        # say: there any word outside the ordinary set is a candidate.
        caseless = len(_UPPER.findall(text)) < CASELESS_SHARE * len(_LETTER.findall(text))
        for line in _SEGMENT.finditer(text):
            line_start, line_end = line.span()
            tokens: list[tuple[int, int]] | None = None
            for m in _WORD.finditer(text, line_start, line_end):
                if not self._is_candidate(text, m, line_start, starts, ends, caseless):
                    continue
                if tokens is None:
                    tokens = [t.span() for t in _TOKEN.finditer(text, line_start, line_end)]
                    tok_starts = [t[0] for t in tokens]
                k = bisect_right(tok_starts, m.start()) - 1
                lo = tokens[max(0, k - self.window)][0]
                hi = tokens[min(len(tokens) - 1, k + self.window)][1]
                if out and lo - out[-1][1] < self.merge_gap:
                    out[-1] = (out[-1][0], max(out[-1][1], hi))
                else:
                    out.append((lo, hi))
        return out

    def _is_candidate(
        self,
        text: str,
        m: re.Match[str],
        line_start: int,
        starts: list[int],
        ends: list[int],
        caseless: bool = False,
    ) -> bool:
        """A word the NER could call a name, an organisation or a place."""
        word = m.group()
        if word.islower() and not caseless:
            return False
        lower = word.lower().strip("'’-")
        if lower in self._ordinary or _inside(m.start(), m.end(), starts, ends):
            return False
        if caseless:
            return True
        if word[0].islower():
            return False  # "mmHg", "uV", "mEq": units
        glued = _GLUED_DIGITS.match(text, m.end())
        if glued is not None and (lower + glued.group()).lower() in self._ordinary:
            return False  # "SpO2", "HbA1c", "PaCO2": lexicon terms with digits
        if len(word) <= 3 and _AFTER_NUMBER.search(text, max(line_start, m.start() - 6), m.start()):
            return False  # "14 Fr", "5 Gy", "2 L": a unit after its number
        if _LABEL_COLON.match(text, m.end()) and _opens_field(text, line_start, m.start()):
            if not self.priors.is_known_name(lower):
                return False  # "Surgeon:", "Fax:", "Date:": a field label
        if word.isupper() and len(word) <= 3:
            # CT, RLQ, ED: acronyms, unless they open a name ("MD Anderson", "SF General");
            # initials sit next to the name they go with, which has its own window.
            return _next_word_is_titled(text, m.end())
        if word.isupper() and not self.priors.is_name_like(word):
            return False  # "OPERATIVE REPORT", "ESTIMATED BLOOD LOSS": headings
        if _opens_sentence(text, line_start, m.start()) and not _next_word_is_titled(text, m.end()):
            priors = self.priors
            if priors.word_frequency(lower) >= self.common_zipf and not priors.is_known_name(lower):
                return False  # "Tolerated well", "Afebrile, ...", "Overall, ..." opening a sentence
        return True

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


# Bounded: on a long run of letters and digits an open-ended match read to its end from
# every word in it (quadratic). Lexicon terms with digits are short ("HbA1c", "PaCO2").
_GLUED_DIGITS = re.compile(r"\d[0-9A-Za-z]{0,6}")
_AFTER_NUMBER = re.compile(r"\d[ \t]?$")
_LABEL_COLON = re.compile(r"[ \t]?:")
_FIELD_START = re.compile(
    r"(?:^|[|;]|[ \t]{2})[ \t]*(?:[-*•][ \t]*)?(?:[A-Za-z][\w'’\-]*[ \t]){0,3}$", re.MULTILINE
)


def _opens_field(text: str, line_start: int, at: int) -> bool:
    """Whether the word at `at` is among the first few of its line or of a field in it."""
    return _FIELD_START.search(text, max(line_start, at - 60), at) is not None


_NEXT_WORD = re.compile(r"[ \t]*[&\-]?[ \t]*([^\W\d_]+)")


def _next_word_is_titled(text: str, at: int) -> bool:
    """Whether the word right after `at` (same line) is written Capitalised, not ALL CAPS."""
    m = _NEXT_WORD.match(text, at)
    if m is None:
        return False
    word = m.group(1)
    return word[0].isupper() and not word.isupper()


def _opens_sentence(text: str, line_start: int, at: int) -> bool:
    """Whether the word at `at` opens its line, a bullet, or follows ". ", ": ", "; "."""
    i = at
    while i > line_start and text[i - 1] in " \t":
        i -= 1
    if i == line_start:
        return True
    c = text[i - 1]
    if c in ".:;!?":
        return i < at
    if c in _BULLETS or c == ")":
        before = text[line_start : i - 1].strip()
        return not before or (c == ")" and len(before) <= 2 and before.isalnum())
    return False


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
