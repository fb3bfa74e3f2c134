"""POST /v1/reidentify: turn reversible tokens back into the original values (audited)."""

from __future__ import annotations

import time

from fastapi import APIRouter

from redactphi import RedactPHIError

from ..deps import AuditDep, CpuDep, RedactorDep, ReidentifyScope, SettingsDep
from ..errors import ServiceError, from_core_error
from ..redaction import check_note_size, redact_note, reidentify_text, sha256_hex
from ..responses import ERROR_RESPONSES
from ..schemas import ReidentifyRequest, ReidentifyResponse

router = APIRouter(prefix="/v1", tags=["re-identification"])


@router.post(
    "/reidentify",
    response_model=ReidentifyResponse,
    responses=ERROR_RESPONSES,
    summary="Re-identify redacted text",
)
async def reidentify(
    body: ReidentifyRequest,
    principal: ReidentifyScope,
    redactor: RedactorDep,
    audit: AuditDep,
    settings: SettingsDep,
    cpu: CpuDep,
) -> ReidentifyResponse:
    """Needs the `reidentify` scope and a `justification`, which is stored in the audit
    row after being redacted itself (a justification may name the patient).
    """
    started = time.perf_counter()
    data = body.text.encode("utf-8")
    justification = await cpu.run(redact_note, redactor, body.justification, "tag", None)
    try:
        check_note_size(body.text, settings)
        original = await cpu.run(reidentify_text, redactor, body.text, body.scope)
    except (ServiceError, RedactPHIError) as exc:
        error = from_core_error(exc) if isinstance(exc, RedactPHIError) else exc
        await audit.record(
            principal,
            "reidentify",
            outcome=error.code,
            status_code=error.status_code,
            started=started,
            input_sha256=sha256_hex(data),
            input_bytes=len(data),
            detail=justification.text,
        )
        raise error from None
    output = original.encode("utf-8")
    await audit.record(
        principal,
        "reidentify",
        outcome="ok",
        status_code=200,
        started=started,
        input_sha256=sha256_hex(data),
        output_sha256=sha256_hex(output),
        input_bytes=len(data),
        output_bytes=len(output),
        detail=justification.text,
    )
    return ReidentifyResponse(text=original, request_id=principal.request_id)
