"""Realistic surrogates: a fake value of the same kind and format for each identifier.

Every choice is drawn from a keyed stream (HMAC-SHA256 of the key, the scope and the
normalized original), so the same value in the same scope always gets the same surrogate
and no mapping has to be stored; another scope or another key gives other surrogates.
Names are replaced word by word (given and family names separately), so "Rebecca Walker"
and a later "Dr. Walker" keep pointing at the same person. Phones use the 555-01xx
numbers reserved for fiction, e-mail and web hosts the reserved example.* domains, IP
addresses the documentation ranges.

Safe Harbor generalizations apply inside surrogates too: ages over 89 become "90+", ZIP
codes keep only their first three digits (000 for the Census-restricted prefixes), states
stay (a state is not a Safe Harbor identifier).
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

from .date_shift import DateShifter

__all__ = [
    "RESTRICTED_ZIP3",
    "SurrogateGenerator",
    "generalize_age",
    "generalize_zip",
    "split_name",
]

# 45 CFR 164.514(b)(2)(i)(B): three-digit ZIP prefixes whose area holds 20,000 people or
# fewer (2000 Census, per HHS guidance) must be written as 000.
RESTRICTED_ZIP3 = frozenset(
    {
        "036",
        "059",
        "063",
        "102",
        "203",
        "556",
        "692",
        "790",
        "821",
        "823",
        "830",
        "831",
        "878",
        "879",
        "884",
        "890",
        "893",
    }
)

_GIVEN = (
    "Aaron",
    "Abigail",
    "Adrian",
    "Alice",
    "Alma",
    "Amelia",
    "Andre",
    "Angela",
    "Arthur",
    "Audrey",
    "Beatrice",
    "Benedict",
    "Bernard",
    "Bianca",
    "Blake",
    "Bruno",
    "Camille",
    "Carla",
    "Cecil",
    "Celeste",
    "Clara",
    "Colin",
    "Cora",
    "Dalia",
    "Dante",
    "Delia",
    "Dominic",
    "Edgar",
    "Edith",
    "Elias",
    "Elise",
    "Emmett",
    "Esther",
    "Felix",
    "Fiona",
    "Flora",
    "Gavin",
    "Gemma",
    "Gideon",
    "Hazel",
    "Hugo",
    "Ida",
    "Imogen",
    "Ingrid",
    "Ira",
    "Ivy",
    "Jasper",
    "Joel",
    "Judith",
    "Julian",
    "Keira",
    "Kenji",
    "Lars",
    "Leona",
    "Lionel",
    "Lydia",
    "Mabel",
    "Malcolm",
    "Marisol",
    "Matteo",
    "Mila",
    "Milo",
    "Nadia",
    "Nestor",
    "Nina",
    "Noel",
    "Nora",
    "Odette",
    "Oscar",
    "Otis",
    "Pablo",
    "Petra",
    "Philippa",
    "Quentin",
    "Rafael",
    "Ramona",
    "Rhea",
    "Rosalind",
    "Rufus",
    "Sabine",
    "Selma",
    "Silas",
    "Soren",
    "Stella",
    "Tamsin",
    "Thea",
    "Tobias",
    "Ursula",
    "Valentin",
    "Vera",
    "Viggo",
    "Wanda",
    "Wendell",
    "Xavier",
    "Yara",
    "Yusuf",
    "Zelda",
    "Zora",
)
_FAMILY = (
    "Abernathy",
    "Achterberg",
    "Albescu",
    "Alcott",
    "Aldana",
    "Ambrose",
    "Arbogast",
    "Ashdown",
    "Bellweather",
    "Birchall",
    "Blackwood",
    "Brannigan",
    "Brightwater",
    "Calderon",
    "Carrick",
    "Castellano",
    "Cavendish",
    "Chadwick",
    "Colfax",
    "Corliss",
    "Cortland",
    "Dalrymple",
    "Delacroix",
    "Drummond",
    "Dunmore",
    "Eberhart",
    "Ellery",
    "Ellsworth",
    "Esterhazy",
    "Fairbanks",
    "Falkner",
    "Fenwick",
    "Finchley",
    "Galloway",
    "Garnett",
    "Glenister",
    "Goldthwaite",
    "Granville",
    "Hallorann",
    "Hargrove",
    "Hathaway",
    "Holloway",
    "Huxley",
    "Ingleby",
    "Iverson",
    "Jarrow",
    "Kavanagh",
    "Kendrick",
    "Kingsley",
    "Kowalczyk",
    "Lachlan",
    "Langford",
    "Larkspur",
    "Lindgren",
    "Lockhart",
    "Mallory",
    "Marchetti",
    "Merriweather",
    "Montrose",
    "Nakashima",
    "Northcott",
    "Oakhurst",
    "Ostrowski",
    "Pembroke",
    "Penhaligon",
    "Quartermaine",
    "Radcliffe",
    "Ravensworth",
    "Rinaldi",
    "Rockwell",
    "Rutherford",
    "Saltonstall",
    "Sandoval",
    "Seaborne",
    "Sinclair",
    "Stanhope",
    "Strickland",
    "Sutcliffe",
    "Tamura",
    "Thistlewood",
    "Thornbury",
    "Treadwell",
    "Underhill",
    "Vandermeer",
    "Varga",
    "Villanueva",
    "Wainwright",
    "Wexford",
    "Whitlock",
    "Winterbourne",
    "Woodhouse",
    "Yardley",
    "Yoshida",
    "Zablocki",
    "Zellweger",
)
_PLACE = (
    "Alder",
    "Amberly",
    "Ashby",
    "Bayview",
    "Beacon",
    "Briar",
    "Brookhaven",
    "Cedarbrook",
    "Clearwater",
    "Cobalt",
    "Crestwood",
    "Driftwood",
    "Elmhurst",
    "Fairhaven",
    "Fernwood",
    "Foxglove",
    "Glenmore",
    "Greystone",
    "Harborview",
    "Hawthorne",
    "Heron",
    "Highgate",
    "Ironwood",
    "Juniper",
    "Kestrel",
    "Larkfield",
    "Linden",
    "Marigold",
    "Meadowlark",
    "Millbrook",
    "Northgate",
    "Oakmont",
    "Orchard",
    "Pinecrest",
    "Quarry",
    "Ravenna",
    "Redfern",
    "Ridgeline",
    "Rosewood",
    "Saddleback",
    "Silverleaf",
    "Stonebridge",
    "Summerfield",
    "Sycamore",
    "Thornfield",
    "Timberline",
    "Twin Oaks",
    "Westbrook",
    "Whitewater",
    "Willowmere",
    "Windham",
)
_CITY = (
    "Ashford",
    "Bellmont",
    "Brookfield",
    "Carverton",
    "Clayborne",
    "Dunmore",
    "Eastlake",
    "Fairview",
    "Glenwood",
    "Greenhaven",
    "Harlow",
    "Hollis",
    "Kingsport",
    "Lakemont",
    "Lynwood",
    "Marston",
    "Milford",
    "Newbury",
    "Northfield",
    "Oakdale",
    "Pinehurst",
    "Riverton",
    "Rockport",
    "Sheffield",
    "Silverton",
    "Springvale",
    "Stanton",
    "Thornton",
    "Waverly",
    "Westfield",
    "Whitby",
    "Winslow",
)
# The 555-0100..0199 block is reserved for fictional use; area codes are real-looking ones.
_AREA_CODES = tuple(str(n) for n in range(201, 990) if n % 100 != 11 and str(n)[1] != "9")
_EMAIL_DOMAINS = ("example.com", "example.org", "example.net", "mail.example.com")
_TITLES = frozenset(
    "dr doctor mr mrs ms miss mx prof md do np pa rn lpn crna phd pharmd dds dmd facs facp "
    "jr sr ii iii iv mba mph msn aprn pa-c".split()
)
_PARTICLES = frozenset("de del della der di du da la le van von st ter ten bin ibn al el".split())
_STATES = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "DC": "District of Columbia",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Mississippi",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
    "PR": "Puerto Rico",
}
_STATE_WORDS = frozenset(
    [a.lower() for a in _STATES] + [w.lower() for n in _STATES.values() for w in n.split()]
)
_ADDRESS_WORDS = frozenset(
    "street st avenue ave road rd boulevard blvd drive dr lane ln court ct way parkway pkwy "
    "trail trl place pl circle cir terrace ter highway hwy route rte square sq loop crossing "
    "plaza pike alley run row path n s e w ne nw se sw north south east west northeast "
    "northwest southeast southwest suite ste apt apartment unit room rm floor fl bldg "
    "building lower upper level and po box p o usa us".split()
)
_ORG_WORDS = frozenset(
    "hospital hospitals medical center centre clinic clinics health healthcare university "
    "college school regional community memorial surgical surgery associates group partners "
    "services practice family care home senior living plan supply ambulance fire rescue "
    "laboratory laboratories lab labs pharmacy inc llc llp pc of the and general children's "
    "womens women's institute foundation imaging radiology oncology orthopedic orthopedics "
    "cardiology digestive trauma infusion analytics physicians specialists system systems "
    "network rehabilitation rehab behavioral urgent dialysis hospice nursing center's "
    "ambulatory outpatient diagnostics pathology dental vision eye heart cancer "
    "transport transportation insurance company co corp corporation st. saint".split()
)
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*\.?")
_ZIP = re.compile(r"(?<!\d)(\d{5})(-\d{4})?(?!\d)")


def generalize_zip(zip_code: str) -> str:
    """Safe Harbor ZIP: the first three digits and 00, or 00000 for a restricted prefix.

    >>> generalize_zip("85301"), generalize_zip("03601-1234")
    ('85300', '00000-0000')
    """
    match = _ZIP.fullmatch(zip_code.strip())
    if match is None:
        raise ValueError("not a ZIP code")
    prefix = match.group(1)[:3]
    out = ("000" if prefix in RESTRICTED_ZIP3 else prefix) + "00"
    return out + ("-0000" if match.group(2) else "")


def generalize_age(text: str) -> str:
    """Safe Harbor age: any age over 89 becomes "90+"; younger ages are not identifiers.

    >>> generalize_age("92"), generalize_age("age 97"), generalize_age("ninety-one")
    ('90+', 'age 90+', '90+')
    """
    numbers = list(re.finditer(r"\d+", text))
    if not numbers:
        return "90+"
    return re.sub(r"\d+", lambda m: "90+" if int(m.group(0)) > 89 else m.group(0), text)


@dataclass(frozen=True, slots=True)
class _KeyedStream:
    """Deterministic choices from HMAC-SHA256(key, label, counter): no `random`, no state."""

    key: bytes
    label: bytes
    _counter: list[int] = field(default_factory=lambda: [0])

    def below(self, n: int) -> int:
        self._counter[0] += 1
        digest = hmac.new(
            self.key, self.label + self._counter[0].to_bytes(4, "big"), hashlib.sha256
        )
        # 256 bits reduced mod n: the bias is far below anything observable.
        return int.from_bytes(digest.digest(), "big") % n

    def choice(self, options: Sequence[str]) -> str:
        return options[self.below(len(options))]


@dataclass(frozen=True, slots=True)
class SurrogateGenerator:
    """Surrogates for one scope under one key.

    `given_names` are words the caller knows are given names in this document (so a lone
    "Anneke" is replaced as a given name, a lone "Walker" as a family name).
    """

    key: bytes
    scope: str
    date_shifter: DateShifter

    def _stream(self, kind: str, value: str) -> _KeyedStream:
        label = "\x1f".join(("surrogate", self.scope, kind, value)).encode("utf-8")
        return _KeyedStream(self.key, label)

    def generate(
        self,
        entity_type: str,
        text: str,
        *,
        given_names: frozenset[str] = frozenset(),
        reference_year: int | None = None,
    ) -> str | None:
        """A surrogate for `text` of `entity_type`, or None when none of the right kind can
        be made (the caller then falls back to a tag: fail closed)."""
        if entity_type in {"PERSON", "PROVIDER"}:
            return self.name(text, given_names)
        if entity_type == "DATE":
            return self.date_shifter.shift(text, reference_year)
        if entity_type == "AGE":
            return generalize_age(text)
        if entity_type == "LOCATION":
            return self.address(text)
        if entity_type == "ORGANIZATION":
            return self.organization(text)
        if entity_type == "PHONE_NUMBER":
            return self.phone(text)
        if entity_type == "EMAIL_ADDRESS":
            return self.email(text)
        if entity_type == "URL":
            return self.url(text)
        if entity_type == "IP_ADDRESS":
            return self.ip_address(text)
        return self.identifier(text, ssn=entity_type == "US_SSN")

    # --- names --------------------------------------------------------------------------

    def name(self, text: str, given_names: frozenset[str] = frozenset()) -> str | None:
        if any(c.isdigit() for c in text):
            # Not a name alone (a span that swallowed a date or ID): a tag, never digits kept.
            return None
        words = list(_WORD.finditer(text))
        roles = _name_roles(text, words, given_names)
        if not any(role in {"given", "family"} for role in roles):
            return None
        out: list[str] = []
        cursor = 0
        for match, role in zip(words, roles, strict=True):
            out.append(text[cursor : match.start()])
            word = match.group(0)
            dot = "." if word.endswith(".") else ""
            bare = word[:-1] if dot else word
            if role == "given":
                new = self._pick("given", bare, _GIVEN)
            elif role == "family":
                new = self._pick("family", bare, _FAMILY)
            elif role == "initial":
                new = self._stream("initial", bare.casefold()).choice("ABCDEFGHJKLMNPRSTVW")
            else:
                new = bare
            out.append(_case_like(new, bare) + dot)
            cursor = match.end()
        out.append(text[cursor:])
        return "".join(out)

    def _pick(self, kind: str, original: str, options: Sequence[str]) -> str:
        stream = self._stream(kind, original.casefold())
        start = stream.below(len(options))
        for step in range(len(options)):
            candidate = options[(start + step) % len(options)]
            if candidate.casefold() != original.casefold():
                return candidate
        raise AssertionError("surrogate lists hold more than one entry")

    # --- places and organizations -------------------------------------------------------

    def address(self, text: str) -> str | None:
        if _ZIP.fullmatch(text.strip()):
            return generalize_zip(text.strip())
        pieces: list[str] = []
        cursor = 0
        for part in re.finditer(r"[^,\n]+", text):
            pieces.append(text[cursor : part.start()])
            pieces.append(self._address_part(part.group(0)))
            cursor = part.end()
        pieces.append(text[cursor:])
        out = "".join(pieces)
        return out if out != text else None

    def _address_part(self, part: str) -> str:
        is_street = any(
            w.group(0).rstrip(".").lower() in _ADDRESS_WORDS - _STATE_WORDS
            for w in _WORD.finditer(part)
        ) or bool(re.match(r"\s*\d", part))
        words = ("street", _PLACE) if is_street else ("city", _CITY)

        def token(m: re.Match[str]) -> str:
            value = m.group(0)
            if _ZIP.fullmatch(value) and not is_street:
                return generalize_zip(value)
            if value[0].isdigit():
                return self._digits_like("number", value)
            bare = value.rstrip(".")
            if bare.lower() in _ADDRESS_WORDS or bare.lower() in _STATE_WORDS or len(bare) == 1:
                return value
            return _case_like(self._pick(words[0], bare, words[1]), bare) + value[len(bare) :]

        return re.sub(r"\d{5}-\d{4}|\d+(?:st|nd|rd|th|[A-Za-z])?|" + _WORD.pattern, token, part)

    def _digits_like(self, kind: str, value: str) -> str:
        stream = self._stream(kind, value.casefold())
        digits = re.match(r"\d+", value)
        assert digits is not None
        n = len(digits.group(0))
        number = 10 ** (n - 1) + stream.below(9 * 10 ** (n - 1)) if n > 1 else 1 + stream.below(9)
        rest = value[n:]
        if rest.lower() in {"st", "nd", "rd", "th"}:
            suffix = (
                "th"
                if 11 <= number % 100 <= 13
                else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
            )
            rest = suffix.upper() if rest.isupper() else suffix
        elif rest:
            rest = _shape_like(stream, rest)
        return f"{number}{rest}"

    def organization(self, text: str) -> str | None:
        words = list(_WORD.finditer(text))
        if not words:
            return None
        runs: list[tuple[int, int]] = []
        for w in words:
            if w.group(0).lower() in _ORG_WORDS or len(w.group(0)) == 1:
                continue
            # "Mesa Verde West Valley" is one distinctive name: it gets one surrogate.
            if runs and re.fullmatch(r"[\s\-'\u2019]*", text[runs[-1][1] : w.start()]):
                runs[-1] = (runs[-1][0], w.end())
            else:
                runs.append((w.start(), w.end()))
        if not runs:
            first = words[0].group(0)
            return _case_like(self._pick("org", text.casefold(), _PLACE), first) + " " + text
        out: list[str] = []
        cursor = 0
        for start, end in runs:
            out.append(text[cursor:start])
            name = text[start:end].rstrip(".")
            out.append(
                _case_like(self._pick("org", " ".join(name.casefold().split()), _PLACE), name)
            )
            cursor = start + len(name)
        out.append(text[cursor:])
        # Digits in a name of an organization ("Clinic 42") are replaced too.
        return re.sub(r"\d+", lambda m: self._digits_like("org-number", m.group(0)), "".join(out))

    # --- numbers and addresses on the wire ---------------------------------------------

    def phone(self, text: str) -> str | None:
        digits = re.sub(r"\D", "", text)
        if not digits:
            return None
        stream = self._stream("phone", digits)
        main, extension = _split_extension(text)
        main_digits = re.sub(r"\D", "", main)
        if len(main_digits) in {10, 11}:
            country = main_digits[0] if len(main_digits) == 11 else ""
            new = country + stream.choice(_AREA_CODES) + "55501" + f"{stream.below(100):02d}"
        elif len(main_digits) == 7:
            new = "55501" + f"{stream.below(100):02d}"
        else:
            new = "".join(str(stream.below(10)) for _ in main_digits)
        out = _fill_digits(main, new)
        if extension:
            out += _fill_digits(
                extension, "".join(str(stream.below(10)) for _ in re.sub(r"\D", "", extension))
            )
        return out if out != text else None

    def email(self, text: str) -> str | None:
        local, at, domain = text.partition("@")
        if not at:
            return None
        stream = self._stream("email", text.casefold())
        given = self._pick("given", local.casefold(), _GIVEN).lower()
        family = self._pick("family", local.casefold(), _FAMILY).lower()
        new_local = f"{given[0]}{family}" if "." not in local else f"{given}.{family}"
        if any(c.isdigit() for c in local):
            new_local += f"{stream.below(100):02d}"
        return f"{new_local}@{stream.choice(_EMAIL_DOMAINS)}"

    def url(self, text: str) -> str | None:
        has_scheme = "://" in text
        parts = urlsplit(text if has_scheme else f"//{text}")
        host = parts.hostname or ""
        stream = self._stream("url", text.casefold())
        first = host.split(".")[0] if "." in host else ""
        prefix = (
            f"{first}."
            if first in {"www", "portal", "mychart", "myhealth", "telehealth", "patient"}
            else ""
        )
        new_host = f"{prefix}{stream.choice(_PLACE).lower().replace(' ', '')}.example.org"
        path = re.sub(r"[A-Za-z0-9]+", lambda m: _shape_like(stream, m.group(0)), parts.path)
        query = re.sub(r"[A-Za-z0-9]+", lambda m: _shape_like(stream, m.group(0)), parts.query)
        fragment = re.sub(
            r"[A-Za-z0-9]+", lambda m: _shape_like(stream, m.group(0)), parts.fragment
        )
        out = urlunsplit((parts.scheme, new_host, path, query, fragment))
        return out if has_scheme else out.removeprefix("//")

    def ip_address(self, text: str) -> str | None:
        stream = self._stream("ip", text.casefold())
        if re.fullmatch(r"\d{1,3}(?:\.\d{1,3}){3}", text.strip()):
            # RFC 5737 documentation networks: never a real host.
            net = stream.choice(("192.0.2", "198.51.100", "203.0.113"))
            candidate = f"{net}.{1 + stream.below(254)}"
            return (
                candidate
                if candidate != text.strip()
                else f"{net}.{(int(candidate.rsplit('.', 1)[1]) % 254) + 1}"
            )
        if ":" in text:
            groups = ":".join(f"{stream.below(0x10000):x}" for _ in range(4))
            return f"2001:db8::{groups}"  # RFC 3849 documentation prefix
        return self.identifier(text)

    def identifier(self, text: str, *, ssn: bool = False) -> str | None:
        if not any(c.isalnum() for c in text):
            return None
        stream = self._stream("id", text.casefold())
        for _ in range(8):
            out = _shape_like(stream, text)
            if ssn and re.fullmatch(r"\d{3}-?\d{2}-?\d{4}", text):
                # SSNs starting with 9 are never issued: a surrogate cannot be a real one.
                out = "9" + out[1:]
            if out != text:
                return out
        return None


def _split_extension(text: str) -> tuple[str, str]:
    match = re.search(r"\s*(?:x|ext\.?|extension)\s*\d", text, re.IGNORECASE)
    if match is None:
        return text, ""
    return text[: match.start()], text[match.start() :]


def _fill_digits(layout: str, digits: str) -> str:
    it = iter(digits)
    return re.sub(r"\d", lambda _: next(it, "0"), layout)


def _shape_like(stream: _KeyedStream, value: str) -> str:
    out = []
    for c in value:
        if c.isdigit():
            out.append(str(stream.below(10)))
        elif c.isalpha() and c.isascii():
            letter = "ABCDEFGHJKLMNPQRSTUVWXYZ"[stream.below(24)]
            out.append(letter if c.isupper() else letter.lower())
        elif c.isalpha():
            out.append("X" if c.isupper() else "x")
        else:
            out.append(c)
    return "".join(out)


def _case_like(value: str, original: str) -> str:
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return value.upper()
    if letters and all(c.islower() for c in letters):
        return value.lower()
    return value


def split_name(
    text: str, given_names: frozenset[str] = frozenset()
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(given names, family names) of a written name, casefolded; titles, particles and
    initials left out. "Reyes, Lucia" and "Dr. Lucia Reyes" give the same parts."""
    words = list(_WORD.finditer(text))
    roles = _name_roles(text, words, given_names)
    given = tuple(
        w.group(0).rstrip(".").casefold() for w, r in zip(words, roles, strict=True) if r == "given"
    )
    family = tuple(
        w.group(0).rstrip(".").casefold()
        for w, r in zip(words, roles, strict=True)
        if r == "family"
    )
    return given, family


def _name_roles(text: str, words: list[re.Match[str]], given_names: frozenset[str]) -> list[str]:
    """The role of each word of a name: title, particle, initial, given or family."""
    roles: list[str] = []
    for w in words:
        bare = w.group(0).rstrip(".").lower()
        if bare in _TITLES:
            roles.append("title")
        elif bare in _PARTICLES and len(words) > 1:
            roles.append("particle")
        elif len(bare) == 1:
            roles.append("initial")
        else:
            roles.append("name")
    names = [i for i, r in enumerate(roles) if r == "name"]
    if not names:
        return roles
    comma = text.find(",")
    if 0 <= comma and words[names[0]].end() <= comma < words[names[-1]].start():
        # "Reyes, Lucia Fernanda": family name(s) before the comma.
        for i in names:
            roles[i] = "family" if words[i].end() <= comma else "given"
        return roles
    last = names[-1]
    family = {last}
    # Hyphenated family names: "Bishop-Hart", "Fernandez-Ruiz".
    i = last
    while (
        i - 1 >= 0 and roles[i - 1] == "name" and text[words[i - 1].end() : words[i].start()] == "-"
    ):
        i -= 1
        family.add(i)
    if len(names) == 1 and words[last].group(0).rstrip(".").casefold() in given_names:
        family = set()
    for i in names:
        roles[i] = "family" if i in family else "given"
    return roles
