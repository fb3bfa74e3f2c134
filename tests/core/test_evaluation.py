from __future__ import annotations

import json
from pathlib import Path

import pytest

from redactphi import InputError
from redactphi.evaluation import Document, GoldSpan, evaluate, load_corpus


def _predict(spans_by_text: dict[str, list[tuple[int, int]]]):  # type: ignore[no-untyped-def]
    return lambda texts: [spans_by_text[t] for t in texts]


def test_scores_are_label_agnostic_and_character_based() -> None:
    text = "Dr. Ann Lee saw pt on 3/4/2020 for Crohn disease."
    doc = Document(
        "d1",
        text,
        (GoldSpan(4, 11, "PROVIDER"), GoldSpan(22, 30, "DATE"), GoldSpan(0, 2, "OTHER")),
        keep=((35, 48),),
    )
    # finds "Ann" only (partial), the whole date, plus a false positive on "Crohn"
    report = evaluate("c", [doc], _predict({text: [(4, 7), (22, 30), (35, 40)]}))
    assert report.gold_spans == 2
    assert report.found_spans == 1  # the partial name is a miss
    assert report.char_recall == pytest.approx((3 + 8) / (6 + 8))
    assert report.char_precision == pytest.approx((3 + 8) / (3 + 8 + 5))
    assert report.keep_retention == 0.0
    assert report.missed == [{"doc": "d1", "label": "PROVIDER", "text": "Ann Lee"}]
    assert report.label_recall()["DATE"] == (1, 1, 1.0)


def test_other_label_is_not_scored() -> None:
    doc = Document("d", "abc def", (GoldSpan(0, 3, "OTHER"),))
    report = evaluate("c", [doc], _predict({"abc def": [(0, 3)]}))
    assert report.gold_spans == 0
    assert report.predicted_chars == 0


def test_load_corpus_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    good = {"id": "a", "text": "hi Ann", "spans": [{"start": 3, "end": 6, "label": "NAME"}]}
    path.write_text(json.dumps(good) + "\n{not json\n")
    with pytest.raises(InputError, match="c.jsonl, line 2"):
        load_corpus(path)


def test_shared_corpus_format_loads() -> None:
    corpus = Path(__file__).parents[3] / "shared" / "corpora" / "asq_phi_dev.jsonl"
    if not corpus.exists():
        pytest.skip("shared corpora not beside this checkout")
    docs = load_corpus(corpus)
    assert len(docs) == 526
    assert all(0 <= s.start < s.end <= len(d.text) for d in docs for s in d.spans)
