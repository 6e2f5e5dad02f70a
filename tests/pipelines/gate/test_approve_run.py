# The receiver fixture is imported from its helper module.
# ruff: noqa: F811

import json
import os
import secrets
from pathlib import Path

import pytest

from pipelines.gate.approval_attempts import ATTEMPTS_FILE
from pipelines.gate.approval_key import ENV_VAR as APPROVAL_KEY_ENV
from pipelines.gate.approve_run import (
    APPROVAL_FILE,
    approve_run,
    check_approved,
    check_approved_run,
    read_approval,
    record_policy_approval,
    record_policy_approval_if_key,
    refuse_if_rejected,
    reject_run,
)
from pipelines.gate.notify import SECRET_ENV, URL_ENV
from schemas.approval import Approval, ApprovalSource
from schemas.errors import AlreadyDecided, ConfigError, HashMismatch, NotApproved
from schemas.report import Decision, Report
from tests.pipelines.gate.run_dirs import make_run_dir, sanitized_path
from tests.pipelines.gate.webhook_receiver import Receiver, receiver  # noqa: F401


def test_writes_bound_approval_when_reviewer_approves(tmp_path: Path) -> None:
    out = make_run_dir(tmp_path)
    approval = approve_run(out, reviewer="alice", comment="looked at 20 excerpts")
    on_disk = Approval.model_validate_json((out / APPROVAL_FILE).read_bytes())
    assert on_disk == approval
    assert approval.approved and approval.reviewer == "alice"
    assert approval.approved_at is not None and approval.approved_at.utcoffset().total_seconds() == 0
    assert approval.sanitized_name == "train.sanitized.jsonl"
    assert approval.decision_at_approval is Decision.NEEDS_REVIEW
    assert approval.source is ApprovalSource.CLI
    assert check_approved(out) == approval


def test_refuses_approval_when_policy_rejected_run(tmp_path: Path) -> None:
    out = make_run_dir(tmp_path, decision=Decision.REJECTED)
    with pytest.raises(NotApproved, match="rejected run cannot be approved: fix") as info:
        approve_run(out, reviewer="alice")
    assert "test_reason" in str(info.value)
    assert not (out / APPROVAL_FILE).exists()


def test_raises_hash_mismatch_when_file_changed_before_approval(tmp_path: Path) -> None:
    out = make_run_dir(tmp_path)
    with sanitized_path(out).open("ab") as f:
        f.write(b'{"text": "added later"}\n')
    with pytest.raises(HashMismatch, match="changed after sanitize"):
        approve_run(out, reviewer="alice")
    assert not (out / APPROVAL_FILE).exists()


def test_raises_hash_mismatch_when_file_changed_after_approval(tmp_path: Path) -> None:
    out = make_run_dir(tmp_path)
    approve_run(out, reviewer="alice")
    sanitized_path(out).write_bytes(b'{"text": "swapped"}\n')
    with pytest.raises(HashMismatch, match="sanitized.jsonl changed since the run was approved"):
        check_approved(out)


def test_raises_hash_mismatch_when_report_changed_after_approval(tmp_path: Path) -> None:
    out = make_run_dir(tmp_path)
    approve_run(out, reviewer="alice")
    report = json.loads((out / "report.json").read_text())
    report["decision_reasons"] = ["edited"]
    (out / "report.json").write_text(json.dumps(report))
    with pytest.raises(HashMismatch, match="report.json changed since the run was approved"):
        check_approved(out)


def test_refuses_upload_gate_when_run_rejected_by_reviewer(tmp_path: Path) -> None:
    out = make_run_dir(tmp_path)
    rejection = reject_run(out, reviewer="bob", comment="too many names left", source="prefect")
    assert rejection.approved is False and rejection.rejected_at is not None
    assert rejection.source is ApprovalSource.PREFECT
    with pytest.raises(NotApproved, match="rejected by bob"):
        check_approved(out)


def test_refuses_approval_when_reviewer_already_rejected(tmp_path: Path) -> None:
    out = make_run_dir(tmp_path)
    reject_run(out, reviewer="bob")
    with pytest.raises(NotApproved, match="rejection is final"):
        approve_run(out, reviewer="alice")
    assert read_approval(out).approved is False


def test_rejection_replaces_approval_when_reviewer_changes_mind(tmp_path: Path) -> None:
    out = make_run_dir(tmp_path)
    approve_run(out, reviewer="alice")
    reject_run(out, reviewer="alice", comment="found a leak")
    with pytest.raises(NotApproved):
        check_approved(out)


def test_keeps_first_approval_when_same_reviewer_approves_twice(tmp_path: Path) -> None:
    out = make_run_dir(tmp_path)
    first = approve_run(out, reviewer="alice")
    assert approve_run(out, reviewer="alice") == first


def test_refuses_and_records_second_reviewer_when_run_already_approved(tmp_path: Path) -> None:
    out = make_run_dir(tmp_path)
    approve_run(out, reviewer="alice")
    with pytest.raises(AlreadyDecided, match="already approved by alice") as info:
        approve_run(out, reviewer="carol")
    assert "carol" in str(info.value)
    assert read_approval(out).reviewer == "alice"
    attempts = [json.loads(line) for line in (out / ATTEMPTS_FILE).read_text().splitlines()]
    assert [(a["reviewer"], a["wanted"]) for a in attempts] == [("carol", "approve")]


@pytest.mark.parametrize(
    ("decision", "match"),
    [
        (Decision.NEEDS_REVIEW, "needs review and has no approval.json"),  # the usual case
        (Decision.APPROVED, "policy approved this run but no approval.json"),  # policy record missing
        (Decision.REJECTED, "policy rejected this run"),  # never uploadable
    ],
)
def test_gate_explains_what_to_do_when_no_approval(tmp_path: Path, decision: Decision, match: str) -> None:
    out = make_run_dir(tmp_path, decision=decision)
    with pytest.raises(NotApproved, match=match):
        check_approved(out)


def test_records_policy_approval_when_report_approved(tmp_path: Path) -> None:
    out = make_run_dir(tmp_path, decision=Decision.APPROVED)
    approval = record_policy_approval(out)
    assert approval.reviewer == "policy" and approval.source is ApprovalSource.POLICY
    run = check_approved_run(out)
    assert run.approval == approval
    assert run.sanitized_path == sanitized_path(out)


def test_human_approval_replaces_policy_approval_when_given(tmp_path: Path) -> None:
    out = make_run_dir(tmp_path, decision=Decision.APPROVED)
    record_policy_approval(out)
    assert approve_run(out, reviewer="alice").reviewer == "alice"


def test_refuses_policy_approval_when_report_needs_review(tmp_path: Path) -> None:
    out = make_run_dir(tmp_path)
    with pytest.raises(NotApproved, match="not approved"):
        record_policy_approval(out)


def test_replaces_stale_approval_when_run_was_sanitized_again(tmp_path: Path) -> None:
    out = make_run_dir(tmp_path)
    approve_run(out, reviewer="bob")
    make_run_dir(tmp_path, lines=[{"text": "a new run"}])  # same folder, new report and file
    assert approve_run(out, reviewer="alice").reviewer == "alice"


def test_keeps_rejection_when_run_was_sanitized_again(tmp_path: Path) -> None:
    out = make_run_dir(tmp_path)
    reject_run(out, reviewer="bob")
    make_run_dir(tmp_path, lines=[{"text": "a new run"}])  # same folder, new report and file
    with pytest.raises(AlreadyDecided, match="rejection is final"):
        approve_run(out, reviewer="alice")
    with pytest.raises(NotApproved, match="rejected by bob"):
        refuse_if_rejected(out)


def test_raises_not_approved_when_report_missing(tmp_path: Path) -> None:
    with pytest.raises(NotApproved, match="run sanitize into"):
        approve_run(tmp_path, reviewer="alice")


def test_raises_not_approved_when_report_invalid(tmp_path: Path) -> None:
    out = make_run_dir(tmp_path)
    report = json.loads((out / "report.json").read_text())
    report["sanitized_sha256"] = "0" * 64  # no longer agrees with sanitized.sha256
    (out / "report.json").write_text(json.dumps(report))
    with pytest.raises(NotApproved, match="not a valid report"):
        approve_run(out, reviewer="alice")


@pytest.mark.parametrize(
    "name",
    [
        "../outside.jsonl",  # climbs out of the run folder
        "/etc/passwd",  # absolute path
        "sub/train.sanitized.jsonl",  # near-miss: a folder inside the run folder is refused too
    ],
)
def test_refuses_report_when_sanitized_name_is_not_bare(tmp_path: Path, name: str) -> None:
    out = make_run_dir(tmp_path, sanitized_name=name)
    with pytest.raises(NotApproved, match="bare file name"):
        approve_run(out, reviewer="alice")


def test_raises_not_approved_when_sanitized_file_missing(tmp_path: Path) -> None:
    out = make_run_dir(tmp_path)
    sanitized_path(out).unlink()
    with pytest.raises(NotApproved, match="does not exist"):
        approve_run(out, reviewer="alice")


@pytest.mark.parametrize(
    ("reviewer", "source"),
    [
        ("  ", "cli"),  # blank reviewer
        ("alice", "email"),  # unknown source
        ("x" * 201, "cli"),  # reviewer name too long
    ],
)
def test_raises_config_error_when_decision_input_invalid(tmp_path: Path, reviewer: str, source: str) -> None:
    out = make_run_dir(tmp_path)
    with pytest.raises(ConfigError):
        approve_run(out, reviewer=reviewer, source=source)
    assert not (out / APPROVAL_FILE).exists()


def test_raises_not_approved_when_approval_file_corrupt(tmp_path: Path) -> None:
    out = make_run_dir(tmp_path)
    (out / APPROVAL_FILE).write_text('{"approved": true}')
    with pytest.raises(NotApproved, match="not a valid approval"):
        check_approved(out)


def test_error_messages_carry_no_record_text_when_gate_refuses(tmp_path: Path) -> None:
    canary = "canary-" + "7" * 8 + "@example.org"
    out = make_run_dir(tmp_path, lines=[{"text": f"mail {canary}"}])
    approve_run(out, reviewer="alice")
    sanitized_path(out).write_text(json.dumps({"text": canary}) + "\n")
    with pytest.raises(HashMismatch) as info:
        check_approved(out)
    assert canary not in str(info.value)
    assert canary not in (out / APPROVAL_FILE).read_text()


def test_sends_signed_id_only_event_when_webhook_configured(
    tmp_path: Path, receiver: Receiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(URL_ENV, receiver.url)
    monkeypatch.setenv(SECRET_ENV, receiver.secret)
    out = make_run_dir(tmp_path, lines=[{"text": "canary-" + "5" * 6}])
    approval = approve_run(out, reviewer="alice", comment="fine")
    body, _, verified = receiver.received[0]
    payload = json.loads(body)
    assert verified and payload["event"] == "approved"
    assert payload["data"]["sanitized_sha256"] == approval.sanitized_sha256
    assert b"canary-" not in body and b"alice" not in body and b"fine" not in body


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("reviewer", "mallory"),  # a different name under the same signature
        ("decision_at_approval", "approved"),  # the policy decision it was taken on
        ("sanitized_sha256", "0" * 64),  # another file's hash
    ],
)
def test_refuses_approval_when_a_signed_field_was_edited(tmp_path: Path, field: str, value: str) -> None:
    out = make_run_dir(tmp_path)
    approve_run(out, reviewer="alice")
    data = json.loads((out / APPROVAL_FILE).read_text())
    data[field] = value
    (out / APPROVAL_FILE).write_text(json.dumps(data))
    with pytest.raises(NotApproved, match="signature does not verify"):
        check_approved(out)


def test_refuses_approval_when_made_with_another_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = make_run_dir(tmp_path)
    monkeypatch.setenv(APPROVAL_KEY_ENV, secrets.token_hex(32))  # someone else's key
    approve_run(out, reviewer="mallory")
    monkeypatch.setenv(APPROVAL_KEY_ENV, secrets.token_hex(32))  # the uploader's key
    with pytest.raises(NotApproved, match="signature does not verify"):
        check_approved(out)


@pytest.mark.parametrize(
    ("value", "match"),
    [
        (None, "is not set"),  # unset: says so, and how to set it or name a block
        ("", "is empty"),  # empty
        ("a" * 31, "shorter than 32"),  # too short to be unguessable
        ("a" * 20 + "\n" + "b" * 20, "one printable token"),  # a paste accident with a line break
    ],
)
def test_refuses_to_approve_when_approval_key_unusable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str | None, match: str
) -> None:
    out = make_run_dir(tmp_path)
    if value is None:
        monkeypatch.delenv(APPROVAL_KEY_ENV)
    else:
        monkeypatch.setenv(APPROVAL_KEY_ENV, value)
    with pytest.raises(ConfigError, match=match) as info:
        approve_run(out, reviewer="alice")
    assert "--approval-key-block" in str(info.value) or "generate one" in str(info.value)
    assert not (out / APPROVAL_FILE).exists()


def test_refuses_approval_when_report_html_is_not_the_page_of_report_json(tmp_path: Path) -> None:
    out = make_run_dir(tmp_path)
    (out / "report.html").write_text("<html>an older run's report</html>")
    with pytest.raises(HashMismatch, match="is not the page of report.json"):
        approve_run(out, reviewer="alice")


def test_refuses_policy_approval_when_run_ran_no_detector(tmp_path: Path) -> None:
    out = make_run_dir(tmp_path, decision=Decision.APPROVED)
    report = json.loads((out / "report.json").read_text())
    report["config"]["detection"]["detectors"] = []
    (out / "report.json").write_text(json.dumps(report))
    with pytest.raises(NotApproved, match="ran no detector"):
        record_policy_approval(out)


def test_refuses_gate_when_sanitized_file_is_a_symlink(tmp_path: Path) -> None:
    out = make_run_dir(tmp_path)
    approve_run(out, reviewer="alice")
    target = sanitized_path(out)
    copy = tmp_path / "elsewhere.jsonl"
    copy.write_bytes(target.read_bytes())  # same bytes, reached through a link
    target.unlink()
    target.symlink_to(copy)
    with pytest.raises(NotApproved, match="not a regular file"):
        check_approved(out)


def test_refuses_without_hanging_when_approval_json_is_a_fifo(tmp_path: Path) -> None:
    out = make_run_dir(tmp_path)
    os.mkfifo(out / APPROVAL_FILE)  # a read of a FIFO with no writer would block forever
    with pytest.raises(NotApproved, match="not a regular file"):
        check_approved(out)


def test_leaves_policy_approval_to_a_key_holder_when_process_has_no_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    out = make_run_dir(tmp_path, decision=Decision.APPROVED)
    monkeypatch.delenv(APPROVAL_KEY_ENV)
    assert record_policy_approval_if_key(out) is None
    assert not (out / APPROVAL_FILE).exists()
    assert "no approval was recorded" in caplog.text
    monkeypatch.setenv(APPROVAL_KEY_ENV, secrets.token_hex(32))
    assert record_policy_approval_if_key(out).source is ApprovalSource.POLICY


def test_key_holder_replaces_a_forged_approval_when_approving(tmp_path: Path) -> None:
    out = make_run_dir(tmp_path)
    approve_run(out, reviewer="alice")
    data = json.loads((out / APPROVAL_FILE).read_text())
    data["reviewer"] = "mallory"  # no longer verifies
    (out / APPROVAL_FILE).write_text(json.dumps(data))
    assert approve_run(out, reviewer="bob").reviewer == "bob"
    assert check_approved(out).reviewer == "bob"


def test_does_not_resign_policy_approval_when_run_changed_after_it(tmp_path: Path) -> None:
    out = make_run_dir(tmp_path, decision=Decision.APPROVED)
    first = record_policy_approval(out)
    assert record_policy_approval(out) == first  # the flow's review confirms what sanitize signed
    make_run_dir(tmp_path, lines=[{"text": "bytes swapped in after the policy approved"}],
                 decision=Decision.APPROVED)  # consistent report, html and files: only the key is missing
    with pytest.raises(HashMismatch, match="changed after the policy approved it"):
        record_policy_approval(out)


def test_refuses_policy_approval_when_report_is_not_the_one_sanitize_wrote(tmp_path: Path) -> None:
    out = make_run_dir(tmp_path, decision=Decision.APPROVED)
    written = Report.model_validate_json((out / "report.json").read_bytes())
    make_run_dir(tmp_path, lines=[{"text": "swapped"}], decision=Decision.APPROVED)
    with pytest.raises(HashMismatch, match="changed right after sanitize wrote it"):
        record_policy_approval(out, expected_report=written)
    assert not (out / APPROVAL_FILE).exists()
