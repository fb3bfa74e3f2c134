from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import create_engine, text

from redactphi import ReidentificationError
from redactphi.keys import Keyring
from redactphi.vault import TokenVault

POSTGRES_ENV = "REDACTPHI_TEST_POSTGRES_URL"
# Read at import, before the autouse fixture clears REDACTPHI_* for each test.
POSTGRES_URL = os.environ.get(POSTGRES_ENV)


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL is required in CI: {reason}")
    pytest.skip(reason)


def _postgres_or_skip() -> str:
    if not POSTGRES_URL:
        _unavailable(f"{POSTGRES_ENV} is not set")
        raise AssertionError("unreachable")
    try:
        engine = create_engine(POSTGRES_URL.replace("postgresql://", "postgresql+psycopg://", 1))
        with engine.connect() as conn:
            conn.execute(text("select 1"))
        engine.dispose()
    except Exception as exc:  # any connection failure means: no server here
        _unavailable(f"PostgreSQL not reachable at {POSTGRES_ENV} ({type(exc).__name__})")
    return POSTGRES_URL


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def vault(request, tmp_path) -> Iterator[TokenVault]:  # type: ignore[no-untyped-def]
    url = str(tmp_path / "vault.sqlite3") if request.param == "sqlite" else _postgres_or_skip()
    v = TokenVault(url)
    assert v.backend == request.param
    yield v
    v.close()


def scope() -> str:
    # Fresh per test: the PostgreSQL database is shared between runs.
    return f"test-{secrets.token_hex(6)}"


def test_round_trip_and_same_value_same_token(vault: TokenVault) -> None:
    ring, s = Keyring.generate(), scope()
    code = vault.tokenize("Lucia Reyes", "PERSON", s, ring)
    assert vault.tokenize("Lucia Reyes", "PERSON", s, ring) == code
    assert vault.tokenize("Lucia Reyes", "PROVIDER", s, ring) != code
    assert vault.tokenize("Lucia Reyes", "PERSON", scope(), ring) != code
    assert vault.detokenize({code: "PERSON"}, ring) == {code: "Lucia Reyes"}


def test_rotation_keeps_tokens_and_old_rows_readable(vault: TokenVault) -> None:
    ring, s = Keyring.generate(), scope()
    code = vault.tokenize("03/14/2024", "DATE", s, ring)
    ring.rotate()
    assert vault.tokenize("03/14/2024", "DATE", s, ring) == code  # found via the old key's lookup
    new = vault.tokenize("04/01/2024", "DATE", s, ring)
    assert vault.detokenize({code: "DATE", new: "DATE"}, ring) == {
        code: "03/14/2024",
        new: "04/01/2024",
    }


def test_wrong_keyring_missing_row_and_wrong_type_are_errors(vault: TokenVault) -> None:
    ring, s = Keyring.generate(), scope()
    code = vault.tokenize("5521987", "MEDICAL_RECORD_NUMBER", s, ring)
    with pytest.raises(ReidentificationError, match="not in the keyring") as err:
        vault.detokenize({code: "MEDICAL_RECORD_NUMBER"}, Keyring.generate())
    assert "5521987" not in str(err.value)
    with pytest.raises(ReidentificationError, match="type does not match"):
        vault.detokenize({code: "DATE"}, ring)
    with pytest.raises(ReidentificationError, match="is not in this vault"):
        vault.detokenize({"ZZZZZZZZ": "DATE"}, ring)


def test_concurrent_writers_agree_on_one_token(vault: TokenVault) -> None:
    ring, s = Keyring.generate(), scope()
    values = [f"MRN-{i % 5}" for i in range(40)]
    with ThreadPoolExecutor(8) as pool:
        codes = list(pool.map(lambda v: vault.tokenize(v, "ID", s, ring), values))
    by_value: dict[str, set[str]] = {}
    for value, code in zip(values, codes, strict=True):
        by_value.setdefault(value, set()).add(code)
    assert all(len(c) == 1 for c in by_value.values())
    assert len({next(iter(c)) for c in by_value.values()}) == 5


def test_concurrent_batches_agree_on_one_token(vault: TokenVault) -> None:
    ring, s = Keyring.generate(), scope()
    batches = [[(f"v{(i + j) % 7}", "ID") for j in range(5)] for i in range(12)]
    with ThreadPoolExecutor(6) as pool:
        results = list(pool.map(lambda b: vault.tokenize_many(b, s, ring), batches))
    seen: dict[str, set[str]] = {}
    for batch, codes in zip(batches, results, strict=True):
        for (value, _), code in zip(batch, codes, strict=True):
            seen.setdefault(value, set()).add(code)
    assert len(seen) == 7 and all(len(c) == 1 for c in seen.values())
    values = vault.detokenize({next(iter(c)): "ID" for c in seen.values()}, ring)
    assert sorted(values.values()) == sorted(seen)


def test_two_vault_objects_on_one_database_share_tokens(tmp_path) -> None:  # type: ignore[no-untyped-def]
    ring = Keyring.generate()
    a, b = TokenVault(f"sqlite:///{tmp_path / 'v.db'}"), TokenVault(tmp_path / "v.db")
    code = a.tokenize("x", "ID", "s", ring)
    assert b.tokenize("x", "ID", "s", ring) == code
    assert b.detokenize({code: "ID"}, ring) == {code: "x"}


def test_vault_rows_hold_no_plain_value_or_scope(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "v.db"
    TokenVault(path).tokenize("Lucia Reyes", "PERSON", "patient-123", Keyring.generate())
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("v.db*"))  # the file and its WAL
    assert b"Lucia" not in raw and b"patient-123" not in raw
