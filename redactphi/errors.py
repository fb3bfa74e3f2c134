"""RedactPHI's exceptions.

One small tree; messages never contain note text or key material.

    RedactPHIError
    ├── ConfigurationError          bad or missing configuration: stops start-up
    │   └── ModelNotInstalledError  the configured spaCy pipeline is not installed
    ├── InputError                  a document cannot be turned into text
    │   ├── UnsupportedFormatError  a file type RedactPHI does not read
    │   └── DecodeError             undecodable bytes, no text layer, corrupt file
    ├── PolicyError                 unknown policy or operator, bad parameters
    ├── KeyringError                missing, unknown or malformed keys
    └── ReidentificationError       tampered, truncated or foreign tokens; missing vault rows
"""

from __future__ import annotations

__all__ = [
    "ConfigurationError",
    "DecodeError",
    "InputError",
    "KeyringError",
    "ModelNotInstalledError",
    "PolicyError",
    "RedactPHIError",
    "ReidentificationError",
    "UnsupportedFormatError",
]


class RedactPHIError(Exception):
    """Base class of every error RedactPHI raises on purpose."""


class ConfigurationError(RedactPHIError):
    """The configuration is invalid; RedactPHI refuses to start with it."""


class ModelNotInstalledError(ConfigurationError):
    """The configured spaCy pipeline is not installed (nothing is downloaded at run time)."""


class InputError(RedactPHIError):
    """A document could not be turned into text."""


class UnsupportedFormatError(InputError):
    """The document's format is not one RedactPHI reads."""


class DecodeError(InputError):
    """The document's bytes could not be decoded into text."""


class PolicyError(RedactPHIError):
    """A redaction policy is unknown or malformed."""


class KeyringError(RedactPHIError):
    """A key is missing, unknown or malformed."""


class ReidentificationError(RedactPHIError):
    """A token cannot be turned back into its original text."""
