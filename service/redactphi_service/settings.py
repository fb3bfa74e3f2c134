"""The service's settings: one object from `REDACTPHI_*` environment variables.

Validated once at start-up; anything unsafe or missing stops the service (fail closed).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal, Self

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from redactphi import ConfigurationError
from redactphi.storage import normalize_database_url, sqlite_url_for

__all__ = ["ServiceSettings", "get_settings"]

# spaCy refuses texts over 1,000,000 characters; the service's own limit stays below.
_SPACY_MAX_CHARS = 1_000_000


class ServiceSettings(BaseSettings):
    """Everything the service can be told, with safe defaults for one machine."""

    model_config = SettingsConfigDict(env_prefix="REDACTPHI_", extra="forbid", frozen=True)

    data_dir: Path = Field(
        default=Path("./redactphi-data"),
        description="Holds redactphi.db (audit log, API keys); never note text.",
    )
    database_url: SecretStr | None = Field(
        default=None, description="sqlite:///... or postgresql://...; default: SQLite in data_dir."
    )
    config_path: Path | None = Field(
        default=None, description="Redactor config YAML (default: built in)."
    )
    model: str | None = Field(
        default=None, description="Installed spaCy pipeline overriding the config."
    )
    default_policy: str = Field(default="tag", min_length=1, max_length=64)
    keyring: SecretStr | None = Field(
        default=None,
        description="Keyring JSON, or base64 of it, for keyed and reversible policies "
        "(pseudonym, surrogate, vault, encrypt).",
    )
    keyring_path: Path | None = Field(
        default=None, description="Keyring file from `redactphi keys create` (instead of keyring)."
    )
    vault_url: SecretStr | None = Field(
        default=None,
        description="Token vault: sqlite:///... or postgresql://...; default: vault.db in data_dir.",
    )
    max_note_bytes: int = Field(default=2 * 1024 * 1024, gt=0, description="Per note or file.")
    max_note_chars: int = Field(default=500_000, gt=0, le=_SPACY_MAX_CHARS)
    max_request_bytes: int = Field(
        default=20 * 1024 * 1024, gt=0, description="Whole request body."
    )
    max_files: int = Field(default=20, gt=0, le=1000)
    rate_limit_per_minute: int = Field(
        default=600, gt=0, description="Sustained requests per API key."
    )
    rate_limit_burst: int = Field(default=60, gt=0, description="Requests a key may send at once.")
    cpu_threads: int = Field(
        default=1, gt=0, le=64, description="Notes redacted at once per process (GIL-bound)."
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"

    @field_validator("data_dir")
    @classmethod
    def _usable_data_dir(cls, value: Path) -> Path:
        if str(value).strip() in {"", "/"}:
            raise ValueError("data_dir must be a dedicated directory, not the file-system root")
        if value.exists() and not value.is_dir():
            raise ValueError(f"data_dir {str(value)!r} exists and is not a directory")
        return value

    @field_validator("database_url")
    @classmethod
    def _supported_database(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None:
            return None
        try:
            normalize_database_url(value.get_secret_value())
        except ConfigurationError as exc:
            raise ValueError(str(exc)) from None
        return value

    @field_validator("config_path")
    @classmethod
    def _config_exists(cls, value: Path | None) -> Path | None:
        if value is not None and not value.is_file():
            raise ValueError(f"config_path {str(value)!r} is not a file")
        return value

    @model_validator(mode="after")
    def _consistent_limits(self) -> Self:
        if self.max_request_bytes < self.max_note_bytes:
            raise ValueError("max_request_bytes must be at least max_note_bytes")
        if self.keyring is not None and self.keyring_path is not None:
            raise ValueError("set REDACTPHI_KEYRING or REDACTPHI_KEYRING_PATH, not both")
        if self.keyring_path is not None and not self.keyring_path.is_file():
            raise ValueError("REDACTPHI_KEYRING_PATH does not name a keyring file")
        return self

    def resolved_vault_url(self) -> str:
        if self.vault_url is not None:
            return self.vault_url.get_secret_value()
        return "sqlite:///" + str((self.data_dir / "vault.db").resolve())

    def resolved_database_url(self) -> str:
        if self.database_url is not None:
            return self.database_url.get_secret_value()
        return sqlite_url_for(self.data_dir)

    def database_backend(self) -> str:
        return "postgresql" if self.resolved_database_url().startswith("postgres") else "sqlite"


@lru_cache(maxsize=1)
def get_settings() -> ServiceSettings:
    """The settings from the environment, read and validated once per process."""
    return ServiceSettings()
