from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from redactphi import Finding, PolicyError, RedactionResult

NOTE = "Pt John Smith MRN 5521987 seen 07/22/2023 by Dr. Cook"


@pytest.mark.model
def test_issue_example_leaves_no_identifier(redactor) -> None:  # type: ignore[no-untyped-def]
    result = redactor.redact(NOTE)
    assert isinstance(result, RedactionResult)
    for phi in ("John", "Smith", "5521987", "07/22/2023", "Cook"):
        assert phi not in result.text
    assert result.text == "Pt [PERSON] MRN [MEDICAL_RECORD_NUMBER] seen [DATE] by [PROVIDER]"


@pytest.mark.model
def test_findings_are_sorted_and_typed(redactor) -> None:  # type: ignore[no-untyped-def]
    findings = redactor.analyze(NOTE)
    assert all(isinstance(f, Finding) for f in findings)
    assert findings == sorted(findings)
    assert [f.entity_type for f in findings] == ["PERSON", "MEDICAL_RECORD_NUMBER", "DATE", "PROVIDER"]
    assert all(f.recognizer and 0 < f.score <= 1 for f in findings)
    # non-overlapping
    assert all(a.end <= b.start for a, b in zip(findings, findings[1:]))


@pytest.mark.model
def test_clinical_content_survives_next_to_a_surgeon_of_the_same_name(redactor) -> None:  # type: ignore[no-untyped-def]
    note = (
        "SURGEON: Dr. Addison\n"
        "PREOPERATIVE DIAGNOSIS: Crohn's disease with stricture, Addison disease.\n"
        "PROCEDURE: Hartmann procedure (CPT 44143). A Foley catheter was placed; Kocher maneuver.\n"
        "ICD-10 K57.30. Dr. Addison closed with 3-0 Vicryl."
    )
    text = redactor.redact(note).text
    for keep in ("Crohn's disease", "Addison disease", "Hartmann procedure", "Foley catheter",
                 "Kocher maneuver", "CPT 44143", "K57.30", "3-0 Vicryl"):
        assert keep in text, keep
    assert text.count("[PROVIDER]") == 2
    assert text.startswith("SURGEON: [PROVIDER]\n")


@pytest.mark.model
def test_replacements_map_offsets_both_ways(redactor) -> None:  # type: ignore[no-untyped-def]
    result = redactor.redact(NOTE)
    for r in result.replacements:
        assert result.text[r.redacted_start : r.redacted_end] == f"[{r.entity_type}]"
        assert result.to_redacted_offset(r.start) == r.redacted_start
        assert result.to_original_offset(r.redacted_start) == r.start
    assert NOTE[:3] == result.text[:3]
    last = result.replacements[-1]
    assert result.to_redacted_offset(last.end) == last.redacted_end


@pytest.mark.model
def test_shared_across_threads(redactor) -> None:  # type: ignore[no-untyped-def]
    notes = [f"Seen {m:02d}/14/2023 by Dr. Cook, MRN 55{m:05d}" for m in range(1, 13)]
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(redactor.redact, notes * 3))
    expected = [redactor.redact(n).text for n in notes] * 3
    assert [r.text for r in results] == expected


@pytest.mark.model
def test_batch_matches_single(redactor) -> None:  # type: ignore[no-untyped-def]
    notes = [NOTE, "", "   ", "Crohn's disease, no PHI here.", "Dr. Cook saw Mr. Walker on 3/14/2024."]
    assert list(redactor.analyze_batch(notes)) == [redactor.analyze(n) for n in notes]


def test_fake_engine_needs_no_model(fake_redactor) -> None:  # type: ignore[no-untyped-def]
    result = fake_redactor.redact("Jane Roe seen 03/14/2024, MRN: 4829137")
    assert result.text == "[PERSON] seen [DATE], MRN: [MEDICAL_RECORD_NUMBER]"


def test_unknown_policy_is_refused(fake_redactor) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PolicyError, match="unknown policy 'nope'"):
        fake_redactor.redact("x", policy="nope")


def test_non_text_is_refused(fake_redactor) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(TypeError, match="text must be str, not bytes"):
        fake_redactor.analyze(b"bytes")
