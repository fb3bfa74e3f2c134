from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from redactphi import Redactor

from .conftest import Service

SAMPLE = (
    Path(__file__).resolve().parents[2] / "samples" / "notes" / "op_01_small_bowel_resection.txt"
)
NOTE = (
    "OPERATIVE REPORT\n"
    "Patient: Margaret Okafor   MRN: 00482913   DOS: 02/11/2024\n"
    "Surgeon: Dr. Alan Whitfield\n"
    "Procedure: exploratory laparotomy, small bowel resection with primary anastomosis.\n"
    "A Foley catheter was placed. Call 617-555-0188 with questions.\n"
)


@pytest.mark.model
def test_real_model_redacts_through_the_api(
    make_service: Callable[..., Service], redactor: Redactor
) -> None:
    service = make_service(redactor=redactor)
    response = service.client.post(
        "/v1/redact/files", files=[("file", ("note.txt", NOTE.encode()))], headers=service.auth()
    )
    assert response.status_code == 200
    text = response.json()["files"][0]["text"]
    for phi in ("Margaret", "Okafor", "00482913", "02/11/2024", "Whitfield", "555-0188"):
        assert phi not in text
    for term in ("small bowel resection", "Foley catheter", "laparotomy"):
        assert term in text
