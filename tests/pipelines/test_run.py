"""run_sanitize: one file through every stage, with the report files and the signed report_ready event."""

import json

from pipelines.run import run_sanitize
from schemas.run_config import ReviewPolicy, RunConfig
from tests.pipelines.gate.webhook_receiver import Receiver, receiver  # noqa: F401


def test_writes_reports_and_signed_event_when_run_completes(tmp_path, write_jsonl, monkeypatch, full_detector,
                                                            receiver: Receiver):  # noqa: F811
    monkeypatch.setenv("FT_SANITIZER_WEBHOOK_URL", receiver.url)
    monkeypatch.setenv("FT_SANITIZER_WEBHOOK_SECRET", receiver.secret)
    src = write_jsonl([{"text": "Mail kenji.sato@example.com about the outage."}])
    result = run_sanitize(src, tmp_path / "out", RunConfig(), full_detector)
    assert (tmp_path / "out" / "report.json").is_file() and (tmp_path / "out" / "report.html").is_file()
    [(body, _, verified)] = receiver.received
    event = json.loads(body)
    assert verified and event["event"] == "report_ready"
    assert event["data"]["sanitized_sha256"] == result.report.sanitized_sha256
    assert b"kenji" not in body


def test_records_policy_approval_when_policy_approves(tmp_path, write_jsonl, full_detector):
    src = write_jsonl([{"text": "All good here."}])
    config = RunConfig(policy=ReviewPolicy(auto_approve=True))
    result = run_sanitize(src, tmp_path / "out", config, full_detector)
    approval = json.loads((tmp_path / "out" / "approval.json").read_text())
    assert result.report.decision == "approved"
    assert approval["source"] == "policy" and approval["sanitized_sha256"] == result.report.sanitized_sha256


def test_writes_no_approval_when_review_is_needed(tmp_path, write_jsonl, full_detector):
    result = run_sanitize(write_jsonl([{"text": "All good here."}]), tmp_path / "out", RunConfig(), full_detector)
    assert result.report.decision == "needs_review"
    assert not (tmp_path / "out" / "approval.json").exists()
