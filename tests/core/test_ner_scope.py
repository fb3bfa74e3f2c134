from __future__ import annotations

import pytest

from redactphi.ner_scope import NerScope


def test_full_scope_is_the_whole_note() -> None:
    assert NerScope("full").regions("Seen by Dr. Cook.\nBP 120/80") == [(0, 27)]


def test_blank_notes_need_no_ner() -> None:
    assert NerScope("full").regions(" \n\t") == []
    assert NerScope("selective").regions("") == []


def test_long_notes_are_cut_on_line_breaks() -> None:
    text = ("word " * 19 + "\n") * 100  # 10,000 characters
    regions = NerScope("full", max_chunk=1_000).regions(text)
    assert regions[0][0] == 0 and regions[-1][1] == len(text)
    assert all(b - a <= 1_000 for a, b in regions)
    assert all(text[b - 1] == "\n" for a, b in regions[:-1])  # cut after a line break
    assert all(x[1] == y[0] for x, y in zip(regions, regions[1:], strict=False))  # nothing left out


def test_a_line_without_spaces_is_cut_hard() -> None:
    regions = NerScope("full", max_chunk=1_000).regions("7" * 2_500)
    assert regions == [(0, 1_000), (1_000, 2_000), (2_000, 2_500)]


def test_selective_skips_lines_the_rules_settled() -> None:
    scope = NerScope("selective", ordinary_words={"the", "mrn", "bp"})
    text = "MRN: 4829137\nBP 132/84\nthe patient saw Walker\nThe"
    # line 3 has words outside the ordinary set; lines 1, 2 and 4 do not
    assert scope.regions(text) == [(23, 45)]
    # a word inside a rule finding is settled
    assert scope.regions(text, settled=[(23, 45)]) == []


def test_selective_keeps_lowercase_names() -> None:
    scope = NerScope("selective", ordinary_words={"seen", "by"})
    assert scope.regions("seen by farah siddiqui") == [(0, 22)]


def test_unknown_scope_is_refused() -> None:
    with pytest.raises(ValueError, match="ner_scope must be one of"):
        NerScope("partial")
