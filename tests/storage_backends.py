"""Database URLs for tests: a SQLite file, or a throw-away schema on the test PostgreSQL.

PostgreSQL comes from REDACTPHI_TEST_POSTGRES_URL; when it is unset or unreachable the
tests skip, except under CI (env CI set), where they fail.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

_POSTGRES_ENV = "REDACTPHI_TEST_POSTGRES_URL"
# Read once at import: the autouse fixture clears REDACTPHI_* before each test runs.
_POSTGRES_URL = os.environ.get(_POSTGRES_ENV)


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL is required in CI: {reason}")
    pytest.skip(reason)


def postgres_schema_url() -> Iterator[str]:
    """A URL whose search_path is a fresh schema, dropped afterwards (tests stay isolated
    from each other and from other suites sharing the database)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import OperationalError

    if not _POSTGRES_URL:
        _unavailable(f"{_POSTGRES_ENV} is not set")
        return
    admin_url = _POSTGRES_URL.replace("postgresql://", "postgresql+psycopg://", 1)
    schema = f"rphi_test_{uuid.uuid4().hex[:12]}"
    try:
        admin = create_engine(admin_url)
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except OperationalError as exc:
        _unavailable(f"PostgreSQL unreachable at {_POSTGRES_ENV} ({type(exc).__name__})")
        return
    separator = "&" if "?" in _POSTGRES_URL else "?"
    try:
        yield f"{_POSTGRES_URL}{separator}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def sqlite_file_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'redactphi.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Each test using this runs once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        yield sqlite_file_url(tmp_path)
    else:
        yield from postgres_schema_url()
