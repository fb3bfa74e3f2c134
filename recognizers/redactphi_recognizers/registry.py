"""The one list of recognizers RedactPHI registers, built explicitly by name."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from presidio_analyzer import EntityRecognizer
from presidio_analyzer.predefined_recognizers import (
    CreditCardRecognizer,
    IpRecognizer,
    MedicalLicenseRecognizer,
    PhoneRecognizer,
    SpacyRecognizer,
    UsItinRecognizer,
    UsPassportRecognizer,
    UsSsnRecognizer,
)

from .age_over_89_recognizer import AgeOver89Recognizer
from .bounded_url_recognizer import BoundedUrlRecognizer
from .clinical_date_recognizer import ClinicalDateRecognizer
from .first_name_recognizer import FirstNameRecognizer
from .healthcare_organization_recognizer import HealthcareOrganizationRecognizer
from .offline_email_recognizer import OfflineEmailRecognizer
from .person_name_recognizer import PersonNameRecognizer
from .phone_number_recognizer import PhoneNumberRecognizer
from .provider_name_recognizer import ProviderNameRecognizer
from .record_number_recognizer import RecordNumberRecognizer
from .spoken_recognizer import SpokenIdentifierRecognizer
from .street_address_recognizer import StreetAddressRecognizer
from .web_address_recognizer import WebAddressRecognizer

__all__ = ["DEFAULT_RECOGNIZERS", "LINE_TRIGGER", "RECOGNIZER_FACTORIES", "build_recognizers"]

# Attribute naming a regex that every match of the recognizer contains a match of, on the
# same line. The analyzer then runs the recognizer only on the lines holding a trigger:
# the same findings (no pattern below crosses a line) for a fraction of the work. The
# international phone matcher was a fifth of the rule time, on notes that hold no number.
LINE_TRIGGER = "redactphi_line_trigger"
_TRIGGERS: dict[str, re.Pattern[str]] = {
    # libphonenumber is there for numbers outside the North American plan, which
    # PhoneNumberRecognizer already reads: lines with an international or trunk prefix
    # ("+44 20 ...", "0044 ...", "(030) ..."), or a slash-separated area code
    # ("030/1234567"). US lines are not re-read (the matcher was a sixth of the rule time).
    "PhoneRecognizer": re.compile(
        r"\+[^\S\n]?\(?\d|(?<!\d)00[1-9]\d|\(0\d|(?<![\d/])0\d{1,4}[^\S\n]?[\-.][^\S\n]?\d{4}(?![/\-]\d)"
        r"|(?<![\d/])0\d{2,4}[^\S\n]\d{3,4}[^\S\n]\d{3,4}|\d{2,5}[^\S\n]?/[^\S\n]?\d{5}"
    ),
    "EmailRecognizer": re.compile("@"),
    # Presidio's number patterns each need a run of digits that long: a line without one is
    # skipped (same findings; tests/core/test_line_triggers.py checks it on every sample).
    "UsSsnRecognizer": re.compile(r"\d{4}"),
    "UsItinRecognizer": re.compile(r"9\d\d"),
    "UsPassportRecognizer": re.compile(r"\d{8}"),
    "MedicalLicenseRecognizer": re.compile(r"\d{7}"),
    "CreditCardRecognizer": re.compile(r"\d{3}"),
    # A host has a dot and a top-level domain of two or more letters.
    "UrlRecognizer": re.compile(r"\.[A-Za-z]{2}"),
    # IPv4 a.b.c.d; IPv6 has at least two colons among hex groups ("::1", "fe80::").
    "IpRecognizer": re.compile(r"\d\.\d{1,3}\.|::|[0-9A-Fa-f]:[0-9A-Fa-f]{0,4}:"),
    # Speech recognition and portal messages write without capitals: lines with lower-case
    # letters and no capitalised word (acronyms such as "EGD" or "FBC" may stand in them).
    "SpokenIdentifierRecognizer": re.compile(r"^(?=[^\n]*[a-z])(?![^\n]*[A-Z][a-z])[^\n]*$", re.MULTILINE),
}


def _spacy_ner() -> EntityRecognizer:
    # Names, organisations and places that no rule settles; DATE is left to our recognizer.
    return SpacyRecognizer(supported_entities=["PERSON", "ORGANIZATION", "LOCATION"])


def _phone() -> EntityRecognizer:
    # Relatives and clinics abroad: four regions catch 77 of the 136 international numbers
    # in presidio_generated_dev that Presidio's eight find 83 of, at half the cost (each
    # region is one libphonenumber pass). US and fictitious 555 numbers are
    # RedactPHI's PhoneNumberRecognizer's.
    return PhoneRecognizer(supported_regions=("US", "GB", "DE", "IN"))


RECOGNIZER_FACTORIES: dict[str, Callable[[], EntityRecognizer]] = {
    # RedactPHI's clinical recognizers
    "ProviderNameRecognizer": ProviderNameRecognizer,
    "PersonNameRecognizer": PersonNameRecognizer,
    "ClinicalDateRecognizer": ClinicalDateRecognizer,
    "RecordNumberRecognizer": RecordNumberRecognizer,
    "AgeOver89Recognizer": AgeOver89Recognizer,
    "PhoneNumberRecognizer": PhoneNumberRecognizer,
    "FirstNameRecognizer": FirstNameRecognizer,
    "StreetAddressRecognizer": StreetAddressRecognizer,
    "HealthcareOrganizationRecognizer": HealthcareOrganizationRecognizer,
    "WebAddressRecognizer": WebAddressRecognizer,
    "SpokenIdentifierRecognizer": SpokenIdentifierRecognizer,
    # Presidio's recognizers that apply to US notes
    "SpacyRecognizer": _spacy_ner,
    "EmailRecognizer": OfflineEmailRecognizer,
    "PhoneRecognizer": _phone,
    "UrlRecognizer": BoundedUrlRecognizer,
    "IpRecognizer": IpRecognizer,
    "UsSsnRecognizer": UsSsnRecognizer,
    "UsItinRecognizer": UsItinRecognizer,
    "UsPassportRecognizer": UsPassportRecognizer,
    "MedicalLicenseRecognizer": MedicalLicenseRecognizer,
    "CreditCardRecognizer": CreditCardRecognizer,
}

DEFAULT_RECOGNIZERS: tuple[str, ...] = tuple(RECOGNIZER_FACTORIES)


def build_recognizers(names: Iterable[str] = DEFAULT_RECOGNIZERS) -> list[EntityRecognizer]:
    """Instantiate recognizers by name; an unknown name is a ValueError naming it."""
    recognizers = []
    for name in names:
        try:
            factory = RECOGNIZER_FACTORIES[name]
        except KeyError:
            known = ", ".join(sorted(RECOGNIZER_FACTORIES))
            raise ValueError(f"unknown recognizer {name!r}; known: {known}") from None
        recognizer = factory()
        if name in _TRIGGERS:
            setattr(recognizer, LINE_TRIGGER, _TRIGGERS[name])
        recognizers.append(recognizer)
    return recognizers
