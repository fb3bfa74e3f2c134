from __future__ import annotations

import copy
import os
import re
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from redactphi import cli

runner = CliRunner()
NOTE = (
    "Jane Roe seen 03/14/2024, MRN: 4829137.\r\n"
    "Call (217) 555-0143 \U0001f600 \u05e9\u05dc\u05d5\u05dd\n"  # CRLF, emoji, Hebrew
)


@pytest.fixture(scope="module")
def _base_redactor():  # type: ignore[no-untyped-def]
    from redactphi import Redactor
    from redactphi.testing import FakeNlpEngine

    return Redactor(nlp_engine=FakeNlpEngine(persons=["Jane Roe", "John Poe"]))


@pytest.fixture(autouse=True)
def _model_free_redactor(monkeypatch: pytest.MonkeyPatch, _base_redactor) -> None:  # type: ignore[no-untyped-def]
    def build(config, model, keyring=None, vault=None):  # type: ignore[no-untyped-def]
        redactor = copy.copy(_base_redactor)  # building one is slow; the copy shares the engine
        redactor.keyring, redactor.vault = keyring, vault
        return redactor

    monkeypatch.setattr(cli, "_build_redactor", build)


def invoke(*args: str | Path) -> str:
    result = runner.invoke(cli.app, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


def test_keys_create_rotate_list(tmp_path: Path) -> None:
    ring = tmp_path / "keys.json"
    created = invoke("keys", "create", "--keyring", ring)
    assert stat.S_IMODE(os.stat(ring).st_mode) == 0o600
    first = re.search(r"key (k\w+)", created).group(1)  # type: ignore[union-attr]
    invoke("keys", "rotate", "--keyring", ring)
    listing = invoke("keys", "list", "--keyring", ring).splitlines()
    assert len(listing) == 2 and listing[0].startswith(first) and listing[1].endswith("active")
    assert "secret" not in ring.read_text() or all("secret" not in line for line in listing)
    again = runner.invoke(cli.app, ["keys", "create", "--keyring", str(ring)])
    assert again.exit_code == 2 and "already exists" in again.output


def test_redact_and_reidentify_byte_for_byte_across_rotation(tmp_path: Path) -> None:
    ring = tmp_path / "keys.json"
    note = tmp_path / "note.txt"
    note.write_bytes(NOTE.encode("utf-8"))
    invoke("keys", "create", "--keyring", ring)
    outputs = {}
    for policy in ("vault", "encrypt"):
        out = tmp_path / f"note.{policy}.txt"
        invoke("redact", note, "--policy", policy, "--scope", "p1", "--keyring", ring, "-o", out)
        text = out.read_text(encoding="utf-8")
        assert (
            "Jane" not in text
            and "4829137" not in text
            and "03/14" not in text
            and "555-0143" not in text
        )
        outputs[policy] = out
    invoke("keys", "rotate", "--keyring", ring)
    for policy, out in outputs.items():
        back = tmp_path / f"back.{policy}.txt"
        invoke("reidentify", out, "--scope", "p1", "--keyring", ring, "-o", back)
        assert back.read_bytes() == note.read_bytes(), policy
    # The default vault is a SQLite file beside the keyring.
    assert (tmp_path / "redactphi-vault.sqlite3").exists()


def test_reidentify_errors_are_clean(tmp_path: Path) -> None:
    ring = tmp_path / "keys.json"
    note = tmp_path / "note.txt"
    note.write_text("Jane Roe seen 03/14/2024")
    invoke("keys", "create", "--keyring", ring)
    out = tmp_path / "enc.txt"
    invoke("redact", note, "--policy", "encrypt", "--scope", "p1", "--keyring", ring, "-o", out)
    result = runner.invoke(
        cli.app, ["reidentify", str(out), "--scope", "p2", "--keyring", str(ring)]
    )
    assert result.exit_code == 2
    assert "does not authenticate" in result.output and "Jane" not in result.output
    result = runner.invoke(cli.app, ["redact", str(note), "--policy", "surrogate"])
    assert result.exit_code == 2 and "needs a keyring" in result.output


def test_surrogates_and_date_offsets_follow_the_scope(tmp_path: Path) -> None:
    ring = tmp_path / "keys.json"
    invoke("keys", "create", "--keyring", ring)
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Jane Roe seen 03/14/2024.")
    b.write_text("Jane Roe back 03/14/2024 with John Poe.")

    def run(path: Path, scope: str) -> str:
        return invoke("redact", path, "--policy", "surrogate", "--scope", scope, "--keyring", ring)

    a1, b1, b2 = run(a, "patient-1"), run(b, "patient-1"), run(b, "patient-2")
    name_date = re.compile(r"^(\S+ \S+) \w+ (\S+?)\b")
    assert name_date.match(a1).groups() == name_date.match(b1).groups()  # type: ignore[union-attr]
    assert name_date.match(b1).groups() != name_date.match(b2).groups()  # type: ignore[union-attr]
    assert "Jane" not in a1 + b1 + b2 and "03/14/2024" not in a1 + b1 + b2


def test_policy_yaml_path(tmp_path: Path) -> None:
    policy = Path(__file__).resolve().parents[2] / "samples" / "policies" / "coding-review.yaml"
    note = tmp_path / "note.txt"
    note.write_text("Jane Roe and John Poe, then Jane Roe again on 03/14/2024")
    ring = tmp_path / "keys.json"
    invoke("keys", "create", "--keyring", ring)
    out = invoke("redact", note, "--policy", policy, "--scope", "p", "--keyring", ring)
    assert out.startswith("[PERSON-1] and [PERSON-2], then [PERSON-1] again on ")
    assert "03/14/2024" not in out and re.search(r"\d\d/\d\d/\d{4}$", out)
