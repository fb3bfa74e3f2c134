"""US street addresses, cities with their state, counties and ZIP codes.

Safe Harbor removes every geographic subdivision smaller than a state. An address is
read by its grammar (house number, street name, suffix, unit, city, state, ZIP), so a
whole letterhead or "lives at" line becomes one span; no gazetteer is needed. A state
alone is kept; a city is taken when its state (or ZIP) stands next to it, and a state
code that is also a clinical abbreviation ("Cook, MD", "Abdomen, CT") needs a ZIP or a
place cue ("in", "from") before the city.
"""

from __future__ import annotations

import re

from .known_places import KnownPlaces
from .name_priors import NamePriors
from .place_patterns import (
    AMBIGUOUS_STATE_CODES,
    CITY,
    DIRECTIONAL,
    STATE,
    STATE_CODE,
    STREET_SUFFIX,
    UNIT,
    ZIP,
)
from .span_pattern import SpanMatch, SpanPattern, SpanPatternRecognizer, preceding_words

__all__ = ["StreetAddressRecognizer"]

# A street-name word: Maple, McArthur, O'Neil, MAPLE, 11th, St. (Saint), Mt. (Mount).
_NAME_WORD = (
    r"(?:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:[A-Z][a-z]+)?(?:['’\-][A-Za-z][a-zß-öø-ÿ]+)*|[A-ZÀ-ÖØ-Þ]{2,}(?:['’\-][A-Z]{2,})*"
    r"|\d{1,3}(?:st|nd|rd|th|ST|ND|RD|TH)|(?:St|Mt|Ft|ST|MT|FT)\.)"
)
_STREET_NAME = rf"{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,3}}"
# Wisconsin fire numbers and grid addresses start with a direction: "W3871 County Road JJ".
_HOUSE_NUMBER = r"(?<![\w.#/\-:,$])(?:[NSEW](?=\d{3,5}[ \t]))?\d{1,6}(?:[A-Z]|-\d{1,4}|[ \t]+1/2)?"
_STREET_LINE = (
    rf"(?P<num>{_HOUSE_NUMBER})[ \t]+(?:{DIRECTIONAL}[ \t]+)?(?P<name>{_STREET_NAME})[ \t]+"
    rf"(?P<suffix>{STREET_SUFFIX})(?:[ \t]+{DIRECTIONAL}(?![\w]))?"
)
_ROUTE_LINE = (
    rf"(?P<rnum>{_HOUSE_NUMBER})[ \t]+(?:{DIRECTIONAL}[ \t]+)?"
    r"(?:(?:State|County|US|U\.S\.|Old|Farm[ \t]+to[ \t]+Market|Township|Twp|Co|STATE|COUNTY|OLD|TOWNSHIP)[ \t]+)?"
    r"(?:Highway|Hwy|Route|Rte|Road|Rd|HIGHWAY|HWY|ROUTE|RTE|ROAD|RD)\.?[ \t]*#?[ \t]*"
    r"\d{1,4}[A-Z]?(?![\w])"
)
_PO_BOX = r"(?i:(?<![\w])(?:P\.?[ \t]?O\.?|Post[ \t]+Office)[ \t]*Box[ \t]*#?[ \t]*\d{1,6}(?![\w]))"
# "RR 18" is a respiratory rate; a rural route needs its box, or the words spelled out.
_RURAL_ROUTE = (
    r"(?i:(?<![\w])(?:Rural[ \t]+Route[ \t]*#?[ \t]*\d{1,4}(?:[ \t,]+Box[ \t]*#?[ \t]*\d{1,5})?"
    r"|(?:R\.?R\.?|RFD|HC|Rt|Rte|RT|RTE)\.?[ \t]*#?[ \t]*\d{1,4}[ \t,]+Box[ \t]*#?[ \t]*\d{1,5})(?![\w]))"
)
_UNITS = rf"(?:(?:,[ \t]*|[ \t]+){UNIT}){{0,2}}"
# Between the street line and the city: a comma, a line break (letterheads), or a dash or
# bar as in "2150 Alpine Drive, Suite 300 - Boulder, Colorado".
_SEPARATOR = r"(?:,[ \t]*(?:\r?\n[ \t]*)?|[ \t]*\r?\n[ \t]*|[ \t]+[-–—|·•][ \t]+|[ \t]+)"
_CITY_STATE_ZIP = (
    rf"(?P<city>{CITY})(?:(?:,[ \t]*|[ \t]+)(?P<state>{STATE})(?:,?[ \t]+(?P<zip>{ZIP}))?"
    rf"|,?[ \t]+(?P<zip2>{ZIP}))"
)
# "789 Maple St., New Orleans" -- a city with no state, taken only where the sentence or
# line ends after it.
_CITY_ONLY = rf",[ \t]*(?P<city_only>{CITY})(?=[ \t]*(?:[.;:)\]]|\r?\n|$|[ \t][a-z]))"
_TAIL = rf"(?:{_SEPARATOR}{_CITY_STATE_ZIP}|{_CITY_ONLY})?"

_STREET_ADDRESS = re.compile(rf"(?P<phi>{_STREET_LINE}{_UNITS}{_TAIL})")
# Spanish street types, before the name: "611 Paseo de Peralta, Santa Fe, NM 87501" and, as
# Puerto Rico writes them, with the number after: "Calle Isabel 2150, Ponce, PR 00717".
_SPANISH_TYPE = (
    r"(?:Calle|CALLE|Camino|CAMINO|Paseo|PASEO|Avenida|AVENIDA|Ave\.|Carretera|CARRETERA|Carr\.|Callej[oó]n"
    r"|Plaza|Rancho|Vereda|Urb\.|Urbanizaci[oó]n|URB\.)"
)
_SPANISH_NAME = (
    rf"(?:(?:de|del|de[ \t]+la|de[ \t]+los|de[ \t]+las|la|las|los|el|DE|DEL|LA|LAS|LOS|EL)[ \t]+)?"
    rf"{_NAME_WORD}(?:[ \t]+(?:(?:de|del|la|las|los|el)[ \t]+)?{_NAME_WORD}){{0,2}}"
)
_SPANISH_NUMBER_FIRST = re.compile(
    rf"(?P<phi>{_HOUSE_NUMBER}[ \t]+{_SPANISH_TYPE}[ \t]+{_SPANISH_NAME}{_UNITS}{_TAIL})"
)
_SPANISH_NUMBER_AFTER = re.compile(
    rf"(?<![\w])(?P<phi>{_SPANISH_TYPE}[ \t]+{_SPANISH_NAME}[ \t]+#?[ \t]*\d{{1,5}}[A-Z]?(?![\w/]){_UNITS}{_TAIL})"
)
_ROUTE_ADDRESS = re.compile(rf"(?P<phi>{_ROUTE_LINE}{_UNITS}{_TAIL})")
# Grid addresses (Utah, Idaho): "3390 N 800 W, Smithfield, UT 84335", "2716 E 3700 N".
_GRID_ADDRESS = re.compile(
    rf"(?P<phi>{_HOUSE_NUMBER}[ \t]+[NSEW]\.?[ \t]+\d{{1,5}}[ \t]+[NSEW]\.?(?![\w]){_UNITS}{_TAIL})"
)
_BOX_ADDRESS = re.compile(rf"(?P<phi>(?:{_PO_BOX}|{_RURAL_ROUTE}){_UNITS}{_TAIL})")
_CITY_STATE = re.compile(
    rf"(?<![\w'’\-.])(?P<phi>(?P<city>{CITY})(?:(?:,[ \t]*|[ \t]+)(?P<state>{STATE})"
    rf"(?:,?[ \t]+(?P<zip>{ZIP}))?"
    # or a country after a comma, outside the span: "Lima, Peru", "Ushuaia, Argentina"
    r"|(?=,[ \t]*(?P<country>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2})(?![\w'’\-]))))"
)
# Military mail: "CMR 480 Box 2271, APO AE 09128", "PSC 3 Box 1420, FPO AP 96349-0014", "Unit 4510 Box 12, DPO AE 09498".
_MILITARY_MAIL = re.compile(
    r"(?<![\w\-])(?P<phi>(?:(?:CMR|PSC|UNIT|Unit)[ \t]+\d{1,5},?[ \t]+(?:Box|BOX)[ \t]+\d{1,5},?[ \t]+)?"
    r"(?:APO|FPO|DPO)[ \t]+(?:AE|AP|AA)[ \t]+\d{5}(?:-\d{4})?)(?![\w\-])"
)
# A known town in brackets after a name or an address ("Gentle Harbor House (Auburn)",
# "Indian School Rd (Maryvale)"), or two joined by a slash ("Earlimart/Pixley").
_CITY_IN_BRACKETS = re.compile(rf"(?<=[A-Za-z0-9.])[ \t]+\((?P<phi>{CITY})\)")
# A town closing a bracket after a comma: "(GI, Petoskey)", "(Teams, Dickinson)".
_TOWN_CLOSING_BRACKET = re.compile(rf"\([^()\n]{{1,40}},[ \t]*(?P<phi>{CITY})\)")
_CITY_PAIR = re.compile(rf"(?<![\w'’\-/])(?P<phi>(?P<a>{CITY})/(?P<b>{CITY}))(?![\w'’\-/])")
# A named residential complex: "Riverside Gardens Apartments", "Pine Hollow Mobile Home Park".
_RESIDENTIAL_COMPLEX = re.compile(
    r"(?<![\w'’\-])(?P<phi>(?:(?:[A-Z][a-z]+|[A-Z]{2,}|\d{1,4})(?:['’][a-z]+)?[ \t]+){1,4}"
    r"(?:Apartments|Apartment[ \t]+Homes|Apts\.?|Townhomes|Townhouses|Condominiums|Condos|Lofts"
    r"|(?:Mobile|Manufactured)[ \t]+Home[ \t]+(?:Park|Community|Estates)|Trailer[ \t]+Park|RV[ \t]+Park"
    r"|APARTMENTS|APTS|TOWNHOMES|CONDOMINIUMS|MOBILE[ \t]+HOME[ \t]+PARK|TRAILER[ \t]+PARK))(?![\w\-])"
)
# A stop of an itinerary written with arrows: "Houston -> Lima, Peru", "Valparaíso -> Puerto
# Montt". The gazetteer decides.
_ITINERARY_PLACE = re.compile(
    rf"(?:(?<=->)|(?<=→)|(?<==>))[ \t]*(?P<after>{CITY})|(?<![\w'’\-])(?P<before>{CITY})(?=[ \t]*(?:->|→|=>))"
)
_COUNTY = re.compile(
    r"(?<![\w'’\-])(?P<phi>(?:[A-Z][a-z]+(?:['’\-][A-Za-z][a-z]+)*[ \t]+){1,3}"
    r"(?:County|Parish|Borough|COUNTY|PARISH))(?![\w\-])"
)
_LABELLED_ZIP = re.compile(
    r"(?i:\b(?:zip(?:[ \t]*code)?|zipcode|postal[ \t]+code)\b\.?[ \t]*(?:#|:|is|of|=|-|\.{3,}:?)?[ \t]*)"
    rf"(?P<phi>{ZIP})"
)
_ZIP_AFTER_STATE = re.compile(rf"(?<![\w])(?P<state>{STATE_CODE})[ \t]+(?P<phi>{ZIP})")
_FULL_SUFFIX = (
    r"(?:Street|Avenue|Road|Boulevard|Drive|Lane|Court|Parkway|Highway|Terrace|Circle|Trail"
    r"|STREET|AVENUE|ROAD|BOULEVARD|DRIVE|LANE|COURT|PARKWAY|HIGHWAY|TERRACE|CIRCLE|TRAIL)(?![\w])"
)
_STREET_NO_NUMBER = rf"(?:{DIRECTIONAL}[ \t]+)?{_STREET_NAME}[ \t]+"
# A numbered road as one side of an intersection: "Route 9", "State Route 39", "Hwy 61".
_NUMBERED_ROAD = (
    r"(?:(?:State|US|U\.S\.|County|Farm[ \t]+to[ \t]+Market|Interstate)[ \t]+)?"
    r"(?:Route|Rte|Highway|Hwy|Road|SR|CR|FM)\.?[ \t]*#?[ \t]*\d{1,4}[A-Z]?(?![\w])"
)
_INTERSECTION = re.compile(
    rf"(?<![\w])(?P<phi>(?:{_STREET_NO_NUMBER}{STREET_SUFFIX}|{_NUMBERED_ROAD})[ \t]+(?:and|&|at|near|/)[ \t]+"
    rf"(?:{_STREET_NO_NUMBER}{STREET_SUFFIX}|{_NUMBERED_ROAD})"
    # the town the crossing is in or near: "... and Carver Mill Road near Millersburg"
    rf"(?:[ \t]+(?:in|near|outside(?:[ \t]+of)?)[ \t]+{CITY}(?=[ \t]*[.,;)]|[ \t]+(?:at|on|around|about|and)\b))?)"
)
_CUED_STREET = re.compile(
    rf"\b(?:on|off|onto|near|at|along|out|down|past|via|ON|OFF|ONTO|NEAR|AT|ALONG)[ \t]+(?P<phi>{_STREET_NO_NUMBER}(?P<suffix>{_FULL_SUFFIX}"
    # abbreviations that are no title or saint ("St", "Dr" are): "on Dunbar Ave"
    r"|(?:Ave|Blvd|Pkwy|Hwy|Rd|AVE|BLVD|PKWY|HWY|RD)\.?(?![\w])|(?:St|ST)(?![.][ \t]*[A-Z])\.?(?![\w])"
    # "Dr" only closing a clause: "via Walgreens on Pinecrest Dr."
    r"|(?:Dr|DR)\.?(?=[ \t]*(?:[,;)]|\.?[ \t]*(?:\n|\Z)|\.[ \t]+[A-Z])))"
    # a quadrant after the suffix: "on 14th Ave N", "Ridge Hollow Pl SE"
    r"(?:[ \t]+(?:NE|NW|SE|SW|N|S|E|W)(?![\w]|\.[A-Za-z]))?)"
)
_LOWER_SUFFIX = (
    r"(?:street|avenue|road|boulevard|drive|lane|court|way|place|terrace|parkway|highway"
    r"|circle|trail|st|ave|rd|blvd|dr|ln|ct|pl|pkwy|hwy)\.?(?![\w])"
)
# All-lower-case notes (dictation, some exports): the same grammar, lower case throughout.
_LOWER_ADDRESS = re.compile(
    r"(?P<phi>(?<![\w.#/\-:,$])\d{1,6}[a-z]?[ \t]+"
    r"(?:(?:n|s|e|w|ne|nw|se|sw|north|south|east|west)\.?[ \t]+)?"
    r"(?P<name>(?:[a-z][a-z'’\-]+|\d{1,3}(?:st|nd|rd|th))(?:[ \t]+[a-z][a-z'’\-]+){0,2})[ \t]+"
    rf"(?P<suffix>{_LOWER_SUFFIX})"
    r"(?P<rest>(?:,?[ \t]+(?:apt|apartment|suite|ste|unit)\.?[ \t]*#?[ \t]*"
    r"[a-z0-9\-]{1,6}(?![\w]))?"
    r"(?:,[ \t]*[a-z][a-z'’\-]+(?:[ \t]+[a-z][a-z'’\-]+){0,2},?[ \t]+"
    r"(?:[a-z]{2}|[a-z]{4,}(?:[ \t]+[a-z]+)?)(?:[ \t]+\d{5}(?:-\d{4})?)?(?![\w])"
    # speech recognition drops the commas: "2214 shroyer park drive dayton ohio 45419"
    r"|(?:[ \t]+[a-z][a-z'’\-]+){1,4}[ \t]+\d{5}(?:-\d{4})?(?![\w]))?))"
)
# A street line with an uncommon type before a full "City, ST 12345": "615 Old Mill Run,
# Hellertown, PA 18055" (the ZIP makes the line an address).
_STREET_BEFORE_ZIP = re.compile(
    rf"(?<![\w#/.\-])(?P<phi>\d{{1,6}}[ \t]+(?:{DIRECTIONAL}[ \t]+)?[A-Z][A-Za-z'’\-]+(?:[ \t]+[A-Z][A-Za-z'’\-]+){{0,3}})"
    rf"(?=(?:,[ \t]*{UNIT})?,[ \t]*(?:{CITY}),?[ \t]+(?:{STATE})[ \t]+{ZIP})"
)
# A rare gazetteer town after a preposition: "discharged to home in Aransas Pass", "a retired
# driver from Cloquet", "the lot in Gooding" (checked in confirm: known, not a common word).
_RARE_TOWN_AFTER_PREPOSITION = re.compile(
    rf"\b(?:in|from|near|outside)[ \t]+(?P<phi>{CITY})(?![\w'’\-])(?![ \t]*,?[ \t]*(?:MD|DO|RN|NP|PA)\b)"
)
# A rare town after a preposition in a capitals printout: "RETIRED MACHINIST FROM FOSTORIA",
# "IN AND FOR THE COUNTY OF COCONINO" (checked against the town and county lists in confirm).
_CAPS_TOWN_AFTER_PREPOSITION = re.compile(
    r"\b(?:FROM|IN|NEAR|OUTSIDE|OF)[ \t]+(?P<phi>[A-Z]{3,}(?:[ \t][A-Z]{3,}){0,2})(?![\w'’\-])"
)
# A hundred block in police and EMS narratives: "in the 1400 block of Marlowe Street".
_BLOCK_OF = re.compile(
    r"(?<![\w])(?P<phi>\d{1,5}[ \t]+(?:block|BLOCK)[ \t]+(?:of|OF)[ \t]+(?:[NSEW]\.?[ \t]+)?[A-Z][A-Za-z'’\-]+(?:[ \t]+[A-Z][A-Za-z'’\-]+)?"
    r"[ \t]+(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Court|Ct|Place|Pl|Parkway|Pkwy|Highway|Hwy"
    r"|STREET|ST|AVENUE|AVE|ROAD|RD|BLVD|LANE|LN|DRIVE|DR|WAY)\.?)(?![\w])"
)
# "COUNTY: BLAIR", "County: Lake": a county named in its own field.
_COUNTY_FIELD = re.compile(
    r"\b(?:COUNTY|County|PARISH|Parish|BOROUGH|Borough)(?:[ \t]+of[ \t]+residence)?[ \t]*:[ \t]*(?P<phi>[A-Z][A-Za-z'’\-]+(?:[ \t][A-Z][A-Za-z'’\-]+)?)(?![\w'’\-])"
)

# Words that, written before a number, make it a count or a measure rather than a house
# number ("POD 2", "grade 3", "bed 12", "x 4").
_NUMBER_CUES = frozenset(
    "pod day days grade stage type class level room rm bed bay step phase zone version page "
    "x times gauge size number no # hd dose cycle week weeks month months year years para "
    "gravida parity station fr french zone quadrant rib ribs lead leads".split()
)
# First words of "number + name + suffix" matches that are units or quantities, not street
# names ("2 MM ST elevation", "3 Cm Dr").
_MEASURE_WORDS = frozenset(
    "mm cm m km mg mcg g kg ml l cc units unit mmol meq iu fr french gauge ga hours hrs hr "
    "minutes min days weeks months years times x lb lbs oz in ft inches feet mph".split()
)
_LOWER_STOPWORDS = frozenset(
    "the a an of to and or with without for his her their our my your this that these those "
    "down up over under into onto from in on at by is was were be been being had has have "
    "no not per each every all some any other another more less left right".split()
)
# The word right before a city that makes it a place ("in Baltimore, MD"), and words that
# do so from a little further back ("Provider location: clinic office, Redmond, OR").
_PLACE_CUES = frozenset(
    "in from to near at of outside around visiting visited lives live living resides reside "
    "residing resident moved born raised located based relocated returning returned hometown "
    "city location address residence town traveled travelled trip vacation home".split()
)
_STRONG_PLACE_CUES = frozenset(
    "location address residence resides residing lives living hometown moved relocated born "
    "raised city town traveled travelled".split()
)
# Capitalised words a city match may sweep up at the start of a sentence or heading.
_LEADING_NON_CITY = frozenset(
    "the in from at of to near lives living resides moved born visiting located patient pt "
    "home address city location residence hometown".split()
)
_TITLES = frozenset("dr doctor mr mrs ms miss prof".split())


# Where a person lives or comes from: "residing in Westchester", "lives in the Bronx".
_RESIDENCE = re.compile(
    r"\b(?i:lives|living|live|resides|residing|resident|reside|moved|relocated|born|raised|grew[ \t]+up)"
    # "lives with wife Mele and three kids in Clovis"
    r"(?:[ \t]+(?i:with|w/)[ \t]+[^.;\n]{1,40}?)?"
    r"[ \t]+(?:in|to|near|from|at)[ \t]+"
    rf"(?P<phi>(?:the[ \t]+)?{CITY})(?![\w'’])"
)
# A known city between a person or place and a phone: "niece Caroline Frost-Abbott,
# Glastonbury  860-555-0171" (the gazetteer decides).
_CITY_BEFORE_PHONE = re.compile(
    rf",[ \t]*(?P<phi>{CITY})(?=[ \t]*[,;]?[ \t]*\(?\d{{3}}\)?[ \t.\-]?\d{{3}}[ .\-]\d{{4}}(?!\d))"
)
# A highway and the town it passes: "MCC on I-94 near Kenosha", "I-80 westbound outside Laramie".
_HIGHWAY_NEAR = re.compile(
    r"(?P<phi>\b(?:I|Interstate|US|SR|Hwy|Highway|Route)[ \t\-]?\d{1,3}"
    r"(?:[ \t]+(?:east|west|north|south)bound)?[ \t]+(?:near|outside(?:[ \t]+of)?|in)[ \t]+"
    rf"{CITY})(?![\w'’])"
)
# A crash or pickup site on a highway: "near mile marker 497 east of Hardin", "MM 112".
_MILE_MARKER = re.compile(
    r"(?P<phi>\b(?:[Mm]ile[ \t]+[Mm]arker|MILE[ \t]+MARKER|MM)[ \t]*#?[ \t]*\d{1,3}(?:\.\d)?"
    rf"(?:[ \t]+(?:(?:east|west|north|south|E|W|N|S)[ \t]+of|near|outside(?:[ \t]+of)?)[ \t]+{CITY})?)(?![\w'’])"
)
# A town naming the site of a service after it: "sent to the Farmington ED", "Her Duluth
# cardiologist", "Cardiopulmonary Rehab, Englewood site", "the Waverly branch".
_TOWN_BEFORE_SERVICE = re.compile(
    rf"(?<![\w'’\-.])(?P<phi>{CITY})[ \t]+(?=(?:(?:specialty|satellite|outpatient|main|primary|walk-in|community|regional)[ \t]+)?"
    r"(?:ED|ER|emergency[ \t]+department|clinic|office|site|campus|affiliate|center|centre|unit|facility"
    r"|branch|location|cardiologist|oncologist|PCP|doctor|physician|surgeon|dentist|urologist|nephrologist"
    r"|neurologist|pulmonologist|dermatologist|podiatrist|chiropractor|hospital|nursing[ \t]+home|VA"
    r"|plant|Plant|mill|Mill|warehouse|refinery|factory|depot|distribution[ \t]+center|store|Campus)\b)"
)
# Puerto Rican address parts: "Urb. Villa Sultanita", "Bo. Caguana", "Sector La Torre",
# "Calle 3 D-14", "Calle 31 SO #1784", "Edif. Médico Torre San Patricio" (the resolver joins the
# comma-separated parts into one address).
_PR_WORD = r"(?:[A-ZÁÉÍÓÚÑ][a-záéíóúñü'’\-]+|[A-ZÁÉÍÓÚÑ]{2,}|\d{1,4})"
_PR_PART = re.compile(
    r"(?<![\w'’\-])(?P<phi>(?:Urb\.|Urbanizaci[oó]n|URB\.|Bo\.|Barrio|BO\.|Sector|Parcelas|Comunidad|Res\.|Residencial"
    r"|Cond\.|Condominio|Edif\.|Edificio|Reparto|Extensi[oó]n|Jard(?:ines|\.)|Recinto|Ave\.|Avenida|Plaza|Calle(?=[ \t]+[A-ZÁÉÍÓÚÑ]))"
    rf"[ \t]+{_PR_WORD}(?:[ \t]+(?:(?:de|del|la|las|los|y|el)[ \t]+)?{_PR_WORD}){{0,4}}"
    # a numbered calle needs its block letters or a lettered number ("Calle 5 #23" may be a bed)
    r"|Calle[ \t]+\d{1,3}(?:[ \t]+[A-Z]{1,2}(?:-?\d{1,3})?(?:[ \t]*#[ \t]*[0-9A-Z][0-9A-Z\-]{0,6})?"
    r"|[ \t]*#[ \t]*\d{1,4}[A-Z][0-9A-Z\-]{0,5})(?![\w\-])"
    r"|HC-?\d{1,2}[ \t]+Box[ \t]+\d{1,6}(?![\w\-]))"
)
# A named campus or shopping centre: "University City campus", "West Campus", "(Ridgewood Plaza)".
_NAMED_CAMPUS = re.compile(
    r"(?:(?<=,[ \t])|(?<=\bat[ \t])|(?<=[-–(][ \t])|(?<=\()|(?<=[A-Z]{3}[ \t])|(?<=\n)|\A)"
    r"(?P<phi>(?:The[ \t]+)?(?P<name>(?:[A-Z][a-z]+[ \t]+){1,2})(?:[Cc]ampus|Plaza|Shopping[ \t]+Center|Mall|Town[ \t]+Center))(?![\w])"
)
_NOT_CAMPUS_NAMES = frozenset("Main Medical Health Hospital Our This That Same Each Every Other Clinic Office New Old Professional".split())
# A street named as a field of its own, between commas: "Walgreens #10463, Dowlen Rd,
# Beaumont", "Pharmacy: Fry's Pharmacy, Bell Rd".
_STREET_FIELD = re.compile(
    rf"(?<=,)[ \t]*(?P<phi>{_STREET_NO_NUMBER}(?:{_FULL_SUFFIX}|(?:Rd|Ave|Blvd|Pkwy|Hwy|Ln|Dr|St)\.?(?![\w])))"
    r"(?=[ \t]*(?:,|;|:|\)|\n|\Z))"
)
# An airport by name: "Flown to Houma-Terrebonne Airport".
_AIRPORT = re.compile(
    r"(?<![\w'’\-])(?P<phi>(?:[A-Z][\w'’.\-]*[ \t]+){1,4}(?:International[ \t]+|Regional[ \t]+|Municipal[ \t]+|County[ \t]+)?"
    r"(?:Airport|Airfield|Air[ \t]+Park|Heliport))(?![\w])"
)
# A town after a double dash, closing its field: "Hospital Regional del Norte -- Arecibo".
_TOWN_AFTER_DOUBLE_DASH = re.compile(rf"[ \t]--[ \t]+(?P<phi>{CITY})(?=[ \t]*(?:\n|\Z|[,;(]))")
# A numbered road after a place cue: "the pharmacy (CVS on Route 27)", "off Hwy 64".
_CUED_ROUTE = re.compile(
    # (not an interstate: "on I-90 eastbound" names no place a person lives)
    r"\b(?:on|off|onto|along|near|via|ON|OFF|ALONG|NEAR)[ \t]+(?P<phi>(?:Route|Rt\.?|Rte\.?|Highway|Hwy\.?|State[ \t]+Route|SR|County[ \t]+Road|CR|US)"
    r"[ \t\-]?\d{1,4}[A-Z]?)(?![\w\-])"
)
# A town a distance and a direction away: "his place 9 miles north of Long Pine".
_DISTANCE_FROM_TOWN = re.compile(
    r"\b\d+(?:\.\d+)?[ \t]*(?:miles?|mi\.?|km|kilometers?)[ \t]+(?:north|south|east|west|northeast|northwest|southeast"
    r"|southwest|N|S|E|W|NE|NW|SE|SW)[ \t]+(?:of|outside(?:[ \t]+of)?|from)[ \t]+"
    rf"(?P<phi>{CITY})(?![\w'’])"
)
# An apartment alone in a sentence: "the hallway of Apt 4D", "moved to apartment 12B". A
# number is needed ("apartment complex" is no place); a letter alone only after "Apt".
_APARTMENT = re.compile(
    r"(?<![\w/\-])(?P<phi>(?:Apt|APT|Apartment|APARTMENT|apartment)\.?[ \t]*#?[ \t]*"
    r"(?:\d{1,5}[A-Za-z]?|[A-Z]-?\d{1,4}[A-Za-z]?)(?![\w\-/]|\.\d)"
    r"(?![ \t]+(?:weeks?|wks?|days?|months?|mos?|blocks?|miles?|mi|hours?|hrs?|min|minutes|bedrooms?|br|bd|years?|yrs?|times|floors?|stories)\b)|(?:Apt|APT)\.?[ \t]+[A-H](?![\w'’\-]))"
)
# A street without a house number in an address field, with its town: "Address: Chapter
# House Road, Mile 4, Many Farms, AZ 86538".
_LABELLED_STREET = re.compile(
    rf"\b(?:Address|ADDRESS|Addr|Residence|RESIDENCE)[ \t]*:[ \t]*(?P<phi>{_STREET_NO_NUMBER}{STREET_SUFFIX}"
    rf"(?:,[ \t]*(?:Mile|MILE|Mi\.?)[ \t]*\d{{1,3}}(?:\.\d)?)?{_UNITS}{_TAIL})"
)
# A street named by its type and a letter or number ("808 Avenue D", "12 Road 7"), a route
# written the other way round ("11200 US-400 Hwy"), Puerto Rico's kilometre addresses ("Carr.
# 172 Km 3.4") and a suite written before the number ("Suite 204, 777 Route 4").
_TYPE_FIRST_STREET = re.compile(
    rf"(?P<phi>(?:(?:Suite|Ste|Unit|Apt|Bldg)\.?[ \t]*#?[ \t]*[A-Z0-9\-]{{1,6}},[ \t]*)?{_HOUSE_NUMBER}[ \t]+"
    r"(?:(?:Avenue|Ave|Street|St|Road|Rd|Route|Rte|Highway|Hwy|County[ \t]+Road|CR|FM)\.?[ \t]+[A-Z0-9]{1,4}(?![\w\-])"
    r"|(?:US|SR|I|CR|FM|K|M|N|SH)-[ \t]?\d{1,4}[ \t]+(?:Hwy|Highway|Bypass|Byp|Loop|Spur)\.?)"
    rf"{_UNITS}{_TAIL})"
)
# A base or campus building before a street without a number: "Bldg 2410, Hospital Loop,
# Fort Calloway, TX 76544" (a town, state or ZIP must follow).
_BUILDING_ADDRESS = re.compile(
    rf"(?P<phi>(?:Bldg|BLDG|Building|BUILDING)\.?[ \t]*#?[ \t]*\d{{1,5}}[A-Z]?,[ \t]*{_STREET_NO_NUMBER}{STREET_SUFFIX}{_UNITS}{_TAIL})"
)
_KM_ADDRESS = re.compile(
    rf"(?P<phi>(?:Carr\.?|Carretera|CARR\.?|PR-?)[ \t]*\d{{1,4}}(?:[A-Z])?,?[ \t]*(?:Km|KM|km)\.?[ \t]*\d{{1,3}}(?:\.\d{{1,2}})?{_UNITS}{_TAIL})"
)
# A residence field: "Residence: Mount Horeb, Dane County", "Hometown: Cody".
_RESIDENCE_FIELD = re.compile(
    rf"\b(?:[Rr]esidence|RESIDENCE|[Hh]ometown|HOMETOWN|[Hh]ome[ \t]+town|[Ll]ives[ \t]+in)[ \t]*:[ \t]*(?P<phi>{CITY})(?![\w'’])"
)
# A city from the gazetteer after a verb of coming and going or an address word: "Son
# called from Burlington", "shipped to their old address in Hutchinson", "drives in from
# Millersburg". The gazetteer decides: "transferred from Mercy" names no city.
_CUED_KNOWN_PLACE = re.compile(
    r"\b(?i:called|calling|phoned|phoning|drove|drives|driving|drive|fly|flew|flies|flying|came|comes|coming|go|goes|going|went|heads?|headed"
    r"|visiting|visited|traveling|travelling|traveled|travelled|trip|commutes?|commuting|works?"
    r"|worked|working|address|addresses|home|vacation|vacationing|stays?|staying|stayed|family"
    r"|relatives?|daughter|son|sister|brother|mother|father|wife|husband|lives|living|moved"
    r"|moving|in[ \t]+from|up[ \t]+from|down[ \t]+from|resettled|settled|relocated|emigrated|immigrated"
    r"|geolocates?|located|based|returns?|returned|returning|raised|born|resides?|residing|retired|summers?|winters?"
    r"|spends?|spent|grew[ \t]+up)"
    r"(?:[ \t]+(?i:her|him|them|me|us|it|back|here|there|part[ \t]+of[ \t]+the[ \t]+year))?"
    r"[ \t]+(?i:in|from|to|near|at|outside|around)[ \t]+"
    rf"(?P<phi>{CITY})(?![\w'’])"
)
# A city after an institution's head word, closing its field: "Hospital: Cumberland Valley
# Medical Center, Hagerstown", "Branch: Lancaster". The gazetteer decides.
_INSTITUTION_HEAD = (
    r"(?:Hospital|Center|Centre|Clinic|Health|Healthcare|Institute|University|College|School"
    r"|Pharmacy|Associates|Group|Practice|Living|Rehab|Rehabilitation|Services|Home|Campus|Memorial"
    r"|General|Branch|Office|Site|Location|Drug|Lab|Laboratory|Diagnostics|Imaging)"
)
_CITY_AFTER_INSTITUTION = re.compile(
    # the head may carry a department: "Cape Ann Regional Medical Center ED, Gloucester"
    rf"\b{_INSTITUTION_HEAD}(?:[ \t]+(?:ED|ER|Emergency[ \t]+Department|Stroke[ \t]+Program|Cath[ \t]+Lab|Trauma[ \t]+Center))?"
    rf"(?:[ \t]*[,:][ \t]*\n?[ \t]*|[ \t]+\()"
    rf"(?P<phi>{CITY})(?=[ \t]*(?:$|\n|[|;()]|[ \t]{{3}}|[ \t][-–—][ \t]|,[ \t]*(?:tel|ph|phone|fax|Tel|Ph|Phone|Fax)\b))",
    re.MULTILINE,
)
_PHONE_AFTER = re.compile(r"[ \t]*,[ \t]*\(?\d{3}\)?[ \t.\-]?\d{3}[ .\-]\d{4}")
# "..., Lakewood, CO,\n", "Jasper, AR (Newton County)": a field's end, a comma closing its line
# or the county in brackets after it.
# "Housatonic Valley Hospital, Torrington, CT": a city and state right after an institution.
_INSTITUTION_BEFORE = re.compile(rf"\b(?:{_INSTITUTION_HEAD}|Medicine|Surgery|Imaging|Laboratory|Lab)[ \t]*,[ \t]*$")
_FIELD_END = re.compile(
    r"[ \t]*(?:$|\n|[|;)\]]|\.[ \t]*(?:$|\n)|,[ \t]*(?:$|\n)|(?<=[ \t]{2})|(?<=[ \t])[-–—][ \t]|\([A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?[ \t]+(?:County|Parish)\))",
    re.MULTILINE,
)
_STATE_ONLY = re.compile(rf"(?:the[ \t]+)?{STATE}", re.IGNORECASE)


class StreetAddressRecognizer(SpanPatternRecognizer):
    """Street addresses, PO boxes, cities with a state, counties and ZIP codes (LOCATION)."""

    ENTITIES = ("LOCATION",)
    PATTERNS = (
        SpanPattern("street address (strong)", _STREET_ADDRESS, 0.85),
        SpanPattern("numbered route address", _ROUTE_ADDRESS, 0.85),
        SpanPattern("PO box or rural route (strong)", _BOX_ADDRESS, 0.9),
        SpanPattern("grid address (strong)", _GRID_ADDRESS, 0.9, gate=re.compile(r"\d [NSEW]\.? \d")),
        SpanPattern("city and state", _CITY_STATE, 0.75),
        SpanPattern("known city after a travel or address cue", _CUED_KNOWN_PLACE, 0.7),
        SpanPattern("known city after an institution", _CITY_AFTER_INSTITUTION, 0.7),
        SpanPattern("county", _COUNTY, 0.75),
        SpanPattern("hundred block of a street", _BLOCK_OF, 0.85, gate=re.compile(r"(?i)block of")),
        SpanPattern("street line before city, state and ZIP", _STREET_BEFORE_ZIP, 0.85),
        SpanPattern("rare known town after a preposition", _RARE_TOWN_AFTER_PREPOSITION, 0.7),
        SpanPattern("rare town after a preposition in capitals", _CAPS_TOWN_AFTER_PREPOSITION, 0.7, gate=re.compile(r"\b(?:FROM|IN|NEAR|OUTSIDE|OF) [A-Z]{3}")),
        SpanPattern("county field", _COUNTY_FIELD, 0.8, gate=re.compile(r"(?:COUNTY|County|PARISH|Parish|BOROUGH|Borough)(?: of residence)? ?:")),
        SpanPattern("ZIP code after label (strong)", _LABELLED_ZIP, 0.9),
        SpanPattern("ZIP code after state", _ZIP_AFTER_STATE, 0.75),
        SpanPattern("street intersection", _INTERSECTION, 0.8),
        SpanPattern("street after place cue", _CUED_STREET, 0.7),
        SpanPattern("street address, lower case", _LOWER_ADDRESS, 0.7),
        SpanPattern("place after a residence cue", _RESIDENCE, 0.75),
        SpanPattern("place in a residence field", _RESIDENCE_FIELD, 0.8, gate=re.compile(r"(?i)residence|hometown|home town|lives in")),
        SpanPattern("known town before the service it names", _TOWN_BEFORE_SERVICE, 0.7, gate=re.compile(r"[a-z] (?:ED|ER|VA|PCP|[a-z]{4,})\b")),
        SpanPattern("Puerto Rican address part", _PR_PART, 0.85, gate=re.compile(r"Urb|URB|Bo\.|BO\.|Barrio|Sector|Parcelas|Comunidad|Res\.|Residencial|Cond|Edif|Reparto|Extensi|Jard|Calle \d|HC-?\d|Recinto|PR 00")),
        SpanPattern("named campus or plaza", _NAMED_CAMPUS, 0.7, gate=re.compile(r"[Cc]ampus|Plaza|Mall|Shopping Center|Town Center")),
        SpanPattern("street as a field between commas", _STREET_FIELD, 0.7, gate=re.compile(r", [A-Z][^,\n]{1,30} (?:Rd|Ave|Blvd|Pkwy|Hwy|Ln|Dr|St|Street|Avenue|Road|Boulevard|Drive|Lane|Parkway|Highway)\b")),
        SpanPattern("airport by name", _AIRPORT, 0.75, gate=re.compile(r"Airport|Airfield|Air Park|Heliport")),
        SpanPattern("known town after a double dash", _TOWN_AFTER_DOUBLE_DASH, 0.7, gate=re.compile(r" -- [A-Z]")),
        SpanPattern("numbered road after a place cue", _CUED_ROUTE, 0.7, gate=re.compile(r"Route|Rt|Rte|Highway|Hwy|SR|CR|US|I-")),
        SpanPattern("town a distance away", _DISTANCE_FROM_TOWN, 0.75, gate=re.compile(r"(?i)\d[ \t]*(?:mi|km|kilomet)")),
        SpanPattern("apartment number", _APARTMENT, 0.75, gate=re.compile(r"(?i)\bapt|apartment")),
        SpanPattern("mile marker", _MILE_MARKER, 0.75, gate=re.compile(r"(?i)mile|MM")),
        SpanPattern("street named by its type", _TYPE_FIRST_STREET, 0.85, gate=re.compile(r"\d[ \t]+(?:Avenue|Ave|Street|St|Road|Rd|Route|Rte|Highway|Hwy|County|CR|FM)\b|\d[ \t]+(?:US|SR|I|CR|FM|K|M|N|SH)-")),
        SpanPattern("building before a street", _BUILDING_ADDRESS, 0.85, gate=re.compile(r"(?i)\bbldg|\bbuilding")),
        SpanPattern("kilometre address", _KM_ADDRESS, 0.85, gate=re.compile(r"(?i)km")),
        SpanPattern("street without number in an address field", _LABELLED_STREET, 0.8, gate=re.compile(r"(?i)addr|residence")),
        SpanPattern("Spanish street, number first", _SPANISH_NUMBER_FIRST, 0.85, gate=re.compile(r"Calle|CALLE|Camino|CAMINO|Paseo|PASEO|Avenida|AVENIDA|Ave\.|Carretera|CARRETERA|Carr\.|Callej|Plaza|Rancho|Vereda|Urb")),
        SpanPattern("Spanish street, number after", _SPANISH_NUMBER_AFTER, 0.85, gate=re.compile(r"Calle|CALLE|Camino|CAMINO|Paseo|PASEO|Avenida|AVENIDA|Ave\.|Carretera|CARRETERA|Carr\.|Callej|Plaza|Rancho|Vereda|Urb")),
        SpanPattern("known city before a phone", _CITY_BEFORE_PHONE, 0.7),
        SpanPattern("named residential complex", _RESIDENTIAL_COMPLEX, 0.8),
        SpanPattern("known town in brackets after a name", _CITY_IN_BRACKETS, 0.7, gate=re.compile(r"[A-Za-z0-9.] +\([A-Z]")),
        SpanPattern("known town closing a bracket", _TOWN_CLOSING_BRACKET, 0.7, gate=re.compile(r", [A-Z][a-z]+\)")),
        SpanPattern("two known towns joined by a slash", _CITY_PAIR, 0.7, gate=re.compile(r"[a-z]/[A-Z]")),
        SpanPattern("military mail address (strong)", _MILITARY_MAIL, 0.9),
        SpanPattern("known city on an itinerary", _ITINERARY_PLACE, 0.75, group=0, gate=re.compile(r"->|→|=>")),
        SpanPattern("highway near a town", _HIGHWAY_NEAR, 0.75, gate=re.compile(r"(?:I|Interstate|US|SR|Hwy|Highway|Route)[ \t-]?\d")),
    )

    def confirm(self, text: str, match: SpanMatch, pattern: SpanPattern) -> SpanMatch | None:
        groups = match.groups
        regex = pattern.regex
        if regex in (_SPANISH_NUMBER_FIRST, _SPANISH_NUMBER_AFTER, _LABELLED_STREET, _TYPE_FIRST_STREET, _KM_ADDRESS, _BUILDING_ADDRESS):
            # a city, state or ZIP must close it: "Calle 5 #23" alone may be a bed or a code
            groups = match.groups
            return match if groups.get("city") or groups.get("zip") or groups.get("zip2") or groups.get("city_only") else None
        if regex is _RESIDENCE or regex is _RESIDENCE_FIELD:
            # a state alone is not PHI under Safe Harbor ("moved from Texas")
            return None if _STATE_ONLY.fullmatch(text[match.start : match.end]) else match
        if regex is _STREET_ADDRESS or regex is _ROUTE_ADDRESS:
            return self._confirm_street(text, match)
        if regex is _CITY_STATE:
            if groups.get("country") is not None:
                return _confirm_city_country(text, match)
            return self._confirm_city_state(text, match)
        if regex is _RARE_TOWN_AFTER_PREPOSITION:
            town = text[match.start : match.end]
            words = town.split()
            # the whole name a known town, rare as English, and no word of it common either
            known = _rare_known_town(town, 3.0) or (
                town.lower() in KnownPlaces.load().us_towns and NamePriors.word_frequency(town) < 3.0
            )
            # "Aransas Pass": a rare first word; "Grand Rapids" and "Mobile" are left to the cued rules
            if not known or NamePriors.word_frequency(words[0]) >= 3.5:
                return None
            return match
        if regex is _TOWN_AFTER_DOUBLE_DASH:
            town = text[match.start : match.end]
            places = KnownPlaces.load()
            known = town in places or (town.lower() in places.us_towns and NamePriors.word_frequency(town) < 3.0)
            return match if known and not _STATE_ONLY.fullmatch(town) else None
        if regex is _STREET_FIELD or regex is _AIRPORT:
            return _trim_leading(text, match)
        if regex is _NAMED_CAMPUS:
            words = (groups.get("name") or "").split()
            # "Main campus" is none; "Main Street campus" names one
            return None if not words or len(words) == 1 and words[0] in _NOT_CAMPUS_NAMES else match
        if regex is _DISTANCE_FROM_TOWN:
            town = text[match.start : match.end]
            places = KnownPlaces.load()
            if _STATE_ONLY.fullmatch(town) or not (town in places or town.lower() in places.us_towns):
                return None  # "20 miles east of Denver" is a town; "of Texas" a state alone
            return match
        if regex is _CITY_IN_BRACKETS:
            return _confirm_bracketed_town(text, match)
        if regex is _TOWN_CLOSING_BRACKET:
            town = text[match.start : match.end]
            places = KnownPlaces.load()
            rare = (town in places or town.lower() in places.us_towns) and NamePriors.word_frequency(town) < 3.6
            return match if rare and not _STATE_ONLY.fullmatch(town) else None
        if regex is _CITY_PAIR:
            towns = [groups.get("a") or "", groups.get("b") or ""]
            return match if all(_rare_known_town(t) for t in towns) else None
        if regex is _RESIDENTIAL_COMPLEX:
            return _trim_leading(text, match)
        if regex is _ITINERARY_PLACE:
            return _confirm_itinerary(text, match)
        if regex is _CAPS_TOWN_AFTER_PREPOSITION:
            line_start = text.rfind("\n", 0, match.start) + 1
            line_end = text.find("\n", match.end)
            line = text[line_start : line_end if line_end >= 0 else len(text)]
            if any(c.islower() for c in line):
                return None  # a capitals printout only: in prose, capitals are acronyms
            words = text[match.start : match.end].split()
            places = KnownPlaces.load()
            # the longest run of leading words that is a rare town or a county
            for n in range(len(words), 0, -1):
                name = " ".join(words[:n]).title()
                known = name.lower() in places.us_towns or name in places
                if known and NamePriors.word_frequency(name) < 3.0:
                    end = match.start + len(" ".join(words[:n]))
                    return SpanMatch(match.start, end, match.entity_type, match.score, match.reason, match.groups)
            return None
        if regex is _TOWN_BEFORE_SERVICE:
            trimmed = _trim_leading(text, match)
            if trimmed is None:
                return None
            start = trimmed.start
            while (lead := re.match(r"(?:Her|His|Their|Our|My|Your|The|A|An)[ \t]+", text[start : trimmed.end])) is not None:
                start += lead.end()  # "Her Duluth cardiologist"
            trimmed = SpanMatch(start, trimmed.end, trimmed.entity_type, trimmed.score, trimmed.reason, trimmed.groups)
            town = text[trimmed.start : trimmed.end]
            places = KnownPlaces.load()
            if (town in places or town.lower() in places.us_towns) and NamePriors.word_frequency(town) < 4.0:
                if (campus := _CAMPUS_AFTER.match(text, trimmed.end)) is not None:
                    # "Brighton-Longwood Medical Center, Longwood campus": the campus is the place
                    trimmed = SpanMatch(trimmed.start, campus.end(), trimmed.entity_type, trimmed.score, trimmed.reason, trimmed.groups)
                return trimmed
            return None
        if regex is _CUED_KNOWN_PLACE or regex is _CITY_AFTER_INSTITUTION or regex is _CITY_BEFORE_PHONE:
            city = text[match.start : match.end]
            if _STATE_ONLY.fullmatch(city) or city.lower() in _LEADING_NON_CITY:
                return None  # "moved to Texas": a state alone is not PHI
            if city in KnownPlaces.load():
                return match
            # "Family Practice,\n  Bar Harbor, tel": a town of two or more words from the ZIP list
            # or one word rare in English ("Big Muddy Valley Hospital, Plentywood - ...")
            if regex is _CITY_AFTER_INSTITUTION and city.lower() in KnownPlaces.load().us_towns and (
                " " in city or NamePriors.word_frequency(city) < 3.0
            ):
                return match
            return None
        if regex is _COUNTY:
            return _trim_leading(text, match)
        if regex is _ZIP_AFTER_STATE:
            return None if groups.get("state") in AMBIGUOUS_STATE_CODES else match
        if regex is _CUED_STREET or regex is _INTERSECTION:
            return _trim_leading(text, match)
        if regex is _LOWER_ADDRESS:
            return self._confirm_lower(text, match)
        return match

    def _confirm_street(self, text: str, match: SpanMatch) -> SpanMatch | None:
        groups = match.groups
        line_start = text.rfind("\n", 0, match.start) + 1
        window = min(20, match.start - line_start)  # "Procedure Room\n88 Depot Street": the line above
        before = preceding_words(text, match.start, window) if window > 0 else []
        raw = text[match.start - window : match.start].split() if window > 0 else []
        if before and before[-1] in _NUMBER_CUES and not (raw and any(c.isdigit() for c in raw[-1])):
            return None  # "Room 12 Main St"; not "Pharmacy #412, 2701 E Whitestone Blvd"
        name = groups.get("name") or ""
        if name and name.split()[0].lower().rstrip(".") in _MEASURE_WORDS:
            return None
        suffix = (groups.get("suffix") or "").rstrip(".")
        has_tail = bool(groups.get("state") or groups.get("zip") or groups.get("zip2"))
        span = text[match.start : match.end]
        # "2 LEADS ST" or "HEAD CT": upper-case abbreviations need the rest of the address
        # or the end of the line/clause after them.
        if suffix.isupper() and len(suffix) <= 3 and not has_tail and "," not in span:
            after = text[match.end : match.end + 2]
            if after and not re.match(r"[ \t]*(?:[,;\n]|$)", after):
                return None
        if has_tail:
            return match.retyped(score=0.95)
        return match

    def _confirm_city_state(self, text: str, match: SpanMatch) -> SpanMatch | None:
        trimmed = _trim_leading(text, match)
        if trimmed is None:
            return None
        groups = match.groups
        city = text[trimmed.start : trimmed.end].split(",")[0].strip()
        head, of, tail = city.rpartition(" of ")
        if of and tail and head.split()[-1] not in _OF_PLACE_HEADS:
            # "Carla Rohde of Palmyra, MO": a person's name before "of" is no part of the town
            start = trimmed.start + len(head) + len(of)
            trimmed = SpanMatch(start, trimmed.end, trimmed.entity_type, trimmed.score, trimmed.reason, trimmed.groups)
            city = tail
        state = re.sub(r"\s+", " ", groups.get("state") or "")
        before = preceding_words(text, trimmed.start, 30)
        if before and before[-1] in _TITLES:
            return None  # "Dr. Cook, MD"
        if groups.get("zip"):
            if city.isupper() and state in AMBIGUOUS_STATE_CODES and city.title() not in KnownPlaces.load():
                return None  # "(INCLUDED IN 29881, ...)": a heading word, a code and a CPT code
            return trimmed.retyped(score=0.95)
        if (
            state in _PLAIN_STATE_CODES
            and "," in text[trimmed.start : trimmed.end]
            and (city if not city.isupper() else city.title()) in KnownPlaces.load()
            and NamePriors.word_frequency(city) < 3.3
        ):
            return trimmed.retyped(score=0.7)  # "leaves for Asheville, NC in April": a town rare as a word
        city_words = city.split()
        if city.isupper() and (len(city) <= 3 or state.isupper() and len(state) == 2):
            # Upper-case headings and abbreviations ("ER, TX", "HPI, CA") need a ZIP, unless
            # a known city closes its field: "SURGERY CENTER, ROUND ROCK, TX"
            if not (
                len(city) > 3
                and "," in text[trimmed.start : trimmed.end]
                and city.title() in KnownPlaces.load()
                and _FIELD_END.match(text, trimmed.end)
            ):
                return None
            return trimmed.retyped(score=0.7)
        cued = bool(before) and (
            before[-1] in _PLACE_CUES or bool(set(before[-4:]) & _STRONG_PLACE_CUES)
        )
        after_institution = _INSTITUTION_BEFORE.search(text, max(0, trimmed.start - 40), trimmed.start) is not None
        if len(state) == 2 and state in AMBIGUOUS_STATE_CODES and not cued and not after_institution:
            # "Rutland, VT" closing a letterhead line, "Jackson, MS |": a known city, a
            # comma and a capitalised code at the end of its line or field.
            # A small town ("Lemmon, SD", "Palmyra, MO;") only from the ZIP list with a code that is
            # rarely anything but a state.
            places = KnownPlaces.load()
            if not (
                "," in text[trimmed.start : trimmed.end]
                and state.isupper()
                and (city in places or (state in _PLAIN_STATE_CODES and not city.isupper() and city.lower() in places.us_towns))
                and (_FIELD_END.match(text, trimmed.end) or _PHONE_AFTER.match(text, trimmed.end))
            ):
                return None
            return trimmed.retyped(score=0.7)
        if not cued and len(city_words) > 1 and not _looks_like_place(city_words):
            return None
        return trimmed if cued or len(state) > 2 else trimmed.retyped(score=0.7)

    def _confirm_lower(self, text: str, match: SpanMatch) -> SpanMatch | None:
        span = text[match.start : match.end]
        if span != span.lower():
            return None  # mixed case is the case-sensitive patterns' job
        words = (match.groups.get("name") or "").split()
        if not words or any(w in _LOWER_STOPWORDS for w in words) or words[0] in _MEASURE_WORDS:
            return None
        before = preceding_words(text, match.start, 20)
        if before and before[-1] in _NUMBER_CUES:
            return None
        suffix = (match.groups.get("suffix") or "").rstrip(".")
        if len(suffix) <= 4 and not match.groups.get("rest"):
            return None  # "3 cm dr" -- an abbreviated suffix needs the rest of the address
        return match


def _trim_leading(text: str, match: SpanMatch) -> SpanMatch | None:
    """Drop capitalised function words a match swept up at its start ("Lives In Dayton")."""
    start = match.start
    while True:
        m = re.match(r"([A-Za-z]+)[ \t]+", text[start : match.end])
        if not m or m.group(1).lower() not in _LEADING_NON_CITY:
            break
        start += m.end()
    if start >= match.end or not re.search(r"[A-Za-z]", text[start : match.end]):
        return None
    if start == match.start:
        return match
    return SpanMatch(start, match.end, match.entity_type, match.score, match.reason, match.groups)


_CAMPUS_AFTER = re.compile(r"[ \t]+(?:campus|Campus|CAMPUS)\b")
_OF_PLACE_HEADS = frozenset("Town City Village Borough County Township Port Isle Isles Parish District TOWN CITY VILLAGE".split())


def _looks_like_place(words: list[str]) -> bool:
    """Multi-word cities are title case or "St./Mt./Ft." forms, not runs of capitals."""
    return all(w[:1].isupper() or w in {"de", "del", "la", "du", "of", "on"} for w in words)


# Ambiguous state codes that are no credential or common abbreviation after a name: after
# a known town that is rare as an English word and a comma they are the state.
_PLAIN_STATE_CODES = frozenset("NC VA LA GA AR MS SD ND NE MO MT ID DE AL NH VT IA".split())


def _confirm_city_country(text: str, match: SpanMatch) -> SpanMatch | None:
    """A known city before a country: the city alone (a country is redacted on its own)."""
    words = (match.groups.get("country") or "").split()
    countries = KnownPlaces.load().countries
    if not any(" ".join(words[:n]).lower() in countries for n in range(len(words), 0, -1)):
        return None
    words = text[match.start : match.end].split()
    for n in range(len(words), 0, -1):  # "Depart Lima, Peru", "Hotel Miraflores, Peru"
        city = " ".join(words[-n:])
        if not _known_city(city):
            continue
        start = match.end - len(city)
        if text[start : match.end] != city:
            return None  # a tab or two spaces between the words
        return SpanMatch(start, match.end, "LOCATION", 0.8, "known city before a country", match.groups)
    return None


def _confirm_itinerary(text: str, match: SpanMatch) -> SpanMatch | None:
    """The known city of an itinerary stop; its airport code or state stays outside."""
    city = match.groups.get("after") or match.groups.get("before") or ""
    start = text.find(city, match.start, match.end)
    words = city.split()
    # "Depart Houston IAH": the longest run of words that is a known city
    for n in range(len(words), 0, -1):
        for i in range(len(words) - n + 1):
            name = " ".join(words[i : i + n])
            if name.isupper():
                continue  # "LIMA -> LAD": an all-caps abbreviation, not a stop
            if _known_city(name):
                at = text.find(name, start, start + len(city))
                if at < 0:
                    return None
                return SpanMatch(at, at + len(name), "LOCATION", match.score, match.reason, match.groups)
    return None


def _known_city(name: str) -> bool:
    """A gazetteer city or county that is neither a state (kept under Safe Harbor) nor a
    country (redacted on its own)."""
    return (
        name in KnownPlaces.load()
        and not _STATE_ONLY.fullmatch(name)
        and name.lower() not in KnownPlaces.load().countries
    )


def _rare_known_town(name: str, ceiling: float = 3.5) -> bool:
    """A gazetteer town whose name is no common English word ("Pixley", not "Mobile")."""
    return not name.isupper() and _known_city(name) and NamePriors.word_frequency(name) < ceiling


def _confirm_bracketed_town(text: str, match: SpanMatch) -> SpanMatch | None:
    """A rare known town in brackets, after a capitalised word or a number."""
    town = text[match.start : match.end]
    before = text[max(0, match.start - 40) : match.start].rstrip(" \t(").split()
    if not before or not (before[-1][:1].isupper() or before[-1][:1].isdigit()):
        return None
    if _rare_known_town(town, ceiling=4.0):
        return match
    # "Janet Krapfl-Heiar (Asbury)": a small town from the ZIP list, rare as a word, after a name
    if town.lower() in KnownPlaces.load().us_towns and NamePriors.word_frequency(town) < 3.0 and before[-1][:1].isupper():
        return match
    return None
