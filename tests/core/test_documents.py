from __future__ import annotations

import io

import pytest

from redactphi import DecodeError, UnsupportedFormatError
from redactphi.documents import read_document

TEXT = "Seen by Dr. Müller on 03/14/2024 — Crohn’s disease."


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (TEXT.encode("utf-8"), "n.txt"),  # plain UTF-8
        (TEXT.encode("utf-8-sig"), "n.txt"),  # UTF-8 with a BOM
        (TEXT.encode("utf-16"), "n.txt"),  # UTF-16 with a BOM
        (TEXT.encode("cp1252"), "n.txt"),  # Windows-1252 (curly quote, dash, umlaut)
        (TEXT.encode("utf-8"), "no_suffix"),  # no suffix: text
    ],
)
def test_text_in_common_encodings(data: bytes, name: str) -> None:
    assert read_document(data, name) == TEXT


def test_docx_paragraphs_and_tables() -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("PATIENT: Jane Roe")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "MRN"
    table.rows[0].cells[1].text = "5521987"
    buffer = io.BytesIO()
    document.save(buffer)
    text = read_document(buffer.getvalue(), "note.docx")
    assert "PATIENT: Jane Roe" in text and "MRN\t5521987" in text


def test_rtf() -> None:
    rtf = rb"{\rtf1\ansi{\fonttbl\f0\fswiss Helvetica;}\f0\pard Seen 03/14/2024.\par}"
    assert read_document(rtf, "n.rtf").strip() == "Seen 03/14/2024."


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"PK\x03\x04 broken", "n.docx", "not a readable .docx file"),
        (b"%PDF-1.4 broken", "n.pdf", "not a readable PDF"),
        (b"plain text", "n.rtf", "not an RTF document"),
        (b"\x00\x01\x02\xff\xfe\x00", "n.txt", "binary data"),
    ],
)
def test_bad_documents_say_what_is_wrong(data: bytes, name: str, message: str) -> None:
    with pytest.raises(DecodeError, match=message):
        read_document(data, name)


def test_unsupported_suffix() -> None:
    with pytest.raises(UnsupportedFormatError, match=r"unsupported file type '\.png'"):
        read_document(b"x", "scan.png")
