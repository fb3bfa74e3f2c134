from __future__ import annotations

import pytest
from redactphi_recognizers import SpokenIdentifierRecognizer

from .conftest import spans

REC = SpokenIdentifierRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "medical record number two two four nine one zero six date of service",
            [("two two four nine one zero six", "ID")],
        ),
        (
            "can be called at nine one zero five five five zero one four eight if",
            [("nine one zero five five five zero one four eight", "ID")],
        ),
        (
            "his license number is n c zero four four eight one nine two period",
            [("n c zero four four eight one nine two", "ID")],
        ),
        (
            "date of birth april seventeenth nineteen seventy two medical",
            [("april seventeenth nineteen seventy two", "DATE")],
        ),
        ("date of service november eighth twenty twenty four period", [("november eighth twenty twenty four", "DATE")]),
        (
            "on patient demetrius grant that's d e m e t r i u s grant date",
            [("d e m e t r i u s grant", "PERSON"), ("demetrius grant", "PERSON")],
        ),
        ("history of present illness mister grant is a fifty two", [("mister grant", "PERSON")]),
    ],
)
def test_spoken_identifiers(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(REC, text) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "misses the evening dose maybe two or three times a week",
        "sugars run one fifty to two twenty fasting",
        "weight two sixty one pounds b m i thirty six point four",
        "she said that's a b c for the airway",  # letters that spell no name before them
        "Sodium 138, potassium 4.1, on day two of five.",
    ],
)
def test_counts_and_values_are_not_identifiers(text: str) -> None:
    assert spans(REC, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("medical record number b h 4 4 0 9 1 7, date", [("b h 4 4 0 9 1 7", "ID")]),
        ("claim number w c 2 3 dash 1 1 8 0 4 7.", [("w c 2 3 dash 1 1 8 0 4 7", "ID")]),
        ("end of dictation. ellen r cook m d.", [("ellen r cook", "PROVIDER")]),
        ("his supervisor mister dale savage has called", [("mister dale savage", "PERSON")]),
    ],
)
def test_characters_read_out_and_spoken_credentials(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(REC, text) == expected


@pytest.mark.parametrize("text", ["grade 2 3 4 lesions", "signed by m d", "levels 1 2 and 3"])
def test_short_digit_lists_and_bare_credentials_are_not_identifiers(text: str) -> None:
    assert spans(REC, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("patient name dmitri volkov-king medical record number 4471", [("dmitri volkov-king", "PERSON")]),
        ("patient identified with his fiance tessa green at bedside", [("tessa green", "PERSON")]),
        ("ex fix on the twenty sixth at northeast", [("the twenty sixth", "DATE")]),
        (
            "\nas slash mh d three slash eight slash twenty five job",
            [("as", "PROVIDER"), ("mh", "PROVIDER"), ("three slash eight slash twenty five", "DATE")],
        ),
        ("hi dr okafor. its becky, i had my gallbladder out", [("becky", "PERSON")]),
        ("thanks so much\nbecky\nsent from my iphone", [("becky", "PERSON")]),
    ],
)
def test_dictated_labels_relations_days_and_portal_signatures(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(REC, text) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    ["on the second floor", "on the first attempt", "its fine, thanks", "her son james was", "thanks\nok\n"],
)
def test_ordinals_ordinary_words_and_unknown_first_names_stay(text: str) -> None:
    assert spans(REC, text) == []


def test_a_dash_signature_line_anywhere_in_a_message() -> None:
    text = "email the note to my manager\n- becky\np.s. my new cell is below"
    assert spans(REC, text) == [("becky", "PERSON")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("this is dr. cook dictating a follow up visit on manuel fernandez-ruiz, date of birth june 3rd 1978",
         "manuel fernandez-ruiz"),
        ("dictating an operative report on vang, yer, medical record number FBC 229184", "vang, yer"),
        ("for patient wendell p okonkwo last name spelled o k o n k w o", "wendell p okonkwo"),
        ("he has been doing therapy with kara banks at bay state hand therapy twice a week", "kara banks"),
    ],
)
def test_lower_case_names_before_birth_dates_and_after_with(text: str, expected: str) -> None:
    assert expected in [s for s, _ in spans(REC, text)]


@pytest.mark.parametrize(
    "text",
    ["pain on his right side, date of birth unknown", "she came in with will power and hope", "went to mark the site"],
)
def test_lower_case_phrases_that_are_not_names(text: str) -> None:
    assert [s for s, t in spans(REC, text) if t == "PERSON"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fell off a ladder on february twenty sixth at a job site in cedar falls. he underwent", "cedar falls"),
        ("workers comp claim number wc 2025 003318 carrier hawkeye mutual", "wc 2025 003318"),
        ("implants lateral plate serial number sn 7730 1942 88 lot 41b2207", "sn 7730 1942 88"),
    ],
)
def test_lower_case_towns_and_grouped_numbers_after_labels(text: str, expected: str) -> None:
    assert expected in [s for s, _ in spans(REC, text)]


@pytest.mark.parametrize("text", ["he was in time for the visit.", "back to work and school, comma"])
def test_lower_case_words_after_in_are_not_towns(text: str) -> None:
    assert [s for s, t in spans(REC, text) if t == "LOCATION"] == []
