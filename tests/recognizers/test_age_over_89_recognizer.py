from __future__ import annotations

import pytest
from redactphi_recognizers import AgeOver89Recognizer

from .conftest import spans

REC = AgeOver89Recognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A 92-year-old woman", ["92"]),
        ("92 y/o male", ["92"]),
        ("age: 101", ["101"]),
        ("is 90 years old", ["90"]),
        ("the ninety-two-year-old had said", ["ninety-two"]),  # spelled out
        ("her sister, who is herself 95.", ["95"]),  # a person's age without a unit
    ],
)
def test_ages_over_89(text: str, expected: list[str]) -> None:
    assert [s for s, _ in spans(REC, text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "A 67-year-old man",  # ages up to 89 are not PHI
        "89 y/o female",
        "O2 sat 94% on RA",  # a percentage
        "weighs 95 kg",
        "HR is 95 bpm",  # a rate
        "temperature 101.5 F",  # a temperature, not '101 F' the age
        "she is 95% compliant",  # a percentage
    ],
)
def test_not_ages_over_89(text: str) -> None:
    assert spans(REC, text) == []


def test_an_age_at_death_over_89() -> None:
    from .conftest import spans

    assert [s for s, _ in spans(REC, "father with melanoma, lived to 96; brother")] == ["96"]
    assert spans(REC, "mother died at 72 of a stroke") == []


@pytest.mark.parametrize("text", ["Call for fever above 101 F, black stools", "Tmax 102 F overnight", "temp > 100 F"])
def test_fahrenheit_temperatures_are_no_ages(text: str) -> None:
    assert spans(REC, text) == []


def test_an_abbreviated_age_with_sex_still_counts() -> None:
    assert [s for s, _ in spans(REC, "HPI: 92 F with fall at home")] == ["92"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("FH: mother alive at 94 in a nursing home", ["94"]), ("her paternal grandmother, now 97, had a lumpectomy", ["97"])],
)
def test_relatives_alive_at_and_now_over_89(text: str, expected: list[str]) -> None:
    assert [s for s, _ in spans(REC, text)] == expected


def test_a_birthday_over_89() -> None:
    assert [s for s, _ in spans(REC, "Her husband passed at 91; she turned 93 this spring.")] == ["91", "93"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pt's sister Mildred Sloane, 94, called from her nursing facility", ["94"]),
        ("his older sister, Ruth Bishop Calloway, is 97 and lives in Oregon", ["97"]),
    ],
)
def test_relatives_ages_in_apposition(text: str, expected: list[str]) -> None:
    assert [s for s, _ in spans(REC, text)] == expected


@pytest.mark.parametrize("text", ["Glucose 94, fasting", "SpO2 was 96, then 92 on RA", "weight, 95 kg"])
def test_values_after_commas_are_not_ages(text: str) -> None:
    assert spans(REC, text) == []


def test_age_in_a_pipe_table() -> None:
    assert [t for t, _ in spans(REC, "| DOB | 02/11/1931 | Age | 93 y |")] == ["93"]
    assert spans(REC, "| Age | 45 y | page 93 |") == []
