from __future__ import annotations

import inspect

from redactphi_service.deps import get_redactor

from redactphi import RedactionResult, Redactor

from .conftest import Service


class _ReversibleRedactor:
    """Stands in for a Redactor with the vault policy (the [ops] contract)."""

    def __init__(self, inner: Redactor) -> None:
        self.inner = inner

    def redact(self, text: str, policy: str = "tag", scope: str | None = None) -> RedactionResult:
        return self.inner.redact(text)

    def reidentify(self, text: str) -> str:
        return text.replace("<<tok:1>>", "Jane Roe")


def test_reidentify_needs_a_justification(service: Service) -> None:
    response = service.client.post("/v1/reidentify", json={"text": "x"}, headers=service.auth())
    assert response.status_code == 422
    assert response.json()["error"] == {
        "code": "invalid_request",
        "message": "justification: Field required",
    }
    response = service.client.post(
        "/v1/reidentify", json={"text": "x", "justification": "why"}, headers=service.auth()
    )
    assert (
        response.json()["error"]["message"]
        == "justification: String should have at least 10 characters"
    )


def test_reidentify_is_audited_with_a_redacted_justification(
    service: Service, fake_redactor: Redactor
) -> None:
    service.app.dependency_overrides[get_redactor] = lambda: _ReversibleRedactor(fake_redactor)
    response = service.client.post(
        "/v1/reidentify",
        json={"text": "Seen <<tok:1>> today", "justification": "coder query 88 about Jane Roe"},
        headers=service.auth(),
    )
    assert response.status_code == 200
    assert response.json()["text"] == "Seen Jane Roe today"
    (row,) = service.client.get("/v1/audit?action=reidentify", headers=service.auth()).json()[
        "items"
    ]
    assert row["outcome"] == "ok"
    assert row["detail"] == "coder query 88 about [PERSON]"
    assert row["api_key_id"] == service.keys["all"].split("_")[1]


def test_reidentify_without_a_reversible_policy_is_422(
    service: Service, fake_redactor: Redactor
) -> None:
    if hasattr(fake_redactor, "reidentify"):
        return  # the core has reversible policies: covered by its own tests
    response = service.client.post(
        "/v1/reidentify",
        json={"text": "x", "justification": "coder query 88"},
        headers=service.auth(),
    )
    assert response.status_code == 422
    assert response.json()["error"] == {
        "code": "bad_policy",
        "message": "re-identification needs a reversible policy (vault or encrypt); "
        "this build supports only 'tag'",
    }
    (row,) = service.client.get("/v1/audit?action=reidentify", headers=service.auth()).json()[
        "items"
    ]
    assert (row["outcome"], row["status_code"]) == ("bad_policy", 422)
    assert inspect.isclass(_ReversibleRedactor)
