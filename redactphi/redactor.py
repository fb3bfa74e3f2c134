"""The Redactor: analyze a note for PHI and redact it."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from presidio_analyzer.nlp_engine import NlpEngine
from redactphi_recognizers import build_recognizers

from . import ocr
from .analysis import PhiAnalyzer
from .anonymizer import apply_policy
from .configuration import RedactorConfig
from .errors import ConfigurationError
from .findings import Finding, RedactionResult, Replacement
from .keys import Keyring
from .lexicon import ClinicalLexicon
from .ner_scope import NerScope
from .nlp import ClinicalNlpEngine, load_nlp_engine_config
from .policies import Policy, load_policy
from .reidentification import reidentify
from .resolution import FindingResolver
from .vault import TokenVault

__all__ = ["Redactor"]

_LANGUAGE = "en"


class Redactor:
    """Finds and removes PHI in clinical notes.

    Built once (the spaCy pipeline loads here), then reused; safe to share across threads.

    >>> redactor = Redactor()                                    # doctest: +SKIP
    >>> redactor.redact("Seen 03/14/2024 by Dr. Cook").text      # doctest: +SKIP
    'Seen [DATE] by Dr. [PROVIDER]'
    """

    def __init__(
        self,
        config: RedactorConfig | str | Path | None = None,
        *,
        nlp_engine: NlpEngine | None = None,
        keyring: Keyring | None = None,
        vault: TokenVault | None = None,
    ) -> None:
        if config is None:
            config = RedactorConfig.default()
        elif isinstance(config, (str, Path)):
            config = RedactorConfig.from_yaml(config)
        self.config = config
        if nlp_engine is None:
            nlp_engine = ClinicalNlpEngine.from_config(
                load_nlp_engine_config(config.nlp_engine_path()), model_name=config.model
            )
        if not nlp_engine.is_loaded():
            nlp_engine.load()
        self.nlp_engine = nlp_engine
        lexicon_dir = config.lexicon_path()
        if not lexicon_dir.is_dir():
            raise ConfigurationError(f"clinical lexicon folder {str(lexicon_dir)!r} does not exist")
        self.lexicon = ClinicalLexicon.from_directory(lexicon_dir)
        self._analyzer = PhiAnalyzer(
            build_recognizers(config.recognizers),
            nlp_engine,
            score_threshold=config.score_threshold,
            ner_scope=NerScope(config.ner_scope, ordinary_words=_ordinary_words(self.lexicon)),
            language=_LANGUAGE,
        )
        self._entities = list(self._analyzer.entities)
        self._resolver = FindingResolver(self.lexicon, propagate_names=config.propagate_names)
        self._lock = threading.Lock()
        self.keyring = keyring
        self.vault = vault

    @property
    def supported_entities(self) -> list[str]:
        return list(self._entities)

    def analyze(self, text: str) -> list[Finding]:
        """Findings in `text`, sorted by position and non-overlapping."""
        _check_text(text)
        if not text.strip():
            return []
        text = ocr.normalise(text)  # same length: offsets point into the original
        return self._resolver.resolve(text, self._analyzer.analyze(text))

    def analyze_batch(self, texts: Iterable[str], batch_size: int = 32) -> Iterator[list[Finding]]:
        """Findings for many texts, running the NLP pipeline in batches (`nlp.pipe`)."""
        texts = list(texts) if not isinstance(texts, list) else texts
        for text in texts:
            _check_text(text)
        texts = [ocr.normalise(text) for text in texts]  # same lengths: offsets still hold
        batches = self._analyzer.analyze_batch(texts, batch_size)
        for text, results in zip(texts, batches, strict=True):
            yield self._resolver.resolve(text, results) if text.strip() else []

    def redact(
        self, text: str, policy: str | Policy = "tag", scope: str | None = None
    ) -> RedactionResult:
        """Redacted text, each finding replaced as `policy` says (a preset name from
        `redactphi.policies.PRESETS` or a `Policy`); `scope` (a patient, a batch) keys the
        consistency of surrogates, date shifts, pseudonyms and tokens.

        >>> redactor.redact(note, policy="surrogate", scope="patient-123").text  # doctest: +SKIP
        """
        resolved = load_policy(policy)
        _check_text(text)
        return self.redact_findings(text, self.analyze(text), resolved, scope)

    def redact_findings(
        self,
        text: str,
        findings: Sequence[Finding],
        policy: str | Policy = "tag",
        scope: str | None = None,
    ) -> RedactionResult:
        """Apply a policy to findings computed before (e.g. by `analyze_batch`)."""
        _check_text(text)
        return apply_policy(
            text, findings, load_policy(policy), scope=scope, keyring=self.keyring, vault=self.vault
        )

    def reidentify(self, text: str, scope: str | None = None) -> str:
        """The original text of a vault or encrypt redaction, byte for byte (encrypt tokens
        also need the `scope` they were made with); ReidentificationError when a token is
        altered, truncated, foreign, or its key or vault row is missing."""
        _check_text(text)
        return reidentify(text, keyring=self.keyring, vault=self.vault, scope=scope)


def apply_tags(text: str, findings: list[Finding]) -> RedactionResult:
    """Replace each (non-overlapping, sorted) finding with `[ENTITY_TYPE]`."""
    out: list[str] = []
    replacements: list[Replacement] = []
    cursor = 0
    length = 0
    for f in findings:
        out.append(text[cursor : f.start])
        length += f.start - cursor
        tag = f"[{f.entity_type}]"
        replacements.append(Replacement(f.start, f.end, length, length + len(tag), f.entity_type, "tag"))
        out.append(tag)
        length += len(tag)
        cursor = f.end
    out.append(text[cursor:])
    return RedactionResult("".join(out), tuple(findings), tuple(replacements), policy="tag")


def _ordinary_words(lexicon: ClinicalLexicon) -> frozenset[str]:
    """Capitalised words that alone give the NER nothing to find: stop words, clinical terms."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | frozenset(lexicon.words)


def _check_text(text: object) -> None:
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
