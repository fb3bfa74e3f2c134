"""The spaCy NLP engine, loaded offline with only the components the recognizers read."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import spacy
import yaml
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
from spacy.tokens import Doc
from thinc.api import Config

from .errors import ConfigurationError, ModelNotInstalledError

__all__ = ["ClinicalNlpEngine", "load_nlp_engine_config"]

# Components that others listen to for their token vectors.
_EMBEDDERS = frozenset({"tok2vec", "transformer", "curated_transformer"})


def _pipeline_config(name: str) -> Config | None:
    """The pipeline's config.cfg, read without loading any weights (None if not found)."""
    path = Path(name)
    if not path.exists():
        try:
            package = spacy.util.get_package_path(name)
        except (ImportError, ModuleNotFoundError):
            return None
        path = next((c.parent for c in package.glob("*/config.cfg")), package)
    config_file = path / "config.cfg"
    if not config_file.is_file():
        return None
    return spacy.util.load_config(config_file)


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
        config = _pipeline_config(name)
        if config is not None:
            return self._load_kept(name, config)
        return self._load_and_trim(name)

    def _load_kept(self, name: str, config: Config) -> spacy.language.Language:
        """Load only the kept components (and what they listen to): no weights read for the rest."""
        assert self.keep_components is not None
        names = list(config["nlp"]["pipeline"])
        missing = [c for c in self.keep_components if c not in names]
        if missing:
            raise ConfigurationError(
                f"spaCy pipeline {name!r} has no component(s) {missing}; it has {names}"
            )
        keep = set(self.keep_components)
        components = config["components"]
        for kept in list(keep):
            tok2vec = components.get(kept, {}).get("model", {}).get("tok2vec", {})
            if "Listener" in str(tok2vec.get("@architectures", "")):
                upstream = str(tok2vec.get("upstream", "*"))
                keep.update(
                    c
                    for c in names
                    if c == upstream
                    or upstream == "*" and components[c].get("factory") in _EMBEDDERS
                )
        return spacy.load(name, exclude=[c for c in names if c not in keep])

    def _load_and_trim(self, name: str) -> spacy.language.Language:
        assert self.keep_components is not None
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

    def entities_batch(
        self, texts: Sequence[str], language: str, batch_size: int = 32
    ) -> Iterator[NlpArtifacts]:
        """Entity-only artifacts for each text: what the NER recognizer reads, nothing more.

        Presidio's artifacts also carry lemmas and keywords, built token by token in Python;
        the analyzer finds context words itself, so the NER pass skips that work.
        """
        assert self.nlp is not None
        for doc in self.nlp[language].pipe(texts, batch_size=batch_size):
            entities = self._get_entities(doc)
            scores = self._get_scores_for_entities(doc)
            entities, scores = self._get_updated_entities(entities, scores)
            yield NlpArtifacts(
                entities=entities,
                tokens=doc,
                tokens_indices=[],
                lemmas=[],
                nlp_engine=None,
                language=language,
                scores=scores,
            )

    def _doc_to_nlp_artifact(self, doc: Doc, language: str) -> NlpArtifacts:
        artifacts = super()._doc_to_nlp_artifact(doc, language)
        if not doc.has_annotation("LEMMA"):
            artifacts.lemmas = [token.lower_ for token in doc]
        return artifacts
