"""Where a note's scope (the patient it belongs to) comes from in a batch.

Surrogates and date shifts are consistent within one scope, so every note of a patient must
get the same scope. A note whose scope cannot be found fails (fail closed) rather than being
redacted without one, which would break that consistency silently.

    --scope-from folder              the note's folder, relative to IN_DIR (one folder per patient)
    --scope-from regex:PATTERN       a regex searched in the file name: group `scope`, the only
                                     named group, group 1, or the whole match
    --scope-from csv:PATH            a CSV of relative path -> patient id (header optional)
    --scope-from column:NAME         (Spark, Parquet input) a column of the table
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..errors import ConfigurationError, InputError

__all__ = [
    "ColumnScope",
    "CsvScope",
    "FileNameScope",
    "FolderScope",
    "NoScope",
    "ScopeSource",
    "parse_scope_source",
]


@dataclass(frozen=True, slots=True)
class NoScope:
    """Every note unscoped."""

    def scope_for(self, name: str) -> str | None:
        return None


@dataclass(frozen=True, slots=True)
class FolderScope:
    """The note's folder relative to the input root: `p123/op.txt` -> `p123`."""

    def scope_for(self, name: str) -> str | None:
        parent = PurePosixPath(name).parent.as_posix()
        if parent in {"", "."}:
            raise InputError("no scope: the note is not inside a patient folder")
        return parent


@dataclass(frozen=True, slots=True)
class FileNameScope:
    """A regex searched in the note's file name (not its folders)."""

    pattern: re.Pattern[str]

    def scope_for(self, name: str) -> str | None:
        match = self.pattern.search(PurePosixPath(name).name)
        if match is None:
            raise InputError("no scope: the file name does not match the scope pattern")
        groups = self.pattern.groupindex
        if "scope" in groups:
            value = match.group("scope")
        elif len(groups) == 1:
            value = match.group(next(iter(groups)))
        elif self.pattern.groups >= 1:
            value = match.group(1)
        else:
            value = match.group(0)
        if not value:
            raise InputError("no scope: the scope group matched nothing")
        return str(value)


@dataclass(frozen=True, slots=True)
class CsvScope:
    """A sidecar table of relative path -> patient id."""

    mapping: dict[str, str]

    @classmethod
    def from_csv(cls, path: str | Path) -> CsvScope:
        mapping: dict[str, str] = {}
        try:
            with open(path, encoding="utf-8-sig", newline="") as fh:
                for i, row in enumerate(csv.reader(fh)):
                    if not row or all(not cell.strip() for cell in row):
                        continue
                    if len(row) < 2:
                        raise ConfigurationError(
                            f"scope CSV line {i + 1}: expected file,patient_id"
                        )
                    key, value = row[0].strip(), row[1].strip()
                    if i == 0 and key.lower() in {"file", "path", "filename", "relative_path"}:
                        continue
                    mapping[PurePosixPath(key.replace("\\", "/")).as_posix()] = value
        except OSError as exc:
            raise ConfigurationError(
                f"cannot read scope CSV {str(path)!r}: {exc.strerror}"
            ) from None
        except UnicodeDecodeError:
            raise ConfigurationError(f"scope CSV {str(path)!r} is not UTF-8") from None
        return cls(mapping)

    def scope_for(self, name: str) -> str | None:
        value = self.mapping.get(name)
        if not value:
            raise InputError("no scope: the note is not listed in the scope CSV")
        return value


@dataclass(frozen=True, slots=True)
class ColumnScope:
    """A column of the input table (Spark jobs over Parquet); resolved row by row."""

    column: str

    def scope_for(self, name: str) -> str | None:
        raise ConfigurationError(
            "--scope-from column: needs a table input (--input-format parquet)"
        )


ScopeSource = NoScope | FolderScope | FileNameScope | CsvScope | ColumnScope


def parse_scope_source(spec: str | None) -> ScopeSource:
    """`None`, `folder`, `regex:PATTERN`, `csv:PATH` or `column:NAME` as a scope source."""
    if spec is None or spec in {"", "none"}:
        return NoScope()
    if spec == "folder":
        return FolderScope()
    kind, sep, value = spec.partition(":")
    if sep and kind == "regex":
        try:
            return FileNameScope(re.compile(value))
        except re.error as exc:
            raise ConfigurationError(f"--scope-from regex: invalid pattern ({exc.msg})") from None
    if sep and kind == "csv":
        return CsvScope.from_csv(value)
    if sep and kind == "column" and value:
        return ColumnScope(value)
    raise ConfigurationError("--scope-from must be folder, regex:PATTERN, csv:PATH or column:NAME")
