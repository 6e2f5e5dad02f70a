from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from schemas.upload import FineTuneOutcome, FineTuneRequest, UploadRecord

RECORD = {
    "file_id": "file-1",
    "status": "COMPLETED",
    "sanitized_name": "train.sanitized.jsonl",
    "sanitized_sha256": "c" * 64,
    "bytes": 12,
    "uploaded_at": datetime(2026, 11, 26, tzinfo=UTC),
    "base_url_host": "api.together.ai",
    "key_hint": "…abcd",
}


def test_job_id_comes_from_fine_tune_when_started() -> None:
    outcome = FineTuneOutcome(
        model="m", n_epochs=1, lora=True, training_method="sft", budget_usd=5, job_id="ft-1"
    )
    assert UploadRecord(**RECORD, fine_tune=outcome).fine_tune_job_id == "ft-1"
    assert UploadRecord(**RECORD).fine_tune_job_id is None


def test_refuses_record_when_field_unknown() -> None:
    with pytest.raises(ValidationError):
        UploadRecord(**RECORD, api_key="nope")


@pytest.mark.parametrize(
    ("fields", "ok"),
    [
        ({"model": "Qwen/Qwen2.5-7B-Instruct"}, True),
        ({"model": "m", "suffix": "v1.2_final-3"}, True),
        ({"model": "m", "suffix": "x" * 41}, False),  # longer than Together's 40
        ({"model": "m", "suffix": "has space"}, False),  # free text
        ({"model": "m", "n_epochs": 0}, False),
        ({"model": "m", "n_epochs": 21}, False),
    ],
)
def test_fine_tune_request_table(fields: dict, ok: bool) -> None:
    if ok:
        FineTuneRequest(**fields)
    else:
        with pytest.raises(ValidationError):
            FineTuneRequest(**fields)
