"""What the routes do to a note: size checks, decoding uploads, redaction, hashes.

All of it runs in worker threads: decoding and redaction are CPU-bound.
"""

from __future__ import annotations

import hashlib

from redactphi import DecodeError, RedactionResult, Redactor, RedactPHIError
from redactphi.documents import read_document

from .errors import PayloadTooLargeError
from .settings import ServiceSettings

__all__ = ["check_note_size", "read_upload", "redact_note", "reidentify_text", "sha256_hex"]


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def check_note_size(text: str, settings: ServiceSettings, what: str = "text") -> None:
    size = len(text.encode("utf-8"))
    if size > settings.max_note_bytes:
        raise PayloadTooLargeError(
            f"{what} is over the limit of {settings.max_note_bytes} bytes per note"
        )
    if len(text) > settings.max_note_chars:
        raise PayloadTooLargeError(
            f"{what} is over the limit of {settings.max_note_chars} characters per note"
        )


def read_upload(data: bytes, filename: str, settings: ServiceSettings, what: str) -> str:
    """The text of one uploaded file; errors name the file by position, never by name."""
    if len(data) > settings.max_note_bytes:
        raise PayloadTooLargeError(
            f"{what} is over the limit of {settings.max_note_bytes} bytes per note"
        )
    try:
        text = read_document(data, filename)
    except RedactPHIError as exc:
        raise type(exc)(f"{what}: {exc}") from None
    except Exception as exc:  # noqa: BLE001 - parsers raise many types on malformed files
        # A malformed upload is the client's problem (422), never a 500; the parser's
        # message is dropped because it can quote the document.
        raise DecodeError(f"{what}: the file could not be read ({type(exc).__name__})") from None
    check_note_size(text, settings, what)
    return text


def redact_note(redactor: Redactor, text: str, policy: str, scope: str | None) -> RedactionResult:
    return redactor.redact(text, policy, scope=scope)


def reidentify_text(redactor: Redactor, text: str, scope: str | None = None) -> str:
    return redactor.reidentify(text, scope=scope)
