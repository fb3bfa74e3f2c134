"""Redaction policies: which operator, with which parameters, for each entity type.

A policy fails closed: an entity type it does not name goes to its `default` operator, so
a new or unexpected type is still replaced, never passed through.

Presets (`PRESETS`), and what their output is under HIPAA:

=========  ===========  ================================================================
preset     reversible   output
=========  ===========  ================================================================
tag        no           Safe Harbor de-identified: `[DATE]`, `[PERSON]`
mask       no           Safe Harbor de-identified: `**/**/****` (lengths and layout remain)
pseudonym  no           pseudonymised PHI: keyed HMAC codes `[PERSON-3f9a2c1b]`
surrogate  no           pseudonymised PHI: keyed realistic fakes, dates shifted per scope
vault      yes (vault)  Safe Harbor de-identified text with 164.514(c) random codes
                        `[[DATE:7F3K9Q2M]]`; the vault and keyring are PHI
encrypt    yes (key)    pseudonymised PHI: AES-SIV tokens `[[ENC:DATE:k1a2b3c4d:...]]`
=========  ===========  ================================================================

Keyed or reversible codes derived from PHI (pseudonym, surrogate, encrypt) are not Safe
Harbor de-identification (45 CFR 164.514(c)); use them under an expert determination, a
limited data set agreement, or inside the covered entity.

A policy file is YAML::

    name: coding-review
    default: {operator: tag}
    entities:
      DATE: {operator: date_shift, min_days: 30, max_days: 180}
      PROVIDER: {operator: tag, numbered: true}
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .entities import canonical_entity_type
from .errors import PolicyError
from .operators import (
    OPERATORS,
    DateShiftParams,
    EncryptParams,
    MaskParams,
    PseudonymParams,
    SurrogateParams,
    TagParams,
    VaultParams,
)

__all__ = ["PRESETS", "OperatorSpec", "Policy", "load_policy"]

OperatorSpec = Annotated[
    TagParams
    | MaskParams
    | PseudonymParams
    | SurrogateParams
    | DateShiftParams
    | VaultParams
    | EncryptParams,
    Field(discriminator="operator"),
]


class Policy(BaseModel):
    """A typed, frozen redaction policy."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.-]+$")
    description: str = ""
    default: OperatorSpec = Field(default_factory=TagParams)
    entities: Mapping[str, OperatorSpec] = Field(default_factory=dict, validate_default=True)
    key_id: str | None = None  # pin keyed operators to one key (default: the active key)

    @field_validator("entities")
    @classmethod
    def _canonical_types(cls, value: Mapping[str, Any]) -> Mapping[str, Any]:
        out: dict[str, Any] = {}
        for entity_type, spec in value.items():
            if (
                not entity_type
                or not entity_type.replace("_", "").isalnum()
                or not entity_type.isupper()
            ):
                raise ValueError(f"entity type {entity_type!r} must be UPPER_CASE")
            out[canonical_entity_type(entity_type)] = spec
        return MappingProxyType(out)

    def operator_for(self, entity_type: str) -> OperatorSpec:
        """The operator parameters for `entity_type`; the default for unnamed types."""
        spec: OperatorSpec = self.entities.get(canonical_entity_type(entity_type), self.default)
        return spec

    def _specs(self) -> list[OperatorSpec]:
        return [self.default, *self.entities.values()]

    @property
    def reversible(self) -> bool:
        """True if some type's output can be turned back into the original."""
        return any(OPERATORS[s.operator].reversible for s in self._specs())

    @property
    def needs_keyring(self) -> bool:
        return any(OPERATORS[s.operator].keyed for s in self._specs())

    @property
    def needs_vault(self) -> bool:
        return any(OPERATORS[s.operator].needs_vault for s in self._specs())

    @classmethod
    def from_dict(cls, data: Any, *, source: str = "policy") -> Policy:
        if not isinstance(data, dict):
            raise PolicyError(f"{source} must be a mapping")
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in err['loc']) or 'policy'}: {err['msg']}"
                for err in exc.errors()
            )
            raise PolicyError(f"{source} is invalid: {problems}") from None

    @classmethod
    def from_yaml(cls, path: str | Path) -> Policy:
        """A policy from a YAML file."""
        source = f"policy file {str(path)!r}"
        try:
            with open(path, encoding="utf-8") as fh:
                data = yaml.safe_load(fh)
        except OSError as exc:
            raise PolicyError(f"cannot read {source}: {exc.strerror}") from None
        except yaml.YAMLError:
            raise PolicyError(f"{source} is not valid YAML") from None
        return cls.from_dict(data, source=source)


def _preset(name: str, default: OperatorSpec, description: str) -> Policy:
    return Policy(name=name, default=default, description=description)


PRESETS: Mapping[str, Policy] = MappingProxyType(
    {
        p.name: p
        for p in (
            _preset(
                "tag", TagParams(), "Safe Harbor de-identified: each identifier becomes [TYPE]."
            ),
            _preset(
                "mask",
                MaskParams(),
                "Safe Harbor de-identified: letters and digits masked, layout kept.",
            ),
            _preset(
                "pseudonym",
                PseudonymParams(),
                "Pseudonymised PHI: keyed HMAC-SHA256 codes, stable across notes.",
            ),
            _preset(
                "surrogate",
                SurrogateParams(),
                "Pseudonymised PHI: realistic keyed surrogates, dates shifted per scope.",
            ),
            _preset(
                "vault",
                VaultParams(),
                "Safe Harbor de-identified text with random re-identification codes "
                "(164.514(c)); the vault holds PHI.",
            ),
            _preset(
                "encrypt",
                EncryptParams(),
                "Pseudonymised PHI: deterministic AES-SIV tokens, reversible with the key.",
            ),
        )
    }
)


def load_policy(policy: str | Path | Policy, *, allow_files: bool = False) -> Policy:
    """A preset by name, a Policy as is, or (with `allow_files`) a YAML policy file.

    Files are opt-in so that a service passing a user's policy name through can never be
    made to read a file.
    """
    if isinstance(policy, Policy):
        return policy
    name = str(policy)
    if name in PRESETS:
        return PRESETS[name]
    if allow_files and (isinstance(policy, Path) or name.endswith((".yaml", ".yml"))):
        return Policy.from_yaml(policy)
    raise PolicyError(f"unknown policy {name!r}; available: {', '.join(PRESETS)}")
