"""encrypt: a stateless deterministic AES-SIV token, `[[ENC:DATE:k3f9a2c1b:...]]`."""

from __future__ import annotations

from typing import ClassVar, Literal

from ..tokens import encrypt_token
from .base import OperatorContext, OperatorParams, PhiOperator

__all__ = ["EncryptOperator", "EncryptParams"]


class EncryptParams(OperatorParams):
    operator: Literal["encrypt"] = "encrypt"


class EncryptOperator(PhiOperator):
    """Reversible with the key (and the scope, bound as associated data); needs no storage.
    Pseudonymised PHI, not Safe Harbor: the token is the identifier, encrypted."""

    name: ClassVar[str] = "encrypt"
    params_model: ClassVar[type[OperatorParams]] = EncryptParams
    reversible: ClassVar[bool] = True
    keyed: ClassVar[bool] = True

    def replace(
        self, text: str, entity_type: str, config: EncryptParams, context: OperatorContext
    ) -> str:
        return encrypt_token(text, entity_type, context.scope, context.key(self.name))
