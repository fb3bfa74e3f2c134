"""Presidio's URL recognizer, run only where a URL can be.

Presidio's URL pattern is `[a-z0-9.\\-]{1,253}[.](?:com|edu|...600 TLDs)`: at every start
position it reads up to 253 characters and tries every TLD at each dot on the way back.
On dotted runs ("1.1.1.1...", version strings, lab panels) that costs about a millisecond
per character, so a 1 MB note of them would take a quarter of an hour. Every match holds
a dot followed by one of those TLDs, at most 253 characters (plus scheme and `www`) after
the match starts, and no whitespace. The same patterns therefore run only on the text
from 270 characters before each such dot to just after it (plus the path that follows),
which gives Presidio's matches on any real text at a cost linear in the note.
"""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import UrlRecognizer

__all__ = ["BoundedUrlRecognizer"]

_TLDS = frozenset(re.findall(r"\(\?:([a-z]+)\)", UrlRecognizer.BASE_URL_REGEX))
_TLD_LENGTHS = sorted({len(t) for t in _TLDS})
_DOT_LETTERS = re.compile(r"\.([A-Za-z]{2,})")
# "https://" + "www999." + 253 host characters, and a quote before a quoted URL.
_REACH = 270
_TAIL = 32  # past the dot: the longest TLD and a little of the path
_PATH = re.compile(r"[^\s()<>\"']*")


class BoundedUrlRecognizer(UrlRecognizer):
    """URLs, with Presidio's patterns, read only around dots followed by a TLD (entity URL)."""

    def __init__(self) -> None:
        super().__init__(name="UrlRecognizer")

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        windows: list[list[int]] = []
        for m in _DOT_LETTERS.finditer(text):
            letters = m.group(1).lower()
            if not any(letters[:n] in _TLDS for n in _TLD_LENGTHS if n <= len(letters)):
                continue
            start, end = max(0, m.start() - _REACH), min(len(text), m.start() + _TAIL)
            if windows and start <= windows[-1][1]:
                windows[-1][1] = end
            else:
                windows.append([start, end])
        results: list[RecognizerResult] = []
        for start, end in windows:
            for r in super().analyze(text[start:end], entities, nlp_artifacts, regex_flags):
                r.start += start
                r.end += start
                if r.end == end:  # the path goes on past the window
                    r.end = _PATH.match(text, end).end()  # type: ignore[union-attr]
                results.append(r)
        return EntityRecognizer.remove_duplicates(results) if results else results
