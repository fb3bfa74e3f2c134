from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import Service

_FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@_FUZZ
@given(text=st.text(max_size=300), policy=st.one_of(st.none(), st.text(max_size=10)))
def test_any_text_and_policy_is_never_a_500(
    service: Service, text: str, policy: str | None
) -> None:
    response = service.client.post(
        "/v1/redact", json={"text": text, "policy": policy}, headers=service.auth()
    )
    assert response.status_code in {200, 422}, response.text
    assert set(response.json()) in (
        {"error"},
        {"text", "entities", "policy", "key_id", "request_id"},
    )


@_FUZZ
@given(
    data=st.binary(max_size=400),
    suffix=st.sampled_from([".txt", ".docx", ".pdf", ".rtf", ".exe", "", ".TXT"]),
)
def test_any_upload_is_never_a_500(service: Service, data: bytes, suffix: str) -> None:
    response = service.client.post(
        "/v1/redact/files", files=[("file", (f"note{suffix}", data))], headers=service.auth()
    )
    assert response.status_code in {200, 415, 422}, response.text
