"""POST /v1/analyze: where the PHI is (types and offsets only)."""

from __future__ import annotations

import time

from fastapi import APIRouter

from redactphi import RedactPHIError

from ..deps import AuditDep, CpuDep, RedactorDep, RedactScope, SettingsDep
from ..errors import ServiceError, from_core_error
from ..redaction import check_note_size, sha256_hex
from ..responses import ERROR_RESPONSES
from ..schemas import AnalyzeRequest, AnalyzeResponse, FindingSpan

router = APIRouter(prefix="/v1", tags=["redaction"])


@router.post(
    "/analyze",
    response_model=AnalyzeResponse,
    responses=ERROR_RESPONSES,
    summary="Find PHI without redacting",
)
async def analyze(
    body: AnalyzeRequest,
    principal: RedactScope,
    redactor: RedactorDep,
    audit: AuditDep,
    settings: SettingsDep,
    cpu: CpuDep,
) -> AnalyzeResponse:
    """Return each finding's type and offsets in the input; never the text it covers.

    Needs the `redact` scope.
    """
    started = time.perf_counter()
    data = body.text.encode("utf-8")
    try:
        check_note_size(body.text, settings)
        findings = await cpu.run(redactor.analyze, body.text)
    except (ServiceError, RedactPHIError) as exc:
        error = from_core_error(exc) if isinstance(exc, RedactPHIError) else exc
        await audit.record(
            principal,
            "analyze",
            outcome=error.code,
            status_code=error.status_code,
            started=started,
            input_sha256=sha256_hex(data),
            input_bytes=len(data),
        )
        raise error from None
    counts: dict[str, int] = {}
    for finding in findings:
        counts[finding.entity_type] = counts.get(finding.entity_type, 0) + 1
    await audit.record(
        principal,
        "analyze",
        outcome="ok",
        status_code=200,
        started=started,
        input_sha256=sha256_hex(data),
        input_bytes=len(data),
        entity_counts=counts,
    )
    return AnalyzeResponse(
        entities=[FindingSpan(type=f.entity_type, start=f.start, end=f.end) for f in findings],
        request_id=principal.request_id,
    )
