# ruff: noqa: F811
import json
import time

import pytest

from pipelines.gate.notify import (
    SECRET_ENV,
    SIGNATURE_HEADER,
    URL_ENV,
    build_body,
    send_event,
    sign,
    verify_signature,
)
from tests.pipelines.gate.webhook_receiver import Receiver, receiver  # noqa: F401

SHA = "ab" * 32


def _post(url: str, body: bytes, header: str) -> int:
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, data=body, method="POST", headers={SIGNATURE_HEADER: header})
    try:
        with urllib.request.urlopen(request, timeout=5) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code


def test_receiver_accepts_event_when_signature_valid(receiver: Receiver) -> None:
    data = {"file_id": "file-123", "sanitized_sha256": SHA, "records_written": 3}
    assert send_event("uploaded", data, url=receiver.url, secret=receiver.secret) is True
    body, _, ok = receiver.received[0]
    assert ok
    payload = json.loads(body)
    assert payload["event"] == "uploaded"
    assert payload["data"] == data


def test_receiver_refuses_event_when_body_tampered(receiver: Receiver) -> None:
    body = build_body("approved", {"decision": "needs_review"})
    header = sign(body, receiver.secret)
    tampered = body.replace(b"needs_review", b"approved")
    assert _post(receiver.url, tampered, header) == 401
    assert receiver.received[-1][2] is False


def test_receiver_refuses_event_when_replayed(receiver: Receiver) -> None:
    body = build_body("approved", {"decision": "approved"})
    header = sign(body, receiver.secret)
    assert _post(receiver.url, body, header) == 204
    assert _post(receiver.url, body, header) == 401
    assert [ok for _, _, ok in receiver.received] == [True, False]


def test_receiver_refuses_event_when_timestamp_stale(receiver: Receiver) -> None:
    body = build_body("report_ready", {"records_total": 10})
    header = sign(body, receiver.secret, timestamp=int(time.time()) - 3600)
    assert _post(receiver.url, body, header) == 401


def test_receiver_refuses_event_when_signed_with_other_secret(receiver: Receiver) -> None:
    body = build_body("report_ready", {"records_total": 10})
    assert _post(receiver.url, body, sign(body, "not-the-secret")) == 401


def test_send_returns_false_when_receiver_refuses(receiver: Receiver) -> None:
    assert send_event("uploaded", {"file_id": "f-1"}, url=receiver.url, secret="wrong") is False


def test_send_returns_false_when_nobody_listens() -> None:
    import socket

    with socket.socket() as s:  # a port that was free a moment ago: connection refused
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    assert send_event("uploaded", {"file_id": "f-1"}, url=f"http://127.0.0.1:{port}/", secret="s") is False


def test_send_uses_env_when_url_and_secret_not_given(
    receiver: Receiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(URL_ENV, receiver.url)
    monkeypatch.setenv(SECRET_ENV, receiver.secret)
    assert send_event("fine_tune_state", {"job_id": "ft-1", "status": "running"}) is True


def test_send_is_noop_when_no_url_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(URL_ENV, raising=False)
    assert send_event("uploaded", {"file_id": "f-1"}) is False


def test_send_refuses_unsigned_when_secret_missing(
    receiver: Receiver, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.delenv(SECRET_ENV, raising=False)
    assert send_event("uploaded", {"file_id": "f-1"}, url=receiver.url) is False
    assert receiver.received == []
    assert SECRET_ENV in caplog.text


@pytest.mark.parametrize(
    ("header", "now_offset", "expected"),
    [
        ("VALID", 0, True),  # fresh and correct
        ("VALID", 299, True),  # near-miss: just inside tolerance
        ("VALID", 301, False),  # just outside tolerance
        ("VALID", -301, False),  # timestamp from the future
        ("t=abc,v1=" + "0" * 64, 0, False),  # timestamp not a number
        ("v1=" + "0" * 64, 0, False),  # no timestamp
        ("t=1", 0, False),  # no signature
        ("", 0, False),  # empty header
        ("WRONG_PLUS_VALID", 0, True),  # rotation: one of two v1 entries matches
    ],
)
def test_verify_signature_table(header: str, now_offset: int, expected: bool) -> None:
    secret = b"k" * 32
    body = b'{"a":1}'
    t = 1_700_000_000
    valid = sign(body, secret, timestamp=t)
    if header == "VALID":
        header = valid
    elif header == "WRONG_PLUS_VALID":
        header = f"t={t},v1={'1' * 64},{valid.split(',')[1]}"
    assert verify_signature(body, header, secret, now=t + now_offset) is expected


@pytest.mark.parametrize(
    ("data", "match"),
    [
        ({"text": "hello"}, "not in notify.ALLOWED_KEYS"),  # content-like key
        ({"file_id": "jane.doe@example.com"}, "no free text"),  # '@' is not in the id alphabet
        ({"status": "has spaces in it"}, "no free text"),  # a sentence
        ({"records_total": [1, 2]}, "string, number, bool or null"),  # not a scalar
    ],
)
def test_build_body_refuses_data_when_it_could_carry_content(data: dict, match: str) -> None:
    with pytest.raises((ValueError, TypeError), match=match):
        build_body("uploaded", data)


def test_build_body_accepts_model_names_when_they_have_slashes() -> None:
    body = build_body("fine_tune_state", {"model": "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference"})
    assert json.loads(body)["data"]["model"].startswith("meta-llama/")
