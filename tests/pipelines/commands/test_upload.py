"""`ft-sanitizer upload` against the Together test server."""

# The fixture is imported so this module runs on its own; tests/conftest.py may import it as well.
# ruff: noqa: F811

import logging
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipelines.commands.upload import command
from pipelines.gate.approve_run import approve_run
from pipelines.gate.start_fine_tune import ALLOWLIST_ENV
from tests.pipelines.gate.run_dirs import make_run_dir, sanitized_path
from tests.together_server import TogetherServer
from tests.together_server.fixture import fake_together_key, together_server  # noqa: F401

MODEL = "Qwen/Qwen2.5-7B-Instruct"


def _invoke(*args: str):
    return CliRunner().invoke(command, [*args, "--poll-interval", "0"])


def _approved(tmp_path: Path) -> Path:
    out = make_run_dir(tmp_path)
    approve_run(out, reviewer="alice")
    return out


def test_prints_one_line_with_key_hint_only_when_uploaded(
    tmp_path: Path, together_server: TogetherServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    key = together_server.api_key
    result = _invoke(str(_approved(tmp_path)))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("uploaded file-")
    assert f"key=…{key[-4:]}" in lines[0] and "status=COMPLETED" in lines[0]
    for text in (result.output, caplog.text):
        assert key not in text and key[-8:] not in text
    # The last 4 characters appear only as the hint.
    assert result.output.count(key[-4:]) == result.output.count("…" + key[-4:]) == 1


def test_says_no_bytes_sent_when_uploaded_again(tmp_path: Path, together_server: TogetherServer) -> None:
    out = _approved(tmp_path)
    assert _invoke(str(out)).exit_code == 0
    result = _invoke(str(out))
    assert result.exit_code == 0
    assert "no bytes sent" in result.stdout
    assert len(together_server.requests_to("PUT", "/upload/")) == 1


def test_exits_3_and_sends_nothing_when_not_approved(tmp_path: Path, together_server: TogetherServer) -> None:
    result = _invoke(str(make_run_dir(tmp_path)))
    assert result.exit_code == 3
    assert result.stderr.startswith("refused: ") and "ft-sanitizer approve" in result.stderr
    assert together_server.requests == []


def test_exits_3_and_sends_nothing_when_file_changed(tmp_path: Path, together_server: TogetherServer) -> None:
    out = _approved(tmp_path)
    sanitized_path(out).write_bytes(b'{"text": "edited"}\n')
    result = _invoke(str(out))
    assert result.exit_code == 3
    assert together_server.requests == []


def test_exits_4_with_hint_not_key_when_key_wrong(
    tmp_path: Path, together_server: TogetherServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    wrong = fake_together_key()
    monkeypatch.setenv("TOGETHER_API_KEY", wrong)
    result = _invoke(str(_approved(tmp_path)))
    assert result.exit_code == 4
    assert "upload failed:" in result.stderr and "…" + wrong[-4:] in result.stderr
    assert wrong not in result.output


def test_exits_4_when_server_keeps_failing(tmp_path: Path, together_server: TogetherServer) -> None:
    together_server.fail_next("/v1/files", status=503, count=1000, retry_after=0.01)
    out = _approved(tmp_path)
    result = _invoke(str(out))
    assert result.exit_code == 4
    assert "HTTP 503" in result.stderr
    assert not (out / "upload.json").exists()


def test_exits_2_when_key_missing(
    tmp_path: Path, together_server: TogetherServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TOGETHER_API_KEY")
    result = _invoke(str(_approved(tmp_path)))
    assert result.exit_code == 2
    assert "TOGETHER_API_KEY" in result.stderr


def test_exits_4_when_fine_tune_model_not_allowlisted(
    tmp_path: Path, together_server: TogetherServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ALLOWLIST_ENV, "some/other-model")
    result = _invoke(str(_approved(tmp_path)), "--fine-tune", MODEL, "--budget", "10")
    assert result.exit_code == 4
    assert "allowlist" in result.stderr
    assert together_server.requests == []


def test_starts_job_and_names_it_when_fine_tune_allowed(
    tmp_path: Path, together_server: TogetherServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ALLOWLIST_ENV, MODEL)
    result = _invoke(str(_approved(tmp_path)), "--fine-tune", MODEL, "--budget", "10", "--epochs", "2")
    assert result.exit_code == 0, result.output
    assert "; fine-tune ft-" in result.stdout and "(est. $3.00 of $10.00)" in result.stdout


def test_exits_2_when_suffix_has_free_text(tmp_path: Path, together_server: TogetherServer) -> None:
    result = _invoke(str(_approved(tmp_path)), "--fine-tune", MODEL, "--suffix", "my run")
    assert result.exit_code == 2
    assert "suffix" in result.stderr
    assert together_server.requests == []


def test_help_documents_exit_codes() -> None:
    text = " ".join(CliRunner().invoke(command, ["--help"]).stdout.split())  # click re-wraps the lines
    assert "Exit status: 0" in text
    assert "3 refused by the gate" in text and "4 Together" in text and "2 configuration error" in text
