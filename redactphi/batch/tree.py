"""The input tree (streamed, never listed whole) and the mirrored output tree.

Like Spark and Hadoop, names starting with `.` or `_` are skipped (editor and system files,
`_SUCCESS`, RedactPHI's own `_redactphi` folder), so both runners see the same notes.
"""

from __future__ import annotations

import fnmatch
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..errors import InputError

__all__ = [
    "NoteFile",
    "atomic_write",
    "is_hidden_name",
    "iter_note_files",
    "matches_pattern",
    "output_relpath",
]

# Output keeps a text file's name; other formats get `.txt` appended (op.docx -> op.docx.txt)
# so two inputs can never map to one output.
_TEXT_SUFFIXES = frozenset({".txt", ".text", ".note"})


@dataclass(frozen=True, slots=True)
class NoteFile:
    """A note file found under the input root."""

    path: Path
    relpath: str  # POSIX, relative to the input root
    size: int


def is_hidden_name(name: str) -> bool:
    return name.startswith((".", "_"))


def matches_pattern(relpath: str, pattern: str | None) -> bool:
    if pattern is None:
        return True
    # A pattern without "/" is matched against the file name, one with "/" against the
    # whole relative path (where "*" also crosses folders).
    target = relpath if "/" in pattern else PurePosixPath(relpath).name
    return fnmatch.fnmatchcase(target, pattern)


def iter_note_files(
    root: Path, pattern: str | None = None, exclude: Path | None = None
) -> Iterator[NoteFile]:
    """Files under `root` in a stable order (sorted per folder), one folder in memory at a time.

    Symlinked files are followed, symlinked folders are not (no cycles); `exclude` (an output
    folder inside the input) is skipped.
    """
    exclude_resolved = exclude.resolve() if exclude is not None else None

    def walk(folder: Path, prefix: str) -> Iterator[NoteFile]:
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            raise InputError(f"cannot list a folder of the input: {exc.strerror}") from None
        for entry in entries:
            if is_hidden_name(entry.name):
                continue
            rel = f"{prefix}{entry.name}"
            try:
                if entry.is_dir(follow_symlinks=False):
                    if (
                        exclude_resolved is not None
                        and Path(entry.path).resolve() == exclude_resolved
                    ):
                        continue
                    yield from walk(Path(entry.path), rel + "/")
                elif entry.is_file(follow_symlinks=True) and matches_pattern(rel, pattern):
                    yield NoteFile(Path(entry.path), rel, entry.stat(follow_symlinks=True).st_size)
            except OSError:
                # A file that vanished or cannot be stat'ed is still offered: reading it
                # fails and the report says why.
                if matches_pattern(rel, pattern):
                    yield NoteFile(Path(entry.path), rel, 0)

    yield from walk(root, "")


def output_relpath(name: str) -> str:
    """Where a note's redacted text goes, relative to the output root.

    Raises InputError for names that would escape the output root (table ids such as
    `../x` or `/etc/x`).
    """
    path = PurePosixPath(name.replace("\\", "/"))
    if path.is_absolute() or not path.parts or any(p in {"", ".", ".."} for p in path.parts):
        raise InputError("unsafe output name: it is absolute or leaves the output folder")
    if path.suffix.lower() in _TEXT_SUFFIXES:
        return path.as_posix()
    return path.as_posix() + ".txt"


def atomic_write(target: Path, data: bytes, tmp_dir: Path) -> None:
    """Write `data` to `target` so that a crash at any moment leaves the old file or the new
    one, never a part: temp file in `tmp_dir` (same file system), fsync, rename, fsync folder.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = tmp_dir / f"{os.getpid()}-{uuid.uuid4().hex}.partial"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.chmod(tmp, 0o644 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    dir_fd = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
