"""RedactPHI's analysis configuration: a typed object, loadable from YAML."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import ConfigurationError

__all__ = ["RedactorConfig"]


def _default_config_path() -> Path:
    return Path(str(files("redactphi").joinpath("config/default.yaml")))


class RedactorConfig(BaseModel):
    """What the analyzer loads: NLP engine, recognizers, lexicon and threshold."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    nlp_engine: str = "default"
    model: str | None = None
    score_threshold: float = Field(0.4, ge=0.0, le=1.0)
    recognizers: tuple[str, ...]
    lexicon: str = "default"
    propagate_names: bool = True
    # Where the statistical NER runs: everywhere, or only lines the rules have not settled.
    ner_scope: Literal["windowed", "selective", "full"] = "windowed"

    @field_validator("recognizers")
    @classmethod
    def _known_recognizers(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        from redactphi_recognizers import RECOGNIZER_FACTORIES

        unknown = [name for name in value if name not in RECOGNIZER_FACTORIES]
        if unknown:
            raise ValueError(f"unknown recognizer(s) {unknown}")
        if not value:
            raise ValueError("at least one recognizer is required")
        return value

    @classmethod
    def default(cls) -> RedactorConfig:
        return cls.from_yaml(_default_config_path())

    @classmethod
    def from_yaml(cls, path: str | Path) -> RedactorConfig:
        try:
            with open(path, encoding="utf-8") as fh:
                data: Any = yaml.safe_load(fh)
        except OSError as exc:
            raise ConfigurationError(f"cannot read config {str(path)!r}: {exc.strerror}") from None
        except yaml.YAMLError as exc:
            raise ConfigurationError(f"config {str(path)!r} is not valid YAML") from exc
        if not isinstance(data, dict):
            raise ConfigurationError(f"config {str(path)!r} must be a mapping")
        base = Path(path).parent
        for key in ("nlp_engine", "lexicon"):
            value = data.get(key)
            if isinstance(value, str) and value != "default" and not Path(value).is_absolute():
                data[key] = str(base / value)
        return cls.from_mapping(data)

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> RedactorConfig:
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in err['loc']) or 'config'}: {err['msg']}"
                for err in exc.errors()
            )
            raise ConfigurationError(f"invalid RedactPHI config: {problems}") from None

    def nlp_engine_path(self) -> Path:
        if self.nlp_engine == "default":
            from redactphi_models import nlp_config_path

            return nlp_config_path()
        return Path(self.nlp_engine)

    def lexicon_path(self) -> Path:
        if self.lexicon == "default":
            return Path(str(files("redactphi_recognizers").joinpath("data/lexicon")))
        return Path(self.lexicon)
