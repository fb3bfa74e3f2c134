from __future__ import annotations

from collections.abc import Callable

import pytest

from redactphi.apikeys import ApiKeyStore
from redactphi.storage import create_engine_for

from .conftest import Service

MISSING = {
    "error": {
        "code": "unauthorized",
        "message": "missing API key: send 'Authorization: Bearer <key>'",
    }
}
INVALID = {"error": {"code": "unauthorized", "message": "invalid or revoked API key"}}


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({}, MISSING),
        ({"Authorization": "Basic dXNlcjpwYXNz"}, MISSING),
        ({"Authorization": "Bearer "}, MISSING),
        ({"Authorization": "Bearer rphi_000000000000_" + "A" * 43}, INVALID),
        ({"Authorization": "Bearer not-a-key"}, INVALID),
    ],
    ids=["none", "basic", "empty-bearer", "unknown-id", "malformed"],
)
def test_requests_without_a_valid_key_are_401(
    service: Service, headers: dict[str, str], expected: object
) -> None:
    response = service.client.post("/v1/redact", json={"text": "x"}, headers=headers)
    assert response.status_code == 401
    assert response.json() == expected
    assert response.headers["www-authenticate"] == "Bearer"


def test_wrong_secret_for_a_real_key_id_is_401(service: Service) -> None:
    token = service.keys["all"]
    forged = token[:-1] + ("A" if token[-1] != "A" else "B")
    response = service.client.post(
        "/v1/redact", json={"text": "x"}, headers={"Authorization": f"Bearer {forged}"}
    )
    assert response.json() == INVALID


def test_revoked_key_is_401_immediately(service: Service) -> None:
    token = service.keys["redact"]
    assert (
        service.client.post(
            "/v1/redact", json={"text": "x"}, headers=service.auth("redact")
        ).status_code
        == 200
    )
    engine = create_engine_for(service.settings.resolved_database_url())
    store = ApiKeyStore(engine)
    assert store.revoke(token.split("_")[1])
    engine.dispose()
    response = service.client.post("/v1/redact", json={"text": "x"}, headers=service.auth("redact"))
    assert (response.status_code, response.json()) == (401, INVALID)


@pytest.mark.parametrize(
    ("key", "method", "path", "scope"),
    [
        ("audit", "post", "/v1/redact", "redact"),
        ("audit", "post", "/v1/analyze", "redact"),
        ("redact", "get", "/v1/audit", "audit"),
        ("redact", "get", "/v1/audit/verify", "audit"),
        ("redact", "post", "/v1/reidentify", "reidentify"),
    ],
)
def test_missing_scope_is_403(
    service: Service, key: str, method: str, path: str, scope: str
) -> None:
    kwargs: dict[str, object] = {"headers": service.auth(key)}
    if method == "post":
        kwargs["json"] = (
            {"text": "x", "justification": "coding query 123"} if "reid" in path else {"text": "x"}
        )
    response = getattr(service.client, method)(path, **kwargs)
    assert response.status_code == 403
    assert response.json() == {
        "error": {"code": "forbidden", "message": f"this API key lacks the '{scope}' scope"}
    }


def test_files_endpoint_needs_the_redact_scope(service: Service) -> None:
    response = service.client.post(
        "/v1/redact/files", files=[("file", ("a.txt", b"x"))], headers=service.auth("audit")
    )
    assert response.status_code == 403


def test_rate_limit_is_per_key_and_429_says_when_to_retry(
    make_service: Callable[..., Service],
) -> None:
    service = make_service(rate_limit_per_minute=6, rate_limit_burst=3)
    statuses = [
        service.client.post(
            "/v1/redact", json={"text": "x"}, headers=service.auth("redact")
        ).status_code
        for _ in range(4)
    ]
    assert statuses == [200, 200, 200, 429]
    response = service.client.post("/v1/redact", json={"text": "x"}, headers=service.auth("redact"))
    assert response.json() == {
        "error": {
            "code": "rate_limited",
            "message": "rate limit exceeded for this API key; retry later",
        }
    }
    assert 1 <= int(response.headers["retry-after"]) <= 10
    # Another key has its own bucket.
    assert (
        service.client.post(
            "/v1/redact", json={"text": "x"}, headers=service.auth("all")
        ).status_code
        == 200
    )
