"""Recognizers gated by a line trigger find exactly what they find on the whole text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from redactphi.analysis import _trigger_lines
from redactphi_recognizers.registry import LINE_TRIGGER, build_recognizers

SAMPLES = Path(__file__).resolve().parents[2] / "samples"

CRAFTED = "\n".join(
    [
        "Daughter in London: +44 20 7946 0958; son in Berlin 030/1234567 or (030) 1234-567.",
        "Mumbai clinic +91 98765 43210, office 022 2345 6789.",
        "US 617.555.0142 and 617 555 0143; fax (617) 555-0144 ext 12.",
        "Seen 03/14/2024 10:22; BP 132/84; 01/2023-05/2023 no benefit.",
        "Email a.roe@example.org; portal https://mychart.example.org/login?id=77",
        "Host www.example.com, bare example.test/path, IPs 192.0.2.17 and 2001:db8::ff00:42:8329",
        "Loopback ::1 and fe80::1ff:fe23:4567:890a%eth0.",
        "",
        "Passport 912345678, DEA AB1234563, card 4111 1111 1111 1111, SSN 987-65-4320, ITIN 912-70-1234.",
        "No identifiers on this line: Foley catheter, 4-0 Prolene.",
    ]
)


def _texts() -> list[str]:
    texts = [CRAFTED]
    for name in ("notes.jsonl", "notes_b.jsonl", "notes_c.jsonl"):
        with open(SAMPLES / name, encoding="utf-8") as fh:
            texts.extend(json.loads(line)["text"] for line in fh)
    return texts


def test_trigger_lines_merge_consecutive_lines() -> None:
    text = "a 1\nb\nc 2\nd 3\ne"
    assert _trigger_lines(text, re.compile(r"\d")) == [(0, 3), (6, 13)]
    assert _trigger_lines("no digits", re.compile(r"\d")) == []
    assert _trigger_lines("x 1", re.compile(r"\d")) == [(0, 3)]


_DATE_RANGE = re.compile(r"\d/(?:19|20)\d\d")


def test_a_date_range_is_no_longer_sent_to_the_phone_matcher() -> None:
    (phone,) = build_recognizers(["PhoneRecognizer"])
    line = "Tried it 01/2023-05/2023, no benefit."
    assert phone.analyze(line, ["PHONE_NUMBER"], None)  # what the gate spares us
    assert _trigger_lines(line, getattr(phone, LINE_TRIGGER)) == []


# The spoken-identifier recognizer is scoped on purpose (to lines without capitals), and so
# is libphonenumber (to lines with international or trunk prefixes: North American numbers
# are PhoneNumberRecognizer's); the others' triggers only save work and must not change
# what they find.
SCOPED = {"SpokenIdentifierRecognizer", "PhoneRecognizer"}
GATED = [
    r
    for r in build_recognizers()
    if getattr(r, LINE_TRIGGER, None) is not None and r.name not in SCOPED
]


def test_the_costly_generic_recognizers_are_gated() -> None:
    assert {r.name for r in GATED} >= {"OfflineEmailRecognizer"}
    assert all(getattr(r, LINE_TRIGGER, None) is not None for r in build_recognizers(["PhoneRecognizer"]))


@pytest.mark.parametrize("recognizer", GATED, ids=lambda r: r.name)
def test_the_triggers_find_something_to_gate(recognizer) -> None:
    assert _trigger_lines(CRAFTED, getattr(recognizer, LINE_TRIGGER))


def test_gated_findings_equal_whole_text_findings(redactor) -> None:
    """Same findings with and without the gates on the samples and the crafted note.

    The one expected change: libphonenumber read "01/2023-05/2023" as a phone number,
    which resolution made one date; now its two dates are found separately.
    """
    analyzer = redactor._analyzer
    texts = _texts()
    gated = [redactor.analyze(text) for text in texts]
    triggers = analyzer._triggers
    analyzer._triggers = {k: v for k, v in triggers.items() if k.split("_")[0] in SCOPED}
    try:
        whole = [redactor.analyze(text) for text in texts]
    finally:
        analyzer._triggers = triggers
    differing = [
        i for i, (a, b) in enumerate(zip(gated, whole, strict=True)) if _spans(a) != _spans(b)
    ]
    for i in differing:
        extra = _spans(gated[i]) ^ _spans(whole[i])
        assert all(_DATE_RANGE.search(texts[i][s - 3 : e + 5]) for s, e, _ in extra), extra
    ranges = {i for i, text in enumerate(texts) if re.search(r"\d/(?:19|20)\d\d-\d", text)}
    assert 0 in ranges  # the crafted note has one
    assert set(differing) <= ranges


def _spans(findings) -> set[tuple[int, int, str]]:
    return {(f.start, f.end, f.entity_type) for f in findings}


def test_spoken_identifiers_are_read_only_on_lines_without_capitals(redactor) -> None:
    dictated = "mrn two two four nine one zero six date of birth april third nineteen seventy two"
    typed = "Neutropenia on the second. MRN two two four nine one zero six."
    found = {f.entity_type for f in redactor.analyze(dictated)}
    assert {"ID", "DATE"} <= found
    assert not any(f.reason.startswith(("digits in words", "spoken")) for f in redactor.analyze(typed))


def test_libphonenumber_reads_international_lines_and_us_numbers_stay_found(redactor) -> None:
    (phone,) = build_recognizers(["PhoneRecognizer"])
    trigger = getattr(phone, LINE_TRIGGER)
    for line in ("Daughter in London: +44 20 7946 0958", "son in Berlin 030/1234567 or (030) 1234-567",
                 "office 022 2345 6789"):
        assert _trigger_lines(line, trigger), line
    us = "Cell 617.555.0142 and home 617 555 0143; fax (617) 555-0144 ext 12."
    assert _trigger_lines(us, trigger) == []
    found = [us[f.start : f.end] for f in redactor.analyze(us) if f.entity_type == "PHONE_NUMBER"]
    assert found == ["617.555.0142", "617 555 0143", "(617) 555-0144 ext 12"]
