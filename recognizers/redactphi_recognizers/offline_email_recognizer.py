"""Presidio's email recognizer without the network.

Presidio validates the domain with tldextract, whose default extractor downloads the
public suffix list on first use. RedactPHI never fetches at run time, so the bundled
snapshot is used instead.
"""

from __future__ import annotations

import tldextract
from presidio_analyzer.predefined_recognizers import EmailRecognizer

__all__ = ["OfflineEmailRecognizer"]

_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


class OfflineEmailRecognizer(EmailRecognizer):
    """Email addresses, with the domain checked against the bundled public suffix list."""

    def validate_result(self, pattern_text: str) -> bool:
        return bool(_EXTRACT(pattern_text).fqdn)
