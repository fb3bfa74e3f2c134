"""The clinical-content lexicon: terms the coding pipeline needs and no finding may cover.

Loaded from plain-text files (one term per line, `#` comments) so clinicians can review
and extend it without touching code. Multi-word phrases are found in a note in one pass
(Aho-Corasick); single words are looked up per finding.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from pathlib import Path

import ahocorasick

from .errors import ConfigurationError

__all__ = ["ClinicalLexicon"]

_POSSESSIVE = re.compile(r"'s\b")
_WORDS = re.compile(r"[a-z0-9]+(?:['’\-][a-z0-9]+)*")


def _singular(word: str) -> str:
    # "Blake drains" protects like "Blake drain": a crude plural fold, applied to the
    # lexicon and to notes alike, so both sides always agree.
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _normalise(term: str, *, fold_plural: bool = True) -> str:
    term = term.strip().lower().replace("’", "'")
    term = _POSSESSIVE.sub("", term)
    words = _WORDS.findall(term)
    return " ".join(_singular(w) for w in words) if fold_plural else " ".join(words)


_PRODUCT_FILES = frozenset({"drugs.txt", "devices.txt"})


class ClinicalLexicon:
    """Clinical terms: eponyms, devices, drugs, scales, abbreviations and headers."""

    def __init__(self, terms: Iterable[str], products: Iterable[str] = ()) -> None:
        # drug and device names and their makers, whose model numbers follow them
        self.products = frozenset(_normalise(p, fold_plural=False) for p in products)
        self.words: set[str] = set()
        phrases: set[str] = set()
        for raw in terms:
            # single words are kept as written: folding plurals would turn the name
            # "Steven" into the eponym "Stevens"
            norm = _normalise(raw, fold_plural=False)
            if not norm:
                continue
            if " " in norm or "-" in norm:
                # only whole: the parts of "Smith-Lemli-Opitz" or "Charcot-Marie-Tooth" are
                # people's names too
                phrases.add(_normalise(raw))
            else:
                self.words.add(norm)
        self.phrases = frozenset(phrases)
        self._automaton: ahocorasick.Automaton | None = None
        if phrases:
            automaton = ahocorasick.Automaton()
            for phrase in phrases:
                automaton.add_word(phrase, len(phrase))
            automaton.make_automaton()
            self._automaton = automaton

    @classmethod
    def from_directory(cls, path: str | Path) -> ClinicalLexicon:
        folder = Path(path)
        files = sorted(folder.glob("*.txt"))
        if not files:
            raise ConfigurationError(f"clinical lexicon folder {str(folder)!r} has no .txt files")
        terms: list[str] = []
        products: list[str] = []
        for file in files:
            for line in file.read_text(encoding="utf-8").splitlines():
                line = line.strip()
                if line and not line.startswith("#"):
                    terms.append(line)
                    if file.name in _PRODUCT_FILES:
                        products.append(line)
        return cls(terms, products)

    def is_product(self, text: str) -> bool:
        """Whether `text` is a drug, device or manufacturer name ("Optiflux", "Medtronic")."""
        return _normalise(text, fold_plural=False) in self.products

    def __len__(self) -> int:
        return len(self.words) + len(self.phrases)

    def is_clinical(self, span_text: str, *, word_by_word: bool = True) -> bool:
        """Whether the text is a lexicon term, or (word_by_word) made only of lexicon words."""
        norm = _normalise(span_text, fold_plural=False)
        if not norm:
            return False
        if norm in self.words or _normalise(span_text) in self.phrases:
            return True
        words = [w for w in norm.replace("-", " ").split() if len(w) > 1]  # initials aside
        return word_by_word and bool(words) and all(w in self.words for w in words)

    def phrase_spans(self, text: str) -> list[tuple[int, int]]:
        """Character spans of lexicon phrases in the text, on word boundaries.

        Case, possessives ("Hartmann's") and the spacing or punctuation between words do
        not matter: the note is reduced to its words, which are matched in one pass.
        """
        if self._automaton is None:
            return []
        starts: list[int] = []  # offset of each word in the joined string
        origin: list[tuple[int, int]] = []  # each word's span in the note
        parts: list[str] = []
        position = 0
        for m in _WORDS.finditer(text.lower().replace("’", "'")):
            word = m.group()
            end = m.end()
            if word.endswith("'s"):
                word = word[:-2]
            word = _singular(word)
            starts.append(position)
            origin.append((m.start(), end))
            parts.append(word)
            position += len(word) + 1
        joined = " ".join(parts)
        spans = []
        for end_index, length in self._automaton.iter(joined):
            start = end_index - length + 1
            end = end_index + 1
            if (start and joined[start - 1] != " ") or (end < len(joined) and joined[end] != " "):
                continue
            first = bisect_right(starts, start) - 1
            last = bisect_right(starts, end_index) - 1
            spans.append((origin[first][0], origin[last][1]))
        return spans
