"""API keys for the service: shown once at creation, stored only as a SHA-256 hash.

A key reads `rphi_<id>_<secret>`: the id finds the row, the 256-bit random secret is
checked against the stored hash with a constant-time comparison. A high-entropy secret
needs no slow password hash; a stolen database still cannot be turned into usable keys.

    store = ApiKeyStore(create_engine_for(url))
    key, token = store.create("coding-pipeline", ["redact"])   # print token once
    store.authenticate(token)                                   # ApiKey or None
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Column, Engine, Row, String, Table, insert, select, update

from .errors import ConfigurationError
from .storage import METADATA, create_schema

__all__ = ["SCOPES", "ApiKey", "ApiKeyStore", "parse_scopes"]

# redact: /v1/redact, /v1/redact/files and /v1/analyze; reidentify: /v1/reidentify;
# audit: reading and verifying the audit log.
SCOPES = ("redact", "reidentify", "audit")

_PREFIX = "rphi"
_TOKEN_RE = re.compile(r"^rphi_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$")
# Compared against when the id is unknown, so unknown and wrong keys take the same time.
_DUMMY_HASH = hashlib.sha256(b"redactphi-unknown-key").hexdigest()

api_keys = Table(
    "api_keys",
    METADATA,
    Column("id", String(16), primary_key=True),
    Column("name", String(128), nullable=False),
    Column("scopes", String(256), nullable=False),
    Column("secret_sha256", String(64), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("revoked_at", String(32)),
)


@dataclass(frozen=True, slots=True)
class ApiKey:
    """A stored API key without its secret."""

    id: str
    name: str
    scopes: tuple[str, ...]
    created_at: str
    revoked_at: str | None = None

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    def has_scope(self, scope: str) -> bool:
        return scope in self.scopes


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_scopes(scopes: Iterable[str]) -> tuple[str, ...]:
    """Validate scope names (comma lists allowed); unknown names are an error."""
    names = [s.strip() for item in scopes for s in item.split(",") if s.strip()]
    unknown = sorted(set(names) - set(SCOPES))
    if unknown:
        raise ConfigurationError(f"unknown scope(s) {unknown}; available: {', '.join(SCOPES)}")
    if not names:
        raise ConfigurationError(f"at least one scope is required: {', '.join(SCOPES)}")
    return tuple(s for s in SCOPES if s in names)


class ApiKeyStore:
    """Create, list, revoke and check API keys."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        create_schema(engine)

    def create(self, name: str, scopes: Iterable[str]) -> tuple[ApiKey, str]:
        """Store a new key; return it and the token, which is never retrievable again."""
        name = name.strip()
        if not name or len(name) > 128:
            raise ConfigurationError("a key name of 1 to 128 characters is required")
        checked = parse_scopes(scopes)
        key_id = secrets.token_hex(6)
        token = f"{_PREFIX}_{key_id}_{secrets.token_urlsafe(32)}"
        created = _now()
        with self.engine.begin() as conn:
            conn.execute(
                insert(api_keys).values(
                    id=key_id,
                    name=name,
                    scopes=",".join(checked),
                    secret_sha256=_hash(token),
                    created_at=created,
                )
            )
        return ApiKey(key_id, name, checked, created), token

    def revoke(self, key_id: str) -> bool:
        """Revoke a key by id; False if no active key has that id."""
        with self.engine.begin() as conn:
            result = conn.execute(
                update(api_keys)
                .where(api_keys.c.id == key_id, api_keys.c.revoked_at.is_(None))
                .values(revoked_at=_now())
            )
        return bool(result.rowcount)

    def list(self) -> list[ApiKey]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(api_keys).order_by(api_keys.c.created_at, api_keys.c.id))
            return [_key(row) for row in rows]

    def authenticate(self, token: str) -> ApiKey | None:
        """The active key this token belongs to, or None (unknown, wrong or revoked)."""
        match = _TOKEN_RE.match(token)
        key_id = match.group(1) if match else ""
        with self.engine.connect() as conn:
            row = conn.execute(select(api_keys).where(api_keys.c.id == key_id)).first()
        stored = row.secret_sha256 if row is not None else _DUMMY_HASH
        matches = hmac.compare_digest(stored, _hash(token) if match else "")
        if row is None or not matches or row.revoked_at is not None:
            return None
        return _key(row)


def _key(row: Row[Any]) -> ApiKey:
    return ApiKey(
        id=row.id,
        name=row.name,
        scopes=tuple(s for s in row.scopes.split(",") if s),
        created_at=row.created_at,
        revoked_at=row.revoked_at,
    )
