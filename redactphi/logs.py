"""Structured logging through an allow-list: nothing from a note can reach a log line.

Only the fields named in `ALLOWED_FIELDS` are kept; any other key is dropped before
rendering, whatever a caller passes. Values must be counts, types, hashes, ids or timings.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import MutableMapping
from typing import Any

import structlog

__all__ = ["ALLOWED_FIELDS", "configure_logging", "get_logger"]

ALLOWED_FIELDS = frozenset(
    {
        "event", "level", "timestamp", "logger", "request_id", "key_id", "api_key_id",
        "action", "policy", "status", "status_code", "outcome", "latency_ms", "duration_s",
        "chars", "bytes", "notes", "files", "failed", "entity_counts", "findings", "workers",
        "model", "components", "recognizers", "lexicon_terms", "load_s", "method", "route",
        "error_code", "input_sha256", "output_sha256", "count", "host", "port", "data_dir",
        "backend", "version", "throughput", "scope_hash", "path_sha256", "skipped",
    }
)


def _allow_list(_: Any, __: str, event_dict: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    for key in list(event_dict):
        if key not in ALLOWED_FIELDS:
            del event_dict[key]
    return event_dict


_PROCESSORS = [
    structlog.processors.add_log_level,
    structlog.processors.TimeStamper(fmt="iso", utc=True),
    _allow_list,
    structlog.processors.JSONRenderer(sort_keys=True),
]


def configure_logging(level: str = "INFO") -> None:
    """Send RedactPHI's JSON log lines to stderr at `level` (for the CLI and the service)."""
    logger = logging.getLogger("redactphi")
    logger.setLevel(level.upper())
    if not any(getattr(h, "_redactphi", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        handler._redactphi = True  # type: ignore[attr-defined]
        logger.addHandler(handler)


def get_logger(name: str = "redactphi") -> Any:
    """A structlog logger whose every event passes the field allow-list (always, not only
    after configure_logging), then goes to the stdlib logger `name` as one JSON line."""
    return structlog.wrap_logger(
        logging.getLogger(name),
        processors=_PROCESSORS,
        wrapper_class=structlog.stdlib.BoundLogger,
    )
