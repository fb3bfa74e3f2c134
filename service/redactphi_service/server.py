"""Run the service with uvicorn (what `redactphi serve` calls)."""

from __future__ import annotations

import os
from pathlib import Path

import uvicorn

from .main import create_app
from .settings import get_settings

__all__ = ["serve"]


def serve(host: str, port: int, workers: int = 1, data_dir: Path | None = None) -> None:
    """Validate the settings (fail closed), then serve until interrupted."""
    if data_dir is not None:
        # Worker processes build their own settings from the environment.
        os.environ["REDACTPHI_DATA_DIR"] = str(data_dir)
    get_settings.cache_clear()
    settings = get_settings()
    common = {
        "host": host,
        "port": port,
        "access_log": False,  # the service logs its own allow-listed access lines
        "log_level": settings.log_level.lower(),
        "server_header": False,
    }
    if workers <= 1:
        uvicorn.run(create_app(settings), **common)  # type: ignore[arg-type]
    else:
        uvicorn.run(
            "redactphi_service.main:create_app",
            factory=True,
            workers=workers,
            **common,  # type: ignore[arg-type]
        )
