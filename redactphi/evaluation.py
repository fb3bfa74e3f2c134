"""Detection scores over annotated corpora (the JSONL format of shared/corpora/README.md).

Scores are label-agnostic and counted over non-whitespace characters:

- span recall: a gold span is found when every alphanumeric character in it is covered;
- character recall and character precision (predicted characters that are gold PHI);
- keep retention: "keep" spans (clinical text) with no predicted character in them;
- per-label span recall; throughput in characters per CPU-second (after load).

Gold spans labelled OTHER are not scored: neither missed nor counted as precise.
"""

from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError

__all__ = ["Document", "EvaluationReport", "GoldSpan", "evaluate", "load_corpus"]

LABELS = ("NAME", "PROVIDER", "DATE", "AGE", "ID", "PHONE", "EMAIL", "URL", "IP", "LOCATION", "ORGANIZATION", "OTHER")


@dataclass(frozen=True, slots=True)
class GoldSpan:
    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    text: str
    spans: tuple[GoldSpan, ...]
    keep: tuple[tuple[int, int], ...] = ()


def load_corpus(path: str | Path) -> list[Document]:
    """Read a JSONL corpus; a malformed line is an InputError naming the file and line."""
    docs = []
    name = Path(path).name
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
                text = raw["text"]
                spans = tuple(
                    GoldSpan(int(s["start"]), int(s["end"]), str(s["label"])) for s in raw.get("spans", [])
                )
                keep = tuple((int(k["start"]), int(k["end"])) for k in raw.get("keep", []))
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                raise InputError(f"{name}, line {number}: not a corpus record ({type(exc).__name__})") from None
            for s in spans:
                if not 0 <= s.start < s.end <= len(text) or s.label not in LABELS:
                    raise InputError(f"{name}, line {number}: bad span {s.start}-{s.end} {s.label!r}")
            docs.append(Document(str(raw.get("id", f"{name}:{number}")), text, spans, keep))
    return docs


@dataclass
class EvaluationReport:
    corpus: str
    documents: int = 0
    characters: int = 0
    gold_spans: int = 0
    found_spans: int = 0
    gold_chars: int = 0
    covered_gold_chars: int = 0
    predicted_chars: int = 0
    true_predicted_chars: int = 0
    keep_spans: int = 0
    kept_spans: int = 0
    cpu_seconds: float = 0.0
    per_label: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    missed: list[dict[str, Any]] = field(default_factory=list)
    false_positives: list[dict[str, Any]] = field(default_factory=list)
    keep_lost: list[dict[str, Any]] = field(default_factory=list)

    @property
    def span_recall(self) -> float:
        return _ratio(self.found_spans, self.gold_spans)

    @property
    def char_recall(self) -> float:
        return _ratio(self.covered_gold_chars, self.gold_chars)

    @property
    def char_precision(self) -> float:
        return _ratio(self.true_predicted_chars, self.predicted_chars)

    @property
    def keep_retention(self) -> float | None:
        return _ratio(self.kept_spans, self.keep_spans) if self.keep_spans else None

    @property
    def throughput(self) -> float:
        return self.characters / self.cpu_seconds if self.cpu_seconds else 0.0

    def label_recall(self) -> dict[str, tuple[int, int, float]]:
        return {
            label: (found, total, _ratio(found, total))
            for label, (found, total) in sorted(self.per_label.items())
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "corpus": self.corpus,
            "documents": self.documents,
            "characters": self.characters,
            "gold_spans": self.gold_spans,
            "span_recall": self.span_recall,
            "char_recall": self.char_recall,
            "char_precision": self.char_precision,
            "keep_spans": self.keep_spans,
            "keep_retention": self.keep_retention,
            "chars_per_cpu_second": round(self.throughput),
            "per_label": {k: {"found": f, "total": t, "recall": r} for k, (f, t, r) in self.label_recall().items()},
            "missed": self.missed,
            "false_positives": self.false_positives,
            "keep_lost": self.keep_lost,
        }


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


Predictor = Callable[[Sequence[str]], Iterable[Sequence[tuple[int, int]]]]


def evaluate(corpus: str, documents: Sequence[Document], predict: Predictor) -> EvaluationReport:
    """Score `predict` (texts -> predicted (start, end) spans per text) on `documents`."""
    report = EvaluationReport(corpus=corpus)
    texts = [d.text for d in documents]
    started = time.process_time()
    predictions = [list(p) for p in predict(texts)]
    report.cpu_seconds = time.process_time() - started
    for doc, predicted in zip(documents, predictions, strict=True):
        _score_document(report, doc, predicted)
    return report


def _score_document(report: EvaluationReport, doc: Document, predicted: Sequence[tuple[int, int]]) -> None:
    text = doc.text
    report.documents += 1
    report.characters += len(text)
    covered = bytearray(len(text))
    for start, end in predicted:
        covered[start:end] = b"\x01" * (end - start)
    gold = bytearray(len(text))  # 1 = scored PHI, 2 = OTHER (not scored)
    for span in doc.spans:
        mark = 2 if span.label == "OTHER" else 1
        for i in range(span.start, span.end):
            if gold[i] != 1:
                gold[i] = mark
    for span in doc.spans:
        if span.label == "OTHER":
            continue
        report.gold_spans += 1
        counts = report.per_label[span.label]
        counts[1] += 1
        alnum = [i for i in range(span.start, span.end) if text[i].isalnum()]
        if all(covered[i] for i in alnum):
            report.found_spans += 1
            counts[0] += 1
        else:
            report.missed.append({"doc": doc.id, "label": span.label, "text": text[span.start : span.end]})
    for i, ch in enumerate(text):
        if ch.isspace():
            continue
        if gold[i] == 1:
            report.gold_chars += 1
            if covered[i]:
                report.covered_gold_chars += 1
        if covered[i] and gold[i] != 2:
            report.predicted_chars += 1
            if gold[i] == 1:
                report.true_predicted_chars += 1
    for start, end in predicted:
        if not any(gold[i] for i in range(start, end)):
            report.false_positives.append({"doc": doc.id, "text": text[start:end]})
    for start, end in doc.keep:
        report.keep_spans += 1
        if any(covered[start:end]):
            report.keep_lost.append({"doc": doc.id, "text": text[start:end]})
        else:
            report.kept_spans += 1


def format_table(reports: Sequence[tuple[str, EvaluationReport]]) -> str:
    """A plain-text table: one row per (engine, corpus)."""
    header = f"{'engine':<10} {'corpus':<28} {'docs':>5} {'spans':>6} {'span rec':>8} {'char rec':>8} {'char prec':>9} {'keep':>7} {'chars/cpu-s':>11}"
    lines = [header, "-" * len(header)]
    for engine, r in reports:
        keep = f"{r.keep_retention:.2%}" if r.keep_retention is not None else "-"
        lines.append(
            f"{engine:<10} {r.corpus[:28]:<28} {r.documents:>5} {r.gold_spans:>6} {r.span_recall:>8.2%} "
            f"{r.char_recall:>8.2%} {r.char_precision:>9.2%} {keep:>7} {r.throughput:>11,.0f}"
        )
    lines.append("")
    lines.append("per-label span recall (found/total)")
    for engine, r in reports:
        cells = ", ".join(f"{k} {f}/{t} {rec:.1%}" for k, (f, t, rec) in r.label_recall().items())
        lines.append(f"  {engine} {r.corpus}: {cells}")
    return "\n".join(lines)


def label_counts(documents: Iterable[Document]) -> Counter[str]:
    return Counter(s.label for d in documents for s in d.spans)
