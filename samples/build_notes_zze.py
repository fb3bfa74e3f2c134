#!/usr/bin/env python3
"""Build samples/notes_zze.jsonl from the independent note set in samples/notes_zze/.

Same markup and JSONL format as ``build_samples.py`` (whose parser this reuses);
only the input folder, the output file and the id prefix (``samples-zze-``) differ.
``--plain-dir`` writes the markup-free texts as ``build_samples.py`` does
(``zze-<stem>.txt``, so they cannot collide with the first set's plain files).

Usage::

    python samples/build_notes_zze.py            # rebuild notes_zze.jsonl
    python samples/build_notes_zze.py --check    # exit 1 if notes_zze.jsonl is stale
    python samples/build_notes_zze.py --stats    # rebuild and print span counts
    python samples/build_notes_zze.py --plain-dir samples/plain   # also write plain copies
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import note_set  # noqa: E402

if __name__ == "__main__":
    sys.exit(note_set.main("notes_zze", __doc__.splitlines()[0]))
