from __future__ import annotations

import pytest
from redactphi_recognizers import PhoneNumberRecognizer

from .conftest import spans

REC = PhoneNumberRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Call (555) 201-3344.", ["(555) 201-3344"]),
        ("Phone: 555-201-3344 ext. 12", ["555-201-3344 ext. 12"]),
        ("fax 555.201.3345", ["555.201.3345"]),
        ("pager 4-1234", ["4-1234"]),  # in-house pager after a cue
        ("+1 555 201 3344", ["+1 555 201 3344"]),
        ("then ask for pager 7713.", ["7713"]),  # in-house pager
        ("Referral Coordinator, ext. 112", ["ext. 112"]),  # an extension alone takes its prefix
    ],
)
def test_phones_found(text: str, expected: list[str]) -> None:
    assert [s for s, _ in spans(REC, text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "CPT 44120",  # a code, no phone cue
        "WBC 11.2, Hgb 13.4",  # lab values
        "MRN 4829137",  # 7 digits without a phone cue
        "000-000-0000",  # placeholder
    ],
)
def test_not_phones(text: str) -> None:
    assert spans(REC, text) == []
