"""Around every request: a request id, the body size limit, metrics, one access log line,
and a last-resort 500 that never carries an exception's text (it may hold a note)."""

from __future__ import annotations

import json
import time
import uuid
from typing import Any

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from redactphi.logs import get_logger

from .errors import error_body
from .metrics import ServiceMetrics

__all__ = ["RequestContextMiddleware"]

_log = get_logger("redactphi.service")


def _too_large(limit: int) -> str:
    return f"request body is over the limit of {limit} bytes"


class RequestContextMiddleware:
    def __init__(self, app: ASGIApp, *, max_request_bytes: int, metrics: ServiceMetrics) -> None:
        self.app = app
        self.max_request_bytes = max_request_bytes
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        # Always our own id: a client's X-Request-ID is free text that would reach the
        # audit rows and logs (and could carry an MRN).
        request_id = uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        status = 500
        response_started = False

        async def send_with_id(message: Message) -> None:
            nonlocal status, response_started
            if message["type"] == "http.response.start":
                status = message["status"]
                response_started = True
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", request_id.encode())]
            await send(message)

        try:
            declared = headers.get("content-length")
            if (
                declared is not None
                and declared.isdigit()
                and int(declared) > self.max_request_bytes
            ):
                await _send_json(
                    send_with_id, 413, "payload_too_large", _too_large(self.max_request_bytes)
                )
                return
            await self.app(scope, self._limited(receive), send_with_id)
        except Exception as exc:
            # Never re-raised: the server would log its traceback, which may quote a note.
            _log.error("unhandled_error", request_id=request_id, error_code=type(exc).__name__)
            if not response_started:
                await _send_json(
                    send_with_id,
                    500,
                    "internal_error",
                    "internal error; the request was not processed",
                )
        finally:
            route = scope.get("route")
            template = getattr(route, "path", None) or "unmatched"
            elapsed = time.perf_counter() - started
            self.metrics.observe_request(template, scope["method"], status, elapsed)
            _log.info(
                "request",
                request_id=request_id,
                method=scope["method"],
                route=template,
                status_code=status,
                latency_ms=round(elapsed * 1000, 2),
            )

    def _limited(self, receive: Receive) -> Receive:
        received = 0
        limit = self.max_request_bytes

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    # An HTTPException passes through FastAPI's body parsing unchanged.
                    raise HTTPException(413, _too_large(limit))
            return message

        return limited_receive


async def _send_json(send: Send, status: int, code: str, message: str) -> None:
    body = json.dumps(error_body(code, message)).encode()
    headers: list[tuple[bytes, bytes]] = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
    ]
    start: dict[str, Any] = {"type": "http.response.start", "status": status, "headers": headers}
    await send(start)
    await send({"type": "http.response.body", "body": body})
