"""report.json: the facts a reviewer signs off, validated on write and on read.

Nothing in a report is record text except `excerpts`, which are cut from the *sanitized* output.
"""

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator

from schemas.formats import RecordFormat


class Decision(StrEnum):
    """What the policy decided for a run."""

    APPROVED = "approved"
    NEEDS_REVIEW = "needs_review"
    REJECTED = "rejected"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", hide_input_in_errors=True)


class FileFacts(_Model):
    """A file the run read or wrote: its name (no directories), size and sha256."""

    name: str
    bytes: int
    sha256: str


class Excerpt(_Model):
    """A short window of *sanitized* text around a placeholder, for the reviewer."""

    line: int
    field: str
    entity_type: str
    text: str


class Report(_Model):
    """Everything one sanitize run decided, counted and wrote."""

    schema_version: int = 1
    tool_version: str
    created_at: datetime
    input: FileFacts
    sanitized: FileFacts
    quarantine: FileFacts
    format: RecordFormat | None = Field(description="The file's format; None when no line was valid.")
    records_total: int = Field(description="Non-blank input lines.")
    records_written: int
    records_quarantined: int
    blank_lines: int = 0
    records_changed: int = Field(0, description="Written records in which at least one value was replaced.")
    unknown_fields_removed: int = 0
    quarantine_by_reason: dict[str, int] = {}
    quarantine_lines: dict[str, list[int]] = Field(
        default_factory=dict, description="First line numbers per reason (capped)."
    )
    findings: dict[str, int] = Field(default_factory=dict, description="Entity type -> replaced spans.")
    findings_by_field: dict[str, dict[str, int]] = Field(
        default_factory=dict, description="Normalised field path -> entity type -> count."
    )
    findings_by_role: dict[str, dict[str, int]] = Field(default_factory=dict)
    residual_findings: dict[str, int] = Field(
        default_factory=dict, description="Entity type -> spans found again in the sanitized output."
    )
    excerpts: list[Excerpt] = []
    config: dict[str, object] = {}
    versions: dict[str, str] = {}
    sanitized_sha256: str = Field(description="sha256 of the sanitized file: what an approval is bound to.")
    decision: Decision
    decision_reasons: list[str] = []

    @model_validator(mode="after")
    def _hashes_agree(self) -> "Report":
        if self.sanitized_sha256 != self.sanitized.sha256:
            raise ValueError("sanitized_sha256 differs from sanitized.sha256; the report is corrupt")
        if self.records_total != self.records_written + self.records_quarantined:
            raise ValueError("records_total != records_written + records_quarantined; the report is corrupt")
        return self
