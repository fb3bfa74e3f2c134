"""The spaCy NLP engine, loaded offline with only the components the recognizers read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import spacy
import yaml
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
from spacy.tokens import Doc

from .errors import ConfigurationError, ModelNotInstalledError

__all__ = ["ClinicalNlpEngine", "load_nlp_engine_config"]


def load_nlp_engine_config(path: str | Path) -> dict[str, Any]:
    """Read and check an NLP engine YAML (Presidio's format plus `redactphi_pipeline`)."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except OSError as exc:
        raise ConfigurationError(f"cannot read NLP engine config {str(path)!r}: {exc.strerror}") from None
    except yaml.YAMLError as exc:
        raise ConfigurationError(f"NLP engine config {str(path)!r} is not valid YAML") from exc
    if not isinstance(data, dict) or data.get("nlp_engine_name") != "spacy":
        raise ConfigurationError(f"NLP engine config {str(path)!r}: nlp_engine_name must be 'spacy'")
    models = data.get("models")
    if not isinstance(models, list) or not models or not all(
        isinstance(m, dict) and m.get("lang_code") and m.get("model_name") for m in models
    ):
        raise ConfigurationError(
            f"NLP engine config {str(path)!r}: models must list lang_code and model_name"
        )
    return data


class ClinicalNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine that never downloads and runs only the kept components.

    Context words are matched on lower-cased token text when the lemmatizer is not run.
    """

    def __init__(
        self,
        model_name: str,
        *,
        package: str | None = None,
        keep_components: tuple[str, ...] | None = ("ner",),
        ner_model_configuration: NerModelConfiguration | None = None,
        lang_code: str = "en",
    ) -> None:
        super().__init__(
            models=[{"lang_code": lang_code, "model_name": model_name}],
            ner_model_configuration=ner_model_configuration,
        )
        self.model_name = model_name
        self.package = package or model_name.replace("_", "-")
        self.keep_components = keep_components
        self.lang_code = lang_code

    @classmethod
    def from_config(cls, data: dict[str, Any], model_name: str | None = None) -> ClinicalNlpEngine:
        model = data["models"][0]
        pipeline = data.get("redactphi_pipeline") or {}
        keep = pipeline.get("keep")
        ner_conf = data.get("ner_model_configuration")
        try:
            ner = NerModelConfiguration.from_dict(ner_conf) if ner_conf else None
        except (TypeError, ValueError) as exc:
            raise ConfigurationError(f"invalid ner_model_configuration: {exc}") from None
        return cls(
            model_name or model["model_name"],
            package=None if model_name else model.get("package"),
            keep_components=tuple(keep) if keep else None,
            ner_model_configuration=ner,
            lang_code=model["lang_code"],
        )

    def load(self) -> None:
        name = self.model_name
        if not (spacy.util.is_package(name) or Path(name).exists()):
            raise ModelNotInstalledError(
                f"spaCy pipeline {name!r} is not installed and RedactPHI does not download "
                f"models at run time; install it with: pip install {self.package}"
            )
        self.nlp = {self.lang_code: self._load_pipeline(name)}

    def _load_pipeline(self, name: str) -> spacy.language.Language:
        if self.keep_components is None:
            return spacy.load(name)
        full = spacy.load(name)
        missing = [c for c in self.keep_components if c not in full.pipe_names]
        if missing:
            raise ConfigurationError(
                f"spaCy pipeline {name!r} has no component(s) {missing}; it has {full.pipe_names}"
            )
        keep = set(self.keep_components)
        # A kept component that listens to a shared tok2vec/transformer needs that too.
        for pipe_name, pipe in full.pipeline:
            listeners = getattr(pipe, "listening_components", None) or []
            if keep & set(listeners):
                keep.add(pipe_name)
        disabled = [c for c in full.pipe_names if c not in keep]
        for component in disabled:
            full.remove_pipe(component)
        return full

    def _doc_to_nlp_artifact(self, doc: Doc, language: str) -> NlpArtifacts:
        artifacts = super()._doc_to_nlp_artifact(doc, language)
        if not doc.has_annotation("LEMMA"):
            artifacts.lemmas = [token.lower_ for token in doc]
        return artifacts
