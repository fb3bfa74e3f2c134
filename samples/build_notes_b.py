#!/usr/bin/env python3
"""Build samples/notes_b.jsonl from the second, independent note set in samples/notes_b/.

Same markup and JSONL format as ``build_samples.py`` (whose parser this reuses);
only the input folder, the output file and the id prefix (``samples-b-``) differ.

Usage::

    python samples/build_notes_b.py            # rebuild notes_b.jsonl
    python samples/build_notes_b.py --check    # exit 1 if notes_b.jsonl is stale
    python samples/build_notes_b.py --stats    # rebuild and print span counts
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import note_set  # noqa: E402

if __name__ == "__main__":
    sys.exit(note_set.main("notes_b", __doc__.splitlines()[0]))
