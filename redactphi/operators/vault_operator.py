"""vault: a random typed token, `[[DATE:7F3K9Q2M]]`; the value goes into a TokenVault."""

from __future__ import annotations

from typing import ClassVar, Literal

from ..tokens import vault_token
from .base import OperatorContext, OperatorParams, PhiOperator

__all__ = ["VaultOperator", "VaultParams"]


class VaultParams(OperatorParams):
    operator: Literal["vault"] = "vault"


class VaultOperator(PhiOperator):
    """Reversible through the vault. The token is random, not derived from the value, so
    the text is de-identified under Safe Harbor with a 164.514(c) re-identification code,
    as long as the vault and keyring stay with the covered entity (they hold PHI)."""

    name: ClassVar[str] = "vault"
    params_model: ClassVar[type[OperatorParams]] = VaultParams
    reversible: ClassVar[bool] = True
    keyed: ClassVar[bool] = True
    needs_vault: ClassVar[bool] = True

    def prepare(self, items: list[tuple[str, str]], context: OperatorContext) -> None:
        if context.vault is None or context.keyring is None or not items:
            return
        codes = context.vault.tokenize_many(items, context.scope, context.keyring)
        for (text, entity_type), code in zip(items, codes, strict=True):
            context.document.cache[("vault", entity_type, text)] = code

    def replace(
        self, text: str, entity_type: str, config: VaultParams, context: OperatorContext
    ) -> str:
        assert context.vault is not None and context.keyring is not None  # checked in _unpack
        cache_key = ("vault", entity_type, text)
        code = context.document.cache.get(cache_key)
        if code is None:
            code = context.vault.tokenize(text, entity_type, context.scope, context.keyring)
            context.document.cache[cache_key] = code
        return vault_token(entity_type, code)
