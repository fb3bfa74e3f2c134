"""The annotated sample sets' JSONL files are what their markup sources build."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


BUILDERS = sorted(p.name for p in SAMPLES.glob("build_*.py"))
SETS = sorted(p.name for p in SAMPLES.glob("notes*.jsonl"))


def test_every_set_has_a_builder() -> None:
    assert len(SETS) >= 7 and len(BUILDERS) == len(SETS)


@pytest.mark.parametrize("builder", BUILDERS)
def test_jsonl_is_up_to_date_with_the_markup(builder: str) -> None:
    done = subprocess.run(
        [sys.executable, str(SAMPLES / builder), "--check"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("name", SETS)
def test_spans_point_at_their_text(name: str) -> None:
    for line in (SAMPLES / name).read_text(encoding="utf-8").splitlines():
        note = json.loads(line)
        for span in note["spans"]:
            assert note["text"][span["start"] : span["end"]] == span["text"]
        for keep in note["keep"]:
            assert note["text"][keep["start"] : keep["end"]] == keep["text"]
