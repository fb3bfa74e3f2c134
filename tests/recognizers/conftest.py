from __future__ import annotations

from presidio_analyzer import EntityRecognizer


def spans(recognizer: EntityRecognizer, text: str) -> list[tuple[str, str]]:
    """(matched text, entity type) for each result at or above the default threshold 0.4."""
    results = recognizer.analyze(text, [], None)
    return sorted((text[r.start : r.end], r.entity_type) for r in results if r.score >= 0.4)


def texts(recognizer: EntityRecognizer, text: str) -> list[str]:
    """The matched texts of `spans`, without their types."""
    return [t for t, _ in spans(recognizer, text)]
