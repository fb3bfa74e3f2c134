"""Builder shared by the independent note sets (samples/notes_b/, samples/notes_c/).

Same markup and JSONL format as ``build_samples.py`` (whose parser this reuses); a set
differs only in its input folder, output file and id prefix. ``--plain-dir`` writes the
markup-free texts as ``<set letter>-<stem>.txt``, so they cannot collide with the first
set's plain files.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import build_samples as bs  # noqa: E402

HERE = Path(__file__).resolve().parent


def load_notes(notes_dir: Path, id_prefix: str) -> list[bs.Note]:
    files = sorted(notes_dir.glob("*.txt"))
    if not files:
        raise bs.MarkupError(f"no *.txt notes found in {notes_dir}")
    notes: list[bs.Note] = []
    for path in files:
        if not bs._NAME_RE.match(path.name):
            raise bs.MarkupError(
                f"{path.name}: file name must look like 'op_01_small_bowel_resection.txt'"
            )
        text, spans, keep = bs.parse_note(path.read_text(encoding="utf-8"), path.name)
        notes.append(bs.Note(id_prefix + path.stem, text, spans, keep))
    return notes


def main(name: str, description: str, argv: Sequence[str] | None = None) -> int:
    """Build samples/<name>.jsonl from samples/<name>/ (ids ``samples-<letter>-``)."""
    letter = name.rsplit("_", 1)[-1]
    id_prefix = f"samples-{letter}-"
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--notes-dir", type=Path, default=HERE / name)
    parser.add_argument("--out", type=Path, default=HERE / f"{name}.jsonl")
    parser.add_argument("--check", action="store_true", help="verify --out is up to date")
    parser.add_argument("--stats", action="store_true", help="print per-label span counts")
    parser.add_argument(
        "--plain-dir",
        type=Path,
        help="also write each note's plain text (no markup) here, as a user would upload it",
    )
    args = parser.parse_args(argv)
    try:
        notes = load_notes(args.notes_dir, id_prefix)
    except bs.MarkupError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 2
    return bs.write_outputs(notes, args, f"python samples/build_{name}.py")
