from __future__ import annotations

import pytest
from redactphi_recognizers import WebAddressRecognizer

from .conftest import spans

REC = WebAddressRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # portal link; the sentence's full stop is not part of it
        ("Portal: https://mychart.example-health.org/MyChart/Visit?id=29384.",
         ["https://mychart.example-health.org/MyChart/Visit?id=29384"]),
        ("portal: example.org/abc", ["example.org/abc"]),  # host after a portal label
        # no TLD
        ("records at http://localhost:8080/records, then", ["http://localhost:8080/records"]),
        # scheme kept in span
        ("upload to ftp://files.example.com/x", ["ftp://files.example.com/x"]),
        ("(https://ehr-prod01/chart?id=1)", ["https://ehr-prod01/chart?id=1"]),  # intranet host
        ("Visit www.hillcrest.example.edu for forms.", ["www.hillcrest.example.edu"]),  # www host
    ],
)
def test_web_addresses_found(text: str, expected: list[str]) -> None:
    assert [s for s, _ in spans(REC, text)] == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "Page: 4.5 of 10",  # dotted number after a label
        "Link: report.pdf attached",  # file name
        "version 1.5.10 installed",  # version number
        "Visit Dr. Smith in clinic",  # title after 'visit'
        "BP 120/80, pain 7/10",  # clinical values with slashes
    ],
)
def test_not_web_addresses(text: str) -> None:
    assert spans(REC, text) == []
