from __future__ import annotations

from fastapi.testclient import TestClient
from redactphi_service.main import create_app
from redactphi_service.settings import ServiceSettings

from .conftest import PHI_NOTE, Service


def test_healthz_and_readyz(service: Service) -> None:
    assert service.client.get("/healthz").json() == {"status": "ok"}
    assert service.client.get("/readyz").json() == {
        "status": "ready",
        "model_loaded": True,
        "database": "reachable",
    }


def test_readyz_is_503_before_the_model_is_loaded(tmp_path: object) -> None:
    app = create_app(ServiceSettings(data_dir=tmp_path))  # type: ignore[arg-type]
    client = TestClient(app)  # no context manager: the lifespan (model load) never runs
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {
        "error": {"code": "not_ready", "message": "the model is not loaded yet"}
    }
    response = client.post("/v1/redact", json={"text": "x"}, headers={"Authorization": "Bearer x"})
    assert response.status_code == 503
    assert response.json() == {
        "error": {"code": "not_ready", "message": "the service is starting; retry shortly"}
    }


def test_readyz_is_503_when_the_database_is_unreachable(service: Service) -> None:
    from redactphi.storage import create_engine_for

    real = service.app.state.engine
    service.app.state.engine = create_engine_for(
        "postgresql://postgres@127.0.0.1:1/none?connect_timeout=1"
    )
    response = service.client.get("/readyz")
    service.app.state.engine.dispose()
    service.app.state.engine = real
    assert response.status_code == 503
    assert response.json() == {
        "error": {"code": "not_ready", "message": "the database is unreachable"}
    }


def test_metrics_count_requests_latency_and_entities(service: Service) -> None:
    service.client.post("/v1/redact", json={"text": PHI_NOTE}, headers=service.auth())
    service.client.post("/v1/redact", json={"text": "x"})
    metrics = service.client.get("/metrics")
    assert metrics.headers["content-type"].startswith("text/plain")
    body = metrics.text
    assert (
        'redactphi_http_requests_total{method="POST",route="/v1/redact",status="200"} 1.0' in body
    )
    assert (
        'redactphi_http_requests_total{method="POST",route="/v1/redact",status="401"} 1.0' in body
    )
    assert (
        "redactphi_http_request_duration_seconds_bucket"
        '{le="+Inf",method="POST",route="/v1/redact"} 2.0' in body
    )
    assert 'redactphi_entities_total{entity_type="PERSON"} 2.0' in body
    assert 'redactphi_notes_total{action="redact",outcome="ok"} 1.0' in body


def test_each_app_has_its_own_metrics_registry(service: Service, make_service: object) -> None:
    other = create_app(service.settings)
    assert other.state.metrics.registry is not service.app.state.metrics.registry


def test_unknown_paths_are_not_metric_labels(service: Service) -> None:
    service.client.get("/patients/Jane-Roe")
    body = service.client.get("/metrics").text
    assert "Jane" not in body
    assert 'route="unmatched",status="404"' in body


def test_web_page_is_served_with_a_strict_csp(service: Service) -> None:
    page = service.client.get("/")
    assert page.status_code == 200
    assert "<title>RedactPHI</title>" in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert "http://" not in page.text and "https://" not in page.text
    for asset in ("/static/app.js", "/static/app.css"):
        response = service.client.get(asset)
        assert response.status_code == 200
        assert "http://" not in response.text and "https://" not in response.text
