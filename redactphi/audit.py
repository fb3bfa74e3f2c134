"""A tamper-evident audit log: one hash-chained row per operation, no PHI.

Each row stores the SHA-256 of the previous row's hash and its own canonical fields, so an
edited, deleted or reordered row breaks the chain at that point; a chain-head row (updated
in the same transaction as every append) also catches rows cut off the end. Appends are
serialised (SQLite `BEGIN IMMEDIATE`, PostgreSQL advisory lock), so concurrent writers,
threads or processes, extend one chain.

Rows hold hashes, sizes, counts, types, ids and timings; callers must never put note text,
file names or justifications with PHI into an event.

    log = AuditLog(create_engine_for(url))
    log.append(AuditEvent(action="redact", outcome="ok", api_key_id="k_1", ...))
    log.verify_chain().ok
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal, TextIO

from sqlalchemy import (
    Column,
    Engine,
    Float,
    Integer,
    String,
    Table,
    Text,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError

from .storage import METADATA, create_schema, write_transaction

__all__ = ["GENESIS_HASH", "AuditEvent", "AuditLog", "AuditRecord", "ChainVerification"]

GENESIS_HASH = "0" * 64
_LOCK = "audit"

audit_events = Table(
    "audit_events",
    METADATA,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("occurred_at", String(32), nullable=False, index=True),
    Column("api_key_id", String(64), index=True),
    Column("action", String(32), nullable=False, index=True),
    Column("request_id", String(64)),
    Column("client_address", String(64)),
    Column("input_sha256", String(64)),
    Column("output_sha256", String(64)),
    Column("input_bytes", Integer),
    Column("output_bytes", Integer),
    Column("entity_counts", Text, nullable=False),
    Column("policy", String(64)),
    Column("key_id", String(64)),
    Column("outcome", String(64), nullable=False, index=True),
    Column("status_code", Integer),
    Column("latency_ms", Float),
    Column("detail", Text),
    Column("prev_hash", String(64), nullable=False),
    Column("row_hash", String(64), nullable=False),
)

audit_chain_head = Table(
    "audit_chain_head",
    METADATA,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("last_seq", Integer, nullable=False),
    Column("last_hash", String(64), nullable=False),
)


@dataclass(frozen=True, slots=True)
class AuditEvent:
    """What a caller reports about one operation: hashes, sizes, counts, never text.

    `detail` is for short, PHI-free remarks (an error code, a redacted justification).
    """

    action: str
    outcome: str
    api_key_id: str | None = None
    request_id: str | None = None
    client_address: str | None = None
    input_sha256: str | None = None
    output_sha256: str | None = None
    input_bytes: int | None = None
    output_bytes: int | None = None
    entity_counts: Mapping[str, int] = field(default_factory=dict)
    policy: str | None = None
    key_id: str | None = None
    status_code: int | None = None
    latency_ms: float | None = None
    detail: str | None = None


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """One stored audit row, with its place in the chain."""

    seq: int
    occurred_at: str
    action: str
    outcome: str
    api_key_id: str | None
    request_id: str | None
    client_address: str | None
    input_sha256: str | None
    output_sha256: str | None
    input_bytes: int | None
    output_bytes: int | None
    entity_counts: dict[str, int]
    policy: str | None
    key_id: str | None
    status_code: int | None
    latency_ms: float | None
    detail: str | None
    prev_hash: str
    row_hash: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class ChainVerification:
    """The result of `AuditLog.verify_chain()`: ok, or the first broken link and why."""

    ok: bool
    checked: int
    first_broken_seq: int | None = None
    reason: str | None = None


_HASHED_FIELDS = (
    "seq",
    "occurred_at",
    "action",
    "outcome",
    "api_key_id",
    "request_id",
    "client_address",
    "input_sha256",
    "output_sha256",
    "input_bytes",
    "output_bytes",
    "entity_counts",
    "policy",
    "key_id",
    "status_code",
    "latency_ms",
    "detail",
)
_CSV_FIELDS = (*_HASHED_FIELDS, "prev_hash", "row_hash")


def _canonical_counts(counts: Mapping[str, int]) -> str:
    return json.dumps({str(k): int(v) for k, v in sorted(counts.items())}, separators=(",", ":"))


def _row_hash(prev_hash: str, values: Mapping[str, Any]) -> str:
    payload = {name: values[name] for name in _HASHED_FIELDS}
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(f"{prev_hash}\n{canonical}".encode("ascii")).hexdigest()


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class AuditLog:
    """Append, query, verify and export the hash-chained audit rows."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        create_schema(engine)
        self._ensure_head()

    def _ensure_head(self) -> None:
        with self.engine.begin() as conn:
            if conn.execute(select(audit_chain_head.c.id)).first() is not None:
                return
        try:
            with self.engine.begin() as conn:
                conn.execute(
                    insert(audit_chain_head).values(id=1, last_seq=0, last_hash=GENESIS_HASH)
                )
        except IntegrityError:
            pass  # another process created the head first

    def append(self, event: AuditEvent) -> AuditRecord:
        """Store one event at the end of the chain and return the stored row."""
        values: dict[str, Any] = {
            "occurred_at": _now(),
            "action": event.action,
            "outcome": event.outcome,
            "api_key_id": event.api_key_id,
            "request_id": event.request_id,
            "client_address": event.client_address,
            "input_sha256": event.input_sha256,
            "output_sha256": event.output_sha256,
            "input_bytes": event.input_bytes,
            "output_bytes": event.output_bytes,
            "entity_counts": _canonical_counts(event.entity_counts),
            "policy": event.policy,
            "key_id": event.key_id,
            "status_code": event.status_code,
            "latency_ms": None if event.latency_ms is None else round(float(event.latency_ms), 3),
            "detail": event.detail,
        }
        with write_transaction(self.engine, _LOCK) as conn:
            head = conn.execute(
                select(audit_chain_head.c.last_seq, audit_chain_head.c.last_hash)
                .where(audit_chain_head.c.id == 1)
                .with_for_update()
            ).one()
            values["seq"] = head.last_seq + 1
            values["prev_hash"] = head.last_hash
            values["row_hash"] = _row_hash(head.last_hash, values)
            conn.execute(insert(audit_events).values(**values))
            conn.execute(
                update(audit_chain_head)
                .where(audit_chain_head.c.id == 1)
                .values(last_seq=values["seq"], last_hash=values["row_hash"])
            )
        return _record(values)

    def query(
        self,
        *,
        action: str | None = None,
        api_key_id: str | None = None,
        outcome: str | None = None,
        since: str | None = None,
        until: str | None = None,
        after_seq: int = 0,
        limit: int = 100,
    ) -> list[AuditRecord]:
        """Rows in chain order after `after_seq` (a cursor), filtered, at most `limit`.

        `since`/`until` compare ISO-8601 UTC timestamps (`2024-05-01T00:00:00Z`).
        """
        stmt = select(audit_events).where(audit_events.c.seq > after_seq)
        if action is not None:
            stmt = stmt.where(audit_events.c.action == action)
        if api_key_id is not None:
            stmt = stmt.where(audit_events.c.api_key_id == api_key_id)
        if outcome is not None:
            stmt = stmt.where(audit_events.c.outcome == outcome)
        if since is not None:
            stmt = stmt.where(audit_events.c.occurred_at >= since)
        if until is not None:
            stmt = stmt.where(audit_events.c.occurred_at < until)
        stmt = stmt.order_by(audit_events.c.seq).limit(limit)
        with self.engine.connect() as conn:
            return [_record(row._mapping) for row in conn.execute(stmt)]

    def iter_records(self, batch: int = 1000) -> Iterator[AuditRecord]:
        """Every row in chain order, read in batches."""
        after = 0
        while True:
            rows = self.query(after_seq=after, limit=batch)
            if not rows:
                return
            yield from rows
            after = rows[-1].seq

    def verify_chain(self) -> ChainVerification:
        """Walk the chain; report the first row whose link or content does not check out."""
        expected_prev = GENESIS_HASH
        expected_seq = 1
        checked = 0
        with self.engine.connect() as conn:
            if conn.dialect.name == "postgresql":
                # One snapshot for head and rows, so a concurrent append cannot look like
                # a cut chain (SQLite's WAL read transaction is a snapshot already).
                conn.execution_options(isolation_level="REPEATABLE READ")
            conn.begin()
            head = conn.execute(
                select(audit_chain_head.c.last_seq, audit_chain_head.c.last_hash)
            ).first()
            rows = conn.execute(select(audit_events).order_by(audit_events.c.seq))
            for row in rows:
                values = dict(row._mapping)
                seq = values["seq"]
                if seq != expected_seq:
                    return ChainVerification(
                        False,
                        checked,
                        expected_seq,
                        f"row {expected_seq} is missing (next stored row is {seq})",
                    )
                if values["prev_hash"] != expected_prev:
                    return ChainVerification(
                        False, checked, seq, f"row {seq} does not link to row {seq - 1}"
                    )
                if _row_hash(values["prev_hash"], values) != values["row_hash"]:
                    return ChainVerification(
                        False, checked, seq, f"row {seq} was modified (hash mismatch)"
                    )
                checked += 1
                expected_prev = values["row_hash"]
                expected_seq += 1
        last_seq = expected_seq - 1
        if head is None:
            return ChainVerification(False, checked, None, "the chain head row is missing")
        if head.last_seq != last_seq or head.last_hash != expected_prev:
            return ChainVerification(
                False,
                checked,
                last_seq + 1,
                f"the chain head expects {head.last_seq} rows but {last_seq} are stored "
                "(rows removed from the end, or the head was altered)",
            )
        return ChainVerification(True, checked)

    def export(self, out: TextIO, fmt: Literal["jsonl", "csv"] = "jsonl") -> int:
        """Write every row (with its hashes) as JSON lines or CSV; return the row count."""
        count = 0
        if fmt == "jsonl":
            for record in self.iter_records():
                out.write(json.dumps(record.to_dict(), sort_keys=True) + "\n")
                count += 1
            return count
        if fmt != "csv":
            raise ValueError(f"unknown export format {fmt!r}; use jsonl or csv")
        writer = csv.DictWriter(out, fieldnames=list(_CSV_FIELDS), lineterminator="\n")
        writer.writeheader()
        for record in self.iter_records():
            row = record.to_dict()
            row["entity_counts"] = _canonical_counts(row["entity_counts"])
            writer.writerow(row)
            count += 1
        return count

    def export_text(self, fmt: Literal["jsonl", "csv"] = "jsonl") -> str:
        buffer = io.StringIO()
        self.export(buffer, fmt)
        return buffer.getvalue()


def _record(values: Mapping[Any, Any]) -> AuditRecord:
    data = dict(values)
    data["entity_counts"] = json.loads(data["entity_counts"])
    return AuditRecord(**data)
