"""RedactPHI: remove HIPAA PHI from clinical notes, keep the clinical content.

    from redactphi import Redactor
    redactor = Redactor()
    redactor.redact("Seen 03/14/2024 by Dr. Cook").text
"""

from .configuration import RedactorConfig
from .entities import ENTITY_TYPES, EntityType, evaluation_label
from .errors import (
    ConfigurationError,
    DecodeError,
    InputError,
    KeyringError,
    ModelNotInstalledError,
    PolicyError,
    RedactPHIError,
    ReidentificationError,
    UnsupportedFormatError,
)
from .findings import Finding, RedactionResult, Replacement
from .redactor import Redactor

__version__ = "0.1.0"

__all__ = [
    "ENTITY_TYPES",
    "ConfigurationError",
    "DecodeError",
    "EntityType",
    "Finding",
    "InputError",
    "KeyringError",
    "ModelNotInstalledError",
    "PolicyError",
    "RedactPHIError",
    "RedactionResult",
    "Redactor",
    "RedactorConfig",
    "ReidentificationError",
    "Replacement",
    "UnsupportedFormatError",
    "__version__",
    "evaluation_label",
]
