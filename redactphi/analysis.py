"""Running the recognizers over notes: the rules on the whole text, the NER where it can matter.

This does what Presidio's AnalyzerEngine.analyze does for RedactPHI's registry (run each
recognizer, boost scores with context words, apply the threshold, drop contained
duplicates) without its per-call costs: no recognizer lookup per call, no deep copy of
the results, no whole-note lemma and keyword lists (its context search scans them once
per result, quadratic on long notes). Context words are looked up in a bounded window
before each result instead, with Presidio's own matching rules.

The statistical NER reads only the regions `NerScope` chooses, for a whole batch of notes
in one `nlp.pipe` call, and its spans are shifted back to note offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import spacy
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts, NlpEngine
from presidio_analyzer.predefined_recognizers import SpacyRecognizer
from spacy.tokenizer import Tokenizer

from redactphi_recognizers.registry import LINE_TRIGGER

from .ner_scope import NerScope

__all__ = ["PhiAnalyzer"]

_ID = RecognizerResult.RECOGNIZER_IDENTIFIER_KEY
_NAME = RecognizerResult.RECOGNIZER_NAME_KEY
_ENHANCED = RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY
# How far back (characters) context words are looked for. Presidio takes the five
# nearest keywords however far; a cue further away than this says nothing about a value.
CONTEXT_WINDOW = 300
_WHITESPACE = re.compile(r"\s")
_RUN = 100
# A rule finding of a type the NER also proposes settles its words only when this strong
# (a headed institution, a cued full name): weaker guesses stay open for the NER to extend.
SETTLING_SCORE = 0.85
_LONG_RUN = re.compile(rf"\S{{{2 * _RUN},}}")


class ContextBooster:
    """Presidio's lemma context enhancement, reading only a window before each result."""

    def __init__(
        self, tokenizer: Tokenizer, enhancer: LemmaContextAwareEnhancer | None = None
    ) -> None:
        self.tokenizer = tokenizer
        self.enhancer = enhancer or LemmaContextAwareEnhancer()

    def boost(
        self, text: str, results: Sequence[RecognizerResult], context: dict[str, list[str]]
    ) -> None:
        """Raise the score of each result with a context word of its recognizer before it."""
        for result in results:
            meta = result.recognition_metadata
            words = context.get(meta.get(_ID, ""))
            if not words or meta.get(_ENHANCED):
                continue
            found = self.enhancer._find_supportive_word_in_context(
                self._words_before(text, result.start),
                words,
                self.enhancer.context_matching_mode,
            )
            if not found:
                continue
            score = max(
                result.score + self.enhancer.context_similarity_factor,
                self.enhancer.min_score_with_context_similarity,
            )
            result.score = min(score, EntityRecognizer.MAX_SCORE)
            if result.analysis_explanation is not None:
                result.analysis_explanation.set_supportive_context_word(found)
                result.analysis_explanation.set_improved_score(result.score)

    def _words_before(self, text: str, start: int) -> list[str]:
        low = max(0, start - CONTEXT_WINDOW)
        if low:
            space = _WHITESPACE.search(text, low, start)
            low = space.end() if space else low
        space = _WHITESPACE.search(text, start, start + CONTEXT_WINDOW)
        high = space.start() if space else min(len(text), start + CONTEXT_WINDOW)
        doc = self.tokenizer(text[low:high])
        offset = start - low
        index = len(doc) - 1
        for token in doc:
            if token.idx == offset or offset < token.idx + len(token.text):
                index = token.i
                break
        # Presidio collects prefix_count + 1 keywords: the match's own token may carry one.
        wanted = self.enhancer.context_prefix_count + 1
        words: list[str] = []
        for token in reversed(doc[: index + 1]):
            lemma = token.lower_
            if token.is_stop or token.is_punct or lemma in ("be", "-pron-") or ":" in lemma:
                continue
            words.append(lemma)
            if len(words) == wanted:
                break
        return list(set(words))


class PhiAnalyzer:
    """Runs RedactPHI's recognizers over notes, one at a time or in batches."""

    def __init__(
        self,
        recognizers: Sequence[EntityRecognizer],
        nlp_engine: NlpEngine,
        *,
        score_threshold: float,
        ner_scope: NerScope,
        language: str = "en",
    ) -> None:
        self.language = language
        self.nlp_engine = nlp_engine
        self.score_threshold = score_threshold
        self.ner_scope = ner_scope
        self.entities = sorted({e for r in recognizers for e in r.supported_entities})
        for recognizer in recognizers:
            if not recognizer.is_loaded:
                recognizer.load()
                recognizer.is_loaded = True
        self._ner = [r for r in recognizers if isinstance(r, SpacyRecognizer)]
        self._ner_names = frozenset(r.name for r in self._ner)
        self._rules = [r for r in recognizers if not isinstance(r, SpacyRecognizer)]
        self._context = {r.id: list(r.context) for r in recognizers if r.context}
        self._triggers = {
            r.id: trigger
            for r in self._rules
            if (trigger := getattr(r, LINE_TRIGGER, None)) is not None
        }
        # Presidio's per-recognizer hook does nothing unless a recognizer overrides it.
        self._custom_context = [
            r
            for r in recognizers
            if type(r).enhance_using_context is not EntityRecognizer.enhance_using_context
        ]
        self._booster = ContextBooster(_tokenizer_of(nlp_engine, language))

    def analyze(self, text: str) -> list[RecognizerResult]:
        """Raw recognizer results for one note: above the threshold, duplicates removed."""
        return next(self.analyze_batch([text]))

    def analyze_batch(
        self, texts: Sequence[str], batch_size: int = 32
    ) -> Iterator[list[RecognizerResult]]:
        """Results for each text, in order; the NER runs once per batch of `batch_size` notes."""
        size = max(1, batch_size)
        for first in range(0, len(texts), size):
            batch = texts[first : first + size]
            rules = [self._run_rules(text) for text in batch]
            ner = self._run_ner(batch, rules, size)
            for text, rule_results, ner_results in zip(batch, rules, ner, strict=True):
                yield self._finish(text, rule_results + ner_results)

    def _run_rules(self, text: str) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        if not text.strip():
            return results
        for recognizer in self._rules:
            trigger = self._triggers.get(recognizer.id)
            if trigger is None:
                found = self._apply(recognizer, text)
            else:
                found = []
                for start, end in _trigger_lines(text, trigger):
                    part = self._apply(recognizer, text[start:end])
                    for result in part:
                        result.start += start
                        result.end += start
                    found.extend(part)
            if found:
                _stamp(found, recognizer)
                results.extend(found)
        return results

    def _apply(self, recognizer: EntityRecognizer, text: str) -> list[RecognizerResult]:
        # Rule recognizers read only the text; Presidio types the argument as required.
        return recognizer.analyze(
            text=text,
            entities=self.entities,
            nlp_artifacts=None,  # type: ignore[arg-type]
        )

    def _run_ner(
        self, batch: Sequence[str], rules: Sequence[list[RecognizerResult]], batch_size: int
    ) -> list[list[RecognizerResult]]:
        out: list[list[RecognizerResult]] = [[] for _ in batch]
        if not self._ner:
            return out
        pieces: list[tuple[int, int]] = []  # (note index, region start)
        segments: list[str] = []
        # A rule finding of a type the NER proposes itself (a guessed first name, a partial
        # organisation) is not settled: the NER may extend or retype it ("MD Anderson").
        # A strong one settles its inner words; the windows of its first and last words let
        # the NER extend it ("Summit Dermatology & Allergy", "Hollister Freight Lines").
        ner_types = {e for recognizer in self._ner for e in recognizer.supported_entities}
        for i, (text, found) in enumerate(zip(batch, rules, strict=True)):
            settled = []
            for r in found:
                if r.score < self.score_threshold:
                    continue
                if r.entity_type not in ner_types:
                    settled.append((r.start, r.end))
                elif r.score >= SETTLING_SCORE:
                    first_end = text.find(" ", r.start, r.end)
                    last_start = text.rfind(" ", r.start, r.end)
                    if 0 <= first_end < last_start:
                        settled.append((first_end, last_start))
            for start, end in self.ner_scope.regions(text, settled):
                pieces.append((i, start))
                segments.append(_breathable(text[start:end]))
        if not segments:
            return out
        for (i, offset), segment, artifacts in zip(
            pieces, segments, self._ner_artifacts(segments, batch_size), strict=True
        ):
            for recognizer in self._ner:
                found = recognizer.analyze(
                    text=segment, entities=self.entities, nlp_artifacts=artifacts
                )
                if not found:
                    continue
                _stamp(found, recognizer)
                for result in found:
                    result.start += offset
                    result.end += offset
                out[i].extend(found)
        return out

    def _ner_artifacts(self, segments: list[str], batch_size: int) -> Iterator[NlpArtifacts]:
        entities_batch = getattr(self.nlp_engine, "entities_batch", None)
        if entities_batch is not None:
            yield from entities_batch(segments, self.language, batch_size=batch_size)
            return
        for _, artifacts in self.nlp_engine.process_batch(
            segments, self.language, batch_size=batch_size
        ):
            yield artifacts

    def _finish(self, text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
        if not results:
            return results
        for recognizer in self._custom_context:
            own = [r for r in results if r.recognition_metadata[_ID] == recognizer.id]
            others = [r for r in results if r.recognition_metadata[_ID] != recognizer.id]
            results = others + recognizer.enhance_using_context(
                text,
                own,
                others,
                None,  # type: ignore[arg-type]
            )
        self._booster.boost(text, results, self._context)
        kept = [r for r in results if r.score >= self.score_threshold]
        # The same span from a rule and from the statistical NER: the rule's finding (its
        # cue, its reason, its type) is kept, whatever the two scores.
        ruled = {(r.start, r.end) for r in kept if r.recognition_metadata[_NAME] not in self._ner_names}
        kept = [r for r in kept if r.recognition_metadata[_NAME] not in self._ner_names or (r.start, r.end) not in ruled]
        # Rule and NER findings are deduplicated apart: a rule finding inside a wider NER span
        # ("MVRS" in "MVRS Mon/Wed/Fri 9-12") must survive the resolver dropping that span.
        rules = [r for r in kept if r.recognition_metadata[_NAME] not in self._ner_names]
        ner = [r for r in kept if r.recognition_metadata[_NAME] in self._ner_names]
        return EntityRecognizer.remove_duplicates(rules) + EntityRecognizer.remove_duplicates(ner)


def _trigger_lines(text: str, trigger: re.Pattern[str]) -> list[tuple[int, int]]:
    """(start, end) of the runs of consecutive lines of `text` holding a `trigger` match."""
    blocks: list[tuple[int, int]] = []
    pos = 0
    while pos <= len(text) and (m := trigger.search(text, pos)) is not None:
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        if blocks and start <= blocks[-1][1] + 1:
            blocks[-1] = (blocks[-1][0], end)
        else:
            blocks.append((start, end))
        pos = end + 1
    return blocks


def _breathable(segment: str) -> str:
    """The segment with a space every `_RUN` characters of any longer whitespace-free run.

    spaCy's tokenizer strips prefixes and suffixes off a token one copy at a time, which is
    quadratic in the token's length: 20 KB of "-.,;:/#()" took seconds. No name lives in
    such a run; the length is kept so entity offsets still point into the note.
    """
    if not _LONG_RUN.search(segment):
        return segment
    return _LONG_RUN.sub(
        lambda m: " ".join(
            m.group()[i + (i > 0) : i + _RUN] for i in range(0, len(m.group()), _RUN)
        ),
        segment,
    )


def _stamp(results: list[RecognizerResult], recognizer: EntityRecognizer) -> None:
    for result in results:
        meta = result.recognition_metadata
        if meta is None:
            meta = result.recognition_metadata = {}
        meta.setdefault(_ID, recognizer.id)
        meta.setdefault(_NAME, getattr(recognizer, "name", type(recognizer).__name__))


def _tokenizer_of(nlp_engine: NlpEngine, language: str) -> Tokenizer:
    """The engine's own tokenizer when it has one, so context words split the same way."""
    nlp = getattr(nlp_engine, "nlp", None)
    if isinstance(nlp, dict) and language in nlp:
        tokenizer: Tokenizer = nlp[language].tokenizer
        return tokenizer
    blank: Tokenizer = spacy.blank(language).tokenizer
    return blank
