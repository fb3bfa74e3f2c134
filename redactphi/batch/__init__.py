"""Batch redaction of note folders: a resumable local process pool, and a Spark job over
the same per-note function (`redact_notes`), so both give the same output for the same
policy and scope.

    from pathlib import Path
    from redactphi.batch import BatchOptions, run_batch

    summary = run_batch(BatchOptions(Path("notes"), Path("redacted"), workers=4))
"""

from .notes import NoteFailure, NoteInput, NoteOutcome, redact_note, redact_notes
from .runner import (
    STATE_DIR_NAME,
    BatchFileRecord,
    BatchOptions,
    BatchProgress,
    BatchSummary,
    RedactorSpec,
    redact_into_folder,
    run_batch,
)
from .scope import ScopeSource, parse_scope_source
from .tree import output_relpath

__all__ = [
    "STATE_DIR_NAME",
    "BatchFileRecord",
    "BatchOptions",
    "BatchProgress",
    "BatchSummary",
    "NoteFailure",
    "NoteInput",
    "NoteOutcome",
    "RedactorSpec",
    "ScopeSource",
    "output_relpath",
    "parse_scope_source",
    "redact_into_folder",
    "redact_note",
    "redact_notes",
    "run_batch",
]
