"""upload.json and the fine-tune request: what went to Together, under which key, and what it said.

No record content and no key ever goes in here: ids, hashes, sizes, statuses, a host name and the
key's last 4 characters. upload.json is signed with the approval key (like approval.json), so a
forged one cannot point `upload --fine-tune` at another remote file.
"""

import json

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from schemas.approval import SHA256_PATTERN


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", hide_input_in_errors=True)


class FineTuneRequest(_Model):
    """A fine-tune job to start on the uploaded file; the model must be on the allowlist."""

    model: str = Field(
        min_length=1,
        max_length=200,
        pattern=r"^[A-Za-z0-9._:/+-]+$",
        description="Base model name as Together spells it, e.g. 'Qwen/Qwen2.5-7B-Instruct'.",
    )
    n_epochs: int = Field(1, ge=1, le=20)
    lora: bool = True
    # Together allows up to 40 characters; restricted to a safe alphabet so it can't smuggle text.
    suffix: str | None = Field(None, max_length=40, pattern=r"^[A-Za-z0-9._-]+$")


class FineTuneOutcome(_Model):
    """What happened to the fine-tune request: started (job id) or refused (reason)."""

    model: str
    n_epochs: int
    lora: bool
    training_method: str = Field(description="'sft' or 'dpo' (preference files).")
    budget_usd: float
    estimated_usd: float | None = None
    job_id: str | None = None
    job_status: str | None = None
    refused: str | None = Field(None, description="Why no job was started; None when one was.")


class UploadRecord(_Model):
    """One successful upload of an approved file to Together."""

    schema_version: int = 1
    file_id: str
    status: str = Field(description="Together processing_status; COMPLETED for a recorded upload.")
    sanitized_name: str
    sanitized_sha256: str = Field(pattern=SHA256_PATTERN)
    bytes: int = Field(ge=0)
    uploaded_at: AwareDatetime
    base_url_host: str = Field(description="Host (and port) of the Together API used; no path, no query.")
    key_hint: str = Field(description="'…' + the last 4 characters of the API key used.")
    reused: bool = Field(False, description="True when no bytes were sent because Together had the file.")
    fine_tune: FineTuneOutcome | None = None
    key_id: str = Field("", description="Which approval key signed this record (not the key).")
    signature: str = Field("", description="HMAC-SHA256 of the other fields under the approval key.")

    def signed_payload(self) -> bytes:
        """The bytes the signature covers: every field but the signature, canonical JSON."""
        return json.dumps(
            self.model_dump(mode="json", exclude={"signature"}), sort_keys=True, separators=(",", ":")
        ).encode()

    @property
    def fine_tune_job_id(self) -> str | None:
        """The started job's id, if any."""
        return self.fine_tune.job_id if self.fine_tune else None
