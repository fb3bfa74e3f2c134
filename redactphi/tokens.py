"""The two reversible token formats and the stateless one's cryptography.

    vault token      [[DATE:7F3K9Q2M]]                  random code; the value sits in a TokenVault
    encrypt token    [[ENC:DATE:k3f9a2c1b:<base64url>]]  AES-SIV of the value, self-contained

Both are self-delimiting, carry the entity type, and use only ASCII letters, digits, ``_``,
``-`` and ``:`` inside the double brackets, so they survive any text pipeline and can be
found again by `reidentify`. Encrypt tokens are deterministic (same value, type, scope
and key: same token), which keeps joins and de-duplication working downstream; AES-SIV
stays secure under that determinism, unlike CBC or GCM with a fixed nonce.
"""

from __future__ import annotations

import base64
import binascii
import re

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESSIV

from .errors import ReidentificationError
from .keys import Key, Keyring

__all__ = [
    "ENCRYPT_TOKEN",
    "TOKEN_PREFIX",
    "VAULT_CODE_ALPHABET",
    "VAULT_TOKEN",
    "decrypt_token",
    "encrypt_token",
    "vault_token",
]

VAULT_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32: no I, L, O, U
VAULT_TOKEN = re.compile(r"\[\[(?P<type>[A-Z][A-Z0-9_]{0,63}):(?P<code>[0-9A-HJKMNP-TV-Z]{8})\]\]")
ENCRYPT_TOKEN = re.compile(
    r"\[\[ENC:(?P<type>[A-Z][A-Z0-9_]{0,63}):(?P<key_id>[A-Za-z0-9_-]{1,32}):(?P<data>[A-Za-z0-9_-]{22,})\]\]"
)
# The start of any token, complete or not: a truncated token must be an error, not text.
TOKEN_PREFIX = re.compile(r"\[\[(?:ENC:)?[A-Z][A-Z0-9_]{0,63}:")
_AD_VERSION = b"redactphi/enc/v1"
_ENCODING = "utf-8"
_ERRORS = "surrogatepass"  # a lone surrogate in the input must round-trip too


def vault_token(entity_type: str, code: str) -> str:
    return f"[[{entity_type}:{code}]]"


def _siv(key: Key) -> AESSIV:
    return AESSIV(key.derive("encrypt", 64))  # AES-256-SIV takes a 512-bit key


def _associated_data(entity_type: str, key_id: str, scope: str) -> list[bytes]:
    # Type, key id and scope are authenticated: a token moved to another type, key or
    # patient's scope fails to decrypt instead of yielding a plausible value.
    return [_AD_VERSION, entity_type.encode(), key_id.encode(), scope.encode(_ENCODING, _ERRORS)]


def encrypt_token(value: str, entity_type: str, scope: str, key: Key) -> str:
    """The deterministic encrypt token of `value` (AES-256-SIV under `key`)."""
    sealed = _siv(key).encrypt(
        value.encode(_ENCODING, _ERRORS), _associated_data(entity_type, key.key_id, scope)
    )
    data = base64.urlsafe_b64encode(sealed).rstrip(b"=").decode("ascii")
    return f"[[ENC:{entity_type}:{key.key_id}:{data}]]"


def decrypt_token(match: re.Match[str], scope: str, keyring: Keyring) -> str:
    """The value inside an encrypt token; ReidentificationError if it does not authenticate.

    Messages name the token's offset, type and key id, never any part of the value.
    """
    entity_type, key_id, data = match.group("type"), match.group("key_id"), match.group("data")
    where = f"encrypt token at offset {match.start()} ({entity_type})"
    if key_id not in keyring:
        raise ReidentificationError(f"{where} needs key {key_id!r}, which is not in the keyring")
    try:
        sealed = base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))
    except (binascii.Error, ValueError):
        raise ReidentificationError(f"{where} is malformed") from None
    try:
        plain = _siv(keyring.get(key_id)).decrypt(
            sealed, _associated_data(entity_type, key_id, scope)
        )
    except InvalidTag:
        raise ReidentificationError(
            f"{where} does not authenticate: it was altered or truncated, or it belongs to "
            "another scope or keyring"
        ) from None
    try:
        return plain.decode(_ENCODING, _ERRORS)
    except UnicodeDecodeError:  # pragma: no cover - authenticated plaintext is always ours
        raise ReidentificationError(f"{where} holds undecodable data") from None
