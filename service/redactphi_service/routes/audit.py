"""GET /v1/audit and /v1/audit/verify: read and check the audit log (scope `audit`)."""

from __future__ import annotations

import re
import time
from typing import Annotated

from fastapi import APIRouter, Query
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool

from redactphi.audit import AuditRecord, ChainVerification

from ..deps import AUDIT_UNAVAILABLE, AuditDep, AuditScope
from ..errors import ServiceUnavailableError, UnprocessableError
from ..responses import ERROR_RESPONSES
from ..schemas import AuditPage, AuditRow, ChainStatus

router = APIRouter(prefix="/v1/audit", tags=["audit"])

_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?Z?)?$")


def _timestamp(value: str | None, name: str) -> str | None:
    if value is not None and not _TIMESTAMP.match(value):
        raise UnprocessableError(
            f"{name} must be an ISO-8601 UTC time such as 2024-05-01T00:00:00Z",
            code="invalid_request",
        )
    return value


@router.get("", response_model=AuditPage, responses=ERROR_RESPONSES, summary="List audit rows")
async def list_audit(
    principal: AuditScope,
    audit: AuditDep,
    action: Annotated[str | None, Query(max_length=32)] = None,
    api_key_id: Annotated[str | None, Query(max_length=64)] = None,
    outcome: Annotated[str | None, Query(max_length=64)] = None,
    since: Annotated[str | None, Query(description="UTC, inclusive", max_length=32)] = None,
    until: Annotated[str | None, Query(description="UTC, exclusive", max_length=32)] = None,
    after: Annotated[int, Query(ge=0, description="Cursor: `next_after` of the last page")] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> AuditPage:
    """Rows in chain order, oldest first. Reading the log is itself audited."""
    started = time.perf_counter()
    since, until = _timestamp(since, "since"), _timestamp(until, "until")
    try:
        records: list[AuditRecord] = await run_in_threadpool(
            lambda: audit.log.query(
                action=action,
                api_key_id=api_key_id,
                outcome=outcome,
                since=since,
                until=until,
                after_seq=after,
                limit=limit,
            )
        )
    except SQLAlchemyError:
        raise ServiceUnavailableError(AUDIT_UNAVAILABLE, code="audit_unavailable") from None
    await audit.record(principal, "audit_read", outcome="ok", status_code=200, started=started)
    return AuditPage(
        items=[AuditRow(**r.to_dict()) for r in records],
        next_after=records[-1].seq if len(records) == limit else None,
    )


@router.get(
    "/verify", response_model=ChainStatus, responses=ERROR_RESPONSES, summary="Verify the chain"
)
async def verify_audit(principal: AuditScope, audit: AuditDep) -> ChainStatus:
    """Walk the hash chain; report the first broken link (edit, delete or reorder)."""
    started = time.perf_counter()
    try:
        status: ChainVerification = await run_in_threadpool(audit.log.verify_chain)
    except SQLAlchemyError:
        raise ServiceUnavailableError(AUDIT_UNAVAILABLE, code="audit_unavailable") from None
    await audit.record(
        principal,
        "audit_verify",
        outcome="ok" if status.ok else "chain_broken",
        status_code=200,
        started=started,
    )
    return ChainStatus(
        ok=status.ok,
        checked=status.checked,
        first_broken_seq=status.first_broken_seq,
        reason=status.reason,
    )
