"""Reading scanned (OCR'd) records: undo the letter-for-digit swaps that hide identifiers.

Outside records arrive as faxes and scans, and OCR writes "O" for "0" and "l" for "1" in
numbers ("11/O8/2O24", "337 555 0l92") and the reverse in upper-case words ("GUlDRY,
R0NALD"). No date, phone or name rule matches those. `normalise` returns a copy of the
text with the swaps undone, character for character, so every offset found in the copy
points at the same characters of the original, which is what gets redacted.

Only texts that look scanned are touched: at least `MIN_SIGNS` tokens must show a swap.
A normal note ("SpO2", "O2 sat", "l/min") is returned unchanged.
"""

from __future__ import annotations

import re

__all__ = ["MIN_SIGNS", "normalise"]

MIN_SIGNS = 3

# A number-like token (digits with date, phone or ID punctuation) holding a letter that OCR
# reads for a digit, bounded by non-letters: "2O24", "lO/29/2O24", "9l04482O7", "0l92".
_NUMBER_TOKEN = re.compile(r"(?<![A-Za-z])[0-9OlI|][0-9OlI|/.:\-]*[0-9OlI|](?![A-Za-z])")
_DIGIT_FOR = str.maketrans({"O": "0", "l": "1", "I": "1", "|": "1"})
# An upper-case word with a digit or a lower-case "l" inside: "GUlDRY", "R0NALD", "D0B".
_UPPER_TOKEN = re.compile(r"(?<![\w'])(?=[A-Z0l']*[0l])(?=[A-Z0l']*[A-Z][A-Z0l']*[A-Z])[A-Z0l'][A-Z0l']{2,}(?![\w])")
_LETTER_FOR_UPPER = str.maketrans({"0": "O", "l": "I"})
# A lower-case or capitalised word with a zero inside: "Electr0nically", "B0x", "c0ntact".
_WORD_ZERO = re.compile(r"(?<![\w])[A-Za-z]*[a-z]0[a-z][A-Za-z]*(?![\w])|(?<![\w])[A-Z]0[a-z]+(?![\w])")
_LETTER_FOR_WORD = str.maketrans({"0": "o"})


def _number_swaps(text: str) -> list[tuple[int, str]]:
    out = []
    for m in _NUMBER_TOKEN.finditer(text):
        token = m.group()
        digits = sum(c.isdigit() for c in token)
        if digits >= 2 and any(c in "OlI|" for c in token) and digits + sum(c in "OlI|" for c in token) >= 3:
            out.append((m.start(), token.translate(_DIGIT_FOR)))
    return out


def _word_swaps(text: str) -> list[tuple[int, str]]:
    out = [(m.start(), m.group().translate(_LETTER_FOR_UPPER)) for m in _UPPER_TOKEN.finditer(text)]
    out += [(m.start(), m.group().translate(_LETTER_FOR_WORD)) for m in _WORD_ZERO.finditer(text)]
    return out


def _short_swaps(text: str) -> list[tuple[int, str]]:
    """In a text already known to be scanned, shorter tokens too: "ll/Ol", "l9", "B0x l9"."""
    out = []
    for m in _NUMBER_TOKEN.finditer(text):
        token = m.group()
        if any(c in "OlI|" for c in token) and (
            any(c.isdigit() for c in token) or _SHORT_DATE.fullmatch(token) is not None
        ):
            out.append((m.start(), token.translate(_DIGIT_FOR)))
    return out


_SHORT_DATE = re.compile(r"[0-9OlI]{1,2}/[0-9OlI]{1,2}(?:/[0-9OlI]{2,4})?")


def normalise(text: str) -> str:
    """The text with OCR letter/digit swaps undone (same length), or the text itself."""
    numbers = _number_swaps(text)
    if len(numbers) < MIN_SIGNS:
        return text
    swaps = _short_swaps(text) + numbers + _word_swaps(text)
    chars = list(text)
    for start, replacement in swaps:
        chars[start : start + len(replacement)] = replacement
    fixed = "".join(chars)
    assert len(fixed) == len(text)
    return fixed
