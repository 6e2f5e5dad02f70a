"""A Together server that echoes the API key back: only the key's last four characters ever show."""

# The fixture is imported so this module runs on its own.
# ruff: noqa: F811

import json
import logging
import socket
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipelines.commands.upload import command as upload_command
from pipelines.gate.approve_run import approve_run
from pipelines.gate.together_calls import RetryPolicy
from pipelines.gate.upload_to_together import upload_approved
from schemas.errors import UploadUnavailable
from tests.pipelines.gate.run_dirs import make_run_dir
from tests.together_server import TogetherServer
from tests.together_server.fixture import together_server  # noqa: F401

MODEL = "Qwen/Qwen2.5-7B-Instruct"


def _approved(tmp_path: Path) -> Path:
    out = make_run_dir(tmp_path)
    approve_run(out, reviewer="alice")
    return out


def _assert_only_hint(key: str, *texts: str) -> None:
    for text in texts:
        assert key not in text and key[:-4] not in text and key[-8:] not in text


def test_invalid_format_reason_echoing_the_key_is_scrubbed(
    tmp_path: Path, together_server: TogetherServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    key = together_server.api_key
    together_server.fail_processing_next("INVALID_FORMAT", f"line 1 invalid; request made with key {key}")
    result = CliRunner().invoke(upload_command, [str(_approved(tmp_path)), "--poll-interval", "0",
                                                 "--poll-timeout", "30"])
    assert result.exit_code == 4 and "INVALID_FORMAT" in result.stderr
    _assert_only_hint(key, result.output, caplog.text)


def test_fine_tune_refusal_echoing_the_key_is_scrubbed_in_output_and_upload_json(
    tmp_path: Path, together_server: TogetherServer, monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    monkeypatch.setenv("FT_SANITIZER_FINETUNE_ALLOWLIST", MODEL)
    key = together_server.api_key
    together_server.fail_next("/v1/fine-tunes", status=400, method="POST", retry_after=None,
                              message=f"invalid request for api key {key}")
    out = _approved(tmp_path)
    result = CliRunner().invoke(upload_command, [str(out), "--poll-interval", "0", "--fine-tune", MODEL,
                                                 "--budget", "100"])
    assert result.exit_code == 4, result.output
    stored = (out / "upload.json").read_text()
    _assert_only_hint(key, result.output, caplog.text, stored)
    assert json.loads(stored)["key_hint"] == "…" + key[-4:]


def test_refuses_key_with_an_inner_newline_without_showing_it(
    tmp_path: Path, together_server: TogetherServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = together_server.api_key
    monkeypatch.setenv("TOGETHER_API_KEY", key[:20] + "\n" + key[20:])
    result = CliRunner().invoke(upload_command, [str(_approved(tmp_path)), "--poll-interval", "0"])
    assert result.exit_code == 2 and "one printable token" in result.stderr
    _assert_only_hint(key, result.output)
    assert key[20:] not in result.output and together_server.requests == []


def test_refuses_credentials_inside_base_url_without_showing_them(
    tmp_path: Path, together_server: TogetherServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    password = "pw-" + "q7" * 10
    monkeypatch.setenv("TOGETHER_BASE_URL", together_server.base_url.replace("://", f"://user:{password}@"))
    result = CliRunner().invoke(upload_command, [str(_approved(tmp_path)), "--poll-interval", "0"])
    assert result.exit_code == 2 and "holds credentials" in result.stderr
    assert password not in result.output and together_server.requests == []


def test_connection_refused_names_the_url_and_stops_after_one_round(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("TOGETHER_BASE_URL", f"http://127.0.0.1:{port}")
    monkeypatch.setenv("TOGETHER_API_KEY", "tgp_v1_" + "k" * 40)
    result = CliRunner().invoke(upload_command, [str(_approved(tmp_path)), "--poll-interval", "0"])
    assert result.exit_code == 2
    assert f"http://127.0.0.1:{port}" in result.stderr and "connection refused" in result.stderr
    assert "try again later" not in result.stderr


def test_a_silent_server_cannot_hold_upload_past_the_time_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept_and_never_answer() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept_and_never_answer, daemon=True)
    thread.start()
    monkeypatch.setenv("TOGETHER_BASE_URL", f"http://127.0.0.1:{listener.getsockname()[1]}")
    monkeypatch.setenv("TOGETHER_API_KEY", "tgp_v1_" + "k" * 40)
    budget = RetryPolicy(attempts=3, sdk_max_retries=1, total_s=4.0, base_delay_s=0.1)
    start = time.monotonic()
    try:
        with pytest.raises(UploadUnavailable):
            upload_approved(_approved(tmp_path), poll_interval=0, retry=budget)
        # Bounded, not timed: the budget plus the SDK's own short back-off between its retries.
        assert time.monotonic() - start < budget.total_s + 5
    finally:
        stop.set()
        thread.join()
        for conn in accepted:
            conn.close()
        listener.close()


def test_debug_logging_and_tracebacks_show_only_the_hint_when_the_server_echoes_the_key(
    tmp_path: Path, together_server: TogetherServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    import subprocess
    import sys

    monkeypatch.setenv("FT_SANITIZER_FINETUNE_ALLOWLIST", MODEL)
    key = together_server.api_key
    # Every fine-tune call answers 400 with the key in its text (the SDK logs and raises with it).
    together_server.fail_next("/v1/fine-tunes", status=400, count=5, retry_after=None,
                              message=f"request with api key {key} refused")
    out = _approved(tmp_path)
    result = subprocess.run(
        [str(Path(sys.executable).parent / "ft-sanitizer"), "--log-level", "DEBUG", "upload", str(out),
         "--poll-interval", "0", "--fine-tune", MODEL, "--budget", "100"],
        capture_output=True, text=True, timeout=300, env=dict(os.environ), check=False,
    )
    assert result.returncode == 4, result.stderr[-2000:]
    assert "DEBUG" in result.stderr  # the run did log at DEBUG
    assert "[REDACTED" in result.stderr  # and the echoed key did reach a log line, masked
    _assert_only_hint(key, result.stdout, result.stderr, (out / "upload.json").read_text())
