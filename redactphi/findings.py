"""What analysis and redaction return: types and offsets, never the original text."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

__all__ = ["Finding", "RedactionResult", "Replacement"]


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    """One detected identifier: where it is, what it is, who found it and why.

    `reason` names the pattern or context cue, never the matched text.
    """

    start: int
    end: int
    entity_type: str
    score: float = field(compare=False)
    recognizer: str = field(compare=False)
    reason: str = field(default="", compare=False)

    def __len__(self) -> int:
        return self.end - self.start

    def to_dict(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "entity_type": self.entity_type,
            "score": round(self.score, 4),
            "recognizer": self.recognizer,
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class Replacement:
    """A span of the input and the span of the output that replaced it."""

    start: int
    end: int
    redacted_start: int
    redacted_end: int
    entity_type: str
    operator: str

    def to_dict(self) -> dict[str, object]:
        return {
            "type": self.entity_type,
            "start": self.start,
            "end": self.end,
            "redacted_start": self.redacted_start,
            "redacted_end": self.redacted_end,
            "operator": self.operator,
        }


@dataclass(frozen=True, slots=True)
class RedactionResult:
    """Redacted text, the findings it was made from, and the offset map between the two."""

    text: str
    findings: tuple[Finding, ...]
    replacements: tuple[Replacement, ...]
    policy: str = "tag"
    key_id: str | None = None

    def entity_counts(self) -> dict[str, int]:
        return dict(sorted(Counter(r.entity_type for r in self.replacements).items()))

    def to_original_offset(self, redacted_offset: int) -> int:
        """Map an offset in the redacted text back to the input (start of a replaced span)."""
        shift = 0
        for r in self.replacements:
            if redacted_offset < r.redacted_start:
                break
            if redacted_offset < r.redacted_end:
                return r.start
            shift = r.end - r.redacted_end
        return redacted_offset + shift

    def to_redacted_offset(self, original_offset: int) -> int:
        """Map an offset in the input to the redacted text (start of its replacement)."""
        shift = 0
        for r in self.replacements:
            if original_offset < r.start:
                break
            if original_offset < r.end:
                return r.redacted_start
            shift = r.redacted_end - r.end
        return original_offset + shift
