"""Rebuild us_towns.txt: the post-office town names of US ZIP codes.

Run once by a maintainer, not at run time (the package is not a dependency):

    pip install zipcodes==3.0.0
    python recognizers/redactphi_recognizers/data/places/build_us_towns.py

The zipcodes package (MIT licence, https://github.com/seanpianka/zipcodes) embeds the US
ZIP code list with each code's primary city and acceptable alternative names.
"""

from __future__ import annotations

from pathlib import Path

import zipcodes

HEADER = """# US town and city names: the primary and acceptable post-office names of US ZIP codes.
# Source: the zipcodes 3.0.0 package (MIT licence, https://github.com/seanpianka/zipcodes);
# rebuilt by build_us_towns.py in this folder. Towns smaller than the GeoNames list in
# cities.txt holds: used only to confirm a rare town named after a preposition ("a retired
# driver from Cloquet"), never to make a place out of an ordinary word on its own.
"""


def main() -> None:
    names: set[str] = set()
    for record in zipcodes.list_all():
        if not record.get("active", True) or record.get("zip_code_type") == "MILITARY":
            continue
        for name in [record["city"], *(record.get("acceptable_cities") or [])]:
            name = " ".join(name.split())
            # abbreviated forms ("E Galesburg", "Ft Worth") duplicate the full names
            if len(name) < 3 or any(part.rstrip(".") in {"E", "W", "N", "S", "Ft", "Mt", "St"} for part in name.split()):
                continue
            names.add(name)
    out = Path(__file__).with_name("us_towns.txt")
    out.write_text(HEADER + "".join(f"{n}\n" for n in sorted(names)), encoding="utf-8")
    print(f"wrote {len(names)} names to {out}")


if __name__ == "__main__":
    main()
