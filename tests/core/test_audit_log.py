from __future__ import annotations

import csv
import io
import json
import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import text

from redactphi.audit import GENESIS_HASH, AuditEvent, AuditLog
from redactphi.storage import create_engine_for


def _event(i: int, action: str = "redact") -> AuditEvent:
    return AuditEvent(
        action=action,
        outcome="ok",
        api_key_id="abc123def456",
        request_id=f"req-{i}",
        client_address="127.0.0.1",
        input_sha256="a" * 64,
        output_sha256="b" * 64,
        input_bytes=100 + i,
        output_bytes=90 + i,
        entity_counts={"PERSON": 2, "DATE": i},
        policy="tag",
        status_code=200,
        latency_ms=12.3456 + i,
    )


@pytest.fixture
def log(database_url: str) -> Iterator[AuditLog]:
    engine = create_engine_for(database_url)
    yield AuditLog(engine)
    engine.dispose()


def _sql(log: AuditLog, statement: str) -> None:
    with log.engine.begin() as conn:
        conn.execute(text(statement))


def test_rows_are_chained_from_genesis(log: AuditLog) -> None:
    first = log.append(_event(1))
    second = log.append(_event(2))
    assert (first.seq, second.seq) == (1, 2)
    assert first.prev_hash == GENESIS_HASH
    assert second.prev_hash == first.row_hash
    assert first.occurred_at.endswith("Z")
    assert first.entity_counts == {"DATE": 1, "PERSON": 2}
    assert first.latency_ms == 13.346
    assert log.verify_chain().ok
    assert log.verify_chain().checked == 2


def test_schema_creation_is_idempotent(database_url: str) -> None:
    engine = create_engine_for(database_url)
    AuditLog(engine).append(_event(1))
    again = AuditLog(engine)
    assert again.append(_event(2)).seq == 2
    assert again.verify_chain().ok
    engine.dispose()


def test_concurrent_writers_extend_one_chain(log: AuditLog) -> None:
    errors: list[BaseException] = []

    def writer(offset: int) -> None:
        try:
            for i in range(15):
                log.append(_event(offset * 100 + i))
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    rows = list(log.iter_records())
    assert [r.seq for r in rows] == list(range(1, 121))
    assert sorted(r.request_id for r in rows) == sorted(
        f"req-{n * 100 + i}" for n in range(8) for i in range(15)
    )
    status = log.verify_chain()
    assert status.ok, status.reason
    assert status.checked == 120


def test_edit_is_detected_at_the_edited_row(log: AuditLog) -> None:
    for i in range(5):
        log.append(_event(i))
    _sql(log, "UPDATE audit_events SET outcome = 'forged' WHERE seq = 3")
    status = log.verify_chain()
    assert not status.ok
    assert status.first_broken_seq == 3
    assert status.checked == 2
    assert status.reason == "row 3 was modified (hash mismatch)"


def test_edit_with_a_recomputed_row_hash_breaks_the_next_link(log: AuditLog) -> None:
    for i in range(4):
        log.append(_event(i))
    _sql(log, "UPDATE audit_events SET row_hash = '" + "f" * 64 + "' WHERE seq = 2")
    status = log.verify_chain()
    assert status.first_broken_seq == 2  # its own hash no longer matches its content
    _sql(log, "UPDATE audit_events SET prev_hash = '" + "f" * 64 + "' WHERE seq = 3")
    assert log.verify_chain().first_broken_seq == 2


def test_delete_in_the_middle_is_detected(log: AuditLog) -> None:
    for i in range(5):
        log.append(_event(i))
    _sql(log, "DELETE FROM audit_events WHERE seq = 2")
    status = log.verify_chain()
    assert (status.ok, status.first_broken_seq) == (False, 2)
    assert status.reason == "row 2 is missing (next stored row is 3)"


def test_delete_at_the_end_is_detected_by_the_chain_head(log: AuditLog) -> None:
    for i in range(5):
        log.append(_event(i))
    _sql(log, "DELETE FROM audit_events WHERE seq = 5")
    status = log.verify_chain()
    assert (status.ok, status.first_broken_seq, status.checked) == (False, 5, 4)
    assert (
        status.reason is not None and "chain head expects 5 rows but 4 are stored" in status.reason
    )


def test_reorder_is_detected(log: AuditLog) -> None:
    for i in range(5):
        log.append(_event(i))
    _sql(log, "UPDATE audit_events SET seq = 1000 WHERE seq = 2")
    _sql(log, "UPDATE audit_events SET seq = 2 WHERE seq = 3")
    _sql(log, "UPDATE audit_events SET seq = 3 WHERE seq = 1000")
    status = log.verify_chain()
    assert (status.ok, status.first_broken_seq) == (False, 2)
    assert status.reason == "row 2 does not link to row 1"


def test_export_jsonl_and_csv_hold_every_row_with_hashes(log: AuditLog) -> None:
    for i in range(3):
        log.append(_event(i, action="redact_file"))
    lines = log.export_text("jsonl").splitlines()
    rows = [json.loads(line) for line in lines]
    assert [r["seq"] for r in rows] == [1, 2, 3]
    assert rows[2]["prev_hash"] == rows[1]["row_hash"]
    assert rows[0]["entity_counts"] == {"DATE": 0, "PERSON": 2}
    table = list(csv.DictReader(io.StringIO(log.export_text("csv"))))
    assert [r["row_hash"] for r in table] == [r["row_hash"] for r in rows]
    assert table[1]["entity_counts"] == '{"DATE":1,"PERSON":2}'
    with pytest.raises(ValueError, match="unknown export format 'xml'"):
        log.export(io.StringIO(), "xml")  # type: ignore[arg-type]


def test_query_filters_and_pages(log: AuditLog) -> None:
    for i in range(6):
        log.append(_event(i, action="redact" if i % 2 else "analyze"))
    assert [r.seq for r in log.query(action="analyze")] == [1, 3, 5]
    page = log.query(limit=4)
    assert [r.seq for r in page] == [1, 2, 3, 4]
    assert [r.seq for r in log.query(after_seq=page[-1].seq, limit=4)] == [5, 6]
    assert log.query(since="2999-01-01T00:00:00Z") == []
    assert len(log.query(until="2999-01-01T00:00:00Z")) == 6
