"""TokenVault: random tokens for PHI values, the values kept AES-256-GCM-encrypted.

A vault token (`[[DATE:7F3K9Q2M]]`) is random, not derived from the value, so text that
carries only vault tokens can be de-identified under 45 CFR 164.514(c) while the vault,
held by the covered entity, still allows re-identification. The same value of the same type
in the same scope gets the same token, found through a keyed HMAC lookup column (never the
plain value or scope). Rows hold the key id that sealed them, so key rotation needs no
re-encryption: old rows open with old keys.

Storage is SQLAlchemy: a SQLite file by default (`TokenVault("vault.sqlite3")` or
`sqlite:///...`), PostgreSQL by URL (`postgresql://user@host/db`). Concurrent writers are
safe: the lookup column is unique, and a writer that loses the race reads the winner's
token.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import (
    Column,
    DateTime,
    Engine,
    LargeBinary,
    MetaData,
    String,
    Table,
    create_engine,
    event,
    insert,
    select,
)
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError, SQLAlchemyError

from .errors import ConfigurationError, KeyringError, RedactPHIError, ReidentificationError
from .keys import Keyring
from .tokens import VAULT_CODE_ALPHABET

__all__ = ["TokenVault"]

_metadata = MetaData()
_tokens = Table(
    "redactphi_vault_tokens",
    _metadata,
    Column("token", String(8), primary_key=True),
    Column("entity_type", String(64), nullable=False),
    Column("lookup", String(64), nullable=False, unique=True),
    Column("key_id", String(32), nullable=False),
    Column("nonce", LargeBinary(12), nullable=False),
    Column("ciphertext", LargeBinary, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
_CODE_LENGTH = 8
_ATTEMPTS = 8


def _engine_url(url: str | os.PathLike[str]) -> str:
    text = os.fspath(url)
    if "://" not in text:
        return f"sqlite:///{Path(text).expanduser()}"
    for prefix in ("postgresql://", "postgres://"):
        if text.startswith(prefix):
            return "postgresql+psycopg://" + text[len(prefix) :]
    return text


class TokenVault:
    """Stores PHI values behind random tokens.

    >>> vault = TokenVault("vault.sqlite3")                     # doctest: +SKIP
    >>> code = vault.tokenize("03/14/2024", "DATE", "pt-1", keyring)   # doctest: +SKIP
    >>> vault.detokenize({code: "DATE"}, keyring)[code]          # doctest: +SKIP
    '03/14/2024'
    """

    def __init__(self, url: str | os.PathLike[str]) -> None:
        engine_url = _engine_url(url)
        connect_args: dict[str, Any] = {}
        if engine_url.startswith("sqlite"):
            connect_args["timeout"] = 30  # wait for another writer instead of failing
        try:
            self._engine: Engine = create_engine(engine_url, connect_args=connect_args)
        except (SQLAlchemyError, ImportError, ValueError) as exc:
            # The URL may carry a password: name only the backend.
            raise ConfigurationError(
                f"cannot open the token vault ({type(exc).__name__})"
            ) from None
        self.backend = self._engine.dialect.name
        if self.backend == "sqlite":
            event.listen(self._engine, "connect", _sqlite_pragmas)
        try:
            _metadata.create_all(self._engine, checkfirst=True)
        except (IntegrityError, ProgrammingError):
            # Another process created the table at the same moment.
            _metadata.create_all(self._engine, checkfirst=True)
        except OperationalError as exc:
            raise ConfigurationError(
                f"cannot open the {self.backend} token vault: {type(exc.orig).__name__}"
            ) from None

    def __repr__(self) -> str:
        return f"TokenVault(backend={self.backend!r})"

    def close(self) -> None:
        self._engine.dispose()

    def tokenize(self, value: str, entity_type: str, scope: str, keyring: Keyring) -> str:
        """The vault code (8 characters) for `value`; the same for the same value, type and
        scope, under any key of `keyring`."""
        return self.tokenize_many([(value, entity_type)], scope, keyring)[0]

    def tokenize_many(
        self, items: Sequence[tuple[str, str]], scope: str, keyring: Keyring
    ) -> list[str]:
        """Codes for many (value, entity type) pairs of one scope: one lookup query and one
        transaction for all the new ones (a note's worth of PHI costs one commit)."""
        keys = list(keyring)
        lookups = {
            item: [_lookup(k.derive("vault-lookup"), item[0], item[1], scope) for k in keys]
            for item in dict.fromkeys(items)
        }
        codes = self._find_many(lookups)
        # in lookup order: two batches sharing values then take the unique index's locks in
        # the same order, so PostgreSQL cannot deadlock them on each other
        missing = sorted((item for item in lookups if item not in codes), key=lambda item: lookups[item][-1])
        if missing:
            rows = [
                self._row(value, entity_type, lookups[(value, entity_type)][-1], keyring)
                for value, entity_type in missing
            ]
            try:
                with self._engine.begin() as conn:
                    conn.execute(insert(_tokens), rows)
                codes.update({item: row["token"] for item, row in zip(missing, rows, strict=True)})
            except (IntegrityError, OperationalError) as exc:
                if isinstance(exc, OperationalError) and "deadlock" not in str(exc.orig).lower():
                    raise
                # A concurrent writer stored some of these first, a code collided, or the
                # database broke a deadlock by rolling this batch back: settle each value on
                # its own (one row per transaction cannot deadlock).
                for item in missing:
                    codes[item] = self._tokenize_one(item, lookups[item], keyring)
        return [codes[item] for item in items]

    def _tokenize_one(self, item: tuple[str, str], lookups: list[str], keyring: Keyring) -> str:
        for _ in range(_ATTEMPTS):
            existing = self._find(lookups)
            if existing is not None:
                return existing
            row = self._row(item[0], item[1], lookups[-1], keyring)
            try:
                with self._engine.begin() as conn:
                    conn.execute(insert(_tokens).values(**row))
                return str(row["token"])
            except IntegrityError:
                continue  # lost a race (the next lookup finds the winner) or a code collided
        raise RedactPHIError("could not allocate a unique vault token")

    @staticmethod
    def _row(value: str, entity_type: str, lookup: str, keyring: Keyring) -> dict[str, Any]:
        key = keyring.active
        code = "".join(secrets.choice(VAULT_CODE_ALPHABET) for _ in range(_CODE_LENGTH))
        nonce = secrets.token_bytes(12)
        return {
            "token": code,
            "entity_type": entity_type,
            "lookup": lookup,
            "key_id": key.key_id,
            "nonce": nonce,
            "ciphertext": AESGCM(key.derive("vault")).encrypt(
                nonce, _encode(value), _aad(code, entity_type)
            ),
            "created_at": datetime.now(UTC),
        }

    def _find_many(
        self, lookups: Mapping[tuple[str, str], list[str]]
    ) -> dict[tuple[str, str], str]:
        owner = {lk: item for item, lks in lookups.items() for lk in lks}
        found: dict[tuple[str, str], str] = {}
        with self._engine.connect() as conn:
            for chunk in _chunks(list(owner), 500):
                query = select(_tokens.c.token, _tokens.c.lookup).where(_tokens.c.lookup.in_(chunk))
                for row in conn.execute(query):
                    found.setdefault(owner[row.lookup], str(row.token))
        return found

    def detokenize(self, codes: Mapping[str, str], keyring: Keyring) -> dict[str, str]:
        """The values behind vault codes ({code: entity type}); ReidentificationError for a
        code the vault does not hold, a type that does not match, a key the keyring lacks,
        or a row that fails authentication."""
        wanted = dict(codes)
        rows: dict[str, Any] = {}
        with self._engine.connect() as conn:
            for chunk in _chunks(list(wanted), 500):
                for found in conn.execute(select(_tokens).where(_tokens.c.token.in_(chunk))):
                    rows[found.token] = found
        values: dict[str, str] = {}
        for code, entity_type in wanted.items():
            row = rows.get(code)
            if row is None:
                raise ReidentificationError(
                    f"vault token {code} ({entity_type}) is not in this vault"
                )
            if row.entity_type != entity_type:
                raise ReidentificationError(
                    f"vault token {code} was altered: its type does not match"
                )
            try:
                key = keyring.get(row.key_id)
            except KeyringError:
                raise ReidentificationError(
                    f"vault token {code} needs key {row.key_id!r}, which is not in the keyring"
                ) from None
            try:
                plain = AESGCM(key.derive("vault")).decrypt(
                    bytes(row.nonce), bytes(row.ciphertext), _aad(code, entity_type)
                )
            except InvalidTag:
                raise ReidentificationError(
                    f"vault row of token {code} fails authentication (tampered row or wrong key)"
                ) from None
            values[code] = plain.decode("utf-8", "surrogatepass")
        return values

    def _find(self, lookups: list[str]) -> str | None:
        with self._engine.connect() as conn:
            row = conn.execute(
                select(_tokens.c.token).where(_tokens.c.lookup.in_(lookups)).limit(1)
            ).first()
        return None if row is None else str(row.token)


def _sqlite_pragmas(dbapi_connection: Any, _: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers do not block the writer
    cursor.close()


def _lookup(key: bytes, value: str, entity_type: str, scope: str) -> str:
    message = "\x1f".join((entity_type, scope, value)).encode("utf-8", "surrogatepass")
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def _aad(code: str, entity_type: str) -> bytes:
    # Binds each ciphertext to its row: swapping ciphertexts between tokens is detected.
    return f"redactphi/vault/v1\x1f{code}\x1f{entity_type}".encode()


def _encode(value: str) -> bytes:
    return value.encode("utf-8", "surrogatepass")


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
