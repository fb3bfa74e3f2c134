"""Literal prefilters: a pattern scanned only where its factors occur finds what a full scan finds."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from redactphi_recognizers.prefilter import crosses_lines, required_factors, scan_windows
from redactphi_recognizers.registry import build_recognizers
from redactphi_recognizers.span_pattern import SpanPattern, SpanPatternRecognizer

SAMPLES = Path(__file__).resolve().parents[2] / "samples"

CRAFTED = "\n".join(
    [
        "PATIENT: DOE, JANE   DOB: 01/02/1930   MRN: 4829137",
        "Seen on Christmas Eve and again the Monday after Thanksgiving.",
        "Lives at 12 Elm Street, Apt 4, Springfield, IL 62704; daughter Ann in Peoria.",
        "İSTANBUL trip: a note whose lower-case form is longer than itself.",
        "Employer: Acme Freight Lines LLC. Phone (217) 555-0142.",
        "",
        "Parents Maria and Jose Ortega at bedside. Dr. Addison, surgeon.",
    ]
)


@pytest.mark.parametrize(
    ("pattern", "factors"),
    [
        (r"\bMRN:\s*\d+", {"mrn:"}),
        (r"(?i)\b(?:christmas|thanksgiving)(?:[ \t]+day)?\b", {"christmas", "thanksgiving"}),
        (r"[Ss]treet|[Aa]venue", {"street", "avenue"}),
        (r"\b(?:Dr|Mr)\.[ \t]+[A-Z][a-z]+", {"dr.", "mr."}),
        (r"\b(?:Dr|Mr)[ \t]+[A-Z][a-z]+", None),  # two letters are everywhere
        (r"[A-Z][a-z]+(?=,[ \t]+DOB\b)", {"dob"}),  # a lookahead's text is in the note
        (r"(?:daughter|son)?[ \t]*[A-Z][a-z]+", None),  # an optional cue requires nothing
        (r"\d{3}-\d{4}", None),
    ],
)
def test_required_factors(pattern: str, factors: set[str] | None) -> None:
    found = required_factors(re.compile(pattern))
    assert (set(found) if found is not None else None) == factors


def test_factor_set_prefers_rare_words() -> None:
    # "Day" ends half the alternatives but is everywhere; the holiday names are rare
    found = required_factors(re.compile(r"(?:Memorial|Labor|MLK)[ \t]+Day"))
    assert found == {"memorial", "labor", "mlk"}


@pytest.mark.parametrize(
    ("pattern", "crosses"),
    [
        (r"MRN:[ \t]*\d+", False),
        (r"MRN:\s*\d+", True),
        (r"Name:[^,]+", True),
        (r"Name:[^,\n]+", False),
        (r"(?s)Name:.+", True),
        (r"Name:.+", False),
        (r"Name:[ \t]*\w+$", True),  # "$" at a window's end would be faked
        (r"(?m)^Name:[ \t]*\w+", False),
        (r"[A-Z][a-z]+(?![ \t]*\n)", False),  # lookarounds read the real text
    ],
)
def test_crosses_lines(pattern: str, crosses: bool) -> None:
    assert crosses_lines(re.compile(pattern)) is crosses


def test_scan_windows_hold_the_line_and_the_next() -> None:
    text = "one\ntwo mrn\nthree\nfour\nfive mrn six mrn\n"
    windows = scan_windows(text, frozenset({"mrn"}))
    assert [text[s:e] for s, e in windows] == ["two mrn\nthree\n", "five mrn six mrn\n"]
    assert scan_windows(text, frozenset({"dob"})) == []
    # overlapping windows merge
    assert [text[s:e] for s, e in scan_windows(text, frozenset({"two", "three"}))] == [
        "two mrn\nthree\nfour\n"
    ]


def test_gate_words_become_substring_checks() -> None:
    pattern = SpanPattern(
        "holiday", re.compile(r"\b(?P<phi>Christmas)\b"), 0.9, gate=re.compile(r"(?i)christmas|xmas")
    )
    assert pattern.gate_factors == {"christmas", "xmas"}
    text = "Seen on Christmas.\nNothing else."
    assert [m.span("phi") for m in pattern.finditer(text, text.lower())] == [(8, 17)]
    assert list(pattern.finditer("Seen on Easter.", "seen on easter.")) == []


def _texts() -> list[str]:
    texts = [CRAFTED]
    for name in ("notes.jsonl", "notes_e.jsonl", "notes_m.jsonl", "notes_q.jsonl"):
        with open(SAMPLES / name, encoding="utf-8") as fh:
            texts.extend(json.loads(line)["text"] for line in fh)
    return texts


def _patterns() -> list[SpanPattern]:
    return [
        pattern
        for recognizer in build_recognizers()
        if isinstance(recognizer, SpanPatternRecognizer)
        for pattern in recognizer.patterns
    ]


def test_most_shipped_patterns_get_a_prefilter() -> None:
    patterns = _patterns()
    assert len(patterns) > 100
    with_factors = [p for p in patterns if p.factors is not None]
    assert len(with_factors) >= len(patterns) * 45 // 100
    # a gate (a cheap search for a word or shape the pattern needs) also skips most notes
    prefiltered = [p for p in patterns if p.factors is not None or p.gate is not None]
    assert len(prefiltered) >= len(patterns) * 3 // 5


def test_every_shipped_pattern_finds_what_a_full_scan_finds() -> None:
    texts = _texts()
    for pattern in _patterns():
        for text in texts:
            lowered = text.lower()
            full = [
                m.span()
                for m in pattern.regex.finditer(text)
                if pattern.gate is None or pattern.gate.search(text)
            ]
            fast = [m.span() for m in pattern.finditer(text, lowered if len(lowered) == len(text) else None)]
            assert fast == full, pattern.name
            if pattern.factors is None or not full:
                continue
            for start, end in full:  # every match has a factor in its line(s)
                line_start = text.rfind("\n", 0, start) + 1
                line_end = text.find("\n", end)
                around = lowered[line_start : None if line_end < 0 else line_end]
                assert any(f in around for f in pattern.factors), pattern.name
