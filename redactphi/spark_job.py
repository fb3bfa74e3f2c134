"""Batch redaction on Apache Spark: the same per-note function as `redactphi batch`.

Reads a folder of note files (any Spark file system) or a Parquet table with a text column,
redacts each partition with one Redactor per executor Python worker (built once, cached),
and writes text files mirroring the relative paths (output on a shared POSIX path: local,
NFS, a mounted volume) or a Parquet table (any Spark file system). Counts come back to the
driver with a reduce; failed notes go to `DEST/_redactphi/report.jsonl` when DEST is local.

Submit to a cluster with the module file as the application (options as `redactphi spark`):

    spark-submit --master yarn --archives redactphi-env.tar.gz#env \\
        --conf spark.pyspark.python=./env/bin/python \\
        "$(python -c 'import redactphi.spark_job as j; print(j.__file__)')" \\
        hdfs:///notes/in.parquet hdfs:///notes/out.parquet --input-format parquet --policy tag
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from redactphi.batch.manifest import path_sha256
from redactphi.batch.notes import (
    NoteFailure,
    NoteInput,
    NoteOutcome,
    redact_notes,
    resolve_policy,
    sha256_hex,
)
from redactphi.batch.report import FailureReport
from redactphi.batch.runner import STATE_DIR_NAME, BatchSummary, RedactorSpec, redact_into_folder
from redactphi.batch.scope import ColumnScope, NoScope, ScopeSource
from redactphi.batch.tree import is_hidden_name, matches_pattern
from redactphi.errors import ConfigurationError, RedactPHIError

__all__ = ["SparkJobOptions", "main", "run_spark_job"]

_FORMATS = ("text", "parquet")


@dataclass(frozen=True, slots=True)
class SparkJobOptions:
    """What a Spark batch does; the fields mirror `redactphi spark`'s options."""

    source: str
    dest: str
    input_format: str = "text"
    output_format: str = "text"
    text_column: str = "text"
    id_column: str = "id"
    policy: str = "tag"
    scope: ScopeSource = field(default_factory=NoScope)
    pattern: str | None = None
    partitions: int | None = None
    redactor: RedactorSpec = field(default_factory=RedactorSpec)
    chunk_notes: int = 16


@dataclass(frozen=True, slots=True)
class _PartitionJob:
    """Everything a partition needs, shipped to the executors."""

    redactor: RedactorSpec
    policy: str
    scope: ScopeSource
    out_root: str | None  # text output folder; None for Parquet output
    chunk_notes: int


# One Redactor per executor Python worker (Spark reuses its workers between tasks), so the
# model loads once per worker, not once per partition.
_REDACTORS: dict[RedactorSpec, Any] = {}
_POLICIES: dict[str, Any] = {}


def _redactor_for(spec: RedactorSpec) -> Any:
    redactor = _REDACTORS.get(spec)
    if redactor is None:
        redactor = _REDACTORS[spec] = spec.build()
    return redactor


def _policy_for(name: str) -> Any:
    policy = _POLICIES.get(name)
    if policy is None:
        policy = _POLICIES[name] = resolve_policy(name)
    return policy


def _row_of(result: NoteOutcome | NoteFailure, keep_text: bool) -> tuple[Any, ...]:
    if isinstance(result, NoteFailure):
        return (
            result.name,
            False,
            result.error_code,
            result.reason,
            result.input_sha256,
            None,
            result.input_bytes,
            0,
            "{}",
            None,
            None,
            None,
        )
    return (
        result.name,
        True,
        None,
        None,
        result.input_sha256,
        result.output_sha256,
        result.input_bytes,
        result.output_bytes,
        json.dumps(result.entity_counts, sort_keys=True),
        result.text if keep_text else None,
        result.policy,
        result.key_id,
    )


def _redact_chunk(
    job: _PartitionJob, rows: list[tuple[str, bytes | str, str | None]]
) -> Iterator[tuple[Any, ...]]:
    notes: list[NoteInput] = []
    for name, data, column_scope in rows:
        if isinstance(job.scope, ColumnScope):
            scope = column_scope
            if not scope:
                raw = data.encode("utf-8") if isinstance(data, str) else data
                failure = NoteFailure(
                    name,
                    "no_scope",
                    "no scope: the scope column is empty",
                    sha256_hex(raw),
                    len(raw),
                )
                yield _row_of(failure, False)
                continue
        else:
            try:
                scope = job.scope.scope_for(name)
            except RedactPHIError as exc:
                raw = data.encode("utf-8") if isinstance(data, str) else data
                yield _row_of(
                    NoteFailure(name, "no_scope", str(exc), sha256_hex(raw), len(raw)), False
                )
                continue
        notes.append(NoteInput(name, data, scope))
    if not notes:
        return
    redactor = _redactor_for(job.redactor)
    policy = _policy_for(job.policy)
    if job.out_root is None:
        results = redact_notes(redactor, notes, policy, batch_size=len(notes))
        keep_text = True
    else:
        root = Path(job.out_root)
        results = redact_into_folder(redactor, notes, policy, root, root / STATE_DIR_NAME / "tmp")
        keep_text = False
    for result in results:
        yield _row_of(result, keep_text)


def _redact_partition(
    job: _PartitionJob, rows: Iterable[tuple[str, bytes | str, str | None]]
) -> Iterator[tuple[Any, ...]]:
    chunk: list[tuple[str, bytes | str, str | None]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= job.chunk_notes:
            yield from _redact_chunk(job, chunk)
            chunk = []
    if chunk:
        yield from _redact_chunk(job, chunk)


def _summary_of(row: tuple[Any, ...]) -> dict[str, Any]:
    ok = bool(row[1])
    return {
        "files": 1,
        "redacted": int(ok),
        "failed": int(not ok),
        "bytes_in": row[6] if ok else 0,
        "bytes_out": row[7],
        "entities": json.loads(row[8]),
        "codes": {} if ok else {row[2]: 1},
    }


def _merge(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    merged = {k: a[k] + b[k] for k in ("files", "redacted", "failed", "bytes_in", "bytes_out")}
    merged["entities"] = dict(Counter(a["entities"]) + Counter(b["entities"]))
    merged["codes"] = dict(Counter(a["codes"]) + Counter(b["codes"]))
    return merged


def _local_path(uri: str) -> Path | None:
    parsed = urlparse(uri)
    if parsed.scheme in {"", "file"}:
        return Path(parsed.path if parsed.scheme else uri)
    return None


def _session(master: str | None) -> Any:
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("redactphi")
    # Under spark-submit the gateway already exists and the master comes from it. Run from a
    # plain Python process, Spark runs locally and its workers must use this interpreter
    # (the one with RedactPHI and the model installed).
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ
    if master is None and not submitted:
        master = "local[*]"
    if master is not None:
        builder = builder.master(master)
        if master.startswith("local"):
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
            os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    session = (
        builder.config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "8")
        .config("spark.python.worker.reuse", "true")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    return session


def _qualified_root(spark: Any, source: str) -> str:
    jvm = spark._jvm  # the Hadoop Path API qualifies a path exactly as binaryFile reports it
    path = jvm.org.apache.hadoop.fs.Path(source)
    fs = path.getFileSystem(spark._jsc.hadoopConfiguration())
    return str(fs.makeQualified(path).toString()).rstrip("/")


def _read_rows(spark: Any, options: SparkJobOptions) -> Any:
    """An RDD of (name, bytes or text, scope column value)."""
    if options.input_format == "text":
        reader = spark.read.format("binaryFile").option("recursiveFileLookup", "true")
        if options.pattern and "/" not in options.pattern:
            reader = reader.option("pathGlobFilter", options.pattern)
        root = _qualified_root(spark, options.source)
        pattern = options.pattern
        frame = reader.load(options.source).select("path", "content")

        def named(row: Any) -> tuple[str, bytes, None]:
            name = row[0][len(root) + 1 :] if row[0].startswith(root + "/") else row[0]
            return (name, bytes(row[1]), None)

        def wanted(row: tuple[str, bytes, None]) -> bool:
            parts = row[0].split("/")
            return not any(is_hidden_name(p) for p in parts) and matches_pattern(row[0], pattern)

        return frame, lambda rdd: rdd.map(named).filter(wanted)
    frame = spark.read.parquet(options.source)
    columns = [options.id_column, options.text_column]
    missing = [c for c in columns if c not in frame.columns]
    if isinstance(options.scope, ColumnScope):
        columns.append(options.scope.column)
        missing += [] if options.scope.column in frame.columns else [options.scope.column]
    if missing:
        raise ConfigurationError(f"the Parquet table has no column(s) {missing}")
    frame = frame.select(*columns)
    with_scope = isinstance(options.scope, ColumnScope)

    def parquet_row(row: Any) -> tuple[str, str, str | None]:
        scope = None if not with_scope or row[2] is None else str(row[2])
        return (str(row[0]), row[1] if row[1] is not None else "", scope)

    return frame, lambda rdd: rdd.map(parquet_row)


def run_spark_job(
    options: SparkJobOptions, *, spark: Any = None, master: str | None = None
) -> BatchSummary:
    """Run the batch on Spark (an existing session, or one made for `master`) and return
    the aggregated summary.
    """
    if options.input_format not in _FORMATS or options.output_format not in _FORMATS:
        raise ConfigurationError("--input-format and --output-format must be text or parquet")
    options.redactor.check(resolve_policy(options.policy))
    if isinstance(options.scope, ColumnScope) and options.input_format != "parquet":
        raise ConfigurationError("--scope-from column: needs --input-format parquet")
    out_local = _local_path(options.dest)
    if options.output_format == "text" and out_local is None:
        raise ConfigurationError(
            "text output needs a local or shared folder; use --output-format parquet"
        )
    src_local = _local_path(options.source)
    if out_local is not None and src_local is not None:
        src, dst = src_local.resolve(), out_local.resolve()
        if dst == src or dst.is_relative_to(src) or src.is_relative_to(dst):
            raise ConfigurationError("the output must be outside the input and not contain it")
    try:
        from pyspark import StorageLevel
    except ImportError:
        raise ConfigurationError(
            "Spark support is not installed: pip install 'redactphi[spark]'"
        ) from None
    started = time.perf_counter()
    spark = spark or _session(master)
    sc = spark.sparkContext
    partitions = options.partitions or sc.defaultParallelism * 4
    out_root: str | None = None
    if options.output_format == "text":
        assert out_local is not None
        (out_local / STATE_DIR_NAME / "tmp").mkdir(parents=True, exist_ok=True)
        out_root = str(out_local.resolve())
    frame, to_rows = _read_rows(spark, options)
    rows = to_rows(frame.repartition(partitions).rdd)
    job = _PartitionJob(
        options.redactor, options.policy, options.scope, out_root, options.chunk_notes
    )
    results = rows.mapPartitions(partial(_redact_partition, job)).persist(
        StorageLevel.MEMORY_AND_DISK
    )
    try:
        zero = {
            "files": 0,
            "redacted": 0,
            "failed": 0,
            "bytes_in": 0,
            "bytes_out": 0,
            "entities": {},
            "codes": {},
        }
        totals = results.map(_summary_of).fold(zero, _merge)
        failures = (
            results.filter(lambda r: not r[1])
            .map(lambda r: (r[0], r[2], r[3], r[4], r[6]))
            .collect()
        )
        if options.output_format == "parquet":
            _write_parquet(spark, results, options)
    finally:
        results.unpersist()
    if out_local is not None:
        (out_local / STATE_DIR_NAME).mkdir(parents=True, exist_ok=True)
        report = FailureReport(out_local / STATE_DIR_NAME / "report.jsonl")
        try:
            for name, code, reason, sha, nbytes in sorted(failures):
                report.add(NoteFailure(name, code, reason, sha, nbytes))
        finally:
            report.close()
    summary = BatchSummary(
        files=totals["files"],
        redacted=totals["redacted"],
        failed=totals["failed"],
        bytes_in=totals["bytes_in"],
        bytes_out=totals["bytes_out"],
        entity_counts=Counter(totals["entities"]),
        failures_by_code=Counter(totals["codes"]),
        seconds=time.perf_counter() - started,
        workers=sc.defaultParallelism,
    )
    from redactphi.logs import get_logger

    get_logger("redactphi.spark").info(
        "spark_batch_done",
        files=summary.files,
        failed=summary.failed,
        bytes=summary.bytes_in,
        entity_counts=dict(summary.entity_counts),
        duration_s=round(summary.seconds, 3),
        workers=summary.workers,
    )
    for name, code, _, sha, _ in failures:
        get_logger("redactphi.spark").warning(
            "batch_file_failed", error_code=code, path_sha256=path_sha256(name), input_sha256=sha
        )
    return summary


def _write_parquet(spark: Any, results: Any, options: SparkJobOptions) -> None:
    from pyspark.sql.types import IntegerType, MapType, StringType, StructField, StructType

    name_column = options.id_column if options.input_format == "parquet" else "path"
    schema = StructType(
        [
            StructField(name_column, StringType(), False),
            StructField(options.text_column, StringType(), False),
            StructField("entity_counts", MapType(StringType(), IntegerType()), False),
            StructField("input_sha256", StringType(), False),
            StructField("output_sha256", StringType(), False),
            StructField("policy", StringType(), False),
            StructField("key_id", StringType(), True),
        ]
    )
    ok = results.filter(lambda r: r[1]).map(
        lambda r: (r[0], r[9], json.loads(r[8]), r[4], r[5], r[10], r[11])
    )
    spark.createDataFrame(ok, schema).write.parquet(options.dest)


def main(argv: list[str] | None = None) -> None:
    """spark-submit entry point: `spark-submit .../redactphi/spark_job.py IN OUT [options]`."""
    from redactphi.cli import app

    app(["spark", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    # Run through the imported module, not this __main__ copy, so executors unpickle the
    # partition function by reference and keep their per-worker Redactor cache.
    from redactphi.spark_job import main as _main

    _main()
