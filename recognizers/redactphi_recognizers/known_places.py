"""A gazetteer of city and county names (GeoNames, CC BY 4.0), loaded once.

It tells a place a statistical NER found ("Boston", "Abilene") from a capitalised
ordinary word it mistook for one ("Requesting", "Home").
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

__all__ = ["KnownPlaces"]


class KnownPlaces:
    """Lower-cased city, county and country names."""

    def __init__(self, names: set[str], countries: set[str] | None = None, us_towns: set[str] | None = None) -> None:
        self.names = frozenset(names)
        self.countries = frozenset(countries or ())
        # small US towns (ZIP code post-office names): confirm a cued town, never alone
        self.us_towns = frozenset(us_towns or ())

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> KnownPlaces:
        folder = files("redactphi_recognizers").joinpath("data/places")
        names: set[str] = set()
        countries: set[str] = set()
        for name in ("cities.txt", "us_counties.txt", "countries.txt"):
            for line in folder.joinpath(name).read_text(encoding="utf-8").splitlines():
                if line and not line.startswith("#"):
                    names.add(line.strip().lower())
                    if name == "countries.txt":
                        countries.add(line.strip().lower())
                    if line.endswith(" County"):
                        names.add(line[: -len(" County")].strip().lower())
        us_towns = {
            line.strip().lower()
            for line in folder.joinpath("us_towns.txt").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")
        }
        return cls(names, countries, us_towns)

    def __contains__(self, name: str) -> bool:
        return name.strip(" .,;:").lower() in self.names
