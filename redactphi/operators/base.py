"""What every RedactPHI operator shares: Presidio's `Operator` interface, typed parameters,
and the per-call context (scope, keys, vault, the document's other findings).

Presidio passes operators a plain `params` dict; ours carries three entries: the entity
type, the operator's frozen parameter model (`config`) and an `OperatorContext`. Key
material reaches an operator only through the context, never through the policy.
"""

from __future__ import annotations

from abc import abstractmethod
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, ClassVar

from presidio_anonymizer.operators import Operator, OperatorType
from pydantic import BaseModel, ConfigDict

from ..date_shift import YEAR_PATTERN
from ..errors import KeyringError, PolicyError
from ..keys import Key, Keyring
from ..surrogates import split_name
from ..vault import TokenVault

__all__ = [
    "DocumentState",
    "OperatorContext",
    "OperatorParams",
    "PhiOperator",
]

_NAME_TYPES = frozenset({"PERSON", "PROVIDER"})


class OperatorParams(BaseModel):
    """Base of each operator's parameters: frozen, and unknown fields are errors."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    operator: str


@dataclass
class DocumentState:
    """What an operator may know about the rest of the note it works on (in memory, for
    one call only: numbering of tags, which words are given names, the note's year)."""

    values: tuple[tuple[str, str], ...] = ()  # (entity type, original text) of each finding
    _numbers: dict[str, dict[object, int]] = field(default_factory=dict)
    cache: dict[object, str] = field(default_factory=dict)

    @cached_property
    def given_names(self) -> frozenset[str]:
        given: set[str] = set()
        for entity_type, text in self.values:
            if entity_type in _NAME_TYPES:
                given.update(split_name(text)[0])
        return frozenset(given)

    @cached_property
    def reference_year(self) -> int | None:
        years = Counter(
            int(m.group("y"))
            for entity_type, text in self.values
            if entity_type == "DATE"
            for m in YEAR_PATTERN.finditer(text)
        )
        return years.most_common(1)[0][0] if years else None

    @cached_property
    def _full_names(self) -> dict[tuple[str, str], set[tuple[tuple[str, ...], tuple[str, ...]]]]:
        by_family: dict[tuple[str, str], set[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
        for entity_type, text in self.values:
            if entity_type in _NAME_TYPES:
                given, family = split_name(text, self.given_names)
                if given and family:
                    by_family.setdefault((entity_type, family[-1]), set()).add((given[:1], family))
        return by_family

    def identity(self, entity_type: str, text: str) -> object:
        """Who or what `text` refers to, as far as this note tells: "Dr. Walker" is
        "Rebecca Walker" when she is the only Walker of that type in the note."""
        if entity_type not in _NAME_TYPES:
            return (entity_type, " ".join(text.casefold().split()))
        given, family = split_name(text, self.given_names)
        if not family and not given:
            return (entity_type, " ".join(text.casefold().split()))
        if not given and family:
            full = self._full_names.get((entity_type, family[-1]), set())
            if len(full) == 1:
                return (entity_type, *next(iter(full)))
        return (entity_type, given[:1], family)

    def number(self, entity_type: str, text: str) -> int:
        """1, 2, ... for each distinct identity of a type, in order of first appearance."""
        numbers = self._numbers.setdefault(entity_type, {})
        return numbers.setdefault(self.identity(entity_type, text), len(numbers) + 1)


@dataclass(frozen=True)
class OperatorContext:
    """Scope, keys and vault for one redaction call."""

    scope: str = ""
    keyring: Keyring | None = None
    key_id: str | None = None  # pin keyed operators to this key (default: the active key)
    vault: TokenVault | None = None
    document: DocumentState = field(default_factory=DocumentState)

    def __repr__(self) -> str:  # the scope may itself be an identifier (a patient's MRN)
        return f"OperatorContext(keyring={self.keyring!r}, vault={self.vault!r})"

    def key(self, operator: str) -> Key:
        if self.keyring is None:
            raise KeyringError(f"operator {operator!r} needs a keyring")
        return self.keyring.get(self.key_id) if self.key_id else self.keyring.active


class PhiOperator(Operator):
    """A Presidio operator whose `params` are {"entity_type", "config", "context"}."""

    name: ClassVar[str]
    params_model: ClassVar[type[OperatorParams]]
    reversible: ClassVar[bool] = False
    keyed: ClassVar[bool] = False  # needs a keyring
    needs_vault: ClassVar[bool] = False

    def operate(self, text: str, params: dict[str, Any] | None = None) -> str:
        entity_type, config, context = self._unpack(params)
        return self.replace(text, entity_type, config, context)

    def validate(self, params: dict[str, Any] | None = None) -> None:
        self._unpack(params)

    def operator_name(self) -> str:
        return self.name

    def operator_type(self) -> OperatorType:
        return OperatorType.Anonymize

    def prepare(self, items: list[tuple[str, str]], context: OperatorContext) -> None:
        """Called once per note with every (text, entity type) this operator will get,
        before any `operate`: a chance to do batch work (one vault transaction)."""

    @abstractmethod
    def replace(self, text: str, entity_type: str, config: Any, context: OperatorContext) -> str:
        """The replacement of `text`, an identifier of `entity_type`."""

    def _unpack(self, params: dict[str, Any] | None) -> tuple[str, Any, OperatorContext]:
        params = params or {}
        entity_type = params.get("entity_type")
        config = params.get("config", self.params_model(operator=self.name))
        context = params.get("context", OperatorContext())
        if not isinstance(entity_type, str) or not entity_type:
            raise PolicyError(f"operator {self.name!r} needs an entity type")
        if not isinstance(config, self.params_model):
            raise PolicyError(
                f"operator {self.name!r} needs {self.params_model.__name__} parameters"
            )
        if not isinstance(context, OperatorContext):
            raise PolicyError(f"operator {self.name!r} needs an OperatorContext")
        if self.keyed and context.keyring is None:
            raise KeyringError(f"operator {self.name!r} needs a keyring")
        if self.needs_vault and context.vault is None:
            raise PolicyError(f"operator {self.name!r} needs a token vault")
        return entity_type, config, context
