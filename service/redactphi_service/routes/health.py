"""GET /healthz (the process answers) and GET /readyz (model loaded, database reachable)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool

from ..errors import error_body
from ..schemas import ErrorResponse, HealthResponse, ReadyResponse

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=HealthResponse, summary="Liveness")
async def healthz() -> HealthResponse:
    return HealthResponse(status="ok")


def _database_reachable(request: Request) -> bool:
    engine = getattr(request.app.state, "engine", None)
    if engine is None:
        return False
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except SQLAlchemyError:
        return False
    return True


@router.get(
    "/readyz",
    response_model=ReadyResponse,
    responses={503: {"model": ErrorResponse, "description": "Not ready."}},
    summary="Readiness",
)
async def readyz(request: Request) -> ReadyResponse | JSONResponse:
    model_loaded = getattr(request.app.state, "redactor", None) is not None
    database = await run_in_threadpool(_database_reachable, request)
    if not model_loaded:
        return JSONResponse(error_body("not_ready", "the model is not loaded yet"), status_code=503)
    if not database:
        return JSONResponse(error_body("not_ready", "the database is unreachable"), status_code=503)
    return ReadyResponse(status="ready", model_loaded=True, database="reachable")
