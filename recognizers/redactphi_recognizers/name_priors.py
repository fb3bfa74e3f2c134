"""Is this token a personal name or an ordinary word? Priors for settling NER output.

Two public sources: the US Census 1990 name lists (first names and the 40,000 most
frequent surnames, shipped in the `names` package) and English word frequencies
(`wordfreq`). A statistical NER often tags capitalised ordinary words ("Discharge",
"Requesting", "Resume") as people; a span with no token that is a known name or a rare
word is not a name.
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache
from importlib.resources import files

from wordfreq import zipf_frequency

__all__ = ["NamePriors"]

_SURNAMES_KEPT = 40_000  # beyond this the census list is mostly ordinary words and typos
_RARE_WORD_ZIPF = 3.0  # rarer than ~1 per million words: not a common English word
# Endings of medical and derived English words, rare in general text but not names.
# Only long, unambiguous endings: short ones ("-ase", "-ia", "-al") end names too
# (Iwase, Klaudia, Marshal).
_WORD_SUFFIXES = (
    "osis", "itis", "ectomy", "otomy", "ostomy", "plasty", "scopy", "graphy", "emia", "algia",
    "pathy", "ology", "ologic", "ological", "tion", "sion", "ment", "ness", "ical", "ular",
    "esis", "lysis", "rrhea", "uria", "cyte", "esia", "ectasis", "fier", "ility", "ization",
    "biliary", "ductal", "ocele", "ostasis", "trophy", "plasia", "ous", "phic", "tic", "ive",
    # Latin and Greek anatomy and disease words: hemorrhagic, myoclonic, delirium, verumontanum
    "agic", "onic", "ium", "anum", "puncture",
)
# Brand names run words together ("MyChart", "TachoSil"); names with an inner capital
# start with one of these (McDonald, DeBakey, MacArthur, O'Connor, LaPlace, DiMaggio).
_INNER_CAPITAL_NAME = re.compile(r"^(?:Mc|Mac|De|Di|Da|La|Le|Van|Von|O'|O’|St)[A-Z]")
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")
_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|['’\-])*")


class NamePriors:
    """Census name lists and word frequencies, loaded once."""

    def __init__(self, first_names: set[str], surnames: set[str]) -> None:
        self.first_names = frozenset(first_names)
        self.surnames = frozenset(surnames)

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> NamePriors:
        data = files("names")

        def read(name: str, limit: int | None = None) -> set[str]:
            lines = data.joinpath(name).read_text(encoding="ascii").splitlines()[:limit]
            return {line.split()[0].lower() for line in lines if line.strip()}

        first = read("dist.female.first") | read("dist.male.first")
        return cls(first, read("dist.all.last", _SURNAMES_KEPT))

    @cached_property
    def given_names(self) -> frozenset[str]:
        """The census first names and the Social Security baby names that are not everyday
        words (data/names/given_names_ssa.txt): Ravi, Sanjay, Nabil, Tevita, Gunnar. For
        strong shapes only ("PATEL, RAVI"); far too broad to find a name on its own."""
        return _given_names() | self.first_names

    def is_known_name(self, token: str) -> bool:
        t = token.lower().strip("'’-")
        return t in self.first_names or t in self.surnames

    @staticmethod
    @lru_cache(maxsize=65_536)
    def word_frequency(token: str) -> float:
        return float(zipf_frequency(token.lower(), "en"))

    def is_name_like(self, token: str) -> bool:
        """A known name, or a word too rare to be ordinary English (Okafor, Szymanski)
        that does not end like a medical or derived word (analgesia, hepatopancreatobiliary)."""
        parts = [p for p in re.split(r"[-'’]", token) if p]
        # "MyChart" is a brand; "Ortiz-McCallister" is a name: each part of a compound decides
        if any(_INNER_CAPITAL.search(p) and not _INNER_CAPITAL_NAME.match(p) for p in parts) and not _INNER_CAPITAL_NAME.match(token):
            return False
        return self.is_known_name(token) or any(
            self.is_known_name(p)
            or (self.word_frequency(p) < _RARE_WORD_ZIPF and not p.lower().endswith(_WORD_SUFFIXES))
            for p in parts
        )

    def has_name_like_token(self, span: str) -> bool:
        return any(self.is_name_like(t) for t in _TOKEN.findall(span) if len(t) > 1)


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    lines = files("redactphi_recognizers").joinpath("data/names/given_names_ssa.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in lines.splitlines() if line.strip() and not line.startswith("#"))
