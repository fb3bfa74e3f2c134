"""Web addresses Presidio's URL recognizer leaves out: any scheme, intranet hosts, labels.

Presidio's UrlRecognizer requires a host under a listed top-level domain, so
"http://localhost:8080/records", "https://ehr-prod01/chart?id=..." and internal hosts
are missed, and "ftp://" is left outside the span. Patient-portal links in notes are
identifiers of a person's record, so any scheme URL is taken whole, and a host or
path after a portal/URL/link label is taken too.
"""

from __future__ import annotations

import re

from .span_pattern import SpanMatch, SpanPattern, SpanPatternRecognizer

__all__ = ["WebAddressRecognizer"]

# Trailing sentence punctuation is not part of a link ("see https://x.org/a.").
_TAIL = r"(?:[^\s<>\"'()\[\]{}]*[^\s<>\"'()\[\]{}.,;:!?])?"
_SCHEME_URL = re.compile(
    rf"(?<![\w.+\-])(?P<phi>(?i:https?|s?ftp|ftps|file|wss?)://[^\s<>\"'()\[\]{{}}/.,;:!?]{_TAIL})"
)
# "portal: example.org/abc", "Link - mychart.example-health.org/visit/29384"
_LABELLED = re.compile(
    r"(?i:\b(?:portal|url|link|website|web[ \t]+site|web|site|page|login|log[ \t]+in|sign[ \t]+in"
    r"|visit|go[ \t]+to|available[ \t]+at|online[ \t]+at))[ \t]*[:\-=]?[ \t]*"
    r"(?P<phi>(?:www\d{0,3}\.)?[A-Za-z0-9][A-Za-z0-9\-]*(?:\.[A-Za-z0-9\-]+)+(?:/"
    r"[^\s<>\"'()\[\]{}]*[^\s<>\"'()\[\]{}.,;:!?])?)"
)
_WWW = re.compile(
    r"(?<![\w.@\-/])(?P<phi>(?i:www\d{0,3})\.[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+(?:/"
    r"[^\s<>\"'()\[\]{}]*[^\s<>\"'()\[\]{}.,;:!?])?)"
)
# Dotted numbers and file names after a label are values, not hosts.
_NOT_HOST = re.compile(
    r"^(?:[\d.]+|[\w\-]+\.(?:pdf|docx?|txt|jpe?g|png|csv|xlsx?))$", re.IGNORECASE
)


class WebAddressRecognizer(SpanPatternRecognizer):
    """URLs with any scheme, "www." hosts and labelled portal addresses (entity type URL)."""

    ENTITIES = ("URL",)
    PATTERNS = (
        SpanPattern("URL with scheme (strong)", _SCHEME_URL, 0.95),
        SpanPattern("www host", _WWW, 0.9),
        SpanPattern("host after portal or link label", _LABELLED, 0.9),
    )

    def confirm(self, text: str, match: SpanMatch, pattern: SpanPattern) -> SpanMatch | None:
        if pattern.regex is _LABELLED:
            value = text[match.start : match.end]
            host = value.split("/", 1)[0]
            if _NOT_HOST.match(host) or not re.search(r"[A-Za-z]{2,}$", host):
                return None
        return match
