"""The service's errors and the one JSON shape they all answer with.

    {"error": {"code": "unsupported_media_type", "message": "unsupported file type '.exe'; ..."}}

    ServiceError
    ├── AuthenticationError      401 no key, malformed key, unknown or revoked key
    ├── PermissionDeniedError    403 the key lacks the scope
    ├── PayloadTooLargeError     413 a note, a file or the request is over its limit
    ├── UnsupportedMediaError    415 a file type RedactPHI does not read
    ├── UnprocessableError       422 undecodable text, bad policy, bad parameters
    ├── RateLimitedError         429 the key is over its rate limit
    └── ServiceUnavailableError  503 model not loaded, audit store unreachable

Core errors (`redactphi.RedactPHIError`) map onto these; their messages never hold note
text. Anything unexpected becomes a 500 with a fixed message and no detail.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from redactphi import (
    DecodeError,
    InputError,
    KeyringError,
    PolicyError,
    RedactPHIError,
    ReidentificationError,
    UnsupportedFormatError,
)
from redactphi.logs import get_logger

__all__ = [
    "AuthenticationError",
    "PayloadTooLargeError",
    "PermissionDeniedError",
    "RateLimitedError",
    "ServiceError",
    "ServiceUnavailableError",
    "UnprocessableError",
    "UnsupportedMediaError",
    "error_body",
    "install_error_handlers",
]

_log = get_logger("redactphi.service")


class ServiceError(Exception):
    status_code = 500
    code = "internal_error"

    def __init__(
        self, message: str, *, code: str | None = None, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.headers = headers or {}


class AuthenticationError(ServiceError):
    status_code = 401
    code = "unauthorized"

    def __init__(self, message: str) -> None:
        super().__init__(message, headers={"WWW-Authenticate": "Bearer"})


class PermissionDeniedError(ServiceError):
    status_code = 403
    code = "forbidden"


class PayloadTooLargeError(ServiceError):
    status_code = 413
    code = "payload_too_large"


class UnsupportedMediaError(ServiceError):
    status_code = 415
    code = "unsupported_media_type"


class UnprocessableError(ServiceError):
    status_code = 422
    code = "unprocessable"


class RateLimitedError(ServiceError):
    status_code = 429
    code = "rate_limited"

    def __init__(self, message: str, retry_after_s: int) -> None:
        super().__init__(message, headers={"Retry-After": str(retry_after_s)})


class ServiceUnavailableError(ServiceError):
    status_code = 503
    code = "unavailable"


def error_body(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


def from_core_error(exc: RedactPHIError) -> ServiceError:
    """The HTTP error for a core error raised while handling a client's input."""
    message = str(exc)
    if isinstance(exc, UnsupportedFormatError):
        return UnsupportedMediaError(message)
    if isinstance(exc, DecodeError):
        return UnprocessableError(message, code="undecodable")
    if isinstance(exc, InputError):
        return UnprocessableError(message, code="bad_input")
    if isinstance(exc, PolicyError):
        return UnprocessableError(message, code="bad_policy")
    if isinstance(exc, KeyringError):
        return UnprocessableError(message, code="key_error")
    if isinstance(exc, ReidentificationError):
        return UnprocessableError(message, code="reidentification_failed")
    return UnprocessableError(message)


_STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "unprocessable",
    429: "rate_limited",
    503: "unavailable",
}


def _validation_message(exc: RequestValidationError) -> str:
    # Only locations and pydantic's messages: never the `input` pydantic attaches, which
    # is the client's text.
    parts = []
    for err in exc.errors()[:5]:
        loc = ".".join(str(p) for p in err.get("loc", ()) if p != "body") or "body"
        parts.append(f"{loc}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def install_error_handlers(app: FastAPI) -> None:
    async def service_error(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ServiceError)
        return JSONResponse(
            error_body(exc.code, exc.message), status_code=exc.status_code, headers=exc.headers
        )

    async def core_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RedactPHIError)
        return await service_error(request, from_core_error(exc))

    async def validation_error(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        return JSONResponse(
            error_body("invalid_request", _validation_message(exc)), status_code=422
        )

    async def http_error(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        code = _STATUS_CODES.get(exc.status_code, "http_error")
        return JSONResponse(
            error_body(code, str(exc.detail)),
            status_code=exc.status_code,
            headers=getattr(exc, "headers", None),
        )

    async def unexpected_error(_: Request, exc: Exception) -> JSONResponse:
        # The exception's message and traceback may hold note text: log only its type.
        _log.error("unhandled_error", error_code=type(exc).__name__)
        return JSONResponse(
            error_body("internal_error", "internal error; the request was not processed"),
            status_code=500,
        )

    app.add_exception_handler(ServiceError, service_error)
    app.add_exception_handler(RedactPHIError, core_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(Exception, unexpected_error)
