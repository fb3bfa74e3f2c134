"""The Spark job in local[2] mode with the real model: same output as the local runner."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from redactphi.batch import (
    BatchOptions,
    NoteOutcome,
    RedactorSpec,
    parse_scope_source,
    redact_note,
    run_batch,
)
from redactphi.cli import app
from redactphi.spark_job import SparkJobOptions, run_spark_job

pytestmark = [
    pytest.mark.spark,
    pytest.mark.model,
    # py4j leaves its gateway sockets to the garbage collector.
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]

REPO = Path(__file__).resolve().parents[2]

NOTES = {
    "p001/op_note.txt": (
        "OPERATIVE REPORT\nPatient: Marlon Feddersen  MRN: 5521987\nDate of service: 07/22/2023\n"
        "Surgeon: Dr. Alicia Brandt\nProcedure: Hartmann procedure (CPT 44143) for K57.20.\n"
    ),
    "p001/followup.txt": (
        "Mr. Feddersen seen 08/03/2023 in clinic, phone 617-555-0142. Stoma healthy.\n"
    ),
    "p002/op_note.txt": (
        "Patient Name: Odile Pritchard\nDOB: 02/11/1951\nProcedure: laparoscopic cholecystectomy.\n"
        "Foley catheter removed POD1. Dictated by Dr. Samuel Okafor.\n"
    ),
    "p002/sub dir/discharge.txt": (
        "Odile Pritchard discharged 03/15/2024 to home. Email: op@example.org\n"
    ),
}


def _spark_available() -> str | None:
    if importlib.util.find_spec("pyspark") is None:
        return "pyspark is not installed"
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        return "Java is not installed"
    return None


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    missing = _spark_available()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"Spark tests must run in CI: {missing}")
        pytest.skip(missing)
    from pyspark.sql import SparkSession

    # Spark's Python workers are separate processes: they must run this interpreter and
    # import this working tree.
    saved = {
        k: os.environ.get(k) for k in ("PYSPARK_PYTHON", "PYSPARK_DRIVER_PYTHON", "PYTHONPATH")
    }
    os.environ["PYSPARK_PYTHON"] = os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    os.environ["PYTHONPATH"] = os.pathsep.join(
        str(REPO / p) for p in (".", "recognizers", "models", "service")
    )
    session = (
        SparkSession.builder.master("local[2]")
        .appName("redactphi-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    for rel, text in NOTES.items():
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        (src / rel).write_text(text, encoding="utf-8")
    (src / "p002" / "scan.pdf").write_bytes(b"%PDF-1.4 broken")
    return src


def _texts(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
        for p in root.rglob("*")
        if p.is_file() and "_redactphi" not in p.relative_to(root).parts
    }


def test_spark_text_output_equals_the_local_runs(spark: Any, folder: Path, tmp_path: Path) -> None:
    # A keyed policy with per-patient scope: the strictest test of "same output".
    from redactphi.keys import Keyring

    keys = tmp_path / "keys.json"
    Keyring.create(keys)
    spec = RedactorSpec(keyring=str(keys))
    scope = parse_scope_source("folder")
    local = run_batch(
        BatchOptions(folder, tmp_path / "local", "surrogate", scope, workers=0, redactor=spec)
    )
    summary = run_spark_job(
        SparkJobOptions(
            str(folder),
            str(tmp_path / "spark"),
            policy="surrogate",
            scope=scope,
            redactor=spec,
            partitions=3,
        ),
        spark=spark,
    )
    spark_out, local_out = _texts(tmp_path / "spark"), _texts(tmp_path / "local")
    assert sorted(spark_out) == sorted(NOTES)
    assert spark_out == local_out
    for text in spark_out.values():
        for phi in (
            "Feddersen",
            "Pritchard",
            "5521987",
            "07/22/2023",
            "617-555-0142",
            "op@example.org",
        ):
            assert phi not in text
    assert "Hartmann procedure (CPT 44143) for K57.20" in spark_out["p001/op_note.txt"]
    assert spark_out["p001/op_note.txt"] != local_out["p002/op_note.txt"]
    assert (summary.files, summary.redacted, summary.failed) == (5, 4, 1)
    assert summary.entity_counts == local.entity_counts
    assert summary.bytes_in == local.bytes_in
    report = [
        json.loads(x) for x in (tmp_path / "spark/_redactphi/report.jsonl").read_text().splitlines()
    ]
    assert [(r["path"], r["error_code"]) for r in report] == [("p002/scan.pdf", "undecodable")]


def test_spark_parquet_table_with_a_scope_column(spark: Any, redactor: Any, tmp_path: Path) -> None:
    rows = [(f"n{i}", text, rel.split("/")[0]) for i, (rel, text) in enumerate(NOTES.items())]
    spark.createDataFrame(rows, ["note_id", "body", "patient"]).write.parquet(
        str(tmp_path / "in.parquet")
    )
    summary = run_spark_job(
        SparkJobOptions(
            str(tmp_path / "in.parquet"),
            str(tmp_path / "out.parquet"),
            input_format="parquet",
            output_format="parquet",
            text_column="body",
            id_column="note_id",
            scope=parse_scope_source("column:patient"),
        ),
        spark=spark,
    )
    assert (summary.redacted, summary.failed) == (4, 0)
    out = {r["note_id"]: r for r in spark.read.parquet(str(tmp_path / "out.parquet")).collect()}
    for note_id, text, patient in rows:
        expected = redact_note(redactor, text, "row.txt", scope=patient)
        assert isinstance(expected, NoteOutcome)
        assert out[note_id]["body"] == expected.text
        assert dict(out[note_id]["entity_counts"]) == expected.entity_counts
        assert out[note_id]["output_sha256"] == expected.output_sha256


def test_spark_cli_reports_failures_in_its_exit_code(
    spark: Any, folder: Path, tmp_path: Path
) -> None:
    # The command reuses the running local[2] session (getOrCreate).
    failing = CliRunner().invoke(
        app, ["spark", str(folder), str(tmp_path / "out"), "--master", "local[2]"]
    )
    assert failing.exit_code == 1, failing.output
    summary = json.loads(failing.stdout.strip().splitlines()[-1])
    assert (summary["redacted"], summary["failed"]) == (4, 1)
    assert sorted(_texts(tmp_path / "out")) == sorted(NOTES)
    bad = CliRunner().invoke(app, ["spark", str(folder), str(tmp_path / "o2"), "--policy", "nope"])
    assert bad.exit_code == 2 and "unknown policy 'nope'" in bad.stderr
    inside = CliRunner().invoke(app, ["spark", str(folder), str(folder / "out")])
    assert inside.exit_code == 2 and "outside the input" in inside.stderr
