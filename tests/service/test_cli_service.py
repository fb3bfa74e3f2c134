from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from redactphi.audit import AuditEvent, AuditLog
from redactphi.cli import app
from redactphi.storage import create_engine_for, sqlite_url_for

runner = CliRunner()


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_apikey_create_list_revoke(tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    code, out, err = _run(
        "apikey", "create", "--name", "coder", "--scopes", "redact,audit", "--data-dir", data
    )
    assert code == 0
    token = out.strip()
    assert token.startswith("rphi_") and "shown only once" in err
    key_id = token.split("_")[1]
    code, out, _ = _run("apikey", "list", "--data-dir", data)
    assert f"{key_id}\tcoder\tredact,audit\tcreated " in out and out.rstrip().endswith("active")
    assert token.split("_", 2)[2] not in out  # the secret may itself hold "_"
    assert (tmp_path / "data" / "redactphi.db").read_bytes().find(token.encode()) == -1
    assert _run("apikey", "revoke", key_id, "--data-dir", data)[:2] == (
        0,
        f"revoked API key {key_id}\n",
    )
    code, _, err = _run("apikey", "revoke", key_id, "--data-dir", data)
    assert code == 1 and f"no active API key with id '{key_id}'" in err
    code, _, err = _run("apikey", "create", "--name", "x", "--scopes", "admin", "--data-dir", data)
    assert code == 2 and "unknown scope(s) ['admin']" in err


def test_audit_verify_export_and_tamper(tmp_path: Path) -> None:
    data = tmp_path / "data"
    engine = create_engine_for(sqlite_url_for(data))
    log = AuditLog(engine)
    for i in range(3):
        log.append(AuditEvent("redact", "ok", entity_counts={"DATE": i}))
    engine.dispose()
    assert _run("audit", "verify", "--data-dir", str(data))[:2] == (
        0,
        "audit chain OK: 3 rows verified\n",
    )
    code, out, _ = _run("audit", "export", "--format", "jsonl", "--data-dir", str(data))
    assert code == 0 and [json.loads(line)["seq"] for line in out.splitlines()] == [1, 2, 3]
    target = tmp_path / "audit.csv"
    assert (
        _run("audit", "export", "--format", "csv", "-o", str(target), "--data-dir", str(data))[0]
        == 0
    )
    assert target.read_text().splitlines()[0].startswith("seq,occurred_at,action")
    with sqlite3.connect(data / "redactphi.db") as conn:
        conn.execute("UPDATE audit_events SET outcome = 'ok ' WHERE seq = 2")
    conn.close()
    code, _, err = _run("audit", "verify", "--data-dir", str(data))
    assert code == 1
    assert (
        err == "audit chain BROKEN at row 2: row 2 was modified (hash mismatch) "
        "(1 rows verified before it)\n"
    )


def test_reading_a_missing_data_dir_is_an_error_not_an_empty_log(tmp_path: Path) -> None:
    code, _, err = _run("audit", "verify", "--data-dir", str(tmp_path / "typo"))
    assert code == 2 and "no RedactPHI database in" in err
    assert not (tmp_path / "typo").exists()


def test_serve_refuses_unsafe_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDACTPHI_DATABASE_URL", "mysql://u@h/db")
    code, _, err = _run("serve", "--data-dir", str(tmp_path))
    assert code == 2
    assert (
        "invalid settings: database_url: Value error, unsupported database backend 'mysql'" in err
    )
