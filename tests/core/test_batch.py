"""The local batch runner, on the model-free FakeNlpEngine (workers import it by name)."""

from __future__ import annotations

import json
import logging
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from redactphi.batch import (
    BatchFileRecord,
    BatchOptions,
    NoteFailure,
    NoteInput,
    NoteOutcome,
    RedactorSpec,
    output_relpath,
    parse_scope_source,
    redact_note,
    redact_notes,
    run_batch,
)
from redactphi.batch.tree import atomic_write, iter_note_files
from redactphi.cli import app
from redactphi.errors import ConfigurationError, InputError, PolicyError

from .batch_support import FAKE_FACTORY, FAKE_PERSONS, make_notes

SPEC = RedactorSpec(factory=FAKE_FACTORY)
REPO = Path(__file__).resolve().parents[2]


def _options(src: Path, dst: Path, **kw: Any) -> BatchOptions:
    kw.setdefault("workers", 0)  # in-process: fast; the pool has its own tests
    return BatchOptions(src, dst, redactor=SPEC, **kw)


def _outputs(dst: Path) -> dict[str, str]:
    return {
        p.relative_to(dst).as_posix(): p.read_text(encoding="utf-8")
        for p in dst.rglob("*")
        if p.is_file() and "_redactphi" not in p.relative_to(dst).parts
    }


def _assert_no_phi(text: str) -> None:
    for name in FAKE_PERSONS:
        assert name not in text
    assert "4400" not in text  # MRN prefix
    assert "617-555" not in text
    assert "/2023" not in text


@pytest.fixture
def folder(tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    src = tmp_path / "in"
    notes = make_notes(src, 12)
    (src / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02\xff\xfe\x00garbage\x00")
    (src / "scan.tiff").write_bytes(b"II*\x00")
    (src / ".DS_Store").write_bytes(b"\x00")  # hidden: skipped like Spark does
    return src, tmp_path / "out", notes


def test_mirrors_the_tree_with_the_same_text_as_one_note_at_a_time(
    fake_redactor: Any, folder: Any
) -> None:
    src, dst, notes = folder
    summary = run_batch(_options(src, dst, workers=2))
    out = _outputs(dst)
    assert sorted(out) == sorted(notes)
    for rel, text in notes.items():
        expected = redact_note(fake_redactor, text.encode(), rel)
        assert isinstance(expected, NoteOutcome)
        assert out[rel] == expected.text
        _assert_no_phi(out[rel])
        assert "Foley catheter" in out[rel] and "CPT 47562" in out[rel]
    assert (summary.files, summary.redacted, summary.failed) == (15, 12, 3)
    assert summary.entity_counts == {
        "PERSON": 12,
        "MEDICAL_RECORD_NUMBER": 12,
        "DATE": 12,
        "PHONE_NUMBER": 12,
    }
    assert summary.bytes_in == sum(len(t.encode()) for t in notes.values())


def test_broken_files_are_reported_with_a_reason_and_the_run_goes_on(folder: Any) -> None:
    src, dst, notes = folder
    summary = run_batch(_options(src, dst))
    report = [
        json.loads(line) for line in (dst / "_redactphi" / "report.jsonl").read_text().splitlines()
    ]
    by_path = {r["path"]: r for r in report}
    assert set(by_path) == {"broken.pdf", "binary.txt", "scan.tiff"}
    assert by_path["broken.pdf"]["error_code"] == "undecodable"
    assert "PDF" in by_path["broken.pdf"]["reason"]
    assert by_path["binary.txt"]["error_code"] == "undecodable"
    assert "NUL" in by_path["binary.txt"]["reason"]
    assert by_path["scan.tiff"] == by_path["scan.tiff"] | {
        "error_code": "unsupported_format",
        "input_bytes": 4,
    }
    assert "unsupported file type '.tiff'" in by_path["scan.tiff"]["reason"]
    assert summary.failures_by_code == {"undecodable": 2, "unsupported_format": 1}
    assert len(_outputs(dst)) == len(notes)


def test_rerun_skips_done_notes_and_redoes_changed_or_damaged_ones(folder: Any) -> None:
    src, dst, notes = folder
    run_batch(_options(src, dst))
    again = run_batch(_options(src, dst))
    assert (again.redacted, again.skipped, again.failed) == (0, 12, 3)

    changed, damaged = sorted(notes)[:2]
    (src / changed).write_text(notes[changed] + "Seen again by Omar Quist.\n", encoding="utf-8")
    (dst / damaged).write_text("truncated", encoding="utf-8")
    third = run_batch(_options(src, dst))
    assert (third.redacted, third.skipped) == (2, 10)
    out = _outputs(dst)
    assert out[changed].endswith("Seen again by [PERSON].\n")
    assert out[damaged] != "truncated"

    # Another policy or scope is another redaction: everything is redone.
    fourth = run_batch(_options(src, dst, scope=parse_scope_source("folder")))
    assert (fourth.redacted, fourth.skipped) == (12, 0)


def test_a_note_that_now_fails_loses_its_stale_output(folder: Any) -> None:
    src, dst, notes = folder
    run_batch(_options(src, dst))
    rel = sorted(notes)[0]
    (src / rel).write_bytes(b"\x00\xffbinary now")
    run_batch(_options(src, dst))
    assert not (dst / rel).exists()
    assert len(_outputs(dst)) == len(notes) - 1


def test_dry_run_analyses_and_writes_nothing(folder: Any) -> None:
    src, dst, _ = folder
    summary = run_batch(_options(src, dst, dry_run=True))
    assert not dst.exists()
    assert (summary.redacted, summary.failed, summary.dry_run) == (12, 3, True)
    assert summary.entity_counts["PERSON"] == 12


def test_glob_selects_by_name_or_relative_path(folder: Any) -> None:
    src, dst, _ = folder
    assert run_batch(_options(src, dst, pattern="*.pdf")).files == 1
    assert run_batch(_options(src, dst, pattern="p001/*", dry_run=True)).files == 4


def test_the_output_folder_may_sit_inside_the_input_but_not_the_reverse(folder: Any) -> None:
    src, _, notes = folder
    inner = src / "redacted"
    run_batch(_options(src, inner))
    assert run_batch(_options(src, inner)).skipped == len(notes)  # its own outputs are not inputs
    with pytest.raises(ConfigurationError, match="must not be the input folder"):
        run_batch(_options(src, src))
    with pytest.raises(ConfigurationError, match="must not be the input folder"):
        run_batch(_options(src, src.parent))


def test_an_unknown_policy_stops_the_run_at_start(folder: Any) -> None:
    src, dst, _ = folder
    with pytest.raises(PolicyError, match="unknown policy 'nope'"):
        run_batch(_options(src, dst, policy="nope"))


def test_scope_sources(tmp_path: Path) -> None:
    assert parse_scope_source(None).scope_for("a.txt") is None
    assert parse_scope_source("folder").scope_for("p001/visit/a.txt") == "p001/visit"
    with pytest.raises(InputError, match="not inside a patient folder"):
        parse_scope_source("folder").scope_for("a.txt")
    named = parse_scope_source(r"regex:^(?P<scope>MRN\d+)_")
    assert named.scope_for("x/MRN123_op.txt") == "MRN123"
    assert parse_scope_source(r"regex:pt-(\d+)").scope_for("pt-77-op.txt") == "77"
    with pytest.raises(InputError, match="does not match"):
        named.scope_for("op.txt")
    sidecar = tmp_path / "scopes.csv"
    sidecar.write_text("file,patient_id\np001/a.txt,P-1\nb.txt,P-2\n", encoding="utf-8")
    csv_scope = parse_scope_source(f"csv:{sidecar}")
    assert csv_scope.scope_for("p001/a.txt") == "P-1"
    assert csv_scope.scope_for("b.txt") == "P-2"
    with pytest.raises(InputError, match="not listed"):
        csv_scope.scope_for("c.txt")
    for bad in ("regex:(", "csv:/nonexistent.csv", "table:x"):
        with pytest.raises(ConfigurationError):
            parse_scope_source(bad)


class _ScopeRecorder:
    """A Redactor stand-in that records the scope each note is redacted in."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.scopes: list[str | None] = []

    def analyze_batch(self, texts: Any, batch_size: int = 32) -> Any:
        return self.inner.analyze_batch(texts, batch_size)

    def analyze(self, text: str) -> Any:
        return self.inner.analyze(text)

    def redact_findings(
        self, text: str, findings: Any, policy: str = "tag", scope: str | None = None
    ) -> Any:
        from redactphi.redactor import apply_tags

        self.scopes.append(scope)
        return apply_tags(text, findings)


def test_each_note_is_redacted_in_its_own_scope(fake_redactor: Any) -> None:
    recorder = _ScopeRecorder(fake_redactor)
    notes = [NoteInput("a.txt", b"Jane Roe", "P1"), NoteInput("b.txt", "Dr. X saw Jane Roe", "P2")]
    results = redact_notes(recorder, notes)  # type: ignore[arg-type]
    assert recorder.scopes == ["P1", "P2"]
    assert [r.text for r in results if isinstance(r, NoteOutcome)] == [
        "[PERSON]",
        "[PROVIDER] saw [PERSON]",  # "Dr. X saw": a title and an initial name a provider
    ]


def test_notes_without_a_scope_fail_closed(folder: Any) -> None:
    src, dst, notes = folder
    summary = run_batch(_options(src, dst, scope=parse_scope_source("folder")))
    assert summary.failures_by_code["no_scope"] == 3  # the three top-level broken files
    assert summary.redacted == len(notes)


def test_one_failing_note_does_not_sink_its_batch(fake_redactor: Any) -> None:
    notes = [
        NoteInput("a.txt", b"Jane Roe"),
        NoteInput("b.rtf", b"not rtf"),
        NoteInput("c.txt", b"ok"),
    ]
    results = redact_notes(fake_redactor, notes)
    assert [type(r) for r in results] == [NoteOutcome, NoteFailure, NoteOutcome]
    failure = results[1]
    assert isinstance(failure, NoteFailure) and failure.error_code == "undecodable"


def test_atomic_write_leaves_the_old_file_or_the_new_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    target = tmp_path / "a" / "b.txt"
    atomic_write(target, b"first", tmp)
    assert target.read_bytes() == b"first"

    def crash(*_: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        atomic_write(target, b"second, longer", tmp)
    assert target.read_bytes() == b"first"
    assert list(tmp.iterdir()) == []


def test_output_names_never_leave_the_output_folder() -> None:
    assert output_relpath("p1/op.txt") == "p1/op.txt"
    assert output_relpath("p1/op.docx") == "p1/op.docx.txt"
    for bad in ("../x.txt", "/etc/x.txt", "a/../../x", ""):
        with pytest.raises(InputError):
            output_relpath(bad)


def test_file_list_is_streamed_sorted_and_skips_hidden(tmp_path: Path) -> None:
    for rel in ("b/2.txt", "b/1.txt", "a.txt", "_SUCCESS", ".git/x", "c/_tmp/y.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    files = iter_note_files(tmp_path)
    assert next(files).relpath == "a.txt"  # a generator: nothing listed ahead
    assert [f.relpath for f in files] == ["b/1.txt", "b/2.txt"]


def test_audit_records_one_per_file_without_names_or_text(folder: Any) -> None:
    src, dst, notes = folder
    records: list[BatchFileRecord] = []
    run_batch(_options(src, dst), on_file_done=records.append)
    assert len(records) == len(notes) + 3
    dumped = json.dumps([r.audit_fields() for r in records])
    for rel in [*notes, "broken.pdf", "binary.txt", "scan.tiff"]:
        assert rel not in dumped
    _assert_no_phi(dumped)
    outcomes = sorted(r.audit_fields()["outcome"] for r in records)
    assert outcomes.count("redacted") == len(notes)
    assert "failed:unsupported_format" in outcomes
    again: list[BatchFileRecord] = []
    run_batch(_options(src, dst), on_file_done=again.append)
    assert len(again) == 3  # the skipped notes were audited when they were done


def test_logs_hold_no_names_paths_or_text(folder: Any, caplog: pytest.LogCaptureFixture) -> None:
    src, dst, notes = folder
    with caplog.at_level(logging.INFO, logger="redactphi"):
        run_batch(_options(src, dst))
    assert "batch_done" in caplog.text and "batch_file_failed" in caplog.text
    _assert_no_phi(caplog.text)
    for rel in [*notes, "broken.pdf", "binary.txt", "scan.tiff"]:
        assert Path(rel).name not in caplog.text


def _cli(*args: str) -> Any:
    return CliRunner().invoke(app, [*args, "--redactor-factory", FAKE_FACTORY])


def test_cli_exit_codes_and_summary(folder: Any, tmp_path: Path) -> None:
    src, dst, notes = folder
    failed = _cli("batch", str(src), str(dst), "--quiet", "--workers", "0")
    assert failed.exit_code == 1, failed.output
    summary = json.loads(failed.stdout.strip().splitlines()[-1])
    assert summary["redacted"] == len(notes) and summary["failed"] == 3

    clean = _cli(
        "batch", str(src), str(tmp_path / "clean"), "--glob", "*.txt", "--quiet", "--workers", "0"
    )
    assert clean.exit_code == 1  # binary.txt is a .txt that cannot be decoded
    only_notes = _cli("batch", str(src), str(tmp_path / "ok"), "--glob", "note_*", "--workers", "1")
    assert only_notes.exit_code == 0, only_notes.output
    assert "redacted" in only_notes.stdout and "PERSON" in only_notes.stdout

    usage = _cli("batch", str(src), str(src))
    assert usage.exit_code == 2
    assert "must not be the input folder" in usage.stderr


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(x) for x in path.read_text().split()] if path.exists() else []


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _count_done(manifest: Path) -> int:
    try:
        with sqlite3.connect(manifest, timeout=0.1) as db:
            return int(db.execute("SELECT COUNT(*) FROM notes").fetchone()[0])
    except sqlite3.Error:
        return 0


def test_sigkill_mid_run_then_rerun_gives_every_output_exactly_once(tmp_path: Path) -> None:
    src, dst = tmp_path / "in", tmp_path / "out"
    notes = make_notes(src, 400, folders=20)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(
            str(REPO / p) for p in (".", "recognizers", "models", "service")
        ),
    }
    cmd = [
        sys.executable,
        "-m",
        "redactphi",
        "batch",
        str(src),
        str(dst),
        "--quiet",
        "--workers",
        "2",
        "--redactor-factory",
        FAKE_FACTORY,
    ]
    proc = subprocess.Popen(  # noqa: S603 - fixed argv, this interpreter
        cmd,
        env=env,
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    manifest = dst / "_redactphi" / "manifest.sqlite"
    deadline = time.monotonic() + 60
    while _count_done(manifest) < 50 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be killed"
    workers = _children(proc.pid)
    os.kill(proc.pid, signal.SIGKILL)  # kill -9 of the command, mid-write
    proc.wait()
    # Its workers die with it instead of lingering with the model loaded.
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    survivors = [pid for pid in workers if _alive(pid)]
    for pid in survivors:
        os.kill(pid, signal.SIGKILL)
    assert survivors == []
    done_before = _count_done(manifest)
    assert 0 < done_before < len(notes)

    rerun = subprocess.run(  # noqa: S603 - fixed argv, this interpreter
        cmd, env=env, cwd=REPO, capture_output=True, text=True, timeout=120, check=False
    )
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    summary = json.loads(rerun.stdout.strip().splitlines()[-1])
    assert summary["skipped"] >= done_before
    assert summary["skipped"] + summary["redacted"] == len(notes)
    out = _outputs(dst)
    assert sorted(out) == sorted(notes)  # exactly once each, nothing extra
    assert list((dst / "_redactphi" / "tmp").iterdir()) == []
    for rel, text in out.items():
        assert text.startswith("OPERATIVE NOTE\nPatient: [PERSON]\n") and text.endswith(
            " with questions.\n"
        ), rel
        _assert_no_phi(text)


def test_cli_appends_one_audit_record_per_file(folder: Any, tmp_path: Path) -> None:
    import importlib.util

    src, dst, notes = folder
    url = f"sqlite:///{tmp_path / 'audit.db'}"
    result = _cli("batch", str(src), str(dst), "--quiet", "--workers", "0", "--audit-db", url)
    if importlib.util.find_spec("redactphi.audit") is None:
        assert result.exit_code == 2
        assert "--audit-db needs redactphi.audit" in result.stderr
        pytest.skip("redactphi.audit is not in this build")
    assert result.exit_code == 1, result.output  # the broken files
    from redactphi.audit import AuditLog
    from redactphi.storage import create_engine_for

    log = AuditLog(create_engine_for(url))
    rows = [r.to_dict() for r in log.iter_records()]
    assert len(rows) == len(notes) + 3
    assert {r["action"] for r in rows} == {"batch_redact"}
    dumped = json.dumps(rows)
    for rel in [*notes, "broken.pdf", "binary.txt", "scan.tiff"]:
        assert Path(rel).name not in dumped
    _assert_no_phi(dumped)
    assert log.verify_chain().ok


@pytest.mark.model
def test_keyed_policy_with_folder_scope_matches_the_redactor(tmp_path: Path) -> None:
    from redactphi import Redactor
    from redactphi.keys import Keyring

    keys = tmp_path / "keys.json"
    Keyring.create(keys)
    src, dst = tmp_path / "in", tmp_path / "out"
    text = "Patient: Marlon Feddersen\nDate of surgery: 07/22/2023\nHartmann procedure.\n"
    for rel in ("p001/a.txt", "p001/b.txt", "p002/c.txt"):
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        (src / rel).write_text(text, encoding="utf-8")
    spec = RedactorSpec(keyring=str(keys))
    options = BatchOptions(
        src, dst, policy="surrogate", scope=parse_scope_source("folder"), workers=0, redactor=spec
    )
    with pytest.raises(ConfigurationError, match="needs a keyring"):
        run_batch(BatchOptions(src, dst, policy="surrogate", workers=0))
    assert run_batch(options).redacted == 3

    reference = Redactor(keyring=Keyring.load(keys))
    out = _outputs(dst)
    for rel, patient in (("p001/a.txt", "p001"), ("p001/b.txt", "p001"), ("p002/c.txt", "p002")):
        assert out[rel] == reference.redact(text, policy="surrogate", scope=patient).text
        assert "Feddersen" not in out[rel] and "07/22/2023" not in out[rel]
    assert out["p001/a.txt"] == out["p001/b.txt"]  # one patient, one surrogate and date shift
    assert out["p001/a.txt"] != out["p002/c.txt"]

    assert run_batch(options).skipped == 3
    ring = Keyring.load(keys)
    ring.rotate()
    ring.save(keys)
    assert run_batch(options).redacted == 3  # a new active key redoes keyed output
