from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from schemas.approval import Approval, ApprovalSource
from schemas.report import Decision

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
BASE = {
    "reviewer": "alice",
    "source": ApprovalSource.CLI,
    "sanitized_name": "train.sanitized.jsonl",
    "sanitized_bytes": 10,
    "sanitized_sha256": "a" * 64,
    "report_sha256": "b" * 64,
    "decision_at_approval": Decision.NEEDS_REVIEW,
    "files": {"train.sanitized.jsonl": "a" * 64, "report.json": "b" * 64},
    "key_id": "0123456789ab",
    "signature": "c" * 64,
}


@pytest.mark.parametrize(
    "fields",
    [
        {"approved": True, "approved_at": NOW},  # approval
        {"approved": False, "rejected_at": NOW},  # rejection
        {
            "approved": False,
            "rejected_at": NOW,
            "decision_at_approval": Decision.REJECTED,
        },  # rejecting a rejected run
    ],
)
def test_accepts_decision_when_consistent(fields: dict) -> None:
    decision = Approval(**{**BASE, **fields})
    assert decision.decided_at == NOW


@pytest.mark.parametrize(
    "fields",
    [
        {"approved": True},  # approval without time
        {"approved": True, "approved_at": NOW, "rejected_at": NOW},  # both times
        {"approved": False, "approved_at": NOW},  # rejection with approval time
        {"approved": True, "approved_at": NOW, "decision_at_approval": Decision.REJECTED},  # policy said no
        {"approved": True, "approved_at": datetime(2026, 1, 1)},  # naive time
        {"approved": True, "approved_at": NOW, "sanitized_sha256": "A" * 64},  # near-miss: uppercase hex
        {"approved": True, "approved_at": NOW, "sanitized_sha256": "a" * 63},  # near-miss: 63 chars
        {"approved": True, "approved_at": NOW, "extra": 1},  # unknown field
        {"approved": True, "approved_at": NOW, "files": {"../x": "a" * 64}},  # a name with a folder part
        {"approved": True, "approved_at": NOW, "files": {"x": "A" * 64}},  # near-miss: uppercase hex
        {"approved": True, "approved_at": NOW, "files": {}},  # an approval of no file
    ],
)
def test_refuses_decision_when_inconsistent(fields: dict) -> None:
    with pytest.raises(ValidationError):
        Approval(**{**BASE, **fields})


def test_hides_input_when_validation_fails() -> None:
    with pytest.raises(ValidationError) as info:
        Approval(**{**BASE, "approved": True, "approved_at": NOW, "reviewer": "", "comment": "x" * 3000})
    assert "x" * 50 not in str(info.value)


def test_signed_payload_covers_every_field_but_the_signature() -> None:
    decision = Approval(**{**BASE, "approved": True, "approved_at": NOW})
    payload = decision.signed_payload().decode()
    assert '"signature"' not in payload
    for field in Approval.model_fields:
        if field != "signature":
            assert f'"{field}"' in payload
