"""The gate against someone who can write the run folder but holds no approval key.

Every scenario ends with zero bytes at the Together test server (real SDK, real HTTP): the forged,
swapped or planted bytes never leave. The attacker's moves are file edits with raw bytes and
recomputed hashes, exactly what a shell on the machine allows.
"""

# The fixture is imported so this module runs on its own.
# ruff: noqa: F811

import hashlib
import json
import os
import secrets
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipelines.commands.approve import command as approve_command
from pipelines.commands.sanitize import command as sanitize_command
from pipelines.commands.upload import command as upload_command
from pipelines.gate.approval_key import ENV_VAR as APPROVAL_KEY_ENV
from pipelines.gate.approve_run import approve_run
from pipelines.gate.private_copy import private_copy
from pipelines.stages.chunk_seal import seal_key
from schemas.report import Decision
from tests.pipelines.gate.run_dirs import make_run_dir, sanitized_path
from tests.together_server import TogetherServer
from tests.together_server.fixture import together_server  # noqa: F401

MODEL = "Qwen/Qwen2.5-7B-Instruct"
# A raw record the attacker wants uploaded: it holds a key-shaped secret, built at runtime.
RAW = json.dumps({"messages": [
    {"role": "user", "content": "my key is sk-proj-" + secrets.token_hex(24)},
    {"role": "assistant", "content": "noted"},
]}).encode() + b"\n"


def _bytes_received(server: TogetherServer) -> int:
    return sum(r.bytes_received for r in server.requests_to("PUT", "/upload/"))


def _upload(out: Path, *extra: str):
    return CliRunner().invoke(upload_command, [str(out), "--poll-interval", "0", *extra])


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _edit_json(path: Path, **changes: object) -> None:
    data = json.loads(path.read_bytes())
    for dotted, value in changes.items():
        target = data
        *parents, leaf = dotted.split("__")
        for name in parents:
            target = target[name]
        target[leaf] = value
    path.write_bytes(json.dumps(data).encode())


def _swap_in_raw_with_matching_hashes(out: Path) -> None:
    """Replace the sanitized file by raw bytes and make report.json and approval.json agree with them."""
    target = sanitized_path(out)
    target.write_bytes(RAW)
    _edit_json(out / "report.json", sanitized_sha256=_sha(RAW), sanitized__sha256=_sha(RAW),
               sanitized__bytes=len(RAW))
    report_sha = _sha((out / "report.json").read_bytes())
    approval = json.loads((out / "approval.json").read_bytes())
    approval["files"][target.name] = _sha(RAW)
    approval["files"]["report.json"] = report_sha
    approval.update(sanitized_sha256=_sha(RAW), report_sha256=report_sha, sanitized_bytes=len(RAW))
    (out / "approval.json").write_bytes(json.dumps(approval).encode())


def test_sends_nothing_when_raw_bytes_swapped_in_with_matching_hashes(
    tmp_path: Path, together_server: TogetherServer
) -> None:
    out = make_run_dir(tmp_path)
    approve_run(out, reviewer="alice")
    _swap_in_raw_with_matching_hashes(out)
    result = _upload(out)
    assert result.exit_code == 3 and "signature does not verify" in result.stderr
    assert _bytes_received(together_server) == 0 and together_server.requests == []


def test_sends_nothing_when_run_reapproved_under_any_name_without_the_key(
    tmp_path: Path, together_server: TogetherServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = make_run_dir(tmp_path)
    _swap_in_raw_with_matching_hashes_before_approval(out)
    holder_key = os.environ[APPROVAL_KEY_ENV]
    monkeypatch.setenv(APPROVAL_KEY_ENV, secrets.token_hex(32))  # the attacker's own key
    assert CliRunner().invoke(approve_command, [str(out), "--reviewer", "alice"]).exit_code == 0
    monkeypatch.setenv(APPROVAL_KEY_ENV, holder_key)  # the uploader holds the real key
    result = _upload(out)
    assert result.exit_code == 3 and "signature does not verify" in result.stderr
    assert _bytes_received(together_server) == 0


def _swap_in_raw_with_matching_hashes_before_approval(out: Path) -> None:
    sanitized_path(out).write_bytes(RAW)
    _edit_json(out / "report.json", sanitized_sha256=_sha(RAW), sanitized__sha256=_sha(RAW),
               sanitized__bytes=len(RAW))
    from pipelines.stages.render_html import write_report_html
    from schemas.report import Report

    write_report_html(Report.model_validate_json((out / "report.json").read_bytes()), out)


def test_sends_nothing_when_sanitized_file_is_a_symlink_to_the_raw_input(
    tmp_path: Path, together_server: TogetherServer
) -> None:
    out = make_run_dir(tmp_path)
    approve_run(out, reviewer="alice")
    raw = tmp_path / "raw.jsonl"
    raw.write_bytes(sanitized_path(out).read_bytes())  # even with the approved bytes behind the link
    sanitized_path(out).unlink()
    sanitized_path(out).symlink_to(raw)
    result = _upload(out)
    assert result.exit_code == 3 and "not a regular file" in result.stderr
    assert _bytes_received(together_server) == 0


@pytest.mark.parametrize("forged", ["needs_review", "approved"])
def test_sends_nothing_when_policy_rejection_edited_into_an_approval(
    tmp_path: Path, together_server: TogetherServer, forged: str
) -> None:
    out = make_run_dir(tmp_path, decision=Decision.REJECTED)
    assert CliRunner().invoke(approve_command, [str(out), "--reviewer", "alice"]).exit_code == 3
    _edit_json(out / "report.json", decision=forged)
    # Without the key, the attacker can only write an approval by hand, signature copied from nowhere.
    approval = {
        "schema_version": 2, "approved": True, "reviewer": "alice", "approved_at": "2026-12-06T09:00:00Z",
        "source": "cli", "sanitized_name": sanitized_path(out).name,
        "sanitized_bytes": sanitized_path(out).stat().st_size,
        "sanitized_sha256": _sha(sanitized_path(out).read_bytes()),
        "report_sha256": _sha((out / "report.json").read_bytes()), "decision_at_approval": forged,
        "files": {}, "key_id": "0" * 12, "signature": "0" * 64,
    }
    approval["files"] = {sanitized_path(out).name: approval["sanitized_sha256"],
                         "report.json": approval["report_sha256"]}
    (out / "approval.json").write_text(json.dumps(approval))
    result = _upload(out)
    assert result.exit_code == 3
    assert _bytes_received(together_server) == 0


def test_sends_nothing_when_approval_decision_edited_after_a_rejection(
    tmp_path: Path, together_server: TogetherServer
) -> None:
    out = make_run_dir(tmp_path)
    assert CliRunner().invoke(approve_command, [str(out), "--reviewer", "bob", "--reject"]).exit_code == 0
    approval = json.loads((out / "approval.json").read_text())
    approval.update(approved=True, approved_at=approval.pop("rejected_at"), rejected_at=None)
    (out / "approval.json").write_text(json.dumps(approval))
    result = _upload(out)
    assert result.exit_code == 3 and "signature does not verify" in result.stderr
    assert _bytes_received(together_server) == 0


def test_sends_nothing_when_a_key_holder_approved_a_file_that_holds_a_secret(
    tmp_path: Path, together_server: TogetherServer
) -> None:
    out = make_run_dir(tmp_path, lines=[json.loads(RAW)])  # what report.json claims is clean is not
    approve_run(out, reviewer="alice")
    result = _upload(out)
    assert result.exit_code == 3 and "secret re-scan found OPENAI_API_KEY" in result.stderr
    assert "sk-proj-" not in result.output
    assert _bytes_received(together_server) == 0 and together_server.requests == []


@pytest.mark.parametrize("name", ["report.json", "approval.json"])
def test_refuses_without_hanging_when_a_gate_file_is_a_fifo(
    tmp_path: Path, together_server: TogetherServer, name: str
) -> None:
    out = make_run_dir(tmp_path)
    approve_run(out, reviewer="alice")
    (out / name).unlink()
    os.mkfifo(out / name)  # a read with no writer would block forever
    result = _upload(out)
    assert result.exit_code == 3 and "not a regular file" in result.stderr
    assert _bytes_received(together_server) == 0


def test_refuses_when_approval_json_is_huge(tmp_path: Path, together_server: TogetherServer) -> None:
    out = make_run_dir(tmp_path)
    approve_run(out, reviewer="alice")
    (out / "approval.json").write_bytes(b" " * (2 * 1024 * 1024))  # beyond the 1 MiB limit
    result = _upload(out)
    assert result.exit_code == 3 and "larger than" in result.stderr
    assert _bytes_received(together_server) == 0


def test_sends_the_verified_bytes_when_file_swapped_after_the_private_copy(tmp_path: Path) -> None:
    out = make_run_dir(tmp_path)
    approved = sanitized_path(out).read_bytes()
    with private_copy(sanitized_path(out), _sha(approved)) as copy:
        sanitized_path(out).write_bytes(RAW)  # the swap between hash and send
        assert copy.read_bytes() == approved  # what the SDK is given is the copy, not the name
    assert not copy.exists()


def test_fine_tune_ignores_a_forged_upload_json_and_trains_on_the_verified_upload(
    tmp_path: Path, together_server: TogetherServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FT_SANITIZER_FINETUNE_ALLOWLIST", MODEL)
    # A file the attacker put on the account earlier (raw data), already COMPLETED there.
    other = make_run_dir(tmp_path / "other", lines=[{"text": "someone else's data"}])
    approve_run(other, reviewer="alice")
    assert _upload(other).exit_code == 0
    foreign_id = json.loads((other / "upload.json").read_text())["file_id"]
    out = make_run_dir(tmp_path)
    approve_run(out, reviewer="alice")
    forged = json.loads((other / "upload.json").read_text())
    forged.update(sanitized_name=sanitized_path(out).name, sanitized_sha256=_sha(sanitized_path(out).read_bytes()))
    (out / "upload.json").write_text(json.dumps(forged))
    result = _upload(out, "--fine-tune", MODEL, "--budget", "100")
    assert result.exit_code == 0, result.output
    record = json.loads((out / "upload.json").read_text())
    assert record["file_id"] != foreign_id
    jobs = list(together_server.jobs.values())
    assert [job["training_file"] for job in jobs] == [record["file_id"]]


# An earlier run was interrupted (its seal key is there) or not (the folder is the attacker's alone).
@pytest.mark.parametrize("interrupted_run", [False, True])
def test_planted_resume_chunk_never_becomes_the_output(tmp_path: Path, interrupted_run: bool) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"".join(
        json.dumps({"messages": [{"role": "user", "content": f"question {i}"},
                                 {"role": "assistant", "content": f"answer {i}"}]}).encode() + b"\n"
        for i in range(40)))
    out = tmp_path / "out"
    args = [str(src), "--out", str(out), "--detectors", "secrets", "--workers", "1"]
    assert CliRunner().invoke(sanitize_command, args).exit_code == 0
    clean = (out / "in.sanitized.jsonl").read_bytes()
    # The work folder's name follows from input and options: the attacker plants chunk 0 "finished".
    from pipelines.stages.sanitize_file import plan_file
    from schemas.run_config import DetectionOptions, Detectors, RunConfig

    config = RunConfig(detection=DetectionOptions(detectors=frozenset({Detectors.SECRETS})))
    plan = plan_file(src, tmp_path / "probe", config)
    work = out / ".work" / plan.work_dir.name
    work.mkdir(parents=True)
    if interrupted_run:
        seal_key(work)  # what the interrupted run's planner left: a trusted key, no chunk sealed yet
    job = plan.jobs[0]
    planted = RAW * 40
    (work / job.part("sanitized.jsonl").name).write_bytes(planted)
    (work / job.part("quarantine.jsonl").name).write_bytes(b"")
    (work / job.part("stats.json").name).write_text(json.dumps({"records_total": 40, "records_written": 40}))
    assert CliRunner().invoke(sanitize_command, args).exit_code == 0
    assert not work.exists()  # the run used (and then removed) the folder the chunk was planted in
    assert (out / "in.sanitized.jsonl").read_bytes() == clean


def test_refuses_empty_detector_set_and_writes_no_approval(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(RAW)
    out = tmp_path / "out"
    result = CliRunner().invoke(sanitize_command, [str(src), "--out", str(out), "--detectors", "", "--auto-approve"])
    assert result.exit_code == 2 and "detectors" in result.stderr
    assert not (out / "approval.json").exists() and not (out / "report.json").exists()


def test_sanitize_refuses_a_folder_a_reviewer_rejected(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(b'{"text": "hello"}\n')
    out = tmp_path / "out"
    args = [str(src), "--out", str(out), "--detectors", "secrets", "--workers", "1"]
    assert CliRunner().invoke(sanitize_command, args).exit_code == 0
    assert CliRunner().invoke(approve_command, [str(out), "--reviewer", "bob", "--reject"]).exit_code == 0
    rerun = CliRunner().invoke(sanitize_command, [*args, "--auto-approve"])
    assert rerun.exit_code != 0 and "rejected by bob" in rerun.stderr
    assert json.loads((out / "approval.json").read_text())["approved"] is False


def test_sends_the_verified_bytes_when_file_swapped_while_the_upload_runs(
    tmp_path: Path, together_server: TogetherServer
) -> None:
    out = make_run_dir(tmp_path)
    approve_run(out, reviewer="alice")
    approved = sanitized_path(out).read_bytes()
    # The swap happens deterministically between the gate's hash and the PUT: when the SDK asks the
    # server for an upload URL (POST /v1/files), the attacker replaces the file in the run folder.
    method, pattern, create_upload = together_server._routes[0]
    assert (method, pattern.pattern) == ("POST", "/v1/files")

    def swap_then_answer(**kwargs: object):
        sanitized_path(out).write_bytes(RAW)
        return create_upload(**kwargs)

    together_server._routes[0] = (method, pattern, swap_then_answer)
    result = _upload(out)
    assert result.exit_code == 0, result.output
    assert sanitized_path(out).read_bytes() == RAW  # the swap did happen
    stored = [f.data for f in together_server.files.values()]
    assert stored == [approved]
    assert _bytes_received(together_server) == len(approved)


def test_pii_rescan_refuses_an_approved_file_that_still_holds_pii_when_configured(
    tmp_path: Path, together_server: TogetherServer
) -> None:
    email = "jordan." + secrets.token_hex(3) + "@example.org"
    out = make_run_dir(tmp_path, lines=[{"messages": [
        {"role": "user", "content": f"Please write to {email} about my order"},
        {"role": "assistant", "content": "Done."},
    ]}])
    approve_run(out, reviewer="alice")  # a reviewer missed it; the policy counted no residual PII
    result = _upload(out, "--rescan-pii")
    assert result.exit_code == 3 and "PII re-scan found EMAIL_ADDRESS" in result.stderr
    assert email not in result.output
    assert _bytes_received(together_server) == 0


def test_pii_rescan_passes_a_file_whose_only_pii_are_placeholders(
    tmp_path: Path, together_server: TogetherServer
) -> None:
    out = make_run_dir(tmp_path)  # "Hi <PERSON_1>": our own placeholder is not PII
    approve_run(out, reviewer="alice")
    result = _upload(out, "--rescan-pii")
    assert result.exit_code == 0, result.output
    assert _bytes_received(together_server) == sanitized_path(out).stat().st_size
