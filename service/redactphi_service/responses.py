"""Shared response pieces: the documented error responses and entity span lists."""

from __future__ import annotations

from typing import Any

from redactphi import RedactionResult

from .schemas import EntitySpan, ErrorResponse

__all__ = ["ERROR_RESPONSES", "entity_spans"]

ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorResponse, "description": "No API key, or an unknown or revoked one."},
    403: {"model": ErrorResponse, "description": "The API key lacks the scope."},
    413: {"model": ErrorResponse, "description": "A note or the request is over its size limit."},
    415: {"model": ErrorResponse, "description": "A file type RedactPHI does not read."},
    422: {
        "model": ErrorResponse,
        "description": "Undecodable text, a bad policy or bad parameters.",
    },
    429: {"model": ErrorResponse, "description": "The API key is over its rate limit."},
    503: {"model": ErrorResponse, "description": "Model not loaded or audit store unavailable."},
}


def entity_spans(result: RedactionResult) -> list[EntitySpan]:
    return [
        EntitySpan(
            type=r.entity_type,
            start=r.start,
            end=r.end,
            redacted_start=r.redacted_start,
            redacted_end=r.redacted_end,
        )
        for r in result.replacements
    ]
