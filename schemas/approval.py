"""approval.json: a reviewer's (or the policy's) decision, bound to the exact bytes it was made on.

An approval names every file of the run (sanitized file, quarantine file, report.json, report.html)
with its sha256, the policy decision it was taken on, who took it and when, and carries an
HMAC-SHA256 of all that under the approval key (`pipelines.gate.approval_key`). If any file changes
afterwards, or any field of the approval is edited, the approval no longer applies.
"""

import json
import re
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

    schema_version: int = 2
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
    files: dict[str, str] = Field(
        min_length=1, description="Every file of the run (bare name) -> its sha256 when decided."
    )
    key_id: str = Field(pattern=r"^[0-9a-f]{12}$", description="Which approval key signed (not the key).")
    signature: str = Field(pattern=SHA256_PATTERN, description="HMAC-SHA256 of the other fields.")

    @model_validator(mode="after")
    def _one_timestamp(self) -> "Approval":
        if self.approved and (self.approved_at is None or self.rejected_at is not None):
            raise ValueError("an approval needs approved_at and no rejected_at")
        if not self.approved and (self.rejected_at is None or self.approved_at is not None):
            raise ValueError("a rejection needs rejected_at and no approved_at")
        if self.approved and self.decision_at_approval is Decision.REJECTED:
            raise ValueError("a run the policy rejected cannot carry an approval")
        for name, digest in self.files.items():
            if not re.fullmatch(SHA256_PATTERN, digest) or "/" in name or name in ("", ".", ".."):
                raise ValueError("files must map bare file names to sha256 hex digests")
        return self

    def signed_payload(self) -> bytes:
        """The bytes the signature covers: every field but the signature, canonical JSON."""
        return json.dumps(
            self.model_dump(mode="json", exclude={"signature"}), sort_keys=True, separators=(",", ":")
        ).encode()

    @property
    def decided_at(self) -> datetime:
        """When the decision was taken, whichever it was."""
        return self.approved_at or self.rejected_at  # type: ignore[return-value]
