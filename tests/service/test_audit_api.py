from __future__ import annotations

import hashlib
from collections.abc import Callable

from sqlalchemy import text

from redactphi.storage import create_engine_for

from .conftest import PHI_NOTE, Service

UNAVAILABLE = {
    "error": {
        "code": "audit_unavailable",
        "message": "the audit store is unavailable; the request was not processed",
    }
}


def test_each_operation_is_one_audit_row_with_the_listed_fields(
    make_service: Callable[..., Service], database_url: str
) -> None:
    service = make_service(url=database_url)
    redacted = service.client.post(
        "/v1/redact", json={"text": PHI_NOTE}, headers=service.auth("redact")
    ).json()
    service.client.post(
        "/v1/redact", json={"text": "x", "policy": "nope"}, headers=service.auth("redact")
    )
    response = service.client.get("/v1/audit", headers=service.auth("audit"))
    assert response.status_code == 200
    first, second = response.json()["items"]
    assert first["action"] == "redact" and first["outcome"] == "ok" and first["status_code"] == 200
    assert first["request_id"] == redacted["request_id"]
    assert first["api_key_id"] == service.keys["redact"].split("_")[1]
    assert first["client_address"] == "testclient"
    assert first["input_sha256"] == hashlib.sha256(PHI_NOTE.encode()).hexdigest()
    assert first["output_sha256"] == hashlib.sha256(redacted["text"].encode()).hexdigest()
    assert first["input_bytes"] == len(PHI_NOTE.encode())
    assert first["output_bytes"] == len(redacted["text"].encode())
    assert first["entity_counts"]["PERSON"] == 2
    assert first["policy"] == "tag" and first["key_id"] is None
    assert first["latency_ms"] > 0
    assert first["occurred_at"].endswith("Z")
    assert second["outcome"] == "bad_policy" and second["status_code"] == 422
    assert second["output_sha256"] is None
    assert second["policy"] is None  # a rejected policy name is client text: not stored
    assert second["prev_hash"] == first["row_hash"]


def test_audit_filters_and_pages(service: Service) -> None:
    for _ in range(3):
        service.client.post("/v1/redact", json={"text": "x"}, headers=service.auth())
    service.client.post("/v1/analyze", json={"text": "x"}, headers=service.auth())
    page = service.client.get("/v1/audit?action=redact&limit=2", headers=service.auth()).json()
    assert [r["seq"] for r in page["items"]] == [1, 2]
    assert page["next_after"] == 2
    page = service.client.get(
        "/v1/audit?action=redact&limit=2&after=2", headers=service.auth()
    ).json()
    assert [r["seq"] for r in page["items"]] == [3]
    assert page["next_after"] is None
    assert [
        r["action"]
        for r in service.client.get("/v1/audit?action=analyze", headers=service.auth()).json()[
            "items"
        ]
    ] == ["analyze"]
    response = service.client.get("/v1/audit?since=yesterday", headers=service.auth())
    assert response.status_code == 422
    assert (
        response.json()["error"]["message"]
        == "since must be an ISO-8601 UTC time such as 2024-05-01T00:00:00Z"
    )
    response = service.client.get("/v1/audit?limit=0", headers=service.auth())
    assert response.json()["error"] == {
        "code": "invalid_request",
        "message": "query.limit: Input should be greater than or equal to 1",
    }
    # Reading the log is audited too.
    reads = service.client.get("/v1/audit?action=audit_read", headers=service.auth()).json()[
        "items"
    ]
    assert len(reads) == 3  # the three successful reads above (422s fail before the handler)


def test_verify_passes_then_reports_an_edited_row(
    make_service: Callable[..., Service], database_url: str
) -> None:
    service = make_service(url=database_url)
    for _ in range(3):
        service.client.post("/v1/redact", json={"text": PHI_NOTE}, headers=service.auth())
    status = service.client.get("/v1/audit/verify", headers=service.auth()).json()
    assert status == {"ok": True, "checked": 3, "first_broken_seq": None, "reason": None}
    engine = create_engine_for(database_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE audit_events SET entity_counts = '{}' WHERE seq = 2"))
    engine.dispose()
    status = service.client.get("/v1/audit/verify", headers=service.auth()).json()
    assert status == {
        "ok": False,
        "checked": 1,
        "first_broken_seq": 2,
        "reason": "row 2 was modified (hash mismatch)",
    }


def test_no_redaction_is_served_when_the_audit_store_is_down(service: Service) -> None:
    engine = create_engine_for(service.settings.resolved_database_url())
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE audit_events"))
    engine.dispose()
    response = service.client.post("/v1/redact", json={"text": PHI_NOTE}, headers=service.auth())
    assert response.status_code == 503
    assert response.json() == UNAVAILABLE
    response = service.client.post(
        "/v1/redact/files", files=[("file", ("a.txt", PHI_NOTE.encode()))], headers=service.auth()
    )
    assert (response.status_code, response.json()) == (503, UNAVAILABLE)
    response = service.client.post("/v1/analyze", json={"text": PHI_NOTE}, headers=service.auth())
    assert (response.status_code, response.json()) == (503, UNAVAILABLE)


def test_unreachable_database_is_503_not_500(service: Service) -> None:
    # Point the running app at a PostgreSQL port nobody listens on.
    broken = create_engine_for("postgresql://postgres@127.0.0.1:1/none?connect_timeout=1")
    service.app.state.api_keys.engine = broken
    response = service.client.post("/v1/redact", json={"text": "x"}, headers=service.auth())
    assert response.status_code == 503
    assert response.json() == {
        "error": {
            "code": "audit_unavailable",
            "message": "the key store is unavailable; the request was not processed",
        }
    }
    broken.dispose()
