"""Turn uploaded bytes into note text: .txt in common encodings, .docx, .pdf, .rtf.

Errors say what is wrong (no text layer, undecodable bytes) and never guess silently.
"""

from __future__ import annotations

import io
from pathlib import PurePath

from .errors import DecodeError, UnsupportedFormatError

__all__ = ["SUPPORTED_SUFFIXES", "read_document"]

SUPPORTED_SUFFIXES = (".txt", ".text", ".note", ".docx", ".pdf", ".rtf")
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def read_document(data: bytes, filename: str = "note.txt") -> str:
    """Decode a document by its file name's suffix (no suffix: text)."""
    suffix = PurePath(filename).suffix.lower() or ".txt"
    if suffix in {".txt", ".text", ".note", ".csv", ".md", ".log"}:
        return decode_text(data)
    if suffix == ".docx":
        return _docx(data)
    if suffix == ".pdf":
        return _pdf(data)
    if suffix == ".rtf":
        return _rtf(data)
    raise UnsupportedFormatError(
        f"unsupported file type {suffix!r}; supported: {', '.join(SUPPORTED_SUFFIXES)}"
    )


def decode_text(data: bytes) -> str:
    """UTF-8, UTF-16 with a BOM, or a detected single-byte encoding such as Windows-1252."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise DecodeError(f"bytes are not valid {encoding.upper()} despite the byte-order mark") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise DecodeError("binary data: the file is not text (NUL bytes found)")
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise DecodeError("undecodable bytes: no text encoding fits this file")
    return str(best)


def _docx(data: bytes) -> str:
    import zipfile

    try:
        import docx

        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DecodeError(f"not a readable .docx file ({type(exc).__name__})") from None
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append("\t".join(cell.text for cell in row.cells))
    for section in document.sections:
        parts[:0] = [p.text for p in section.header.paragraphs]
        parts.extend(p.text for p in section.footer.paragraphs)
    return "\n".join(parts)


def _pdf(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise DecodeError("the PDF is encrypted")
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except PdfReadError as exc:
        raise DecodeError(f"not a readable PDF ({type(exc).__name__})") from None
    if not text.strip():
        raise DecodeError("the PDF has no text layer (scanned image?); run OCR first")
    return text


def _rtf(data: bytes) -> str:
    from striprtf.striprtf import rtf_to_text

    raw = decode_text(data)
    if not raw.lstrip().startswith("{\\rtf"):
        raise DecodeError("not an RTF document (missing {\\rtf header)")
    return str(rtf_to_text(raw, errors="strict"))
