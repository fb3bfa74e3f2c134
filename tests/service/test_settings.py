from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError
from redactphi_service.settings import ServiceSettings, get_settings


def test_settings_come_from_redactphi_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("REDACTPHI_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("REDACTPHI_MAX_FILES", "3")
    monkeypatch.setenv("REDACTPHI_DATABASE_URL", "postgresql://svc:s3cret@db/redactphi")
    get_settings.cache_clear()
    settings = get_settings()
    assert settings.data_dir == tmp_path and settings.max_files == 3
    assert settings.database_backend() == "postgresql"
    assert "s3cret" not in repr(settings)
    assert get_settings() is settings  # cached: read once
    get_settings.cache_clear()


def test_default_database_is_sqlite_in_the_data_dir(tmp_path: Path) -> None:
    settings = ServiceSettings(data_dir=tmp_path)
    assert settings.resolved_database_url() == f"sqlite:///{tmp_path.resolve()}/redactphi.db"


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"database_url": "mysql://u@h/db"}, "unsupported database backend 'mysql'"),
        ({"data_dir": "/"}, "data_dir must be a dedicated directory"),
        ({"max_note_bytes": 0}, "Input should be greater than 0"),
        ({"max_note_chars": 2_000_000}, "Input should be less than or equal to 1000000"),
        (
            {"max_note_bytes": 100, "max_request_bytes": 50},
            "max_request_bytes must be at least max_note_bytes",
        ),
        ({"config_path": "/nonexistent.yaml"}, "config_path '/nonexistent.yaml' is not a file"),
        ({"log_level": "CHATTY"}, "Input should be 'DEBUG', 'INFO', 'WARNING' or 'ERROR'"),
        ({"max_file": 3}, "Extra inputs are not permitted"),
    ],
)
def test_unsafe_settings_stop_start_up(values: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError) as info:
        ServiceSettings(**values)  # type: ignore[arg-type]
    assert message in str(info.value)


def test_invalid_environment_fails_closed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDACTPHI_RATE_LIMIT_PER_MINUTE", "-5")
    with pytest.raises(ValidationError, match="rate_limit_per_minute"):
        ServiceSettings()
