"""The clinical NER training data: variations stay aligned with their annotations."""

from __future__ import annotations

import random

import pytest
import spacy
import train_clinical_ner as tcn


@pytest.fixture(scope="module")
def notes() -> list[tcn.Note]:
    return tcn.read_notes(tcn.TRAIN_FILES)


@pytest.fixture(scope="module")
def variations(notes: list[tcn.Note]) -> list[tuple[tcn.Note, tcn.Note]]:
    variator = tcn.NoteVariator(tcn.Pools.load(notes), random.Random(0))
    return [(note, variator.vary(note, 0)) for note in notes]


def test_training_notes_exclude_the_held_out_set() -> None:
    # notes_c.jsonl is the held-out comparison set: the script must never read it.
    assert [p.name for p in tcn.TRAIN_FILES] == ["notes.jsonl", "notes_b.jsonl"]


def test_keep_spans_survive_variation_unchanged(
    variations: list[tuple[tcn.Note, tcn.Note]],
) -> None:
    # Clinical terms move with the text but keep their words (only their case may change).
    for note, varied in variations:
        for (s, e), (vs, ve) in zip(note.keep, varied.keep, strict=True):
            assert varied.text[vs:ve].lower() == note.text[s:e].lower()


def test_non_name_phi_is_untouched_and_names_are_swapped(
    variations: list[tuple[tcn.Note, tcn.Note]],
) -> None:
    swapped = total = 0
    for note, varied in variations:
        for (s, e, label), (vs, ve, vlabel) in zip(note.spans, varied.spans, strict=True):
            assert vlabel == label
            original, new = note.text[s:e], varied.text[vs:ve]
            assert new.strip() == new and new
            if label in ("DATE", "ID", "PHONE", "EMAIL", "URL", "IP", "AGE"):
                assert new.lower() == original.lower()
            elif label in ("NAME", "PROVIDER"):
                total += 1
                swapped += new.lower() != original.lower()
    # Titles-only or initial-only names can stay; nearly every name must change.
    assert swapped / total > 0.9


def test_gold_doc_marks_phi_and_leaves_base_guesses_missing() -> None:
    nlp = spacy.blank("en")
    text = "Seen by Dr. Ann Lee at Mercy Hospital with a Murphy sign, from Texas."
    note = tcn.Note(
        "t",
        text,
        spans=((8, 19, "PROVIDER"), (23, 37, "ORGANIZATION")),
        keep=((45, 56),),
    )
    base = nlp.make_doc(text)
    murphy = base.char_span(45, 51, label="PERSON")
    texas = base.char_span(63, 68, label="GPE")
    base.ents = [murphy, texas]
    doc = tcn.to_doc(nlp, note, base)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Dr. Ann Lee", "PERSON"),
        ("Mercy Hospital", "ORG"),
    ]
    # The eponym inside a keep span is a negative ("O"); the state is left unannotated.
    assert doc[murphy.start].ent_iob_ == "O"
    assert doc[texas.start].ent_iob_ == ""
