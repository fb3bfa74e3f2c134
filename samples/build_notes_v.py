#!/usr/bin/env python3
"""Build samples/notes_v.jsonl from the twenty-second, independent note set in samples/notes_v/.

Same markup and JSONL format as ``build_samples.py`` (whose parser this reuses);
only the input folder, the output file and the id prefix (``samples-v-``) differ.
``--plain-dir`` writes the markup-free texts as ``build_samples.py`` does
(``v-<stem>.txt``, so they cannot collide with the first set's plain files).

Usage::

    python samples/build_notes_v.py            # rebuild notes_v.jsonl
    python samples/build_notes_v.py --check    # exit 1 if notes_v.jsonl is stale
    python samples/build_notes_v.py --stats    # rebuild and print span counts
    python samples/build_notes_v.py --plain-dir samples/plain   # also write plain copies
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import note_set  # noqa: E402

if __name__ == "__main__":
    sys.exit(note_set.main("notes_v", __doc__.splitlines()[0]))
