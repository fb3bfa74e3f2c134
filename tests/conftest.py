from __future__ import annotations

import os
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _clean_redactphi_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No test sees REDACTPHI_* settings from the machine it runs on."""
    for key in list(os.environ):
        if key.startswith("REDACTPHI_"):
            monkeypatch.delenv(key)
    yield


@pytest.fixture(scope="session")
def redactor():  # type: ignore[no-untyped-def]
    """The real Redactor with the default config and the pinned spaCy model (loaded once)."""
    from redactphi import Redactor

    return Redactor()


@pytest.fixture(scope="session")
def fake_redactor():  # type: ignore[no-untyped-def]
    """A Redactor on the model-free FakeNlpEngine (no spaCy model needed)."""
    from redactphi import Redactor
    from redactphi.testing import FakeNlpEngine

    return Redactor(nlp_engine=FakeNlpEngine(persons=["Jane Roe"]))
