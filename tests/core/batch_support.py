"""Helpers for the batch tests: a model-free Redactor factory workers can import, and a
tiny synthetic note folder (invented names, dates and numbers only)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

FAKE_PERSONS = ("Jane Roe", "Omar Quist", "Lena Vasko")


def fake_redactor() -> Any:
    """A Redactor on the FakeNlpEngine: fast, no spaCy model (RedactorSpec factory)."""
    from redactphi import Redactor
    from redactphi.testing import FakeNlpEngine

    return Redactor(nlp_engine=FakeNlpEngine(persons=FAKE_PERSONS))


FAKE_FACTORY = "tests.core.batch_support:fake_redactor"


def note_text(i: int) -> str:
    person = FAKE_PERSONS[i % len(FAKE_PERSONS)]
    return (
        f"OPERATIVE NOTE\nPatient: {person}\nMRN: {4400000 + i}\n"
        f"Date of surgery: 03/{(i % 27) + 1:02d}/2023\n"
        "Procedure: laparoscopic cholecystectomy, CPT 47562. Foley catheter placed.\n"
        f"Call 617-555-{1000 + i:04d} with questions.\n"
    )


def make_notes(root: Path, n: int, *, folders: int = 3) -> dict[str, str]:
    """`n` notes spread over `folders` patient folders; returns relative path -> text."""
    notes: dict[str, str] = {}
    for i in range(n):
        rel = f"p{i % folders:03d}/note_{i:04d}.txt"
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        text = note_text(i)
        path.write_text(text, encoding="utf-8")
        notes[rel] = text
    return notes
