#!/usr/bin/env python3
"""Build samples/notes_zzg.jsonl from the independent note set in samples/notes_zzg/.

Same markup and JSONL format as ``build_samples.py`` (whose parser this reuses);
only the input folder, the output file and the id prefix (``samples-zzg-``) differ.
``--plain-dir`` writes the markup-free texts as ``build_samples.py`` does
(``zzg-<stem>.txt``, so they cannot collide with the first set's plain files).

Usage::

    python samples/build_notes_zzg.py            # rebuild notes_zzg.jsonl
    python samples/build_notes_zzg.py --check    # exit 1 if notes_zzg.jsonl is stale
    python samples/build_notes_zzg.py --stats    # rebuild and print span counts
    python samples/build_notes_zzg.py --plain-dir samples/plain   # also write plain copies
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import note_set  # noqa: E402

if __name__ == "__main__":
    sys.exit(note_set.main("notes_zzg", __doc__.splitlines()[0]))
