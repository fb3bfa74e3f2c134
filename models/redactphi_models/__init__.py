"""NLP engine configuration shipped with RedactPHI (no model weights live here)."""

from importlib.resources import files
from pathlib import Path

__all__ = ["DEFAULT_NLP_CONFIG", "nlp_config_path"]

DEFAULT_NLP_CONFIG = "nlp_engine.yaml"


def nlp_config_path(name: str = DEFAULT_NLP_CONFIG) -> Path:
    """Path of a configuration file shipped in this package."""
    return Path(str(files(__name__).joinpath(name)))
