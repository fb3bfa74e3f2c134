"""No PHI in logs: a full CLI-like run over a note with known PHI, logs captured."""

from __future__ import annotations

import logging

import pytest

from redactphi.logs import ALLOWED_FIELDS, get_logger

PHI = ("Jane Roe", "5521987", "03/14/2024", "(617) 555-0143")


def test_fields_outside_the_allow_list_never_reach_the_log(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="redactphi")
    log = get_logger("redactphi.test")
    log.info("redacted", text="Jane Roe MRN 5521987", filename="roe_jane.txt", chars=42, policy="tag")
    (record,) = caplog.records
    line = record.getMessage()
    assert "Jane" not in line and "roe_jane" not in line
    assert '"chars": 42' in line and '"policy": "tag"' in line
    assert "text" not in ALLOWED_FIELDS and "filename" not in ALLOWED_FIELDS


def test_a_redaction_run_logs_no_phi(caplog: pytest.LogCaptureFixture, fake_redactor) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.DEBUG)
    note = "PATIENT NAME: Jane Roe\nMRN: 5521987\nSeen 03/14/2024, phone (617) 555-0143.\n"
    result = fake_redactor.redact(note)
    assert not any(p in result.text for p in PHI)
    everything = "\n".join(r.getMessage() for r in caplog.records)
    assert not any(p in everything for p in PHI)
