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
from .keys import Keyring
from .policies import PRESETS, Policy
from .redactor import Redactor
from .vault import TokenVault

__version__ = "0.1.0"

__all__ = [
    "ENTITY_TYPES",
    "ConfigurationError",
    "DecodeError",
    "EntityType",
    "Finding",
    "InputError",
    "Keyring",
    "KeyringError",
    "ModelNotInstalledError",
    "PRESETS",
    "Policy",
    "PolicyError",
    "RedactPHIError",
    "RedactionResult",
    "Redactor",
    "RedactorConfig",
    "ReidentificationError",
    "Replacement",
    "TokenVault",
    "UnsupportedFormatError",
    "__version__",
    "evaluation_label",
]
