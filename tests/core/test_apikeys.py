from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from redactphi import ConfigurationError
from redactphi.apikeys import ApiKeyStore, parse_scopes
from redactphi.storage import create_engine_for


@pytest.fixture
def store(database_url: str) -> Iterator[ApiKeyStore]:
    engine = create_engine_for(database_url)
    yield ApiKeyStore(engine)
    engine.dispose()


def test_created_key_authenticates_and_only_its_hash_is_stored(store: ApiKeyStore) -> None:
    key, token = store.create("coding pipeline", ["redact,audit"])
    assert token.startswith(f"rphi_{key.id}_")
    assert key.scopes == ("redact", "audit")
    found = store.authenticate(token)
    assert found is not None and found.id == key.id and found.has_scope("audit")
    with store.engine.connect() as conn:
        stored = conn.execute(text("SELECT secret_sha256 FROM api_keys")).scalar_one()
    assert stored == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(stored)


@pytest.mark.parametrize(
    "mangle",
    [
        lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"),  # wrong secret, right id
        lambda t: "rphi_000000000000_" + t.split("_", 2)[2],  # unknown id
        lambda t: t + "x",  # too long
        lambda t: "",  # empty
        lambda t: "Bearer " + t,  # header pasted whole
        lambda t: t.replace("rphi", "RPHI"),  # wrong prefix
        lambda t: "rphi_ü",  # non-ASCII
    ],
)
def test_wrong_tokens_are_refused(store: ApiKeyStore, mangle: object) -> None:
    _, token = store.create("x", ["redact"])
    assert store.authenticate(mangle(token)) is None  # type: ignore[operator]


def test_revoked_key_is_refused_and_listed_as_revoked(store: ApiKeyStore) -> None:
    key, token = store.create("old", ["redact"])
    assert store.revoke(key.id) is True
    assert store.revoke(key.id) is False
    assert store.revoke("nosuchkey") is False
    assert store.authenticate(token) is None
    (listed,) = store.list()
    assert listed.id == key.id and not listed.active


def test_scopes_are_validated() -> None:
    assert parse_scopes(["audit", "redact"]) == ("redact", "audit")
    with pytest.raises(ConfigurationError, match=r"unknown scope\(s\) \['admin'\]"):
        parse_scopes(["redact,admin"])
    with pytest.raises(ConfigurationError, match="at least one scope is required"):
        parse_scopes([" , "])


def test_key_name_is_required(tmp_path: Path) -> None:
    engine = create_engine_for(f"sqlite:///{tmp_path}/k.db")
    with pytest.raises(ConfigurationError, match="a key name of 1 to 128 characters is required"):
        ApiKeyStore(engine).create("  ", ["redact"])
    engine.dispose()
