"""POST /v1/redact: redact the text of one note sent as JSON."""

from __future__ import annotations

import time

from fastapi import APIRouter

from redactphi import RedactPHIError

from ..deps import AuditDep, CpuDep, RedactorDep, RedactScope, SettingsDep
from ..errors import ServiceError, from_core_error
from ..redaction import check_note_size, redact_note, sha256_hex
from ..responses import ERROR_RESPONSES, entity_spans
from ..schemas import RedactRequest, RedactResponse

router = APIRouter(prefix="/v1", tags=["redaction"])


@router.post(
    "/redact",
    response_model=RedactResponse,
    responses=ERROR_RESPONSES,
    summary="Redact one note",
)
async def redact(
    body: RedactRequest,
    principal: RedactScope,
    redactor: RedactorDep,
    audit: AuditDep,
    settings: SettingsDep,
    cpu: CpuDep,
) -> RedactResponse:
    """Return the redacted text and each replacement's offsets in the input and the output.

    The response never contains the original values of what was replaced.
    """
    started = time.perf_counter()
    policy = body.policy or settings.default_policy
    data = body.text.encode("utf-8")
    try:
        check_note_size(body.text, settings)
        result = await cpu.run(redact_note, redactor, body.text, policy, body.scope)
    except (ServiceError, RedactPHIError) as exc:
        error = from_core_error(exc) if isinstance(exc, RedactPHIError) else exc
        await audit.record(
            principal,
            "redact",
            outcome=error.code,
            status_code=error.status_code,
            started=started,
            input_sha256=sha256_hex(data),
            input_bytes=len(data),
        )
        raise error from None
    output = result.text.encode("utf-8")
    await audit.record(
        principal,
        "redact",
        outcome="ok",
        status_code=200,
        started=started,
        input_sha256=sha256_hex(data),
        output_sha256=sha256_hex(output),
        input_bytes=len(data),
        output_bytes=len(output),
        entity_counts=result.entity_counts(),
        policy=result.policy,
        key_id=result.key_id,
    )
    return RedactResponse(
        text=result.text,
        entities=entity_spans(result),
        policy=result.policy,
        key_id=result.key_id,
        request_id=principal.request_id,
    )
