"""GET /metrics: Prometheus text format (counts, latencies, entity types; nothing from a note)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response
from prometheus_client import CONTENT_TYPE_LATEST

from ..deps import MetricsDep

router = APIRouter(tags=["health"])


@router.get("/metrics", response_class=Response, summary="Prometheus metrics")
async def metrics(service_metrics: MetricsDep) -> Response:
    return Response(service_metrics.render(), media_type=CONTENT_TYPE_LATEST)
