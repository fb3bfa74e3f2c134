"""The per-note step shared by the local pool and the Spark job: bytes in, redacted text out.

Both runners call `redact_notes` on chunks of notes, so the same policy and scope give the
same output whichever runs it. Nothing here writes files or logs.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..documents import read_document
from ..errors import DecodeError, InputError, PolicyError, RedactPHIError, UnsupportedFormatError

if TYPE_CHECKING:
    from ..policies import Policy
    from ..redactor import Redactor

__all__ = [
    "NoteFailure",
    "NoteInput",
    "NoteOutcome",
    "error_code_of",
    "redact_note",
    "redact_notes",
    "resolve_policy",
    "sha256_hex",
]


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True, slots=True)
class NoteInput:
    """One note to redact: its name (relative path or row id), its content and its scope.

    `data` is the file's bytes (decoded by suffix) or, for table rows, the text itself.
    """

    name: str
    data: bytes | str
    scope: str | None = None


@dataclass(frozen=True, slots=True)
class NoteOutcome:
    """A redacted note: the text, its entity counts and the hashes of input and output."""

    name: str
    text: str
    entity_counts: dict[str, int]
    input_sha256: str
    output_sha256: str
    input_bytes: int
    output_bytes: int
    policy: str
    key_id: str | None = None
    seconds: float = field(default=0.0, compare=False)


@dataclass(frozen=True, slots=True)
class NoteFailure:
    """A note that could not be redacted; `reason` never holds note text."""

    name: str
    error_code: str
    reason: str
    input_sha256: str | None
    input_bytes: int


def error_code_of(exc: BaseException) -> str:
    """A short, stable code for the report and the audit log."""
    if isinstance(exc, UnsupportedFormatError):
        return "unsupported_format"
    if isinstance(exc, DecodeError):
        return "undecodable"
    if isinstance(exc, InputError):
        return "unreadable"
    if isinstance(exc, PolicyError):
        return "policy"
    if isinstance(exc, OSError):
        return "unreadable"
    return "internal"


def _reason_of(exc: BaseException) -> str:
    # RedactPHIError messages are written never to hold note text; other exceptions may
    # echo their input, so only their type is kept.
    if isinstance(exc, RedactPHIError):
        return str(exc)
    if isinstance(exc, OSError):
        return f"cannot read file: {exc.strerror or type(exc).__name__}"
    return f"internal error ({type(exc).__name__})"


def resolve_policy(policy: str | Policy) -> Policy:
    """A preset name, a policy YAML file or a Policy, checked once before any note is read."""
    from ..policies import load_policy

    return load_policy(policy, allow_files=True)


def redact_notes(
    redactor: Redactor,
    notes: Sequence[NoteInput],
    policy: str | Policy = "tag",
    batch_size: int = 32,
) -> list[NoteOutcome | NoteFailure]:
    """Decode, analyse (in one `nlp.pipe` batch) and redact `notes`, one result per note,
    in order. A note that fails becomes a `NoteFailure`; the others go on.
    """
    started = time.perf_counter()
    results: list[NoteOutcome | NoteFailure | None] = [None] * len(notes)
    decoded: list[tuple[int, str, bytes]] = []
    for i, note in enumerate(notes):
        raw = note.data.encode("utf-8") if isinstance(note.data, str) else note.data
        try:
            text = note.data if isinstance(note.data, str) else read_document(raw, note.name)
        except Exception as exc:  # any decoder failure is this note's own
            results[i] = NoteFailure(
                note.name, error_code_of(exc), _reason_of(exc), sha256_hex(raw), len(raw)
            )
            continue
        decoded.append((i, text, raw))
    texts = [text for _, text, _ in decoded]
    try:
        all_findings = list(redactor.analyze_batch(texts, batch_size=batch_size))
    except Exception:  # one bad note must not sink its batch: redo one by one
        all_findings = []
    per_note = (time.perf_counter() - started) / max(len(notes), 1)
    for k, (i, text, raw) in enumerate(decoded):
        note = notes[i]
        try:
            findings = all_findings[k] if all_findings else redactor.analyze(text)
            result = redactor.redact_findings(text, findings, policy=policy, scope=note.scope)
        except Exception as exc:  # reported per note; the run goes on
            results[i] = NoteFailure(
                note.name, error_code_of(exc), _reason_of(exc), sha256_hex(raw), len(raw)
            )
            continue
        out = result.text.encode("utf-8")
        results[i] = NoteOutcome(
            name=note.name,
            text=result.text,
            entity_counts=result.entity_counts(),
            input_sha256=sha256_hex(raw),
            output_sha256=sha256_hex(out),
            input_bytes=len(raw),
            output_bytes=len(out),
            policy=result.policy,
            key_id=result.key_id,
            seconds=per_note,
        )
    return [r for r in results if r is not None]


def redact_note(
    redactor: Redactor,
    data: bytes | str,
    filename: str = "note.txt",
    policy: str | Policy = "tag",
    scope: str | None = None,
) -> NoteOutcome | NoteFailure:
    """Redact one note's bytes (decoded by `filename`'s suffix) with `policy` in `scope`."""
    return redact_notes(redactor, [NoteInput(filename, data, scope)], policy)[0]
