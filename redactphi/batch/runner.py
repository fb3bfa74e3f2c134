"""The local batch runner: a folder of notes through a pool of worker processes.

The coordinating process streams the file list, reads and hashes each note, skips what the
manifest says is done, and feeds chunks to N worker processes (spawned, each loading the
model once). Workers redact a chunk in one `nlp.pipe` batch, write each output atomically
and return hashes and counts; the coordinator records them in the manifest. At most
`2 * workers` chunks are in flight, so memory stays bounded whatever the folder size.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib
import multiprocessing
import os
import shutil
import signal
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ..errors import ConfigurationError, InputError, RedactPHIError
from ..logs import get_logger
from .manifest import BatchManifest, ManifestEntry, path_sha256
from .notes import NoteFailure, NoteInput, NoteOutcome, redact_notes, resolve_policy, sha256_hex
from .report import FailureReport
from .scope import NoScope, ScopeSource
from .tree import atomic_write, iter_note_files, output_relpath

if TYPE_CHECKING:
    from ..policies import Policy
    from ..redactor import Redactor

__all__ = [
    "STATE_DIR_NAME",
    "BatchFileRecord",
    "BatchOptions",
    "BatchProgress",
    "BatchSummary",
    "RedactorSpec",
    "redact_into_folder",
    "run_batch",
]

STATE_DIR_NAME = "_redactphi"
_log = get_logger("redactphi.batch")


@dataclass(frozen=True, slots=True)
class RedactorSpec:
    """How each worker builds its Redactor: picklable, so it crosses process boundaries.

    `factory` ("package.module:function", no arguments, returns a Redactor) replaces the
    config and model, e.g. for a custom NLP engine or keyring, or a model-free test double.
    """

    config: str | None = None
    model: str | None = None
    factory: str | None = None
    keyring: str | None = None  # keyring file, loaded by each worker (keys never pickled)
    vault: str | None = None  # token vault URL or SQLite path

    def build(self) -> Redactor:
        if self.factory is not None:
            if self.keyring or self.vault:
                raise ConfigurationError("a redactor factory brings its own keyring and vault")
            module_name, _, attr = self.factory.partition(":")
            try:
                built = getattr(importlib.import_module(module_name), attr)()
            except (ImportError, AttributeError) as exc:
                raise ConfigurationError(
                    f"cannot load redactor factory {self.factory!r}: {exc}"
                ) from None
            redactor: Redactor = built
            return redactor
        from ..keys import Keyring
        from ..redactor import Redactor
        from ..vault import TokenVault

        return Redactor(
            self._config(),
            keyring=Keyring.load(self.keyring) if self.keyring else None,
            vault=TokenVault(self.vault) if self.vault else None,
        )

    def check(self, policy: Policy) -> None:
        """Fail before any work when `policy` needs keys or a vault this spec lacks."""
        if self.factory is not None:
            return
        if policy.needs_keyring and not self.keyring:
            raise ConfigurationError(f"policy {policy.name!r} needs a keyring (--keyring PATH)")
        if policy.needs_vault and not self.vault:
            raise ConfigurationError(f"policy {policy.name!r} needs a token vault (--vault URL)")

    def _config(self) -> Any:
        from ..configuration import RedactorConfig

        cfg = RedactorConfig.from_yaml(self.config) if self.config else RedactorConfig.default()
        if self.model:
            cfg = cfg.model_copy(update={"model": self.model})
        return cfg

    def fingerprint(self) -> str:
        """Changes whenever the redaction of a note could change (config, model, version)."""
        from .. import __version__

        described = f"factory={self.factory}" if self.factory else self._config().model_dump_json()
        if self.keyring:
            from ..keys import Keyring

            # A new active key changes keyed output: rotating keys redoes the notes.
            described += f"|key={Keyring.load(self.keyring).active.key_id}"
        if self.vault:
            described += f"|vault={hashlib.sha256(self.vault.encode()).hexdigest()}"
        return hashlib.sha256(f"{__version__}|{described}".encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """What a batch run does; see `run_batch`."""

    in_dir: Path
    out_dir: Path
    policy: str = "tag"
    scope: ScopeSource = field(default_factory=NoScope)
    workers: int | None = None  # None: one per CPU core; 0: in this process, no pool
    pattern: str | None = None
    dry_run: bool = False
    redactor: RedactorSpec = field(default_factory=RedactorSpec)
    chunk_notes: int = 16
    chunk_bytes: int = 4 << 20


@dataclass(frozen=True, slots=True)
class BatchFileRecord:
    """What a batch reports about one note to an audit store: hashes and counts, no PHI.

    The file is named only by `path_sha256`. `audit_fields()` gives the keyword arguments
    of `redactphi.audit.AuditEvent`, so plugging in the audit log is one line:

        run_batch(options, on_file_done=lambda r: log.append(AuditEvent(**r.audit_fields())))
    """

    path_sha256: str
    outcome: str  # "redacted" or "failed"
    error_code: str | None
    input_sha256: str | None
    output_sha256: str | None
    input_bytes: int
    output_bytes: int | None
    entity_counts: dict[str, int]
    policy: str
    key_id: str | None
    latency_ms: float | None

    def audit_fields(self) -> dict[str, Any]:
        return {
            "action": "batch_redact",
            "outcome": self.outcome if self.error_code is None else f"failed:{self.error_code}",
            "request_id": self.path_sha256,
            "input_sha256": self.input_sha256,
            "output_sha256": self.output_sha256,
            "input_bytes": self.input_bytes,
            "output_bytes": self.output_bytes,
            "entity_counts": dict(self.entity_counts),
            "policy": self.policy,
            "key_id": self.key_id,
            "latency_ms": self.latency_ms,
            "detail": f"path_sha256={self.path_sha256}",
        }


@dataclass(slots=True)
class BatchSummary:
    """Counts of one run. `files` = redacted + skipped (done before) + failed."""

    files: int = 0
    redacted: int = 0
    skipped: int = 0
    failed: int = 0
    bytes_in: int = 0
    bytes_out: int = 0
    entity_counts: Counter[str] = field(default_factory=Counter)
    failures_by_code: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    workers: int = 1
    dry_run: bool = False

    @property
    def files_per_second(self) -> float:
        return self.redacted / self.seconds if self.seconds > 0 else 0.0

    @property
    def mb_per_second(self) -> float:
        return self.bytes_in / 1e6 / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "redacted": self.redacted,
            "skipped": self.skipped,
            "failed": self.failed,
            "bytes_in": self.bytes_in,
            "bytes_out": self.bytes_out,
            "entity_counts": dict(sorted(self.entity_counts.items())),
            "failures_by_code": dict(sorted(self.failures_by_code.items())),
            "seconds": round(self.seconds, 3),
            "files_per_second": round(self.files_per_second, 2),
            "mb_per_second": round(self.mb_per_second, 4),
            "workers": self.workers,
            "dry_run": self.dry_run,
        }


class BatchProgress(Protocol):
    """Where a run reports progress (the CLI's Rich bar; nothing in quiet mode)."""

    def start(self, total_files: int, total_bytes: int) -> None: ...

    def advance(self, files: int, nbytes: int, failed: int) -> None: ...

    def stop(self) -> None: ...


def redact_into_folder(
    redactor: Redactor,
    notes: Sequence[NoteInput],
    policy: str | Policy,
    out_root: Path | None,
    tmp_dir: Path | None,
) -> list[NoteOutcome | NoteFailure]:
    """Redact `notes` and, unless `out_root` is None (dry run), write each output atomically
    under its mirrored relative path. Outcomes come back without their text (it is on disk).
    Shared by the local workers and the Spark job.
    """
    results = redact_notes(redactor, notes, policy, batch_size=max(len(notes), 1))
    if out_root is None or tmp_dir is None:
        return [
            dataclasses.replace(r, text="") if isinstance(r, NoteOutcome) else r for r in results
        ]
    written: list[NoteOutcome | NoteFailure] = []
    for r in results:
        if isinstance(r, NoteFailure):
            written.append(r)
            continue
        try:
            atomic_write(out_root / output_relpath(r.name), r.text.encode("utf-8"), tmp_dir)
        except InputError as exc:
            written.append(
                NoteFailure(r.name, "unsafe_name", str(exc), r.input_sha256, r.input_bytes)
            )
            continue
        except OSError as exc:
            reason = f"cannot write the output: {exc.strerror or type(exc).__name__}"
            written.append(
                NoteFailure(r.name, "write_failed", reason, r.input_sha256, r.input_bytes)
            )
            continue
        written.append(dataclasses.replace(r, text=""))
    return written


# --- worker process side -------------------------------------------------------------


@dataclass(slots=True)
class _WorkerState:
    redactor: Redactor | None
    error: RedactPHIError | None
    policy: str | Policy
    out_root: Path | None
    tmp_dir: Path | None


_WORKER: _WorkerState | None = None


def _die_with(coordinator_pid: int) -> None:
    # A worker must not outlive a killed coordinator: it would hold the model in memory
    # forever, blocked on a queue nobody feeds. Linux kills it with its parent.
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_pdeathsig = 1
        try:
            ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
        except (OSError, AttributeError):
            pass
    if os.getppid() != coordinator_pid:  # died before prctl took effect
        os._exit(1)


def _init_worker(
    spec: RedactorSpec,
    policy: str,
    out_root: Path | None,
    tmp_dir: Path | None,
    coordinator_pid: int | None = None,
) -> None:
    global _WORKER
    if coordinator_pid is not None:
        _die_with(coordinator_pid)
        # Ctrl-C is the coordinator's to handle: it cancels queued chunks and exits.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A failed start is kept and raised with the first chunk, where the coordinator sees it
    # as a clean error instead of a broken pool.
    try:
        _WORKER = _WorkerState(spec.build(), None, resolve_policy(policy), out_root, tmp_dir)
    except RedactPHIError as exc:
        _WORKER = _WorkerState(None, exc, policy, out_root, tmp_dir)


def _run_chunk(notes: list[NoteInput]) -> list[NoteOutcome | NoteFailure]:
    state = _WORKER
    if state is None:
        raise ConfigurationError("batch worker was not initialised")
    if state.redactor is None:
        assert state.error is not None
        raise state.error
    return redact_into_folder(state.redactor, notes, state.policy, state.out_root, state.tmp_dir)


# --- coordinator side ----------------------------------------------------------------


def _check_folders(in_dir: Path, out_dir: Path) -> None:
    if not in_dir.is_dir():
        raise ConfigurationError("the input folder does not exist or is not a folder")
    src, dst = in_dir.resolve(), out_dir.resolve()
    if src == dst or src.is_relative_to(dst):
        raise ConfigurationError("the output folder must not be the input folder or contain it")


def _count(options: BatchOptions, exclude: Path) -> tuple[int, int]:
    files = total = 0
    for note in iter_note_files(options.in_dir, options.pattern, exclude):
        files += 1
        total += note.size
    return files, total


@dataclass(slots=True)
class _RunState:
    options: BatchOptions
    summary: BatchSummary
    settings_sha256: str
    manifest: BatchManifest | None
    report: FailureReport | None
    progress: BatchProgress | None
    on_file_done: Callable[[BatchFileRecord], None] | None
    started: float

    def note_settings(self, scope: str | None) -> str:
        scope_part = "" if scope is None else hashlib.sha256(scope.encode()).hexdigest()
        return hashlib.sha256(f"{self.settings_sha256}|{scope_part}".encode()).hexdigest()

    def failed(self, failure: NoteFailure) -> None:
        s = self.summary
        s.files += 1
        s.failed += 1
        s.failures_by_code[failure.error_code] += 1
        _log.warning(
            "batch_file_failed",
            error_code=failure.error_code,
            path_sha256=path_sha256(failure.name),
            input_sha256=failure.input_sha256,
        )
        if self.report is not None:
            self.report.add(failure)
        if self.manifest is not None:
            self._drop_stale_output(failure.name)
        self._audit(
            BatchFileRecord(
                path_sha256(failure.name),
                "failed",
                failure.error_code,
                failure.input_sha256,
                None,
                failure.input_bytes,
                None,
                {},
                self.options.policy,
                None,
                None,
            )
        )
        if self.progress is not None:
            self.progress.advance(1, failure.input_bytes, 1)

    def _drop_stale_output(self, name: str) -> None:
        # An output made from an earlier version of a note that now fails no longer
        # matches its input: remove it, so the output folder mirrors the input exactly.
        assert self.manifest is not None
        key = path_sha256(name)
        if self.manifest.get(key) is None:
            return
        try:
            (self.options.out_dir / output_relpath(name)).unlink(missing_ok=True)
        except (InputError, OSError):
            pass
        self.manifest.forget(key)

    def redacted(self, outcomes: list[tuple[NoteOutcome, str]]) -> None:
        s = self.summary
        for outcome, _ in outcomes:
            s.files += 1
            s.redacted += 1
            s.bytes_in += outcome.input_bytes
            s.bytes_out += outcome.output_bytes
            s.entity_counts.update(outcome.entity_counts)
        if self.manifest is not None:
            self.manifest.record(
                ManifestEntry(
                    path_sha256(o.name), o.input_sha256, settings, o.output_sha256, o.output_bytes
                )
                for o, settings in outcomes
            )
        for outcome, _ in outcomes:
            self._audit(
                BatchFileRecord(
                    path_sha256(outcome.name),
                    "redacted",
                    None,
                    outcome.input_sha256,
                    outcome.output_sha256,
                    outcome.input_bytes,
                    outcome.output_bytes,
                    dict(outcome.entity_counts),
                    outcome.policy,
                    outcome.key_id,
                    round(outcome.seconds * 1000, 3),
                )
            )
        if self.progress is not None and outcomes:
            self.progress.advance(len(outcomes), sum(o.input_bytes for o, _ in outcomes), 0)

    def skipped(self, nbytes: int) -> None:
        self.summary.files += 1
        self.summary.skipped += 1
        if self.progress is not None:
            self.progress.advance(1, nbytes, 0)

    def _audit(self, record: BatchFileRecord) -> None:
        if self.on_file_done is not None and not self.options.dry_run:
            self.on_file_done(record)


def _is_done(state: _RunState, relpath: str, input_sha: str, settings: str) -> bool:
    if state.manifest is None:
        return False
    entry = state.manifest.get(path_sha256(relpath))
    if entry is None or entry.input_sha256 != input_sha or entry.settings_sha256 != settings:
        return False
    # The output must still be there, whole and unchanged.
    try:
        data = (state.options.out_dir / output_relpath(relpath)).read_bytes()
    except (OSError, InputError):
        return False
    return len(data) == entry.output_bytes and sha256_hex(data) == entry.output_sha256


def run_batch(
    options: BatchOptions,
    *,
    progress: BatchProgress | None = None,
    on_file_done: Callable[[BatchFileRecord], None] | None = None,
) -> BatchSummary:
    """Redact every note under `options.in_dir` into `options.out_dir`, mirroring the tree.

    Resumable: notes the manifest records as done (same input, settings and scope, output
    intact) are skipped. Notes that fail are written to `OUT_DIR/_redactphi/report.jsonl`
    and the run goes on. `on_file_done` receives one PHI-free record per note redacted or
    failed (not for dry runs), e.g. to append it to the audit log.

    Raises ConfigurationError for unusable folders, settings or models, and
    `concurrent.futures.process.BrokenProcessPool` if a worker dies (rerun to resume).
    """
    _check_folders(options.in_dir, options.out_dir)
    workers = (os.cpu_count() or 1) if options.workers is None else max(0, options.workers)
    policy = resolve_policy(options.policy)
    options.redactor.check(policy)
    # The policy's content, not its name: an edited policy file redoes the notes.
    settings = hashlib.sha256(
        f"{options.redactor.fingerprint()}|{policy!r}".encode()
    ).hexdigest()
    state_dir = options.out_dir / STATE_DIR_NAME
    manifest: BatchManifest | None = None
    report: FailureReport | None = None
    lock_fd: int | None = None
    out_root: Path | None = None
    tmp_dir: Path | None = None
    if not options.dry_run:
        state_dir.mkdir(parents=True, exist_ok=True)
        lock_fd = _lock(state_dir / "lock")
        tmp_dir = state_dir / "tmp"
        # Temp files of a killed run are parts of outputs that were never renamed in.
        shutil.rmtree(tmp_dir, ignore_errors=True)
        tmp_dir.mkdir()
        manifest = BatchManifest(state_dir / "manifest.sqlite")
        report = FailureReport(state_dir / "report.jsonl")
        out_root = options.out_dir
    summary = BatchSummary(workers=workers, dry_run=options.dry_run)
    state = _RunState(
        options, summary, settings, manifest, report, progress, on_file_done, time.perf_counter()
    )
    try:
        total_files, total_bytes = _count(options, options.out_dir)
        _log.info(
            "batch_started",
            files=total_files,
            bytes=total_bytes,
            workers=workers,
            policy=options.policy,
        )
        if progress is not None:
            progress.start(total_files, total_bytes)
        _pool_run(state, workers, out_root, tmp_dir)
    finally:
        summary.seconds = time.perf_counter() - state.started
        if progress is not None:
            progress.stop()
        if manifest is not None:
            manifest.close()
        if report is not None:
            report.close()
        if lock_fd is not None:
            os.close(lock_fd)
    _log.info(
        "batch_done",
        files=summary.files,
        skipped=summary.skipped,
        failed=summary.failed,
        bytes=summary.bytes_in,
        entity_counts=dict(summary.entity_counts),
        duration_s=round(summary.seconds, 3),
        throughput=round(summary.files_per_second, 2),
        workers=workers,
    )
    return summary


def _lock(path: Path) -> int:
    import fcntl

    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise ConfigurationError("another batch run is writing to this output folder") from None
    return fd


class _InProcessExecutor:
    """workers=0: chunks run in the calling process (debugging, embedding, small folders)."""

    def __init__(self, initargs: tuple[RedactorSpec, str, Path | None, Path | None]) -> None:
        _init_worker(*initargs)

    def submit(
        self,
        fn: Callable[[list[NoteInput]], list[NoteOutcome | NoteFailure]],
        chunk: list[NoteInput],
    ) -> Future[list[NoteOutcome | NoteFailure]]:
        future: Future[list[NoteOutcome | NoteFailure]] = Future()
        try:
            future.set_result(fn(chunk))
        except Exception as exc:  # handed over like a worker's exception
            future.set_exception(exc)
        return future

    def __enter__(self) -> _InProcessExecutor:
        return self

    def __exit__(self, *_: object) -> None:
        global _WORKER
        _WORKER = None


def _pool_run(state: _RunState, workers: int, out_root: Path | None, tmp_dir: Path | None) -> None:
    options = state.options
    in_flight: dict[Future[list[NoteOutcome | NoteFailure]], dict[str, str]] = {}

    def collect(block_until: int) -> None:
        while len(in_flight) > block_until:
            done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
            for future in done:
                settings_by_name = in_flight.pop(future)
                results = future.result()
                state.redacted(
                    [(r, settings_by_name[r.name]) for r in results if isinstance(r, NoteOutcome)]
                )
                for r in results:
                    if isinstance(r, NoteFailure):
                        state.failed(r)

    initargs = (options.redactor, options.policy, out_root, tmp_dir)
    executor: ProcessPoolExecutor | _InProcessExecutor
    if workers == 0:
        executor = _InProcessExecutor(initargs)
    else:
        executor = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(*initargs, os.getpid()),
        )
    with executor as pool:
        chunk: list[NoteInput] = []
        chunk_settings: dict[str, str] = {}
        chunk_bytes = 0

        def submit() -> None:
            nonlocal chunk, chunk_settings, chunk_bytes
            if not chunk:
                return
            collect(block_until=max(2 * workers - 1, 0))
            in_flight[pool.submit(_run_chunk, chunk)] = chunk_settings
            chunk, chunk_settings, chunk_bytes = [], {}, 0

        try:
            for note in iter_note_files(options.in_dir, options.pattern, options.out_dir):
                try:
                    data = note.path.read_bytes()
                except OSError as exc:
                    reason = f"cannot read file: {exc.strerror or type(exc).__name__}"
                    state.failed(NoteFailure(note.relpath, "unreadable", reason, None, note.size))
                    continue
                input_sha = sha256_hex(data)
                try:
                    scope = options.scope.scope_for(note.relpath)
                except RedactPHIError as exc:
                    state.failed(
                        NoteFailure(note.relpath, "no_scope", str(exc), input_sha, len(data))
                    )
                    continue
                settings = state.note_settings(scope)
                if _is_done(state, note.relpath, input_sha, settings):
                    state.skipped(len(data))
                    continue
                chunk.append(NoteInput(note.relpath, data, scope))
                chunk_settings[note.relpath] = settings
                chunk_bytes += len(data)
                if len(chunk) >= options.chunk_notes or chunk_bytes >= options.chunk_bytes:
                    submit()
            submit()
            collect(block_until=0)
        except BaseException:
            for future in in_flight:
                future.cancel()
            raise
