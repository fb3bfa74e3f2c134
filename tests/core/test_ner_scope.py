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


# --- windowed -------------------------------------------------------------------------

_ORDINARY = {
    "the", "patient", "was", "taken", "to", "operating", "room", "and", "placed", "in",
    "supine", "position", "abdomen", "prepped", "draped", "usual", "sterile", "fashion",
    "a", "midline", "incision", "made", "fascia", "closed", "with", "running", "suture",
    "skin", "staples", "tolerated", "procedure", "well", "by", "seen", "of", "on", "at",
    "is", "for", "follow", "up", "clinic", "next", "week", "general", "hospital", "md",
}


def _windowed(**kw: object) -> NerScope:
    return NerScope("windowed", ordinary_words=_ORDINARY, **kw)  # type: ignore[arg-type]


_OPERATIVE = (
    "The patient was taken to the operating room and placed in the supine position. "
    "The abdomen was prepped and draped in the usual sterile fashion. A midline incision "
    "was made. The fascia was closed with a running suture and the skin with staples. "
    "The patient tolerated the procedure well. "
)


def test_windowed_sends_nothing_for_an_ordinary_paragraph() -> None:
    text = _OPERATIVE * 5
    assert len(text) > 1_000
    assert _windowed().regions(text) == []


def test_windowed_sentence_initial_common_words_are_not_candidates() -> None:
    # "Tolerated" opens a sentence and is common English; mid-sentence it would count
    assert _windowed().regions("Tolerated the procedure well.") == []
    assert _windowed().regions("- Tolerated the procedure well.") == []


def test_windowed_keeps_a_sentence_initial_known_name() -> None:
    text = "Will was seen in clinic."
    assert _windowed().regions(text) == [(0, len(text))]


def test_windowed_window_around_a_mid_paragraph_name() -> None:
    text = _OPERATIVE + "The patient was seen by Okafor on the next week in clinic. " + _OPERATIVE
    regions = _windowed().regions(text)
    assert len(regions) == 1
    start, end = regions[0]
    assert "Okafor" in text[start:end]
    # WINDOW_WORDS (5) words either side, cut at whitespace
    assert len(text[start:end].split()) == 11
    assert start == 0 or text[start - 1] == " "
    assert text[end] == " "
    assert end - start < 150


def test_windowed_window_size_is_tunable() -> None:
    text = " ".join(["the"] * 20 + ["Okafor"] + ["the"] * 20)
    (start, end), = _windowed(window=3).regions(text)
    assert text[start:end] == "the the the Okafor the the the"


def test_windowed_near_windows_merge_and_far_ones_do_not() -> None:
    near = "the the Okafor the the the Szymanski the the"
    assert _windowed(window=1).regions(near) == [(4, 40)]
    far = "Okafor " + "the " * 30 + "Szymanski"
    regions = _windowed(window=1).regions(far)
    assert [far[a:b] for a, b in regions] == ["Okafor the", "the Szymanski"]


def test_windowed_settled_spans_are_not_candidates() -> None:
    text = "seen by Dr. Okafor on the next week"
    assert _windowed().regions(text) == [(0, len(text))]
    assert _windowed().regions(text, settled=[(8, 18)]) == []


def test_windowed_short_acronyms_only_open_names() -> None:
    assert _windowed().regions("the CT was seen by the RLQ") == []
    text = "seen at SF General on the"
    assert _windowed().regions(text) == [(0, len(text))]


def test_windowed_all_caps_headings_are_not_candidates() -> None:
    assert _windowed().regions("OPERATIVE REPORT\nESTIMATED: minimal") == []


def test_windowed_stays_within_the_line() -> None:
    text = "the the the\nseen by Okafor\nthe the the"
    assert _windowed().regions(text) == [(12, 26)]


def test_windowed_caseless_notes_send_lowercase_names() -> None:
    text = "seen by farah siddiqui for follow up.\n" * 3
    regions = _windowed().regions(text)
    assert regions and all("farah siddiqui" in text[a:b] for a, b in regions)


def test_windowed_long_windows_are_still_chunked() -> None:
    text = " ".join(f"Okafor{i % 10}x" for i in range(2_000))
    regions = _windowed(max_chunk=1_000).regions(text)
    assert all(b - a <= 1_000 for a, b in regions)
    assert regions[0][0] == 0 and regions[-1][1] == len(text)


def test_default_scope_is_windowed() -> None:
    from redactphi import RedactorConfig

    assert RedactorConfig.default().ner_scope == "windowed"
    assert NerScope().mode == "windowed"


def test_windowed_field_labels_units_and_lab_shorthand_are_not_candidates() -> None:
    scope = NerScope("windowed", ordinary_words=_ORDINARY | {"spo2"})
    # a field label opening its line or field, a unit after its number, lower-case units
    assert scope.regions("Fax: 555-0100\nDate: see below") == []
    assert scope.regions("placed a 14 Fr drain; MAP 65 mmHg; SpO2 98%") == []
    # a known name before a colon still counts ("Walker: ..."), and so does a label-like
    # word in the middle of a sentence
    assert scope.regions("Walker: seen today") != []
    assert scope.regions("the note from Fax Harbor arrived") != []


def test_a_strong_rule_organisation_settles_its_inner_words_only() -> None:
    from redactphi import Redactor
    from redactphi.testing import FakeNlpEngine

    redactor = Redactor(nlp_engine=FakeNlpEngine())
    scope = redactor._analyzer.ner_scope
    seen: list[list[tuple[int, int]]] = []
    regions = scope.regions

    def capture(text: str, settled=()):  # type: ignore[no-untyped-def]
        seen.append(sorted(settled))
        return regions(text, settled)

    scope.regions = capture  # type: ignore[method-assign]
    text = "Transferred from Saint Olaf Regional Medical Center yesterday."
    redactor.analyze(text)
    org = text.index("Saint")
    inner = (text.index(" ", org), text.index(" Center"))
    assert inner in seen[0]
    # its first and last words stay open, so the NER can still extend the name
    assert not any(a <= org < b for a, b in seen[0])
    assert not any(a <= text.index("Center") < b for a, b in seen[0])
