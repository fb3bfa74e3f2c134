from __future__ import annotations

from collections.abc import Callable
from typing import Any

from redactphi_service.deps import get_redactor

from redactphi import RedactionResult, Redactor

from .conftest import CLINICAL_TERMS, PHI_NOTE, PHI_STRINGS, Service


def test_redact_removes_phi_and_keeps_clinical_terms(service: Service) -> None:
    response = service.client.post("/v1/redact", json={"text": PHI_NOTE}, headers=service.auth())
    assert response.status_code == 200
    body = response.json()
    for phi in PHI_STRINGS:
        assert phi not in response.text
    for term in CLINICAL_TERMS:
        assert term in body["text"]
    assert body["policy"] == "tag"
    assert body["request_id"] == response.headers["x-request-id"]
    types = [e["type"] for e in body["entities"]]
    assert types.count("PERSON") == 2
    assert "DATE" in types and "MEDICAL_RECORD_NUMBER" in types
    for entity in body["entities"]:
        assert set(entity) == {"type", "start", "end", "redacted_start", "redacted_end"}
        # Offsets map both ways: the output span holds the tag for the input span.
        assert (
            body["text"][entity["redacted_start"] : entity["redacted_end"]] == f"[{entity['type']}]"
        )
        assert PHI_NOTE[entity["start"] : entity["end"]].strip() != ""


def test_request_id_is_always_the_services_own(service: Service) -> None:
    headers = {**service.auth(), "X-Request-ID": "MRN5521987"}
    response = service.client.post("/v1/redact", json={"text": "x"}, headers=headers)
    assert response.headers["x-request-id"] == response.json()["request_id"]
    assert response.json()["request_id"] != "MRN5521987"
    assert len(response.json()["request_id"]) == 32


def test_bad_policy_is_422(service: Service) -> None:
    response = service.client.post(
        "/v1/redact", json={"text": PHI_NOTE, "policy": "shred"}, headers=service.auth()
    )
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "bad_policy"
    assert response.json()["error"]["message"].startswith("unknown policy 'shred'")


def test_missing_text_extra_fields_and_bad_json_are_422(service: Service) -> None:
    post = service.client.post
    response = post("/v1/redact", json={"policy": "tag"}, headers=service.auth())
    assert response.status_code == 422
    assert response.json() == {
        "error": {"code": "invalid_request", "message": "text: Field required"}
    }
    response = post("/v1/redact", json={"text": "x", "patient": "Jane Roe"}, headers=service.auth())
    assert response.json() == {
        "error": {"code": "invalid_request", "message": "patient: Extra inputs are not permitted"}
    }
    response = post(
        "/v1/redact",
        content=b'{"text": "Jane Roe',
        headers={**service.auth(), "Content-Type": "application/json"},
    )
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_request"
    assert "Jane Roe" not in response.text
    response = post("/v1/redact", json={"text": 42}, headers=service.auth())
    assert response.json()["error"]["message"] == "text: Input should be a valid string"


def test_lone_surrogate_is_422_not_500(service: Service) -> None:
    response = service.client.post(
        "/v1/redact",
        content=b'{"text": "Jane Roe \\ud800"}',
        headers={**service.auth(), "Content-Type": "application/json"},
    )
    assert response.status_code == 422
    assert response.json() == {
        "error": {
            "code": "invalid_request",
            "message": "text: Value error, text is not valid Unicode (unpaired surrogate)",
        }
    }


def test_note_over_the_size_limit_is_413(make_service: Callable[..., Service]) -> None:
    service = make_service(max_note_bytes=100, max_request_bytes=10_000)
    response = service.client.post("/v1/redact", json={"text": "é" * 60}, headers=service.auth())
    assert response.status_code == 413
    assert response.json() == {
        "error": {
            "code": "payload_too_large",
            "message": "text is over the limit of 100 bytes per note",
        }
    }


def test_request_body_over_the_limit_is_413_before_parsing(
    make_service: Callable[..., Service],
) -> None:
    service = make_service(max_note_bytes=100, max_request_bytes=1000)
    response = service.client.post("/v1/redact", json={"text": "a" * 2000}, headers=service.auth())
    assert response.status_code == 413
    assert response.json() == {
        "error": {
            "code": "payload_too_large",
            "message": "request body is over the limit of 1000 bytes",
        }
    }


def test_request_body_streamed_without_length_is_cut_at_the_limit(
    make_service: Callable[..., Service],
) -> None:
    service = make_service(max_note_bytes=100, max_request_bytes=1000)

    def chunks() -> Any:
        yield b'{"text": "'
        for _ in range(50):
            yield b"a" * 100
        yield b'"}'

    response = service.client.post(
        "/v1/redact",
        content=chunks(),
        headers={**service.auth(), "Content-Type": "application/json"},
    )
    assert response.status_code == 413
    assert response.json()["error"]["message"] == "request body is over the limit of 1000 bytes"


def test_analyze_returns_types_and_offsets_only(service: Service) -> None:
    response = service.client.post("/v1/analyze", json={"text": PHI_NOTE}, headers=service.auth())
    assert response.status_code == 200
    entities = response.json()["entities"]
    assert entities and all(set(e) == {"type", "start", "end"} for e in entities)
    assert {
        "type": "PERSON",
        "start": PHI_NOTE.index("Jane Roe"),
        "end": PHI_NOTE.index("Jane Roe") + 8,
    } in entities
    for phi in PHI_STRINGS:
        assert phi not in response.text


class _ScopedRedactor:
    """Stands in for a Redactor with keyed policies (the [ops] contract)."""

    def __init__(self, inner: Redactor) -> None:
        self.inner = inner
        self.calls: list[tuple[str, str | None]] = []

    def redact(self, text: str, policy: str = "tag", scope: str | None = None) -> RedactionResult:
        self.calls.append((policy, scope))
        return self.inner.redact(text)


def test_policy_and_scope_pass_through_to_the_redactor(
    service: Service, fake_redactor: Redactor
) -> None:
    scoped = _ScopedRedactor(fake_redactor)
    service.app.dependency_overrides[get_redactor] = lambda: scoped
    response = service.client.post(
        "/v1/redact", json={"text": PHI_NOTE, "scope": "patient-17"}, headers=service.auth()
    )
    assert response.status_code == 200
    assert scoped.calls == [("tag", "patient-17")]


def test_keyed_policy_without_a_keyring_is_422(service: Service) -> None:
    response = service.client.post(
        "/v1/redact",
        json={"text": "Jane Roe seen 03/14/2024", "policy": "surrogate", "scope": "patient-17"},
        headers=service.auth(),
    )
    assert response.status_code == 422
    error = response.json()["error"]
    assert "Jane" not in error["message"]


def test_unknown_route_and_method_use_the_error_shape(service: Service) -> None:
    assert service.client.get("/v2/redact").json() == {
        "error": {"code": "not_found", "message": "Not Found"}
    }
    response = service.client.get("/v1/redact", headers=service.auth())
    assert response.status_code == 405
    assert response.json() == {
        "error": {"code": "method_not_allowed", "message": "Method Not Allowed"}
    }


def test_openapi_documents_the_versioned_endpoints(service: Service) -> None:
    paths = service.client.get("/openapi.json").json()["paths"]
    for path in (
        "/v1/redact",
        "/v1/redact/files",
        "/v1/analyze",
        "/v1/reidentify",
        "/v1/audit",
        "/v1/audit/verify",
        "/healthz",
        "/readyz",
        "/metrics",
    ):
        assert path in paths
    assert "413" in paths["/v1/redact/files"]["post"]["responses"]
