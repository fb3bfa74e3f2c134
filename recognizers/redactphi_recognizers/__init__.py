"""RedactPHI's Presidio recognizers for US clinical notes."""

from .age_over_89_recognizer import AgeOver89Recognizer
from .bounded_url_recognizer import BoundedUrlRecognizer
from .clinical_date_recognizer import ClinicalDateRecognizer
from .first_name_recognizer import FirstNameRecognizer
from .healthcare_organization_recognizer import HealthcareOrganizationRecognizer
from .known_places import KnownPlaces
from .name_priors import NamePriors
from .offline_email_recognizer import OfflineEmailRecognizer
from .person_name_recognizer import PersonNameRecognizer
from .phone_number_recognizer import PhoneNumberRecognizer
from .provider_name_recognizer import ProviderNameRecognizer
from .record_number_recognizer import RecordNumberRecognizer
from .registry import DEFAULT_RECOGNIZERS, RECOGNIZER_FACTORIES, build_recognizers
from .spoken_recognizer import SpokenIdentifierRecognizer
from .span_pattern import SpanMatch, SpanPattern, SpanPatternRecognizer
from .street_address_recognizer import StreetAddressRecognizer
from .web_address_recognizer import WebAddressRecognizer

__all__ = [
    "DEFAULT_RECOGNIZERS",
    "RECOGNIZER_FACTORIES",
    "AgeOver89Recognizer",
    "BoundedUrlRecognizer",
    "ClinicalDateRecognizer",
    "FirstNameRecognizer",
    "HealthcareOrganizationRecognizer",
    "KnownPlaces",
    "NamePriors",
    "OfflineEmailRecognizer",
    "PersonNameRecognizer",
    "PhoneNumberRecognizer",
    "ProviderNameRecognizer",
    "RecordNumberRecognizer",
    "SpanMatch",
    "SpanPattern",
    "SpanPatternRecognizer",
    "SpokenIdentifierRecognizer",
    "StreetAddressRecognizer",
    "WebAddressRecognizer",
    "build_recognizers",
]
