"""The FastAPI application: `create_app(settings)` builds it, the lifespan loads the model."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.resources import files

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

import redactphi
from redactphi import Keyring, Redactor, RedactorConfig, TokenVault
from redactphi.apikeys import ApiKeyStore
from redactphi.audit import AuditLog
from redactphi.logs import configure_logging, get_logger
from redactphi.storage import create_engine_for

from .cpu import CpuPool
from .deps import Auditor
from .errors import install_error_handlers
from .metrics import ServiceMetrics
from .middleware import RequestContextMiddleware
from .ratelimit import RateLimiter
from .routes import analyze, audit, health, metrics, redact, reidentify, web
from .routes import files as files_route
from .settings import ServiceSettings, get_settings

__all__ = ["create_app"]

_log = get_logger("redactphi.service")

_DESCRIPTION = """Removes HIPAA PHI (the Safe Harbor identifiers) from clinical notes.

Every call needs an API key (`Authorization: Bearer <key>`, from `redactphi apikey create`);
every operation is written to a hash-chained audit log holding hashes, sizes and entity
counts, never text. Errors share one shape: `{"error": {"code", "message"}}`.
"""


def _load_redactor(settings: ServiceSettings) -> Redactor:
    config = (
        RedactorConfig.from_yaml(settings.config_path)
        if settings.config_path
        else RedactorConfig.default()
    )
    if settings.model:
        config = config.model_copy(update={"model": settings.model})
    keyring: Keyring | None = None
    if settings.keyring is not None:
        keyring = Keyring.from_env({"keyring": settings.keyring.get_secret_value()}, name="keyring")
    elif settings.keyring_path is not None:
        keyring = Keyring.load(settings.keyring_path)
    # Without keys only the unkeyed presets (tag, mask) work; with them, the vault too.
    vault = TokenVault(settings.resolved_vault_url()) if keyring is not None else None
    return Redactor(config, keyring=keyring, vault=vault)


def create_app(
    settings: ServiceSettings | None = None, *, redactor: Redactor | None = None
) -> FastAPI:
    """Build the service. With no settings they come from `REDACTPHI_*` (also the uvicorn
    factory for several workers); `redactor` skips loading the model (tests, embedding).
    """
    settings = settings or get_settings()
    service_metrics = ServiceMetrics()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        configure_logging(settings.log_level)
        if settings.database_url is None:
            settings.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        engine = create_engine_for(settings.resolved_database_url())
        app.state.engine = engine
        audit_log = await run_in_threadpool(AuditLog, engine)
        app.state.auditor = Auditor(audit_log, service_metrics)
        app.state.api_keys = await run_in_threadpool(ApiKeyStore, engine)
        started = time.perf_counter()
        app.state.redactor = redactor or await run_in_threadpool(_load_redactor, settings)
        _log.info(
            "service_started",
            backend=settings.database_backend(),
            load_s=round(time.perf_counter() - started, 2),
            version=redactphi.__version__,
        )
        try:
            yield
        finally:
            engine.dispose()

    app = FastAPI(
        title="RedactPHI",
        version=redactphi.__version__,
        description=_DESCRIPTION,
        lifespan=lifespan,
        # Swagger UI and ReDoc load their assets from a CDN; the schema is at /openapi.json.
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.metrics = service_metrics
    app.state.redactor = None
    app.state.cpu = CpuPool(settings.cpu_threads)
    app.state.rate_limiter = RateLimiter(settings.rate_limit_per_minute, settings.rate_limit_burst)
    install_error_handlers(app)
    for module in (redact, files_route, analyze, reidentify, audit, health, metrics, web):
        app.include_router(module.router)
    app.mount(
        "/static",
        StaticFiles(directory=str(files("redactphi_service").joinpath("static"))),
        name="static",
    )
    app.add_middleware(
        RequestContextMiddleware,
        max_request_bytes=settings.max_request_bytes,
        metrics=service_metrics,
    )
    return app
