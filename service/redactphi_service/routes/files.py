"""POST /v1/redact/files: redact uploaded notes (.txt, .docx, .pdf, .rtf)."""

from __future__ import annotations

import io
import time
import zipfile
from typing import Annotated

from fastapi import APIRouter, File, Form, Query, UploadFile
from fastapi.responses import Response

from redactphi import RedactionResult, RedactPHIError

from ..deps import AuditDep, CpuDep, Principal, RedactorDep, RedactScope, SettingsDep
from ..errors import PayloadTooLargeError, ServiceError, UnprocessableError, from_core_error
from ..redaction import read_upload, redact_note, sha256_hex
from ..responses import ERROR_RESPONSES, entity_spans
from ..schemas import FileResult, FilesResponse

router = APIRouter(prefix="/v1", tags=["redaction"])

_DOWNLOAD_DOC = (
    "The redacted notes as files instead of JSON: text/plain for one file, "
    "a zip of `redacted-NNN.txt` (upload order) for several."
)


@router.post(
    "/redact/files",
    response_model=FilesResponse,
    responses={
        **ERROR_RESPONSES,
        200: {
            "description": "Per-file results, or the redacted file(s) with `download=true`.",
            "content": {"text/plain": {}, "application/zip": {}},
        },
    },
    summary="Redact uploaded notes",
)
async def redact_files(
    principal: RedactScope,
    redactor: RedactorDep,
    audit: AuditDep,
    settings: SettingsDep,
    cpu: CpuDep,
    file: Annotated[list[UploadFile] | None, File(description="One or more notes.")] = None,
    files: Annotated[list[UploadFile] | None, File(description="Same as `file`.")] = None,
    policy: Annotated[str | None, Form(max_length=64)] = None,
    scope: Annotated[str | None, Form(max_length=256)] = None,
    download: Annotated[bool, Query(description=_DOWNLOAD_DOC)] = False,
) -> FilesResponse | Response:
    """Decode each file, redact it, and return per-file results (in upload order) or the
    redacted text files. All or nothing: one unreadable file fails the request. Errors
    and audit rows name files by position, never by file name.
    """
    uploads = [*(file or []), *(files or [])]
    if not uploads:
        raise UnprocessableError(
            "no file uploaded: send one or more 'file' form fields", code="no_file"
        )
    if len(uploads) > settings.max_files:
        raise PayloadTooLargeError(f"too many files: {len(uploads)} (limit {settings.max_files})")
    chosen = policy or settings.default_policy
    results: list[RedactionResult] = []
    inputs: list[bytes] = []
    starts: list[float] = []
    for index, upload in enumerate(uploads, start=1):
        started = time.perf_counter()
        data = await upload.read()
        inputs.append(data)
        starts.append(started)
        try:
            text = await cpu.run(
                read_upload, data, upload.filename or "", settings, f"file {index}"
            )
            results.append(await cpu.run(redact_note, redactor, text, chosen, scope))
        except (ServiceError, RedactPHIError) as exc:
            error = from_core_error(exc) if isinstance(exc, RedactPHIError) else exc
            await _audit(audit, principal, started, data, None, error.code, error.status_code)
            raise error from None
    for started, data, result in zip(starts, inputs, results, strict=True):
        await _audit(audit, principal, started, data, result, "ok", 200)
    if download:
        return _download(results)
    return FilesResponse(
        files=[
            FileResult(
                index=i,
                text=r.text,
                entities=entity_spans(r),
                entity_counts=r.entity_counts(),
            )
            for i, r in enumerate(results)
        ],
        policy=results[0].policy,
        key_id=results[0].key_id,
        request_id=principal.request_id,
    )


async def _audit(
    audit: AuditDep,
    principal: Principal,
    started: float,
    data: bytes,
    result: RedactionResult | None,
    outcome: str,
    status_code: int,
) -> None:
    output = result.text.encode("utf-8") if result is not None else None
    await audit.record(
        principal,
        "redact_file",
        outcome=outcome,
        status_code=status_code,
        started=started,
        input_sha256=sha256_hex(data),
        input_bytes=len(data),
        output_sha256=sha256_hex(output) if output is not None else None,
        output_bytes=len(output) if output is not None else None,
        entity_counts=result.entity_counts() if result is not None else None,
        # A policy name is stored only once the redactor accepted it: a rejected one is
        # arbitrary client text.
        policy=result.policy if result is not None else None,
        key_id=result.key_id if result is not None else None,
    )


def _download(results: list[RedactionResult]) -> Response:
    if len(results) == 1:
        return Response(
            results[0].text.encode("utf-8"),
            media_type="text/plain; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="redacted.txt"'},
        )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for index, result in enumerate(results, start=1):
            archive.writestr(f"redacted-{index:03d}.txt", result.text)
    return Response(
        buffer.getvalue(),
        media_type="application/zip",
        headers={"Content-Disposition": 'attachment; filename="redacted.zip"'},
    )
