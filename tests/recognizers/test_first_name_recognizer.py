from __future__ import annotations

import pytest
from redactphi_recognizers import FirstNameRecognizer

from .conftest import spans

REC = FirstNameRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("As promised, here's Marisol's address", ["Marisol"]),  # a first name alone
        ("They had 6: Rogelio, Sharon and Kyle", ["Kyle", "Rogelio", "Sharon"]),
        ("seen with Natasha Higuchi today", ["Natasha Higuchi"]),  # first name takes the surname
        ("contact Ana P. for details", ["Ana P."]),
        ("pt is John D seen at clinic", ["John D"]),  # bare initial for the surname
    ],
)
def test_uncued_names_found(text: str, expected: list[str]) -> None:
    assert [s for s, _ in spans(REC, text)] == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "Will continue the current plan.",  # first name that is a common word
        "Hope for discharge tomorrow",  # ditto
        "Follow up in June.",  # month
        "Foley catheter removed",  # eponym, not a first name
        "liam in lower case is not taken",  # needs a capital
    ],
)
def test_not_uncued_names(text: str) -> None:
    assert spans(REC, text) == []
