from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

import pytest
from sqlalchemy import text

from redactphi.storage import create_engine_for

from .conftest import CLINICAL_TERMS, PHI_NOTE, PHI_STRINGS, Service
from .documents import docx_bytes, pdf_bytes, rtf_bytes

SHORT = "Jane Roe seen 03/14/2024 for a Hartmann procedure."


@pytest.mark.parametrize(
    ("filename", "data"),
    [
        ("note.txt", PHI_NOTE.encode("utf-8")),  # UTF-8
        ("note.txt", PHI_NOTE.encode("utf-16")),  # UTF-16 with BOM
        (
            "note.txt",
            (PHI_NOTE + "Caf\u00e9 \u2013 \u201cok\u201d\n").encode("cp1252"),
        ),  # Windows-1252
        ("note.docx", docx_bytes(PHI_NOTE)),
        ("note.rtf", rtf_bytes(PHI_NOTE)),
        ("note.pdf", pdf_bytes(PHI_NOTE.splitlines())),
    ],
    ids=["utf8", "utf16-bom", "cp1252", "docx", "rtf", "pdf"],
)
def test_each_supported_format_is_redacted(service: Service, filename: str, data: bytes) -> None:
    response = service.client.post(
        "/v1/redact/files", files=[("file", (filename, data))], headers=service.auth()
    )
    assert response.status_code == 200, response.text
    (result,) = response.json()["files"]
    assert result["index"] == 0
    assert result["entity_counts"]["PERSON"] == 2
    for phi in PHI_STRINGS:
        assert phi not in result["text"]
    for term in CLINICAL_TERMS:
        assert term in result["text"]
    assert filename not in response.text


def test_several_files_give_per_file_results_in_upload_order(service: Service) -> None:
    response = service.client.post(
        "/v1/redact/files",
        files=[("file", ("a.txt", b"MRN: 5521987")), ("files", ("b.txt", SHORT.encode()))],
        headers=service.auth(),
    )
    assert response.status_code == 200
    files = response.json()["files"]
    assert [f["index"] for f in files] == [0, 1]
    assert files[0]["text"] == "MRN: [MEDICAL_RECORD_NUMBER]"
    assert files[1]["text"] == "[PERSON] seen [DATE] for a Hartmann procedure."


def test_download_of_one_file_is_the_redacted_text(service: Service) -> None:
    response = service.client.post(
        "/v1/redact/files?download=true",
        files=[("file", ("a.txt", SHORT.encode()))],
        headers=service.auth(),
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    assert response.headers["content-disposition"] == 'attachment; filename="redacted.txt"'
    assert response.text == "[PERSON] seen [DATE] for a Hartmann procedure."


def test_download_of_several_files_is_a_zip(service: Service) -> None:
    response = service.client.post(
        "/v1/redact/files?download=true",
        files=[
            ("file", ("a.txt", SHORT.encode())),
            ("file", ("b.docx", docx_bytes("MRN: 5521987"))),
        ],
        headers=service.auth(),
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert archive.namelist() == ["redacted-001.txt", "redacted-002.txt"]
    assert archive.read("redacted-002.txt").decode().strip() == "MRN: [MEDICAL_RECORD_NUMBER]"


def test_unsupported_type_is_415_and_names_the_file_by_position(service: Service) -> None:
    response = service.client.post(
        "/v1/redact/files",
        files=[("file", ("ok.txt", b"fine")), ("file", ("Jane_Roe_chart.exe", b"MZ\x90\x00"))],
        headers=service.auth(),
    )
    assert response.status_code == 415
    assert response.json() == {
        "error": {
            "code": "unsupported_media_type",
            "message": "file 2: unsupported file type '.exe'; "
            "supported: .txt, .text, .note, .docx, .pdf, .rtf",
        }
    }


@pytest.mark.parametrize(
    ("filename", "data", "message"),
    [
        (
            "a.txt",
            b"Jane\x00Roe\xff\xfe\x00",
            "file 1: binary data: the file is not text (NUL bytes found)",
        ),
        (
            "a.txt",
            b"\xff\xfeJ\x00a\x00n",
            "file 1: bytes are not valid UTF-16 despite the byte-order mark",
        ),
        (
            "a.docx",
            b"PK\x03\x04 not really a docx",
            "file 1: not a readable .docx file (BadZipFile)",
        ),
        ("a.pdf", b"%PDF-1.4 garbage", "file 1: not a readable PDF (PdfStreamError)"),
        ("a.rtf", b"plain text, no header", "file 1: not an RTF document (missing {\\rtf header)"),
    ],
    ids=["nul-bytes", "bad-utf16", "bad-docx", "bad-pdf", "bad-rtf"],
)
def test_undecodable_files_are_422(
    service: Service, filename: str, data: bytes, message: str
) -> None:
    response = service.client.post(
        "/v1/redact/files", files=[("file", (filename, data))], headers=service.auth()
    )
    assert response.status_code == 422
    assert response.json() == {"error": {"code": "undecodable", "message": message}}


def test_pdf_without_text_layer_is_422(service: Service) -> None:
    response = service.client.post(
        "/v1/redact/files", files=[("file", ("scan.pdf", pdf_bytes([])))], headers=service.auth()
    )
    assert response.status_code == 422
    assert response.json()["error"]["message"] == (
        "file 1: the PDF has no text layer (scanned image?); run OCR first"
    )


def test_file_over_the_size_limit_is_413(make_service: Callable[..., Service]) -> None:
    service = make_service(max_note_bytes=50)
    response = service.client.post(
        "/v1/redact/files", files=[("file", ("a.txt", b"x" * 51))], headers=service.auth()
    )
    assert response.status_code == 413
    assert response.json()["error"] == {
        "code": "payload_too_large",
        "message": "file 1 is over the limit of 50 bytes per note",
    }


def test_docx_expanding_past_the_character_limit_is_413(
    make_service: Callable[..., Service],
) -> None:
    service = make_service(max_note_chars=1000)
    response = service.client.post(
        "/v1/redact/files",
        files=[("file", ("a.docx", docx_bytes("a" * 5000)))],
        headers=service.auth(),
    )
    assert response.status_code == 413
    assert (
        response.json()["error"]["message"]
        == "file 1 is over the limit of 1000 characters per note"
    )


def test_too_many_files_is_413_and_no_file_is_422(make_service: Callable[..., Service]) -> None:
    service = make_service(max_files=2)
    response = service.client.post(
        "/v1/redact/files",
        files=[("file", (f"{i}.txt", b"x")) for i in range(3)],
        headers=service.auth(),
    )
    assert response.status_code == 413
    assert response.json()["error"]["message"] == "too many files: 3 (limit 2)"
    response = service.client.post(
        "/v1/redact/files", data={"policy": "tag"}, headers=service.auth()
    )
    assert response.status_code == 422
    assert response.json()["error"] == {
        "code": "no_file",
        "message": "no file uploaded: send one or more 'file' form fields",
    }


def test_each_file_gets_one_audit_row_without_its_name(service: Service) -> None:
    service.client.post(
        "/v1/redact/files",
        files=[("file", ("Jane_Roe_op_note.txt", SHORT.encode())), ("file", ("x.exe", b"x"))],
        headers=service.auth(),
    )
    service.client.post(
        "/v1/redact/files",
        files=[("file", ("Jane_Roe_op_note.txt", SHORT.encode()))],
        headers=service.auth(),
    )
    engine = create_engine_for(service.settings.resolved_database_url())
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT action, outcome, status_code, input_bytes, output_bytes "
                "FROM audit_events ORDER BY seq"
            )
        ).all()
        dump = str(conn.execute(text("SELECT * FROM audit_events")).all())
    engine.dispose()
    assert [tuple(r) for r in rows] == [
        ("redact_file", "unsupported_media_type", 415, 1, None),
        (
            "redact_file",
            "ok",
            200,
            len(SHORT),
            len("[PERSON] seen [DATE] for a Hartmann procedure."),
        ),
    ]
    assert "Jane" not in dump and "op_note" not in dump
