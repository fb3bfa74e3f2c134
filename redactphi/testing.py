"""Test doubles for code that uses RedactPHI: an NLP engine that needs no spaCy model.

    from redactphi import Redactor
    from redactphi.testing import FakeNlpEngine

    redactor = Redactor(nlp_engine=FakeNlpEngine(persons=["Jane Roe"]))

The fake tokenizes with a blank spaCy English pipeline and tags as PERSON exactly the
strings it is given, so policies, operators and services can be tested without loading a
statistical model.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

import spacy
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
from spacy.tokens import Doc, Span

__all__ = ["ADVERSARIAL_INPUTS", "FakeNlpEngine"]


class FakeNlpEngine(SpacyNlpEngine):
    """A model-free NLP engine: blank tokenizer plus fixed entity strings."""

    def __init__(
        self,
        persons: Iterable[str] = (),
        organizations: Iterable[str] = (),
        locations: Iterable[str] = (),
    ) -> None:
        super().__init__(
            models=[{"lang_code": "en", "model_name": "blank:en"}],
            ner_model_configuration=NerModelConfiguration(
                model_to_presidio_entity_mapping={
                    "PERSON": "PERSON",
                    "ORG": "ORGANIZATION",
                    "GPE": "LOCATION",
                },
                labels_to_ignore=[],
            ),
        )
        self._entities = [
            *((p, "PERSON") for p in persons),
            *((o, "ORG") for o in organizations),
            *((loc, "GPE") for loc in locations),
        ]

    def load(self) -> None:
        self.nlp = {"en": spacy.blank("en")}

    def _tag(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        for value, label in self._entities:
            start = doc.text.find(value)
            while start >= 0:
                span = doc.char_span(start, start + len(value), label=label, alignment_mode="expand")
                if span is not None and not any(s.start < span.end and span.start < s.end for s in spans):
                    spans.append(span)
                start = doc.text.find(value, start + 1)
        doc.ents = sorted(spans, key=lambda s: s.start)
        return doc

    def process_text(self, text: str, language: str) -> NlpArtifacts:
        assert self.nlp is not None
        return self._doc_to_nlp_artifact(self._tag(self.nlp[language](text)), language)

    def process_batch(  # type: ignore[override]
        self, texts: Iterable[str], language: str, batch_size: int = 1, **kwargs: Any
    ) -> Iterator[tuple[str, NlpArtifacts]]:
        for text in texts:
            yield text, self.process_text(text, language)

    def _doc_to_nlp_artifact(self, doc: Doc, language: str) -> NlpArtifacts:
        artifacts = super()._doc_to_nlp_artifact(doc, language)
        artifacts.lemmas = [t.lower_ for t in doc]
        return artifacts


# Inputs built to make pattern matching or tokenisation superlinear; each takes a size in
# characters. The adversarial tests and benchmarks/throughput.py feed them at 1x and 10x.
ADVERSARIAL_INPUTS: dict[str, Callable[[int], str]] = {
    "digits on one line": lambda n: ("1234567890" * (n // 10 + 1))[:n],
    "'Dr. ' repeated": lambda n: "Dr. " * (n // 4),
    "'MRN: ' repeated": lambda n: "MRN: " * (n // 5),
    "'MRN #   ' repeated": lambda n: "MRN" + " #   " * (n // 5),
    "dotted letters, rare TLD": lambda n: (("ab." * 90 + "co.") * (n // 273 + 1))[:n],
    "punctuation run": lambda n: ("-.,;:/#()" * (n // 9 + 1))[:n],
    "whitespace run": lambda n: "x" + " \t" * (n // 2) + "\n" * 10 + "y",
    "date-like 1/1/1/...": lambda n: "1/" * (n // 2),
    "date-like 12-12-12-...": lambda n: "12-" * (n // 3),
    "date-like 1.1.1.1...": lambda n: "1." * (n // 2),
    "capitalised words": lambda n: " ".join(
        ["Xavier", "Quill", "Baxter", "Yolanda"] * (n // 28 + 1)
    )[:n],
    "letters and digits, no spaces": lambda n: ("A1b2C3d4" * (n // 8 + 1))[:n],
    "labels without values": lambda n: "SURGEON:\nPATIENT NAME:\nDOB:\n" * (n // 30),
    "names with credentials": lambda n: "Ellen R. Cook, MD; " * (n // 19),
}
