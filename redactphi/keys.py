"""Managed keys: a keyring of 256-bit secrets, each with an id and a creation time.

The newest key (the active one) protects new output; older keys stay in the ring so what
they protected can still be read back after a rotation. Every operator derives its own
subkey with HKDF (one purpose per operator), so one secret never serves two algorithms.

A keyring lives in a JSON file created with mode 0600, or in the environment variable
`REDACTPHI_KEYRING` (the same JSON, optionally base64-encoded) which only the caller reads,
through `Keyring.from_env(environ)`: the core never looks at the environment by itself.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import os
import secrets
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from .errors import KeyringError

__all__ = ["ENV_VAR", "Key", "Keyring", "SecretBytes"]

ENV_VAR = "REDACTPHI_KEYRING"
_FORMAT_VERSION = 1
_KEY_BYTES = 32
_HIDDEN = "**********"


class SecretBytes:
    """Bytes that never show themselves in a repr, str or traceback."""

    __slots__ = ("_value",)

    def __init__(self, value: bytes) -> None:
        self._value = bytes(value)

    def get_secret_value(self) -> bytes:
        return self._value

    def __repr__(self) -> str:
        return f"SecretBytes('{_HIDDEN}')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SecretBytes):
            return NotImplemented
        return secrets.compare_digest(self._value, other._value)

    def __hash__(self) -> int:
        return hash(("SecretBytes", len(self._value)))

    def __len__(self) -> int:
        return len(self._value)

    def __reduce__(self) -> Any:  # pickling would write the secret into a foreign format
        raise TypeError("SecretBytes cannot be pickled")


@dataclass(frozen=True, slots=True)
class Key:
    """One keyring entry. Its repr shows the id and creation time, never the secret."""

    key_id: str
    created_at: datetime
    secret: SecretBytes = field(repr=False)

    def derive(self, purpose: str, length: int = _KEY_BYTES) -> bytes:
        """A subkey for one purpose (e.g. "pseudonym", "vault"), HKDF-SHA256 of the secret."""
        return HKDF(
            algorithm=hashes.SHA256(),
            length=length,
            salt=None,
            info=f"redactphi/v1/{purpose}".encode(),
        ).derive(self.secret.get_secret_value())


def _new_key() -> Key:
    return Key(
        key_id=f"k{secrets.token_hex(4)}",
        created_at=datetime.now(UTC).replace(microsecond=0),
        secret=SecretBytes(secrets.token_bytes(_KEY_BYTES)),
    )


class Keyring:
    """Keys with ids; the newest one is active.

    >>> ring = Keyring.create("keys.json")      # doctest: +SKIP
    >>> ring.rotate(); ring.save()               # doctest: +SKIP
    >>> Keyring.load("keys.json").active.key_id  # doctest: +SKIP
    'k3f9a2c1b'
    """

    def __init__(self, keys: Sequence[Key], *, path: str | Path | None = None) -> None:
        if not keys:
            raise KeyringError("a keyring needs at least one key")
        ids = [k.key_id for k in keys]
        if len(set(ids)) != len(ids):
            raise KeyringError("a keyring holds each key id once")
        for k in keys:
            if len(k.secret) != _KEY_BYTES:
                raise KeyringError(f"key {k.key_id!r} is not {_KEY_BYTES} bytes long")
        self._keys = sorted(keys, key=lambda k: k.created_at)
        self.path = Path(path) if path is not None else None

    def __repr__(self) -> str:
        return f"Keyring(keys={[k.key_id for k in self._keys]!r}, active={self.active.key_id!r})"

    @property
    def active(self) -> Key:
        """The key that protects new output (the newest)."""
        return self._keys[-1]

    @property
    def keys(self) -> tuple[Key, ...]:
        return tuple(self._keys)

    def __iter__(self) -> Iterator[Key]:
        return iter(self._keys)

    def __contains__(self, key_id: object) -> bool:
        return any(k.key_id == key_id for k in self._keys)

    def get(self, key_id: str) -> Key:
        """The key with this id; KeyringError when the ring does not hold it."""
        for k in self._keys:
            if k.key_id == key_id:
                return k
        raise KeyringError(f"key {key_id!r} is not in the keyring")

    def rotate(self) -> Key:
        """Add a new key and make it the active one; older keys keep decrypting."""
        key = _new_key()
        if key.created_at <= self._keys[-1].created_at:
            # Keep "newest is active" true even when two rotations share a second.
            key = Key(key.key_id, self._keys[-1].created_at + timedelta(seconds=1), key.secret)
        self._keys.append(key)
        return key

    # --- persistence -------------------------------------------------------------------

    @classmethod
    def generate(cls) -> Keyring:
        """A new in-memory keyring with one fresh key."""
        return cls([_new_key()])

    @classmethod
    def create(cls, path: str | Path) -> Keyring:
        """A new keyring with one key, written to `path` (mode 0600); refuses to overwrite."""
        target = Path(path)
        if target.exists():
            raise KeyringError(f"keyring file {str(target)!r} already exists")
        ring = cls([_new_key()], path=target)
        ring.save()
        return ring

    @classmethod
    def load(cls, path: str | Path) -> Keyring:
        """The keyring stored at `path`."""
        target = Path(path)
        try:
            raw = target.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise KeyringError(f"keyring file {str(target)!r} does not exist") from None
        except OSError as exc:
            raise KeyringError(
                f"cannot read keyring file {str(target)!r}: {exc.strerror}"
            ) from None
        ring = cls.from_json(raw)
        ring.path = target
        return ring

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, name: str = ENV_VAR) -> Keyring:
        """The keyring held in the environment variable `name` (JSON, or base64 of the JSON).

        Pass the environment explicitly where you can (`Keyring.from_env(os.environ)`);
        with no argument the process environment is read, at this call only.
        """
        env = os.environ if environ is None else environ
        raw = env.get(name)
        if not raw:
            raise KeyringError(f"environment variable {name} is not set")
        text = raw.strip()
        if not text.startswith("{"):
            try:
                text = base64.b64decode(text, validate=True).decode("utf-8")
            except (binascii.Error, UnicodeDecodeError):
                raise KeyringError(f"{name} is neither keyring JSON nor base64 of it") from None
        return cls.from_json(text)

    @classmethod
    def from_json(cls, raw: str) -> Keyring:
        """A keyring from its JSON document (the keyring file's content)."""
        try:
            doc = json.loads(raw)
        except json.JSONDecodeError:
            raise KeyringError("keyring is not valid JSON") from None
        if not isinstance(doc, dict) or doc.get("version") != _FORMAT_VERSION:
            raise KeyringError(f"keyring must be a JSON object with version {_FORMAT_VERSION}")
        entries = doc.get("keys")
        if not isinstance(entries, list):
            raise KeyringError("keyring has no list of keys")
        keys: list[Key] = []
        for i, entry in enumerate(entries):
            try:
                key_id = entry["id"]
                created = datetime.fromisoformat(entry["created_at"])
                secret = base64.b64decode(entry["secret"], validate=True)
            except (KeyError, TypeError, ValueError, binascii.Error):
                # Never echo the entry: it holds the secret.
                raise KeyringError(f"keyring entry {i} is malformed") from None
            if not isinstance(key_id, str) or not _valid_key_id(key_id):
                raise KeyringError(f"keyring entry {i} has an invalid key id")
            if created.tzinfo is None:
                created = created.replace(tzinfo=UTC)
            keys.append(Key(key_id, created, SecretBytes(secret)))
        return cls(keys)

    def to_json(self) -> str:
        """The keyring as its JSON document. This holds the secrets: write it only to a 0600
        file or a secret store."""
        return json.dumps(
            {
                "version": _FORMAT_VERSION,
                "keys": [
                    {
                        "id": k.key_id,
                        "created_at": k.created_at.isoformat(),
                        "secret": base64.b64encode(k.secret.get_secret_value()).decode("ascii"),
                    }
                    for k in self._keys
                ],
            },
            indent=2,
        )

    def save(self, path: str | Path | None = None) -> Path:
        """Write the keyring atomically to `path` (default: where it was loaded), mode 0600."""
        target = Path(path) if path is not None else self.path
        if target is None:
            raise KeyringError("no keyring file to save to")
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        # O_EXCL with mode 0600: the secret is never readable by others, not even briefly.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(self.to_json())
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
            raise
        self.path = target
        return target


def _valid_key_id(key_id: str) -> bool:
    # Key ids go inside encrypt tokens, so they must not contain the token delimiters.
    return 0 < len(key_id) <= 32 and all(c.isascii() and (c.isalnum() or c in "-_") for c in key_id)
