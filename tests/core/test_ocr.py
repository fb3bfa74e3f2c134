"""Scanned records: OCR letter/digit swaps are undone for detection, never in the output."""

from __future__ import annotations

from redactphi import Redactor
from redactphi.ocr import normalise
from redactphi.testing import FakeNlpEngine

SCANNED = (
    "11/O8/2O24 14:52 FAX 337 555 0l92   ACADlANA BAY0U MEDlCAL CENTER\n"
    "PATlENT: GUlDRY, R0NALD J0SEPH   MR#: OO12773O\n"
    "D0B: O7/3l/l95O   ADM: lO/29/2O24\n"
)


def test_swaps_are_undone_character_for_character() -> None:
    fixed = normalise(SCANNED)
    assert len(fixed) == len(SCANNED)
    assert "11/08/2024" in fixed and "337 555 0192" in fixed and "07/31/1950" in fixed
    assert "GUIDRY, RONALD JOSEPH" in fixed and "ACADIANA BAYOU MEDICAL CENTER" in fixed


def test_a_normal_note_is_left_alone() -> None:
    note = "SpO2 94% on 2 l/min O2. CO2 38. Seen 03/14/2024 by Dr. Cook. MRI of the L1-L2 level."
    assert normalise(note) == note


def test_identifiers_in_a_scanned_record_are_redacted_and_the_rest_is_the_original() -> None:
    result = Redactor(nlp_engine=FakeNlpEngine()).redact(SCANNED)
    for phi in ("11/O8/2O24", "337 555 0l92", "GUlDRY", "O7/3l/l95O", "lO/29/2O24", "OO12773O"):
        assert phi not in result.text
    assert "FAX" in result.text and "PATlENT:" in result.text  # the output keeps the scan's own text
