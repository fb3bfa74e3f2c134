from __future__ import annotations

from redactphi_service.deps import get_redactor

from redactphi import RedactionResult, Redactor

from .conftest import Service


class _ReversibleRedactor:
    """Stands in for a Redactor with the vault policy (the [ops] contract)."""

    def __init__(self, inner: Redactor) -> None:
        self.inner = inner

    def redact(self, text: str, policy: str = "tag", scope: str | None = None) -> RedactionResult:
        return self.inner.redact(text)

    def reidentify(self, text: str, scope: str | None = None) -> str:
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


def test_reidentify_without_a_keyring_is_a_clear_error(service: Service) -> None:
    """The test service has no keyring: a vault token cannot be resolved, and the error
    says why without echoing the token."""
    response = service.client.post(
        "/v1/reidentify",
        json={"text": "seen [[PERSON:7F3K9Q2M]]", "justification": "coder query 88"},
        headers=service.auth(),
    )
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "reidentification_failed" or error["code"].startswith("bad_")
    assert "7F3K9Q2M" not in error["message"]
    (row,) = service.client.get("/v1/audit?action=reidentify", headers=service.auth()).json()[
        "items"
    ]
    assert row["status_code"] == 422


def test_vault_round_trip_through_the_api(make_service, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Redact with the vault policy, then re-identify: the original comes back exactly."""
    from redactphi import Keyring, TokenVault
    from redactphi.testing import FakeNlpEngine

    from .conftest import PHI_NOTE, PHI_STRINGS

    redactor = Redactor(
        nlp_engine=FakeNlpEngine(persons=["Jane Roe"]),
        keyring=Keyring.generate(),
        vault=TokenVault("sqlite:///" + str(tmp_path / "vault.db")),
    )
    service = make_service(redactor=redactor)
    redacted = service.client.post(
        "/v1/redact", json={"text": PHI_NOTE, "policy": "vault", "scope": "patient-17"},
        headers=service.auth(),
    )
    assert redacted.status_code == 200
    text = redacted.json()["text"]
    assert not any(phi in text for phi in PHI_STRINGS)
    restored = service.client.post(
        "/v1/reidentify",
        json={"text": text, "justification": "coder query 88", "scope": "patient-17"},
        headers=service.auth(),
    )
    assert restored.status_code == 200
    assert restored.json()["text"] == PHI_NOTE
