"""approval.json: a reviewer's (or the policy's) decision, bound to the exact bytes it was made on.

An approval names the sanitized file and its sha256, and the sha256 of report.json as it was read.
If either file changes afterwards, the approval no longer applies (the gate raises HashMismatch).
"""

from datetime import datetime
from enum import StrEnum

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator

from schemas.report import Decision

SHA256_PATTERN = r"^[0-9a-f]{64}$"


class ApprovalSource(StrEnum):
    """Where the decision was taken."""

    CLI = "cli"
    PREFECT = "prefect"
    POLICY = "policy"


POLICY_REVIEWER = "policy"


class Approval(BaseModel):
    """One decision on one run: approved (may be uploaded) or rejected (may never be)."""

    model_config = ConfigDict(extra="forbid", hide_input_in_errors=True, frozen=True)

    schema_version: int = 1
    approved: bool
    reviewer: str = Field(min_length=1, max_length=200, description="Who decided; 'policy' for automatic.")
    approved_at: AwareDatetime | None = Field(None, description="UTC time of an approval.")
    rejected_at: AwareDatetime | None = Field(None, description="UTC time of a rejection.")
    comment: str = Field(
        "", max_length=2000, description="The reviewer's note; never paste record text here."
    )
    source: ApprovalSource
    sanitized_name: str = Field(min_length=1, description="File name (no folders) of the sanitized JSONL.")
    sanitized_bytes: int = Field(ge=0)
    sanitized_sha256: str = Field(pattern=SHA256_PATTERN)
    report_sha256: str = Field(pattern=SHA256_PATTERN, description="sha256 of report.json when decided.")
    decision_at_approval: Decision = Field(description="The policy decision in report.json when decided.")

    @model_validator(mode="after")
    def _one_timestamp(self) -> "Approval":
        if self.approved and (self.approved_at is None or self.rejected_at is not None):
            raise ValueError("an approval needs approved_at and no rejected_at")
        if not self.approved and (self.rejected_at is None or self.approved_at is not None):
            raise ValueError("a rejection needs rejected_at and no approved_at")
        if self.approved and self.decision_at_approval is Decision.REJECTED:
            raise ValueError("a run the policy rejected cannot carry an approval")
        return self

    @property
    def decided_at(self) -> datetime:
        """When the decision was taken, whichever it was."""
        return self.approved_at or self.rejected_at  # type: ignore[return-value]
