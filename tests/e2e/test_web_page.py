from __future__ import annotations

import os
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from redactphi_service.main import create_app
from redactphi_service.settings import ServiceSettings

from redactphi import Redactor
from redactphi.apikeys import ApiKeyStore
from redactphi.storage import create_engine_for

CHROMIUM = Path("/usr/bin/chromium")
# Kept after the run so a person can look at the page.
SCREENSHOT = Path(tempfile.gettempdir()) / "redactphi-web-page.png"
NOTE = (
    "OPERATIVE NOTE\n"
    "PATIENT NAME: Jane Roe     MRN: 5521987\n"
    "DATE OF SURGERY: 03/14/2024\n"
    "PROCEDURE: Laparoscopic Hartmann procedure; Foley catheter placed.\n"
    "Call (617) 555-0143 with questions.\n"
)

pytestmark = pytest.mark.browser


def _require_browser() -> None:
    if CHROMIUM.exists():
        return
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is required in CI")
    pytest.skip(f"{CHROMIUM} is not installed")


@pytest.fixture
def live_service(tmp_path: Path, fake_redactor: Redactor) -> Iterator[tuple[str, str]]:
    settings = ServiceSettings(data_dir=tmp_path / "data")
    app = create_app(settings, redactor=fake_redactor)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the service did not start")
        time.sleep(0.05)
    engine = create_engine_for(settings.resolved_database_url())
    _, token = ApiKeyStore(engine).create("browser", ["redact"])
    engine.dispose()
    try:
        yield f"http://127.0.0.1:{port}", token
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def test_paste_a_note_and_redact_it(live_service: tuple[str, str]) -> None:
    _require_browser()
    from playwright.sync_api import sync_playwright

    base_url, token = live_service
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--headless",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 900})
            external: list[str] = []
            page.on(
                "request",
                lambda r: external.append(r.url) if not r.url.startswith(base_url) else None,
            )
            page.goto(base_url + "/")
            page.fill("#api-key", token)
            page.fill("#note-text", NOTE)
            page.click("#redact-button")
            page.wait_for_selector("#output-0")
            output = page.inner_text("#output-0")
            for phi in ("Jane Roe", "5521987", "03/14/2024", "555-0143"):
                assert phi not in output
            assert "Hartmann procedure" in output and "Foley catheter" in output
            assert "[PERSON]" in output
            marks = page.eval_on_selector_all("mark.entity", "els => els.map(e => e.dataset.type)")
            assert "PERSON" in marks and "DATE" in marks
            assert "Redacted" in page.inner_text("#status")
            page.screenshot(path=str(SCREENSHOT), full_page=True)

            # A wrong key shows the service's error message, not a blank page.
            page.fill("#api-key", "rphi_000000000000_" + "A" * 43)
            page.click("#redact-button")
            page.wait_for_selector(".status.error")
            assert "invalid or revoked API key (unauthorized, HTTP 401)" in page.inner_text(
                "#status"
            )
            assert external == []  # no CDN, no fonts, nothing but this service
        finally:
            browser.close()
