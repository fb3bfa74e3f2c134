"""The `redactphi` command line as a user runs it: a subprocess with the real model."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
NOTE = "Pt John Smith MRN 5521987 seen 07/22/2023 by Dr. Cook\n"


def _run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our own CLI, fixed arguments
        [sys.executable, "-m", "redactphi", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )


@pytest.mark.model
def test_redact_from_stdin_removes_every_identifier() -> None:
    result = _run("redact", "-", stdin=NOTE)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Pt [PERSON] MRN [MEDICAL_RECORD_NUMBER] seen [DATE] by [PROVIDER]\n"


@pytest.mark.model
def test_analyze_prints_findings_without_note_text(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text(NOTE, encoding="utf-8")
    result = _run("analyze", str(note))
    assert result.returncode == 0, result.stderr
    findings = json.loads(result.stdout)
    assert [f["entity_type"] for f in findings] == ["PERSON", "MEDICAL_RECORD_NUMBER", "DATE", "PROVIDER"]
    for phi in ("John", "Smith", "5521987", "07/22/2023", "Cook"):
        assert phi not in result.stdout
        assert phi not in result.stderr


@pytest.mark.model
def test_redact_writes_the_output_file(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_bytes(NOTE.encode("utf-16"))  # UTF-16 with a byte-order mark
    out = tmp_path / "out.txt"
    result = _run("redact", str(note), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("Pt [PERSON] MRN")
    assert not list(tmp_path.glob("*.partial"))


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    result = _run("redact", str(tmp_path / "nope.txt"))
    assert result.returncode == 2
    assert result.stderr.strip() == f"redactphi: error: no such file: {tmp_path / 'nope.txt'}"


def test_unsupported_file_type_is_a_clear_error(tmp_path: Path) -> None:
    note = tmp_path / "scan.png"
    note.write_bytes(b"\x89PNG\r\n")
    result = _run("redact", str(note))
    assert result.returncode == 2
    assert "unsupported file type '.png'" in result.stderr


@pytest.mark.model
def test_eval_prints_the_table_and_writes_json(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        json.dumps(
            {
                "id": "d1",
                "text": "Seen 03/14/2024 for Crohn disease.",
                "spans": [{"start": 5, "end": 15, "label": "DATE"}],
                "keep": [{"start": 20, "end": 33}],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "report.json"
    result = _run("eval", str(corpus), "--json", str(out))
    assert result.returncode == 0, result.stderr
    assert "span rec" in result.stdout and "c.jsonl" in result.stdout
    (report,) = json.loads(out.read_text())
    assert report["span_recall"] == 1.0
    assert report["keep_retention"] == 1.0
