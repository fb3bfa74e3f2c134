from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from redactphi_service.main import create_app
from redactphi_service.settings import ServiceSettings

from redactphi import Redactor
from redactphi.apikeys import ApiKeyStore
from redactphi.storage import create_engine_for
from tests.storage_backends import database_url

__all__ = ["database_url"]

# A note with known PHI (all synthetic). The fake NLP engine knows "Jane Roe"; the rest
# is found by RedactPHI's pattern and structure recognizers.
PHI_NOTE = (
    "OPERATIVE NOTE\n"
    "PATIENT NAME: Jane Roe\n"
    "MRN: 5521987\n"
    "DATE OF SURGERY: 03/14/2024\n"
    "Phone: (617) 555-0143\n"
    "Email: jane.roe@example.org\n"
    "PROCEDURE: Laparoscopic Hartmann procedure with Foley catheter placement.\n"
    "Jane Roe tolerated the procedure well.\n"
)
PHI_STRINGS = ("Jane Roe", "5521987", "03/14/2024", "555-0143", "jane.roe@example.org")
CLINICAL_TERMS = ("Hartmann procedure", "Foley catheter")


@dataclass
class Service:
    client: TestClient
    app: Any
    settings: ServiceSettings
    keys: dict[str, str]

    def auth(self, name: str = "all") -> dict[str, str]:
        return {"Authorization": f"Bearer {self.keys[name]}"}


def _settings(tmp_path: Path, url: str | None, **overrides: Any) -> ServiceSettings:
    values: dict[str, Any] = {
        "data_dir": tmp_path / "data",
        "rate_limit_per_minute": 10_000,
        "rate_limit_burst": 1_000,
        **overrides,
    }
    if url is not None:
        values["database_url"] = url
    return ServiceSettings(**values)


@pytest.fixture
def make_service(tmp_path: Path, fake_redactor: Redactor) -> Iterator[Callable[..., Service]]:
    """Start the real app (lifespan included) on the fake redactor; keys of each scope."""
    started: list[tuple[TestClient, Any]] = []

    def make(url: str | None = None, redactor: Redactor | None = None, **overrides: Any) -> Service:
        settings = _settings(tmp_path, url, **overrides)
        app = create_app(settings, redactor=redactor or fake_redactor)
        client = TestClient(app)
        client.__enter__()
        engine = create_engine_for(settings.resolved_database_url())
        store = ApiKeyStore(engine)
        keys = {
            "all": store.create("all", ["redact,reidentify,audit"])[1],
            "redact": store.create("redact only", ["redact"])[1],
            "audit": store.create("audit only", ["audit"])[1],
        }
        started.append((client, engine))
        return Service(client, app, settings, keys)

    yield make
    for client, engine in started:
        client.__exit__(None, None, None)
        engine.dispose()


@pytest.fixture
def service(make_service: Callable[..., Service]) -> Service:
    return make_service()
