from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import text

from redactphi import ConfigurationError
from redactphi.storage import create_engine_for, normalize_database_url, sqlite_url_for


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("postgresql://u@h:5432/db", "postgresql+psycopg://u@h:5432/db"),
        ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
        ("sqlite:////tmp/x.db", "sqlite:////tmp/x.db"),
    ],
)
def test_supported_urls(url: str, expected: str) -> None:
    assert normalize_database_url(url) == expected


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://u@h/db", "unsupported database backend 'mysql'"),
        ("postgresql+psycopg2://u@h/db", "unsupported PostgreSQL driver 'postgresql+psycopg2'"),
        ("not a url", "database URL is not a valid URL"),
    ],
)
def test_unsupported_urls_fail_closed(url: str, message: str) -> None:
    with pytest.raises(ConfigurationError, match=re.escape(message)):
        normalize_database_url(url)


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path: Path) -> None:
    engine = create_engine_for(sqlite_url_for(tmp_path / "data"))
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
        assert conn.execute(text("PRAGMA busy_timeout")).scalar_one() == 30000
    engine.dispose()
    assert (tmp_path / "data" / "redactphi.db").is_file()
