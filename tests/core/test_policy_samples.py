"""Done-when check of the policies issue over the annotated sample notes (real model)."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

import pytest

from redactphi.keys import Keyring
from redactphi.policies import PRESETS
from redactphi.vault import TokenVault

NOTES = Path(__file__).resolve().parents[2] / "samples" / "notes.jsonl"

pytestmark = pytest.mark.model


def _notes() -> list[dict[str, object]]:
    if not NOTES.is_file():
        pytest.skip("samples/notes.jsonl is not in this checkout")
    return [
        json.loads(line) for line in NOTES.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def _keyring() -> Keyring:
    # Fixed keys: the run is the same on every machine.
    return Keyring.from_json(
        '{"version": 1, "keys": [{"id": "k1", "created_at": "2024-01-01T00:00:00+00:00",'
        ' "secret": "c2FtcGxlLWtleS1mb3ItdGhlLWRvbmUtd2hlbi10ZXM="}]}'
    )


def _standalone(value: str) -> re.Pattern[str]:
    # The value as a token of its own: "3/14" inside "03/14/2024" or "90" inside "90+"
    # (the Safe Harbor age bucket) is another token, not the original left behind.
    return re.compile(rf"(?<![\w/+:-]){re.escape(value)}(?![\w/+:-])")


def _left_behind(value: str, text: str, result) -> bool:  # type: ignore[no-untyped-def]
    """True if `value` stands in the output as a copy of itself. A surrogate that happens to
    equal another original (a month-year shifted onto another month-year of the same note)
    is a generated value, not the original left behind."""
    for m in _standalone(value).finditer(result.text):
        generated = any(
            r.redacted_start <= m.start()
            and m.end() <= r.redacted_end
            and text[r.start : r.end] != value
            for r in result.replacements
        )
        if not generated:
            return True
    return False


@pytest.fixture(scope="module")
def analyzed(redactor):  # type: ignore[no-untyped-def]
    notes = _notes()
    findings = list(redactor.analyze_batch([str(n["text"]) for n in notes]))
    return list(zip(notes, findings, strict=True))


def _found_phi(text: str, spans: list[dict[str, object]], findings) -> set[str]:  # type: ignore[no-untyped-def]
    """Annotated PHI strings every occurrence of which the redactor found."""
    covered = [False] * len(text)
    for f in findings:
        covered[f.start : f.end] = [True] * (f.end - f.start)
    found = set()
    for span in spans:
        value = str(span["text"])
        occurrences = [m.start() for m in _standalone(value).finditer(text)]
        if occurrences and all(all(covered[i : i + len(value)]) for i in occurrences):
            found.add(value)
    return found


def test_no_found_phi_survives_any_preset_and_reversible_round_trip(
    redactor, analyzed, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    keyring = _keyring()
    vault = TokenVault(tmp_path / "vault.sqlite3")
    redactor.keyring, redactor.vault = keyring, vault
    try:
        checked = 0
        reversible: list[tuple[str, str, str]] = []
        for note, findings in analyzed:
            text = str(note["text"])
            scope = str(note["id"])
            phi = _found_phi(text, note["spans"], findings)  # type: ignore[arg-type]
            for name in PRESETS:
                result = redactor.redact_findings(text, findings, policy=name, scope=scope)
                leaked = sorted(v for v in phi if _left_behind(v, text, result))
                assert not leaked, (note["id"], name, len(leaked))
                checked += len(phi)
                if PRESETS[name].reversible:
                    assert redactor.reidentify(result.text, scope=scope) == text, (note["id"], name)
                    reversible.append((result.text, scope, text))
        assert checked > 500
        # After a rotation the new key protects new output and the old output still opens.
        old = keyring.active.key_id
        keyring.rotate()
        for redacted, scope, text in reversible:
            assert redactor.reidentify(redacted, scope=scope) == text
        note, findings = analyzed[0]
        fresh = redactor.redact_findings(str(note["text"]), findings, policy="encrypt", scope="s")
        assert fresh.key_id == keyring.active.key_id != old
        assert redactor.reidentify(fresh.text, scope="s") == note["text"]
    finally:
        redactor.keyring = redactor.vault = None
        vault.close()


def test_same_scope_same_surrogate_and_offset_other_scope_different(redactor) -> None:  # type: ignore[no-untyped-def]
    first = "Ms. Lucia Reyes was seen on 03/14/2024 by Dr. Cook."
    second = "Ms. Lucia Reyes returns on 04/11/2024 for follow-up."
    redactor.keyring = _keyring()
    try:
        a1 = redactor.redact(first, policy="surrogate", scope="patient-123")
        a2 = redactor.redact(second, policy="surrogate", scope="patient-123")
        b2 = redactor.redact(second, policy="surrogate", scope="patient-456")
    finally:
        redactor.keyring = None
    assert _replaced(a1, "PERSON") == _replaced(a2, "PERSON") != _replaced(b2, "PERSON")
    # the form of address is part of the name span and is kept in the surrogate
    assert re.fullmatch(r"(?:(?:Mr|Mrs|Ms|Dr)\. )?[A-Z][a-z]+ [A-Z][a-z]+", _replaced(a1, "PERSON"))
    offset_1 = _days(_replaced(a1, "DATE")) - _days("03/14/2024")
    offset_2 = _days(_replaced(a2, "DATE")) - _days("04/11/2024")
    offset_3 = _days(_replaced(b2, "DATE")) - _days("04/11/2024")
    assert offset_1 == offset_2 != offset_3
    assert "Lucia" not in a1.text + a2.text + b2.text


def _replaced(result, entity_type: str) -> str:  # type: ignore[no-untyped-def]
    return next(
        result.text[r.redacted_start : r.redacted_end]
        for r in result.replacements
        if r.entity_type == entity_type
    )


def _days(mdy: str) -> int:
    return datetime.strptime(mdy, "%m/%d/%Y").toordinal()
