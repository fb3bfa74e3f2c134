from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import PHI_NOTE, PHI_STRINGS, Service
from .documents import docx_bytes


def test_no_phi_in_database_files_logs_or_metrics(
    make_service: Callable[..., Service],
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    caplog.set_level(logging.DEBUG)
    service = make_service()
    client, auth = service.client, service.auth()
    phi_headers = {**auth, "X-Request-ID": "Jane Roe"}
    assert (
        client.post("/v1/redact", json={"text": PHI_NOTE}, headers=phi_headers).status_code == 200
    )
    assert client.post("/v1/analyze", json={"text": PHI_NOTE}, headers=auth).status_code == 200
    files = [
        ("file", ("Jane_Roe_5521987.txt", PHI_NOTE.encode())),
        ("file", ("Jane_Roe.docx", docx_bytes(PHI_NOTE))),
    ]
    assert client.post("/v1/redact/files", files=files, headers=auth).status_code == 200
    assert (
        client.post("/v1/redact/files?download=true", files=files, headers=auth).status_code == 200
    )
    # Failures with PHI in the request: bad policy, unsupported file, bad JSON, a reidentify.
    client.post("/v1/redact", json={"text": PHI_NOTE, "policy": "Jane Roe"}, headers=auth)
    client.post(
        "/v1/redact/files", files=[("file", ("Jane_Roe.exe", PHI_NOTE.encode()))], headers=auth
    )
    client.post(
        "/v1/redact",
        content=PHI_NOTE.encode(),
        headers={**auth, "Content-Type": "application/json"},
    )
    client.post(
        "/v1/reidentify",
        json={"text": PHI_NOTE, "justification": "query for Jane Roe"},
        headers=auth,
    )
    client.get("/v1/audit", headers=auth)
    metrics = client.get("/metrics").text
    service.client.__exit__(None, None, None)  # flush and close the database

    data_dir = service.settings.data_dir
    stored = b"".join(p.read_bytes() for p in data_dir.rglob("*") if p.is_file())
    assert (data_dir / "redactphi.db").is_file() and len(stored) > 0
    logs = "\n".join(r.getMessage() for r in caplog.records) + "\n".join(capfd.readouterr())
    assert '"event": "request"' in logs  # the access log did run
    for phi in (*PHI_STRINGS, "Jane_Roe"):
        assert phi.encode() not in stored, f"{phi!r} found in the data directory"
        assert phi not in logs, f"{phi!r} found in the logs"
        assert phi not in metrics, f"{phi!r} found in the metrics"
