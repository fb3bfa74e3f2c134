from __future__ import annotations

import pytest
from presidio_analyzer.predefined_recognizers import UrlRecognizer
from redactphi_recognizers import BoundedUrlRecognizer

PRESIDIO = UrlRecognizer()
BOUNDED = BoundedUrlRecognizer()


def _spans(recognizer: UrlRecognizer, text: str) -> list[tuple[int, int, float]]:
    return sorted((r.start, r.end, r.score) for r in recognizer.analyze(text, ["URL"]))


@pytest.mark.parametrize(
    "text",
    [
        "Portal: https://portal.example.org/visit?id=7Q4 today",  # scheme, path, query
        "see www.mercy-health.com/billing.",  # no scheme, trailing period
        "'http://q.co' and foo.bar.com,baz.org",  # quoted, comma-joined hosts
        "https://a.b.c.example.co.uk/x?y=1&z=2#frag",  # many labels
        "q" * 300 + ".com and x.net",  # a host longer than Presidio's 253 limit
        "x" * 500 + " https://e.org/" + "z" * 4000,  # a path far longer than the window
        "BP 132/84, pain 7/10, e.g. no URL here; v1.2.3 and 10.0.0.1",  # negatives
        "",
    ],
)
def test_same_matches_as_presidio(text: str) -> None:
    assert _spans(BOUNDED, text) == _spans(PRESIDIO, text)


def test_keeps_presidio_name_and_context() -> None:
    assert BOUNDED.name == "UrlRecognizer"
    assert BOUNDED.context == PRESIDIO.context
