"""The one list of recognizers RedactPHI registers, built explicitly by name."""

from __future__ import annotations

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
from .street_address_recognizer import StreetAddressRecognizer
from .web_address_recognizer import WebAddressRecognizer

__all__ = ["DEFAULT_RECOGNIZERS", "RECOGNIZER_FACTORIES", "build_recognizers"]


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
        recognizers.append(factory())
    return recognizers
