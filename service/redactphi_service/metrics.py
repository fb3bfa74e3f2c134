"""Prometheus metrics of one app: requests, latency, entity counts; nothing from a note.

Each app owns its registry (not prometheus-client's global one), so several apps, as in
tests, never share or collide. Labels are route templates, methods, status codes, actions
and entity types only: never a raw path, a file name or a value.
"""

from __future__ import annotations

from collections.abc import Mapping

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest

__all__ = ["ServiceMetrics"]

_LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


class ServiceMetrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.requests = Counter(
            "redactphi_http_requests",
            "HTTP requests by route template, method and status code.",
            ("route", "method", "status"),
            registry=self.registry,
        )
        self.latency = Histogram(
            "redactphi_http_request_duration_seconds",
            "HTTP request latency by route template.",
            ("route", "method"),
            buckets=_LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.notes = Counter(
            "redactphi_notes",
            "Notes processed by action and outcome.",
            ("action", "outcome"),
            registry=self.registry,
        )
        self.note_bytes = Counter(
            "redactphi_note_input_bytes",
            "Bytes of note input processed, by action.",
            ("action",),
            registry=self.registry,
        )
        self.entities = Counter(
            "redactphi_entities",
            "Entities found, by entity type.",
            ("entity_type",),
            registry=self.registry,
        )

    def observe_request(self, route: str, method: str, status: int, seconds: float) -> None:
        self.requests.labels(route, method, str(status)).inc()
        self.latency.labels(route, method).observe(seconds)

    def observe_note(
        self, action: str, outcome: str, input_bytes: int, counts: Mapping[str, int]
    ) -> None:
        self.notes.labels(action, outcome).inc()
        self.note_bytes.labels(action).inc(input_bytes)
        for entity_type, count in counts.items():
            self.entities.labels(entity_type).inc(count)

    def render(self) -> bytes:
        return generate_latest(self.registry)
