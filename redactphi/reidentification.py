"""Turn vault and encrypt tokens back into the exact original text."""

from __future__ import annotations

import re

from .errors import ReidentificationError
from .keys import Keyring
from .tokens import ENCRYPT_TOKEN, TOKEN_PREFIX, VAULT_TOKEN, decrypt_token
from .vault import TokenVault

__all__ = ["reidentify"]


def reidentify(
    text: str,
    *,
    keyring: Keyring | None,
    vault: TokenVault | None = None,
    scope: str | None = None,
) -> str:
    """`text` with every vault and encrypt token replaced by its original value.

    All or nothing: a token that is truncated, altered, from another keyring or scope, or
    missing from the vault raises ReidentificationError and nothing is returned.
    """
    tokens: list[tuple[re.Match[str], str]] = [(m, "enc") for m in ENCRYPT_TOKEN.finditer(text)]
    tokens += [(m, "vault") for m in VAULT_TOKEN.finditer(text)]
    tokens.sort(key=lambda t: t[0].start())
    starts = {m.start() for m, _ in tokens}
    for prefix in TOKEN_PREFIX.finditer(text):
        if prefix.start() not in starts:
            raise ReidentificationError(
                f"token at offset {prefix.start()} is truncated or malformed"
            )
    if not tokens:
        return text
    if keyring is None:
        raise ReidentificationError("the text holds RedactPHI tokens; reidentify needs the keyring")
    vault_codes = {m.group("code"): m.group("type") for m, kind in tokens if kind == "vault"}
    for m, kind in tokens:
        if kind == "vault" and vault_codes[m.group("code")] != m.group("type"):
            raise ReidentificationError(
                f"vault token at offset {m.start()} was altered: its type does not match"
            )
    vault_values: dict[str, str] = {}
    if vault_codes:
        if vault is None:
            raise ReidentificationError(
                "the text holds vault tokens; reidentify needs the token vault"
            )
        vault_values = vault.detokenize(vault_codes, keyring)
    out: list[str] = []
    cursor = 0
    for m, kind in tokens:
        out.append(text[cursor : m.start()])
        if kind == "vault":
            out.append(vault_values[m.group("code")])
        else:
            out.append(decrypt_token(m, scope or "", keyring))
        cursor = m.end()
    out.append(text[cursor:])
    return "".join(out)
