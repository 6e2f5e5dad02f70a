"""upload_approved against the Together test server, through the real SDK over HTTP."""

# The fixture is imported so this module runs on its own; tests/conftest.py may import it as well.
# ruff: noqa: F811

import json
import logging
from pathlib import Path

import pytest

from pipelines.gate.approve_run import approve_run
from pipelines.gate.notify import SECRET_ENV, URL_ENV
from pipelines.gate.together_calls import RetryPolicy
from pipelines.gate.upload_to_together import UPLOAD_FILE, upload_approved
from schemas.errors import ConfigError, HashMismatch, NotApproved, UploadRejected, UploadUnavailable
from schemas.upload import UploadRecord
from tests.pipelines.gate.run_dirs import make_run_dir, sanitized_path
from tests.pipelines.gate.webhook_receiver import Receiver, receiver  # noqa: F401
from tests.together_server import TogetherServer
from tests.together_server.fixture import fake_together_key, together_server  # noqa: F401

FAST = RetryPolicy(attempts=3, sdk_max_retries=2, total_s=30)


def _approved_run(tmp_path: Path, **kwargs: object) -> Path:
    out = make_run_dir(tmp_path, **kwargs)  # type: ignore[arg-type]
    approve_run(out, reviewer="alice")
    return out


def _upload(out: Path, **kwargs: object) -> UploadRecord:
    return upload_approved(out, poll_interval=0, retry=FAST, **kwargs)  # type: ignore[arg-type]


def test_uploads_and_records_when_run_approved(tmp_path: Path, together_server: TogetherServer) -> None:
    out = _approved_run(tmp_path)
    record = _upload(out)
    assert record.status == "COMPLETED" and not record.reused
    assert record.file_id in together_server.files
    assert together_server.files[record.file_id].data == sanitized_path(out).read_bytes()
    assert UploadRecord.model_validate_json((out / UPLOAD_FILE).read_bytes()) == record
    assert record.base_url_host == f"127.0.0.1:{together_server.port}"
    assert record.key_hint == "…" + together_server.api_key[-4:]
    assert [r.method for r in together_server.requests_to("PUT", "/upload/")] == ["PUT"]


def test_sends_nothing_when_run_not_approved(tmp_path: Path, together_server: TogetherServer) -> None:
    out = make_run_dir(tmp_path)
    with pytest.raises(NotApproved):
        _upload(out)
    assert together_server.requests == []
    assert not (out / UPLOAD_FILE).exists()


def test_sends_nothing_when_file_changed_after_approval(
    tmp_path: Path, together_server: TogetherServer
) -> None:
    out = _approved_run(tmp_path)
    with sanitized_path(out).open("ab") as f:
        f.write(b'{"text": "slipped in after review"}\n')
    with pytest.raises(HashMismatch):
        _upload(out)
    assert together_server.requests == []


def test_sends_nothing_when_key_missing(
    tmp_path: Path, together_server: TogetherServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = _approved_run(tmp_path)
    monkeypatch.delenv("TOGETHER_API_KEY")
    with pytest.raises(ConfigError, match="TOGETHER_API_KEY"):
        _upload(out)
    assert together_server.requests == []


def test_sends_nothing_when_base_url_has_v1_suffix(
    tmp_path: Path, together_server: TogetherServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = _approved_run(tmp_path)
    monkeypatch.setenv("TOGETHER_BASE_URL", together_server.base_url + "/v1")
    with pytest.raises(ConfigError, match="/v1"):
        _upload(out)
    assert together_server.requests == []


def test_uploads_when_first_request_rate_limited(tmp_path: Path, together_server: TogetherServer) -> None:
    out = _approved_run(tmp_path)
    together_server.fail_next("/v1/files", status=429, count=1, retry_after=0.01, method="POST")
    record = _upload(out)
    assert record.status == "COMPLETED"
    assert [r.status for r in together_server.requests_to("POST", "/v1/files")][:2] == [429, 302]
    assert len(together_server.requests_to("PUT", "/upload/")) == 1


def test_restarts_upload_when_presigned_put_fails(tmp_path: Path, together_server: TogetherServer) -> None:
    out = _approved_run(tmp_path)
    together_server.fail_next("/upload/", status=503, count=1, retry_after=0.01)
    record = _upload(out)
    assert record.status == "COMPLETED"
    assert [r.status for r in together_server.requests_to("PUT", "/upload/")] == [503, 200]
    assert (out / UPLOAD_FILE).exists()


def test_gives_up_and_records_nothing_when_server_keeps_failing(
    tmp_path: Path, together_server: TogetherServer
) -> None:
    out = _approved_run(tmp_path)
    together_server.fail_next("/v1/files", status=503, count=1000, retry_after=0.01)
    with pytest.raises(UploadUnavailable, match="HTTP 503") as info:
        _upload(out)
    assert "nothing was recorded" in str(info.value)
    # Bounded: 3 attempts of ours x (1 + 2 SDK retries), and no byte of the file sent.
    assert len(together_server.requests_to("POST", "/v1/files")) == 3 * 3
    assert together_server.requests_to("PUT", "/upload/") == []
    assert not (out / UPLOAD_FILE).exists()


def test_gives_up_at_once_when_retry_after_exceeds_time_budget(
    tmp_path: Path, together_server: TogetherServer
) -> None:
    out = _approved_run(tmp_path)
    together_server.fail_next("/v1/files", status=429, count=10, retry_after=30)
    policy = RetryPolicy(attempts=5, sdk_max_retries=0, total_s=5)
    with pytest.raises(UploadUnavailable, match="HTTP 429"):
        upload_approved(out, poll_interval=0, retry=policy)
    assert len(together_server.requests_to("POST", "/v1/files")) == 1


def test_sends_no_bytes_when_same_file_uploaded_twice(
    tmp_path: Path, together_server: TogetherServer
) -> None:
    out = _approved_run(tmp_path)
    first = _upload(out)
    together_server.clear_log()
    second = _upload(out)
    assert second.file_id == first.file_id and second.reused
    assert [(r.method, r.path) for r in together_server.requests] == [("GET", f"/v1/files/{first.file_id}")]
    assert not UploadRecord.model_validate_json((out / UPLOAD_FILE).read_bytes()).reused


def test_server_409_returns_existing_file_when_record_lost(
    tmp_path: Path, together_server: TogetherServer
) -> None:
    out = _approved_run(tmp_path)
    first = _upload(out)
    (out / UPLOAD_FILE).unlink()
    together_server.clear_log()
    second = _upload(out)
    assert second.file_id == first.file_id and second.reused
    assert [r.status for r in together_server.requests_to("POST", "/v1/files")] == [409]
    assert together_server.requests_to("PUT", "/upload/") == []
    assert (out / UPLOAD_FILE).exists()


def test_uploads_again_when_recorded_file_deleted_remotely(
    tmp_path: Path, together_server: TogetherServer
) -> None:
    out = _approved_run(tmp_path)
    first = _upload(out)
    together_server.files.clear()
    together_server._by_checksum.clear()
    second = _upload(out)
    assert second.file_id != first.file_id and not second.reused
    assert len(together_server.requests_to("PUT", "/upload/")) == 2


def test_raises_rejected_with_server_reason_when_format_invalid(
    tmp_path: Path, together_server: TogetherServer
) -> None:
    # Valid JSON objects (the SDK's local check passes) that match no Together format.
    out = _approved_run(tmp_path, lines=[{"question": "q", "answer": "a"}])
    with pytest.raises(UploadRejected, match="INVALID_FORMAT: Line 1: no known format"):
        _upload(out)
    assert not (out / UPLOAD_FILE).exists()


def test_raises_rejected_when_processing_failed(tmp_path: Path, together_server: TogetherServer) -> None:
    out = _approved_run(tmp_path)
    together_server.fail_processing_next("FAILED", "Internal processing error")
    with pytest.raises(UploadRejected, match="FAILED: Internal processing error"):
        _upload(out)
    assert not (out / UPLOAD_FILE).exists()


def test_records_nothing_when_processing_outlasts_poll_timeout(
    tmp_path: Path, together_server: TogetherServer
) -> None:
    out = _approved_run(tmp_path)
    together_server.polls_until_done = 10**6
    with pytest.raises(UploadUnavailable, match="still checking"):
        upload_approved(out, poll_interval=0, poll_timeout=0, retry=FAST)
    assert not (out / UPLOAD_FILE).exists()
    together_server.polls_until_done = 1
    record = _upload(out)  # the retry finds Together's copy: no second PUT
    assert record.status == "COMPLETED"
    assert len(together_server.requests_to("PUT", "/upload/")) == 1


def test_raises_rejected_naming_key_hint_when_key_wrong(
    tmp_path: Path, together_server: TogetherServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = _approved_run(tmp_path)
    wrong = fake_together_key()
    monkeypatch.setenv("TOGETHER_API_KEY", wrong)
    with pytest.raises(UploadRejected, match="HTTP 401") as info:
        _upload(out)
    assert wrong not in str(info.value)
    assert "…" + wrong[-4:] in str(info.value)
    assert [r.status for r in together_server.requests] == [401]


def test_never_shows_key_when_uploading_with_debug_logging(
    tmp_path: Path,
    together_server: TogetherServer,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    caplog.set_level(logging.DEBUG)  # the SDK and httpx log request details at DEBUG
    key = together_server.api_key
    out = _approved_run(tmp_path)
    together_server.fail_next("/v1/files", status=429, count=1, retry_after=0.01)
    record = _upload(out)
    messages = [repr(record), record.model_dump_json()]
    monkeypatch.setenv("TOGETHER_API_KEY", fake_together_key())
    (out / UPLOAD_FILE).unlink()
    with pytest.raises(UploadRejected) as info:
        _upload(out)
    messages.append(str(info.value))
    captured = capsys.readouterr()
    assert "Sending HTTP Request" in caplog.text  # proves the SDK's debug output was captured
    for text in [caplog.text, captured.out, captured.err, *messages, *(p.read_text() for p in out.iterdir())]:
        assert key not in text
        assert key[-8:] not in text  # not even a longer tail
    assert json.loads(record.model_dump_json())["key_hint"] == "…" + key[-4:]


def test_sends_signed_uploaded_event_without_key_when_webhook_configured(
    tmp_path: Path, together_server: TogetherServer, receiver: Receiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = _approved_run(tmp_path)
    monkeypatch.setenv(URL_ENV, receiver.url)
    monkeypatch.setenv(SECRET_ENV, receiver.secret)
    record = _upload(out)
    (body, _, verified) = receiver.received[-1]
    payload = json.loads(body)
    assert verified and payload["event"] == "uploaded"
    assert payload["data"] == {
        "file_id": record.file_id,
        "sanitized_sha256": record.sanitized_sha256,
        "bytes": record.bytes,
        "status": "COMPLETED",
        "reused": False,
    }
    assert together_server.api_key[-4:].encode() not in body
