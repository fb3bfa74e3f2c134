"""Request and response bodies of the HTTP API (separate from the stored audit rows)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

__all__ = [
    "AnalyzeRequest",
    "AnalyzeResponse",
    "AuditPage",
    "AuditRow",
    "ChainStatus",
    "EntitySpan",
    "ErrorDetail",
    "ErrorResponse",
    "FileResult",
    "FilesResponse",
    "FindingSpan",
    "HealthResponse",
    "ReadyResponse",
    "RedactRequest",
    "RedactResponse",
    "ReidentifyRequest",
    "ReidentifyResponse",
]


def _valid_unicode(value: str) -> str:
    # JSON may carry lone surrogates ("\ud800"); they cannot be hashed or stored as UTF-8.
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("text is not valid Unicode (unpaired surrogate)") from None
    return value


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RedactRequest(_Request):
    text: str = Field(description="The note's text.")
    policy: str | None = Field(None, max_length=64, description="Policy preset; default: tag.")
    scope: str | None = Field(
        None, max_length=256, description="Consistency scope for keyed policies (e.g. a patient)."
    )

    _check_text = field_validator("text")(_valid_unicode)


class AnalyzeRequest(_Request):
    text: str = Field(description="The note's text.")

    _check_text = field_validator("text")(_valid_unicode)


class ReidentifyRequest(_Request):
    text: str = Field(description="Redacted text holding reversible tokens (vault or encrypt).")
    justification: str = Field(
        min_length=10, max_length=500, description="Why the original values are needed (audited)."
    )
    scope: str | None = Field(
        default=None, max_length=200, description="The scope used at redaction (encrypt tokens need it)."
    )

    _check_text = field_validator("text", "justification")(_valid_unicode)


class EntitySpan(BaseModel):
    type: str
    start: int = Field(description="Offset in the input.")
    end: int
    redacted_start: int = Field(description="Offset in the redacted text.")
    redacted_end: int


class RedactResponse(BaseModel):
    text: str = Field(description="The redacted text.")
    entities: list[EntitySpan]
    policy: str
    key_id: str | None = None
    request_id: str


class FindingSpan(BaseModel):
    type: str
    start: int
    end: int


class AnalyzeResponse(BaseModel):
    entities: list[FindingSpan]
    request_id: str


class FileResult(BaseModel):
    index: int = Field(
        description="Position of the file in the upload (file names are not echoed)."
    )
    text: str
    entities: list[EntitySpan]
    entity_counts: dict[str, int]


class FilesResponse(BaseModel):
    files: list[FileResult]
    policy: str
    key_id: str | None = None
    request_id: str


class ReidentifyResponse(BaseModel):
    text: str
    request_id: str


class AuditRow(BaseModel):
    seq: int
    occurred_at: str
    action: str
    outcome: str
    api_key_id: str | None
    request_id: str | None
    client_address: str | None
    input_sha256: str | None
    output_sha256: str | None
    input_bytes: int | None
    output_bytes: int | None
    entity_counts: dict[str, int]
    policy: str | None
    key_id: str | None
    status_code: int | None
    latency_ms: float | None
    detail: str | None
    prev_hash: str
    row_hash: str


class AuditPage(BaseModel):
    items: list[AuditRow]
    next_after: int | None = Field(description="Pass as `after` to read the next page.")


class ChainStatus(BaseModel):
    ok: bool
    checked: int
    first_broken_seq: int | None
    reason: str | None


class HealthResponse(BaseModel):
    status: str


class ReadyResponse(BaseModel):
    status: str
    model_loaded: bool
    database: str


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorResponse(BaseModel):
    error: ErrorDetail
