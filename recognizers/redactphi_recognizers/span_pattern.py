"""A regex proposes, code confirms: the base of RedactPHI's pattern recognizers.

Presidio's PatternRecognizer scores the whole match and applies one set of regex flags
to every pattern. Clinical identifiers need more: the PHI is often one group of a larger
match ("MRN: 4829137" -> only the number; "Dr. Cook" -> only the name), names need
case-sensitive patterns, and labels need case-insensitive ones. Each `SpanPattern` carries
its own compiled regex, the group holding the PHI, a base score that says its strength,
and optionally the entity type it emits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from presidio_analyzer import AnalysisExplanation, LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from . import prefilter

__all__ = ["SpanMatch", "SpanPattern", "SpanPatternRecognizer", "aligned_table_cells", "preceding_words"]

_WORD = re.compile(r"[A-Za-z][A-Za-z'’.\-]*|#")


@dataclass(frozen=True, slots=True)
class SpanPattern:
    """One named pattern; `group` is the regex group that holds the PHI (0: whole match).

    `gate`, when set, is a cheap search for a word the pattern cannot match without ("Baby",
    "Calle", "^"): a note without it is not scanned by the pattern at all. Each scan of a
    pattern costs time at every character; most notes hold none of the rare keywords.

    `factors` and `windowed` are derived from the regex (`prefilter`): the lower-case
    strings one of which every match contains, and whether matches stay within a line, in
    which case only the lines around the factors' occurrences are scanned. A gate that is a
    plain alternation of words becomes `gate_factors`, looked up as substrings.
    """

    name: str
    regex: re.Pattern[str]
    score: float
    entity_type: str | None = None
    group: str | int = "phi"
    gate: re.Pattern[str] | None = None
    factors: frozenset[str] | None = field(init=False, default=None, compare=False, repr=False)
    windowed: bool = field(init=False, default=False, compare=False, repr=False)
    gate_factors: frozenset[str] | None = field(init=False, default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        factors = prefilter.required_factors(self.regex)
        object.__setattr__(self, "factors", factors)
        object.__setattr__(
            self, "windowed", factors is not None and not prefilter.crosses_lines(self.regex)
        )
        if self.gate is not None:
            object.__setattr__(self, "gate_factors", prefilter.required_factors(self.gate))

    def finditer(self, text: str, lowered: str | None) -> Iterator[re.Match[str]]:
        """The regex's matches in `text`, scanning only where they can be. `lowered` is
        `text.lower()` when that keeps every offset (None otherwise: scan everything)."""
        if lowered is None:
            if self.gate is None or self.gate.search(text) is not None:
                yield from self.regex.finditer(text)
            return
        if self.gate_factors is not None:
            if not any(f in lowered for f in self.gate_factors):
                return
        elif self.gate is not None and self.gate.search(text) is None:
            return
        if self.factors is None:
            yield from self.regex.finditer(text)
        elif self.windowed:
            for start, end in prefilter.scan_windows(lowered, self.factors):
                yield from self.regex.finditer(text, start, end)
        elif any(f in lowered for f in self.factors):
            yield from self.regex.finditer(text)


@dataclass(frozen=True, slots=True)
class SpanMatch:
    start: int
    end: int
    entity_type: str
    score: float
    reason: str
    groups: dict[str, str | None] = field(default_factory=dict, compare=False)

    def retyped(self, entity_type: str | None = None, score: float | None = None) -> SpanMatch:
        return SpanMatch(
            self.start,
            self.end,
            entity_type or self.entity_type,
            self.score if score is None else score,
            self.reason,
            self.groups,
        )


# Right before a number, a product label: "catalog number 02.124.009", "REF 1200004", "LOT
# 41b2207". A phone-shaped number there is the product's, not a telephone's.
PRODUCT_LABEL_BEFORE = re.compile(
    r"\b(?:REF|Ref|ref|CAT|Cat|cat|[Cc]atalog(?:ue)?|CATALOG(?:UE)?|[Pp]art|SKU|[Mm]odel|lot|LOT|Lot)"
    r"(?:[ \t]+(?:number|no\.?|NUMBER|NO\.?))?[ \t]*[#:.]?[ \t]*$"
)


def table_column_header(text: str, start: int, max_rows: int = 30) -> str | None:
    """The header cell above the pipe-table cell at `start`: the nearest line above, in the
    same block of pipe rows, that holds no digits (headers name columns; rows hold values)."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    if "|" not in before:
        return None
    column = before.count("|")
    pos = line_start - 1
    for _ in range(max_rows):
        if pos <= 0:
            return None
        header_start = text.rfind("\n", 0, pos) + 1
        header = text[header_start:pos]
        if "|" not in header:
            return None
        if not any(c.isdigit() for c in header) and header.strip(" \t|-:+="):
            # (a Markdown separator row, "|---|---|", is skipped: the heading is above it)
            cells = header.split("|")
            return cells[column].strip() if column < len(cells) else None
        pos = header_start - 1
    return None


# A cell of a space-aligned table: words with single spaces inside, cells apart by two or
# more spaces or a tab ("Hep B #2      04/30/2012   Pediarix / GSK   AC21B129AA   L VL   MM").
_ALIGNED_CELL = re.compile(r"[^ \t\n](?:[^ \t\n]| (?=[^ \t\n]))*")


_DIGITLESS_LINE = re.compile(r"^[^\n\d]+$", re.MULTILINE)


def _aligned_cells(line: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in _ALIGNED_CELL.finditer(line)]


def aligned_table_cells(
    text: str, header: re.Pattern[str], max_rows: int = 60
) -> Iterator[tuple[str, int, int]]:
    """Cells under the columns `header` names in space-aligned tables: (column, start, end).

    A header line has three or more cells and no digits, and one cell `header` matches in
    full. Rows are the lines below it up to a blank line (a dashed rule is skipped). A row
    with as many cells as the header is read cell by cell; otherwise a cell belongs to the
    column whose heading starts within two characters of it.
    """
    if "  " not in text and "\t" not in text:
        return
    for line in _DIGITLESS_LINE.finditer(text):
        if "  " not in line.group() and "\t" not in line.group():
            continue
        heads = _aligned_cells(line.group())
        if len(heads) < 3:
            continue
        wanted = {i for i, (_, cell) in enumerate(heads) if header.fullmatch(cell)}
        if not wanted:
            continue
        row_start = line.end() + 1
        for _ in range(max_rows):
            if row_start >= len(text):
                break
            row_end = text.find("\n", row_start)
            row_end = len(text) if row_end < 0 else row_end
            row = text[row_start:row_end]
            if not row.strip():
                break
            if not re.fullmatch(r"[ \t\-=_]*", row):
                cells = _aligned_cells(row)
                for j, (col, cell) in enumerate(cells):
                    if len(cells) == len(heads):
                        i = j
                    else:
                        near = [i for i, (hcol, _) in enumerate(heads) if abs(hcol - col) <= 2]
                        if not near:
                            continue
                        i = near[0]
                    if i in wanted:
                        yield heads[i][1], row_start + col, row_start + col + len(cell)
            row_start = row_end + 1


def preceding_words(text: str, start: int, window: int = 40) -> list[str]:
    """Lower-cased words in the `window` characters before `start`, nearest last."""
    return [w.lower().rstrip(".") for w in _WORD.findall(text[max(0, start - window) : start])]


class SpanPatternRecognizer(LocalRecognizer):
    """Runs `PATTERNS`, lets subclasses confirm or drop each match, scores the survivors."""

    PATTERNS: tuple[SpanPattern, ...] = ()
    ENTITIES: tuple[str, ...] = ()

    def __init__(
        self,
        patterns: Iterable[SpanPattern] | None = None,
        supported_entities: Sequence[str] | None = None,
        name: str | None = None,
        supported_language: str = "en",
    ) -> None:
        self.patterns: tuple[SpanPattern, ...] = tuple(
            patterns if patterns is not None else self.PATTERNS
        )
        super().__init__(
            supported_entities=list(supported_entities or self.ENTITIES),
            name=name or type(self).__name__,
            supported_language=supported_language,
            context=[],
        )

    def load(self) -> None:  # patterns are compiled at class definition
        return None

    def confirm(self, text: str, match: SpanMatch, pattern: SpanPattern) -> SpanMatch | None:
        """Validate a candidate: return it (possibly rescored or retyped) or None to drop it."""
        return match

    def candidates(self, text: str) -> Iterator[tuple[SpanMatch, SpanPattern]]:
        default_type = self.supported_entities[0]
        lowered: str | None = text.lower()
        if len(lowered) != len(text):  # "İ" lowers to two characters: offsets would slip
            lowered = None
        for pattern in self.patterns:
            for m in pattern.finditer(text, lowered):
                start, end = m.span(pattern.group)
                if start < 0 or end <= start:
                    continue
                yield (
                    SpanMatch(
                        start,
                        end,
                        pattern.entity_type or default_type,
                        pattern.score,
                        pattern.name,
                        m.groupdict(),
                    ),
                    pattern,
                )

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
    ) -> list[RecognizerResult]:
        confirmed: list[SpanMatch] = []
        for candidate, pattern in self.candidates(text):
            match = self.confirm(text, candidate, pattern)
            if match is not None and match.score > 0:
                confirmed.append(match)
        # A match inside a longer one of this recognizer adds nothing ("March 14" in
        # "March 14, 2024"); keep the longer, and the stronger score of the two.
        confirmed.sort(key=lambda m: (m.start, -m.end, -m.score))
        results: list[RecognizerResult] = []
        outer: SpanMatch | None = None
        for match in confirmed:
            if outer is not None and match.end <= outer.end:
                if match.score > outer.score and results:
                    results[-1].score = min(match.score, 1.0)
                continue
            outer = match
            results.append(self.to_result(match))
        return results

    def to_result(self, match: SpanMatch) -> RecognizerResult:
        explanation = AnalysisExplanation(
            recognizer=self.name,
            original_score=match.score,
            pattern_name=match.reason,
            textual_explanation=match.reason,
        )
        return RecognizerResult(
            entity_type=match.entity_type,
            start=match.start,
            end=match.end,
            score=min(match.score, 1.0),
            analysis_explanation=explanation,
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                # our recognizers weigh context themselves; skip Presidio's enhancer
                RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY: True,
                "reason": match.reason,
            },
        )
