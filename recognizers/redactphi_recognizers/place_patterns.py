"""Regex building blocks for US places: states, street suffixes, unit designators, ZIP codes.

Safe Harbor keeps the state but removes every smaller subdivision: street address, city,
county, precinct and ZIP code. These pieces let the address and organisation recognizers
read the grammar of a US address without a gazetteer of cities or streets.
"""

from __future__ import annotations

__all__ = [
    "AMBIGUOUS_STATE_CODES",
    "CITY",
    "DIRECTIONAL",
    "STATE",
    "STATE_CODE",
    "STATE_NAME",
    "STREET_SUFFIX",
    "UNIT",
    "ZIP",
]

_STATE_NAMES = (
    "Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia "
    "Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts "
    "Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon "
    "Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming"
).split() + [
    "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota",
    "Rhode Island", "South Carolina", "South Dakota", "West Virginia", "Puerto Rico",
    "District of Columbia",
]
_STATE_CODES = (
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH "
    "NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI"
).split()
# Postal codes that are also everyday clinical or English abbreviations: MD (doctor),
# PA (physician assistant), OR (operating room), CT (scan), IN/ME/OK/HI (words), CO
# (cardiac output), LA (left atrium), MA (medical assistant), NC (nasal cannula), MS
# (multiple sclerosis), GA (general anesthesia), VA (Veterans Affairs), AR (aortic
# regurgitation), SC (subcutaneous), PR (per rectum), IA (intra-arterial), ND (not done),
# DE, ID, SD, AL, NE, MO, MT, MI (myocardial infarction), VT (ventricular tachycardia),
# NH (nursing home). After a city they need a ZIP or a place cue.
AMBIGUOUS_STATE_CODES = frozenset(
    "MD PA OR CT IN ME OK HI CO LA MA NC MS GA VA AR DE ID SD AL NE MO MT DC GU VI SC PR IA "
    "ND MI VT NH".split()
)

STATE_NAME = "(?:" + "|".join(
    sorted((n.replace(" ", r"[ \t]+") for n in _STATE_NAMES), key=len, reverse=True)
) + "|" + "|".join(n.upper().replace(" ", r"[ \t]+") for n in _STATE_NAMES) + ")"
STATE_CODE = r"(?:" + "|".join(_STATE_CODES) + r")(?![\w'’])"
STATE = rf"(?:{STATE_NAME}|{STATE_CODE})(?![\w'’])"
ZIP = r"\d{5}(?:-\d{4})?(?![\w\-])"

DIRECTIONAL = (
    r"(?:(?:North|South|East|West)(?:east|west)?|(?:NORTH|SOUTH|EAST|WEST)(?:EAST|WEST)?"
    r"|N\.?[EW]\.?|S\.?[EW]\.?|[NSEW]\.?)"
)
# USPS street suffixes in common use, spelled out and abbreviated. "Pt" (patient), "Ctr",
# "Park", "Point", "Run", "Walk", "Path", "Pass" and "Center" are left out: in notes they
# are more often something else, and such an address still has its city, state and ZIP.
_SUFFIX_WORDS = (
    "Street St Avenue Ave Av Road Rd Boulevard Blvd Drive Dr Lane Ln Court Ct Way Place Pl "
    "Terrace Ter Terr Parkway Pkwy Pky Highway Hwy Circle Cir Trail Trl Square Sq Loop Alley "
    "Aly Crescent Cres Expressway Expy Freeway Fwy Turnpike Tpke Pike Plaza Plz Crossing Xing "
    "Commons Cove Cv Heights Hts Hollow Landing Meadows Manor Mews Ridge Row Glen Grove Bend "
    "Knoll Vista Estates Trace"
).split()
STREET_SUFFIX = "(?:" + "|".join(
    sorted(_SUFFIX_WORDS + [w.upper() for w in _SUFFIX_WORDS], key=len, reverse=True)
) + r")\.?(?![\w'’\-])"
UNIT = (
    r"(?:(?:Apt|APT|Apartment|APARTMENT|Suite|SUITE|Ste|STE|Unit|UNIT|Bldg|BLDG|Building|BUILDING"
    r"|Floor|FLOOR|Fl|FL|Rm|RM|Room|ROOM|Pavilion|PAVILION|Wing|WING|Tower|TOWER|Lot|LOT|Space|SPACE|Trlr|TRLR|Dept|DEPT|Box|BOX|Mail[ \t]+Stop|MS)\.?[ \t]*#?[ \t]*"
    r"[A-Z0-9][A-Za-z0-9\-]{0,6}(?![\w\-])"
    r"|\#[ \t]*[A-Z0-9][A-Za-z0-9\-]{0,6}(?![\w\-])"
    r"|(?:Lower|Upper|Ground|LOWER|UPPER|GROUND)[ \t]+(?:Level|Floor|LEVEL|FLOOR)"
    r"|\d{1,2}(?:st|nd|rd|th|ST|ND|RD|TH)[ \t]+(?:Floor|FLOOR|floor|Fl|FL|fl)\.?)"
)
# A city: one to three capitalised words, "St./Ft./Mt." prefixes, hyphens and apostrophes
# (Winston-Salem, Coeur d'Alene, O'Fallon, St. Louis), or the same in capitals.
_CITY_WORD = (
    r"(?:(?:Mc|Mac)?[A-ZÀ-Þ][a-zß-ÿ]+(?:['’ʻ\-][A-Za-zß-ÿ][a-zß-ÿ]+)*|[A-ZÀ-Þ]{2,}(?:['’\-][A-Z]{2,})*|d['’][A-Z][a-z]+|O['’][A-Z][a-z]+)"
)
CITY = (
    rf"(?:(?:St|Ste|Ft|Mt|Pt|ST|FT|MT)\.?[ \t]+)?{_CITY_WORD}"
    rf"(?:[ \t]+(?:{_CITY_WORD}|de|del|la|du|of|on)){{0,2}}"
)
