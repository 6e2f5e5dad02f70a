import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipelines.commands.approve import command
from schemas.report import Decision
from tests.pipelines.gate.run_dirs import make_run_dir, sanitized_path


def test_prints_summary_and_exits_0_when_approved(tmp_path: Path) -> None:
    out = make_run_dir(tmp_path)
    result = CliRunner().invoke(command, [str(out), "--reviewer", "alice", "--comment", "ok"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("approved train.sanitized.jsonl (sha256 ")
    assert "by alice, signed with approval key " in result.stdout and "next: ft-sanitizer upload" in result.stdout
    assert json.loads((out / "approval.json").read_text())["comment"] == "ok"


def test_records_rejection_when_reject_flag_given(tmp_path: Path) -> None:
    out = make_run_dir(tmp_path)
    result = CliRunner().invoke(command, [str(out), "--reviewer", "bob", "--reject"])
    assert result.exit_code == 0
    assert result.stdout.startswith("rejected ")
    assert json.loads((out / "approval.json").read_text())["approved"] is False


def test_exits_3_with_reason_when_policy_rejected(tmp_path: Path) -> None:
    out = make_run_dir(tmp_path, decision=Decision.REJECTED)
    result = CliRunner().invoke(command, [str(out), "--reviewer", "alice"])
    assert result.exit_code == 3
    assert "refused:" in result.stderr and "cannot be approved" in result.stderr


def test_exits_3_when_file_changed_after_sanitize(tmp_path: Path) -> None:
    out = make_run_dir(tmp_path)
    sanitized_path(out).write_bytes(b'{"text": "edited"}\n')
    result = CliRunner().invoke(command, [str(out), "--reviewer", "alice"])
    assert result.exit_code == 3
    assert "does not match report.json" in result.stderr


def test_exits_4_and_names_first_reviewer_when_another_reviewer_approves_again(tmp_path: Path) -> None:
    out = make_run_dir(tmp_path)
    assert CliRunner().invoke(command, [str(out), "--reviewer", "alice"]).exit_code == 0
    result = CliRunner().invoke(command, [str(out), "--reviewer", "carol"])
    assert result.exit_code == 4
    assert "already approved by alice" in result.stderr and "recorded" in result.stderr
    assert "carol" in (out / "approval_attempts.jsonl").read_text()


def test_exits_2_naming_variable_and_block_option_when_approval_key_unset(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FT_SANITIZER_APPROVAL_KEY")
    out = make_run_dir(tmp_path)
    result = CliRunner().invoke(command, [str(out), "--reviewer", "alice"])
    assert result.exit_code == 2
    assert "FT_SANITIZER_APPROVAL_KEY is not set" in result.stderr and "--approval-key-block" in result.stderr


def test_exits_2_when_reviewer_blank(tmp_path: Path) -> None:
    out = make_run_dir(tmp_path)
    result = CliRunner().invoke(command, [str(out), "--reviewer", " "])
    assert result.exit_code == 2
    assert "reviewer" in result.stderr


def test_exits_2_when_reviewer_missing(tmp_path: Path) -> None:
    out = make_run_dir(tmp_path)
    result = CliRunner().invoke(command, [str(out)])
    assert result.exit_code == 2
    assert "--reviewer" in result.stderr


def test_help_documents_exit_codes() -> None:
    text = " ".join(CliRunner().invoke(command, ["--help"]).stdout.split())  # click re-wraps the lines
    assert "Exit status: 0" in text and "3 refused" in text and "4 another reviewer" in text


def test_exits_2_without_traceback_when_decision_cannot_be_written(tmp_path: Path) -> None:
    out = make_run_dir(tmp_path)
    (out / "approval.json").mkdir()  # the rename onto it fails, as on a read-only or full disk
    result = CliRunner().invoke(command, [str(out), "--reviewer", "alice"])
    assert result.exit_code == 2 and "cannot record the decision" in result.stderr
    assert "Traceback" not in result.output
