"""Dependencies, as `Annotated` aliases so handlers read like prose."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool

from redactphi import Redactor
from redactphi.apikeys import ApiKey, ApiKeyStore
from redactphi.audit import AuditEvent, AuditLog, AuditRecord
from redactphi.logs import get_logger

from .cpu import CpuPool
from .errors import (
    AuthenticationError,
    PermissionDeniedError,
    RateLimitedError,
    ServiceUnavailableError,
)
from .metrics import ServiceMetrics
from .ratelimit import RateLimiter
from .settings import ServiceSettings

__all__ = [
    "AuditDep",
    "Auditor",
    "AuditScope",
    "CpuDep",
    "MetricsDep",
    "Principal",
    "PrincipalDep",
    "RedactScope",
    "RedactorDep",
    "ReidentifyScope",
    "SettingsDep",
]

_log = get_logger("redactphi.service")
_bearer = HTTPBearer(auto_error=False, description="An API key from `redactphi apikey create`.")

AUDIT_UNAVAILABLE = "the audit store is unavailable; the request was not processed"


def get_app_settings(request: Request) -> ServiceSettings:
    settings: ServiceSettings = request.app.state.settings
    return settings


def get_redactor(request: Request) -> Redactor:
    redactor: Redactor | None = getattr(request.app.state, "redactor", None)
    if redactor is None:
        raise ServiceUnavailableError("the model is not loaded yet", code="not_ready")
    return redactor


def get_cpu(request: Request) -> CpuPool:
    cpu: CpuPool = request.app.state.cpu
    return cpu


def get_metrics(request: Request) -> ServiceMetrics:
    metrics: ServiceMetrics = request.app.state.metrics
    return metrics


SettingsDep = Annotated[ServiceSettings, Depends(get_app_settings)]
RedactorDep = Annotated[Redactor, Depends(get_redactor)]
MetricsDep = Annotated[ServiceMetrics, Depends(get_metrics)]
CpuDep = Annotated[CpuPool, Depends(get_cpu)]


@dataclass(frozen=True, slots=True)
class Principal:
    """The caller: an active API key, plus where and which request it came from."""

    key: ApiKey
    request_id: str
    client_address: str | None


class Auditor:
    """Writes audit rows off the event loop; a failed write is a 503, never a silent skip."""

    def __init__(self, log: AuditLog, metrics: ServiceMetrics) -> None:
        self.log = log
        self.metrics = metrics

    async def record(
        self,
        principal: Principal | None,
        action: str,
        *,
        outcome: str,
        status_code: int,
        started: float,
        input_sha256: str | None = None,
        output_sha256: str | None = None,
        input_bytes: int | None = None,
        output_bytes: int | None = None,
        entity_counts: Mapping[str, int] | None = None,
        policy: str | None = None,
        key_id: str | None = None,
        detail: str | None = None,
    ) -> AuditRecord:
        event = AuditEvent(
            action=action,
            outcome=outcome,
            api_key_id=principal.key.id if principal else None,
            request_id=principal.request_id if principal else None,
            client_address=principal.client_address if principal else None,
            input_sha256=input_sha256,
            output_sha256=output_sha256,
            input_bytes=input_bytes,
            output_bytes=output_bytes,
            entity_counts=dict(entity_counts or {}),
            policy=policy,
            key_id=key_id,
            status_code=status_code,
            latency_ms=(time.perf_counter() - started) * 1000,
            detail=detail,
        )
        try:
            record = await run_in_threadpool(self.log.append, event)
        except (SQLAlchemyError, OSError) as exc:
            _log.error("audit_write_failed", action=action, error_code=type(exc).__name__)
            raise ServiceUnavailableError(AUDIT_UNAVAILABLE, code="audit_unavailable") from None
        if input_bytes is not None:
            self.metrics.observe_note(action, outcome, input_bytes, entity_counts or {})
        return record


def get_auditor(request: Request) -> Auditor:
    auditor: Auditor = request.app.state.auditor
    return auditor


AuditDep = Annotated[Auditor, Depends(get_auditor)]


async def get_principal(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    if credentials is None:
        raise AuthenticationError("missing API key: send 'Authorization: Bearer <key>'")
    store: ApiKeyStore | None = getattr(request.app.state, "api_keys", None)
    if store is None:
        raise ServiceUnavailableError("the service is starting; retry shortly", code="not_ready")
    try:
        key = await run_in_threadpool(store.authenticate, credentials.credentials)
    except SQLAlchemyError as exc:
        _log.error("apikey_check_failed", error_code=type(exc).__name__)
        raise ServiceUnavailableError(
            "the key store is unavailable; the request was not processed", code="audit_unavailable"
        ) from None
    if key is None:
        raise AuthenticationError("invalid or revoked API key")
    limiter: RateLimiter = request.app.state.rate_limiter
    wait_s = limiter.acquire(key.id)
    if wait_s > 0:
        raise RateLimitedError(
            "rate limit exceeded for this API key; retry later", RateLimiter.retry_after(wait_s)
        )
    return Principal(
        key=key,
        request_id=request.state.request_id,
        client_address=request.client.host if request.client else None,
    )


PrincipalDep = Annotated[Principal, Depends(get_principal)]


def require_scope(scope: str) -> Callable[[Principal], Awaitable[Principal]]:
    async def check(principal: PrincipalDep) -> Principal:
        if not principal.key.has_scope(scope):
            raise PermissionDeniedError(f"this API key lacks the '{scope}' scope")
        return principal

    return check


RedactScope = Annotated[Principal, Depends(require_scope("redact"))]
ReidentifyScope = Annotated[Principal, Depends(require_scope("reidentify"))]
AuditScope = Annotated[Principal, Depends(require_scope("audit"))]
