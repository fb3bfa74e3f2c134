"""The failure report, `OUT_DIR/_redactphi/report.jsonl`: one line per note that failed.

It lives in the user's own output folder and names the failed note's relative path (the
user needs it to act) with the reason; it never holds note text. Each line is flushed and
fsync'd so a killed run still leaves a readable report.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import IO

from .manifest import path_sha256
from .notes import NoteFailure

__all__ = ["FailureReport"]


class FailureReport:
    """Append-only JSON lines, rewritten from scratch by each run."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fh: IO[str] = open(path, "w", encoding="utf-8")

    def add(self, failure: NoteFailure) -> None:
        line = {
            "path": failure.name,
            "path_sha256": path_sha256(failure.name),
            "error_code": failure.error_code,
            "reason": failure.reason,
            "input_sha256": failure.input_sha256,
            "input_bytes": failure.input_bytes,
        }
        self._fh.write(json.dumps(line, sort_keys=True) + "\n")
        self._fh.flush()
        os.fsync(self._fh.fileno())

    def close(self) -> None:
        self._fh.close()
