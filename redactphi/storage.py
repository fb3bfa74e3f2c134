"""Where RedactPHI keeps its records: one SQLAlchemy schema, a SQLite file by default,
PostgreSQL by URL.

The audit log and the API keys live here (and the token vault may reuse the same engine
factory). Nothing stored through this module may hold note text or PHI.

    engine = create_engine_for(sqlite_url_for(Path("redactphi-data")))
    create_schema(engine)
    with write_transaction(engine, lock="audit") as conn:
        ...
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, MetaData, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from .errors import ConfigurationError

__all__ = [
    "DATABASE_FILENAME",
    "METADATA",
    "create_engine_for",
    "create_schema",
    "normalize_database_url",
    "sqlite_url_for",
    "write_transaction",
]

DATABASE_FILENAME = "redactphi.db"

# One schema for every table RedactPHI stores (audit, API keys, vault): tables register
# themselves on this MetaData so `create_schema` creates all of them.
METADATA = MetaData()

_SQLITE_BUSY_TIMEOUT_MS = 30_000
_WRITE_LOCK_OPTION = "redactphi_write_lock"


def sqlite_url_for(data_dir: Path) -> str:
    """The SQLite URL of the database file inside a data directory."""
    return f"sqlite:///{(data_dir / DATABASE_FILENAME).resolve()}"


def normalize_database_url(url: str) -> str:
    """Accept `postgresql://` (and `postgres://`) as psycopg 3 URLs; refuse other backends."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ConfigurationError("database URL is not a valid URL") from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        if parsed.drivername not in {"sqlite", "sqlite+pysqlite"}:
            raise ConfigurationError(f"unsupported SQLite driver {parsed.drivername!r}")
        return url
    if backend in {"postgresql", "postgres"}:
        if parsed.drivername in {"postgresql", "postgres", "postgresql+psycopg"}:
            return parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
        raise ConfigurationError(
            f"unsupported PostgreSQL driver {parsed.drivername!r}; use postgresql:// (psycopg 3)"
        )
    raise ConfigurationError(f"unsupported database backend {backend!r}; use sqlite or postgresql")


def create_engine_for(url: str) -> Engine:
    """An engine for a SQLite or PostgreSQL URL, tuned for several concurrent writers.

    SQLite runs in WAL mode with a busy timeout, and transactions are begun explicitly so
    `write_transaction` can take the write lock up front (`BEGIN IMMEDIATE`).
    """
    url = normalize_database_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, future=True)
    database = parsed.database or ""
    if database and database != ":memory:":
        # Owner-only: the audit rows and key hashes are nobody else's business.
        Path(database).parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": _SQLITE_BUSY_TIMEOUT_MS / 1000},
        future=True,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _: Any) -> None:
        # pysqlite's own implicit BEGIN is deferred and would upgrade to a write lock
        # mid-transaction (SQLITE_BUSY with no retry); we emit BEGIN ourselves instead.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={_SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        if conn.get_execution_options().get(_WRITE_LOCK_OPTION):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")

    return engine


def create_schema(engine: Engine) -> None:
    """Create every RedactPHI table that does not exist yet (idempotent)."""
    # Importing the modules registers their tables on METADATA.
    from . import apikeys, audit  # noqa: F401

    METADATA.create_all(engine, checkfirst=True)


@contextmanager
def write_transaction(engine: Engine, lock: str) -> Iterator[Connection]:
    """A transaction that holds a write lock named `lock` until it commits.

    SQLite: `BEGIN IMMEDIATE` (one writer at a time for the whole file). PostgreSQL: a
    transaction-scoped advisory lock derived from `lock`, so writers of other tables are
    not serialised with this one.
    """
    with engine.connect() as conn:
        conn.execution_options(**{_WRITE_LOCK_OPTION: True})
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _lock_key(lock)})
            yield conn


def _lock_key(lock: str) -> int:
    digest = hashlib.sha256(f"redactphi:{lock}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)
