#!/usr/bin/env python3
"""Build samples/notes.jsonl from the annotated synthetic notes in samples/notes/.

Markup (see samples/README.md):

* ``[[LABEL|text]]`` -- PHI span, LABEL in :data:`LABELS`.
* ``{{text}}``       -- clinical content that must survive redaction ("keep").

Markup never nests and never crosses a line break. Any malformed markup
(unclosed or stray brackets, nesting, unknown label, empty or padded span
text) aborts the build with a ``file:line:col`` message.

Usage::

    python samples/build_samples.py            # rebuild notes.jsonl
    python samples/build_samples.py --check    # exit 1 if notes.jsonl is stale
    python samples/build_samples.py --stats    # rebuild and print span counts
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

LABELS: frozenset[str] = frozenset(
    {
        "NAME",
        "PROVIDER",
        "DATE",
        "AGE",
        "ID",
        "PHONE",
        "EMAIL",
        "URL",
        "IP",
        "LOCATION",
        "ORGANIZATION",
    }
)
SOURCE = "redactphi samples (synthetic, CC0)"
ID_PREFIX = "samples-"
MIN_CHARS = 1500
MAX_CHARS = 5000

HERE = Path(__file__).resolve().parent
DEFAULT_NOTES_DIR = HERE / "notes"
DEFAULT_OUT = HERE / "notes.jsonl"

_TOKEN_RE = re.compile(r"\[\[|\]\]|\{\{|\}\}")
_NAME_RE = re.compile(r"^[a-z]+_\d{2}_[a-z0-9_]+\.txt$")
_CLOSER = {"[[": "]]", "{{": "}}"}


class MarkupError(ValueError):
    """Raised for any malformed markup in a note file."""


@dataclass
class Note:
    note_id: str
    text: str
    spans: list[dict[str, Any]] = field(default_factory=list)
    keep: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> str:
        obj: dict[str, Any] = {
            "id": self.note_id,
            "text": self.text,
            "spans": self.spans,
            "keep": self.keep,
            "source": SOURCE,
        }
        return json.dumps(obj, ensure_ascii=False)


def _where(raw: str, index: int, filename: str) -> str:
    line = raw.count("\n", 0, index) + 1
    col = index - (raw.rfind("\n", 0, index) + 1) + 1
    return f"{filename}:{line}:{col}"


def _check_span_text(text: str, raw: str, index: int, filename: str) -> None:
    where = _where(raw, index, filename)
    if not text:
        raise MarkupError(f"{where}: empty span text")
    if text != text.strip():
        raise MarkupError(f"{where}: span text has leading/trailing whitespace: {text!r}")
    if "\n" in text or "\r" in text:
        raise MarkupError(f"{where}: span text crosses a line break: {text!r}")
    if "|" in text:
        raise MarkupError(f"{where}: '|' inside span text (bad label separator?): {text!r}")


def parse_note(raw: str, filename: str) -> tuple[str, list[dict[str, Any]], list[dict[str, Any]]]:
    """Strip markup from ``raw``; return plain text, PHI spans and keep spans."""
    raw = raw.rstrip()
    pieces: list[str] = []
    length = 0
    spans: list[dict[str, Any]] = []
    keep: list[dict[str, Any]] = []
    pos = 0
    while True:
        opener = _TOKEN_RE.search(raw, pos)
        if opener is None:
            pieces.append(raw[pos:])
            break
        marker = opener.group()
        if marker not in _CLOSER:
            raise MarkupError(f"{_where(raw, opener.start(), filename)}: stray {marker!r}")
        plain = raw[pos : opener.start()]
        pieces.append(plain)
        length += len(plain)
        closer = _TOKEN_RE.search(raw, opener.end())
        if closer is None:
            raise MarkupError(f"{_where(raw, opener.start(), filename)}: unclosed {marker!r}")
        if closer.group() != _CLOSER[marker]:
            raise MarkupError(
                f"{_where(raw, closer.start(), filename)}: expected {_CLOSER[marker]!r} "
                f"to close {marker!r} opened at {_where(raw, opener.start(), filename)}, "
                f"found {closer.group()!r} (nesting or unbalanced markup)"
            )
        inner = raw[opener.end() : closer.start()]
        if marker == "[[":
            label, sep, text = inner.partition("|")
            if not sep:
                raise MarkupError(
                    f"{_where(raw, opener.start(), filename)}: PHI span without '|': {inner!r}"
                )
            if label not in LABELS:
                raise MarkupError(
                    f"{_where(raw, opener.start(), filename)}: unknown label {label!r}"
                )
        else:
            label, text = "", inner
        _check_span_text(text, raw, opener.start(), filename)
        start, end = length, length + len(text)
        if label:
            spans.append({"start": start, "end": end, "label": label, "text": text})
        else:
            keep.append({"start": start, "end": end, "text": text})
        pieces.append(text)
        length = end
        pos = closer.end()
    plain_text = "".join(pieces)
    for item in (*spans, *keep):
        assert plain_text[item["start"] : item["end"]] == item["text"], (filename, item)
    return plain_text, spans, keep


def load_notes(notes_dir: Path) -> list[Note]:
    files = sorted(notes_dir.glob("*.txt"))
    if not files:
        raise MarkupError(f"no *.txt notes found in {notes_dir}")
    notes: list[Note] = []
    for path in files:
        if not _NAME_RE.match(path.name):
            raise MarkupError(
                f"{path.name}: file name must look like 'op_01_small_bowel_resection.txt'"
            )
        raw = path.read_text(encoding="utf-8")
        text, spans, keep = parse_note(raw, path.name)
        notes.append(Note(ID_PREFIX + path.stem, text, spans, keep))
    return notes


def render(notes: Sequence[Note]) -> str:
    return "".join(note.to_json() + "\n" for note in notes)


def length_warnings(notes: Sequence[Note]) -> list[str]:
    return [
        f"warning: {n.note_id} has {len(n.text)} characters (expected {MIN_CHARS}-{MAX_CHARS})\n"
        for n in notes
        if not MIN_CHARS <= len(n.text) <= MAX_CHARS
    ]


def stats(notes: Sequence[Note]) -> str:
    labels: Counter[str] = Counter(s["label"] for n in notes for s in n.spans)
    lines = [
        f"notes: {len(notes)}",
        f"phi spans: {sum(labels.values())}",
        f"keep spans: {sum(len(n.keep) for n in notes)}",
        f"notes without phi: {sum(1 for n in notes if not n.spans)}",
    ]
    lines += [f"  {label:<13}{labels.get(label, 0):>5}" for label in sorted(LABELS)]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes-dir", type=Path, default=DEFAULT_NOTES_DIR)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument(
        "--check", action="store_true", help="verify --out is up to date; do not write"
    )
    parser.add_argument("--stats", action="store_true", help="print per-label span counts")
    parser.add_argument(
        "--plain-dir",
        type=Path,
        default=None,
        help="also write each note's plain text (no markup) here, as a user would upload it",
    )
    args = parser.parse_args(argv)

    try:
        notes = load_notes(args.notes_dir)
    except MarkupError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 2
    return write_outputs(notes, args, "python samples/build_samples.py")


def write_outputs(notes: list[Note], args: argparse.Namespace, rebuild: str) -> int:
    """Write (or with --check, compare) the JSONL, the plain copies and the stats.

    Shared by every sample set's builder; `rebuild` is the command named when stale.
    """
    sys.stderr.writelines(length_warnings(notes))
    content = render(notes)
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else None
        if current != content:
            sys.stderr.write(f"{args.out} is out of date; run: {rebuild}\n")
            return 1
        sys.stdout.write(f"{args.out} is up to date ({len(notes)} notes)\n")
    else:
        args.out.write_text(content, encoding="utf-8", newline="\n")
        sys.stdout.write(f"wrote {len(notes)} notes to {args.out}\n")
    if args.plain_dir is not None and not args.check:
        args.plain_dir.mkdir(parents=True, exist_ok=True)
        for note in notes:
            name = note.note_id.removeprefix("samples-") + ".txt"
            (args.plain_dir / name).write_text(note.text, encoding="utf-8", newline="\n")
    if args.stats:
        sys.stdout.write(stats(notes))
    return 0

if __name__ == "__main__":
    sys.exit(main())
