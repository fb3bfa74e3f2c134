"""The batch manifest: which notes are done, with which input, settings and output.

One SQLite file in `OUT_DIR/_redactphi/manifest.sqlite`, written only by the coordinating
process, each chunk in one durable transaction (WAL, synchronous=FULL). A row is added only
after its output file is renamed into place and fsync'd, so a kill at any moment leaves
either a finished note with its row, or a note that the next run redoes.

Keys are SHA-256 hashes of the relative paths: the manifest never holds file names.
"""

from __future__ import annotations

import hashlib
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

__all__ = ["BatchManifest", "ManifestEntry", "path_sha256"]


def path_sha256(relpath: str) -> str:
    """The hash that stands for a note's relative path in the manifest, logs and audit."""
    return hashlib.sha256(relpath.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    path_sha256: str
    input_sha256: str
    settings_sha256: str
    output_sha256: str
    output_bytes: int


class BatchManifest:
    """Finished notes, keyed by path hash."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = sqlite3.connect(path, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS notes ("
            " path_sha256 TEXT PRIMARY KEY, input_sha256 TEXT NOT NULL,"
            " settings_sha256 TEXT NOT NULL, output_sha256 TEXT NOT NULL,"
            " output_bytes INTEGER NOT NULL, done_at REAL NOT NULL)"
        )

    def get(self, path_hash: str) -> ManifestEntry | None:
        row = self._db.execute(
            "SELECT path_sha256, input_sha256, settings_sha256, output_sha256, output_bytes"
            " FROM notes WHERE path_sha256 = ?",
            (path_hash,),
        ).fetchone()
        return None if row is None else ManifestEntry(*row)

    def record(self, entries: Iterable[ManifestEntry]) -> None:
        rows = [
            (
                e.path_sha256,
                e.input_sha256,
                e.settings_sha256,
                e.output_sha256,
                e.output_bytes,
                time.time(),
            )
            for e in entries
        ]
        if not rows:
            return
        self._db.execute("BEGIN IMMEDIATE")
        try:
            self._db.executemany("INSERT OR REPLACE INTO notes VALUES (?, ?, ?, ?, ?, ?)", rows)
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def forget(self, path_hash: str) -> None:
        self._db.execute("DELETE FROM notes WHERE path_sha256 = ?", (path_hash,))

    def __len__(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM notes").fetchone()[0])

    def close(self) -> None:
        self._db.close()
