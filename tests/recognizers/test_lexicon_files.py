"""The clinical lexicon's data files keep the format its README promises."""

from __future__ import annotations

from pathlib import Path

import pytest
from redactphi_recognizers.name_priors import NamePriors

LEXICON = Path(__file__).resolve().parents[2] / "recognizers" / "redactphi_recognizers" / "data" / "lexicon"
FILES = sorted(LEXICON.glob("*.txt"))


def _terms(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]


def test_every_lexicon_file_is_there() -> None:
    names = {p.name for p in FILES}
    assert {"eponyms.txt", "eponym_phrases.txt", "drugs.txt", "devices.txt", "scales_scores.txt"} <= names


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_header_no_blank_lines_no_duplicates(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines and lines[0].startswith("#"), "each file opens with a # header"
    terms = _terms(path)
    assert all(t.strip() == t and t for t in terms), "no blank or padded lines"
    folded = [t.casefold() for t in terms]
    duplicates = sorted({t for t in folded if folded.count(t) > 1})
    assert duplicates == []


@pytest.mark.parametrize("name", ["drugs.txt", "devices.txt"])
def test_brand_lists_hold_no_bare_person_names(name: str) -> None:
    """A one-word brand that is also a common first name or surname would shield that
    person's name from redaction; such brands are listed only as longer phrases."""
    priors = NamePriors.load()
    bare = [t for t in _terms(LEXICON / name) if " " not in t]
    # Names listed before this check, each reviewed: a device or drug far more often than
    # a person in clinical notes.
    reviewed = set(_REVIEWED)
    flagged = [t for t in bare if priors.is_known_name(t) and t not in reviewed]
    assert flagged == []


_REVIEWED: tuple[str, ...] = (
    "Tobi",
    "Nix",
    "ASA",
    "Bonine",
    "Urso",
    "Rayos",
    "Yasmin",
    "ICE",
    "Allegra",
    "Muse",
    "THAM",
    "Maxon",
    "silk",
    "Quill",
    "GIA",
    "Erbe",
    "Arista",
    "Penrose",
    "Foley",
    "Eakin",
    "Groshong",
    "Hickman",
    "Watchman",
    "Sapien",
    "Cypher",
    "Fogarty",
    "ROSA",
    "Hasson",
    "Balfour",
    "Kitner",
    "Freer",
    "Hoffmann",
    "Actis",
    "Grafton",
    "Stryker",
    "DePuy",
    "Zimmer",
    "LITT",
    "Anspach",
    "Ponto",
    "Alcon",
    "McGrath",
    "bougie",
    "Shiley",
    "Bivona",
    "Ballard",
    "Drager",
    "Draeger",
    "Avance",
    "Baxter",
    "Zoll",
    "Jobst",
    "Kling",
    "PICO",
    "Bentson",
    "Dornier",
    "JADA",
    "LEEP",
    "Siemens",
    "Philips",
    "Bard",
    "Gore",
    "Abbott",
    "Merck",
    "Roche",
    "Janssen",
    "Takeda",
    "Bayer",
    "Sandoz",
    "Pilling",
    "Sklar",
    "Mathys",
    "Hollister",
)
