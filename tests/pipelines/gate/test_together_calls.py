import secrets

import httpx
import pytest
from pydantic import SecretStr
from together import APIConnectionError, APIStatusError

from pipelines.gate.together_calls import (
    RetryPolicy,
    call_with_retries,
    clip,
    host_of,
    resolve_base_url,
    server_message,
    translate_error,
)
from schemas.errors import ConfigError, UploadRejected, UploadUnavailable

KEY = SecretStr("x" * 40 + "WXYZ")
REQUEST = httpx.Request("POST", "https://api.together.ai/v1/files")


def _status_error(status: int, body: object = None, **headers: str) -> APIStatusError:
    response = httpx.Response(status, headers=headers, request=REQUEST)
    return APIStatusError(f"Error code: {status}", response=response, body=body)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, "https://api.together.ai"),  # default
        ("", "https://api.together.ai"),  # empty env var counts as unset
        ("http://127.0.0.1:8080/", "http://127.0.0.1:8080"),  # trailing slash dropped
        ("https://proxy.example/together", "https://proxy.example/together"),  # a path prefix is fine
    ],
)
def test_resolves_base_url_when_valid(value: str | None, expected: str) -> None:
    assert resolve_base_url(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "https://api.together.xyz/v1",  # 1.x style: SDK 3.x would call /v1/v1/files
        "https://api.together.ai/v1/",  # same with a slash
        "ftp://api.together.ai",  # not http(s)
        "api.together.ai",  # no scheme
    ],
)
def test_refuses_base_url_when_unusable(value: str) -> None:
    with pytest.raises(ConfigError, match="TOGETHER_BASE_URL"):
        resolve_base_url(value)


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://api.together.ai", "api.together.ai"),
        ("http://127.0.0.1:5000/x?y=1", "127.0.0.1:5000"),  # path and query dropped
        ("https://user:pw@example.org:8443", "example.org:8443"),  # credentials dropped
    ],
)
def test_host_of_keeps_host_and_port_only(url: str, host: str) -> None:
    assert host_of(url) == host


@pytest.mark.parametrize(
    ("error", "kind", "match"),
    [
        (_status_error(401), UploadRejected, "key ending …WXYZ"),  # bad key: hint only
        (_status_error(403), UploadRejected, "HTTP 403"),  # no access
        (_status_error(400, {"error": {"message": "bad purpose"}}), UploadRejected, "bad purpose"),
        (_status_error(404), UploadRejected, "HTTP 404"),
        (_status_error(429), UploadUnavailable, "HTTP 429"),  # retryable
        (_status_error(503), UploadUnavailable, "HTTP 503"),  # retryable
        (APIConnectionError(request=REQUEST), UploadUnavailable, "could not reach"),
    ],
)
def test_translates_sdk_errors(error: Exception, kind: type[Exception], match: str) -> None:
    translated = translate_error(error, what="file upload", key=KEY)
    assert isinstance(translated, kind)
    assert match in str(translated)
    assert KEY.get_secret_value() not in str(translated)


def test_retries_until_success_when_failures_are_retryable() -> None:
    outcomes: list[Exception | str] = [_status_error(503, **{"retry-after": "0"}), _status_error(429), "ok"]

    def fn() -> str:
        item = outcomes.pop(0)
        if isinstance(item, Exception):
            raise item
        return item

    policy = RetryPolicy(attempts=3, base_delay_s=0, max_delay_s=0)
    assert call_with_retries(fn, what="x", policy=policy, key=KEY) == "ok"
    assert outcomes == []


def test_stops_after_attempts_when_failures_persist() -> None:
    calls = []

    def fn() -> None:
        calls.append(1)
        raise _status_error(502, **{"retry-after-ms": "1"})

    with pytest.raises(UploadUnavailable, match="after 4 attempt"):
        call_with_retries(fn, what="x", policy=RetryPolicy(attempts=4), key=KEY)
    assert len(calls) == 4


def test_does_not_retry_when_refused() -> None:
    calls = []

    def fn() -> None:
        calls.append(1)
        raise _status_error(400)

    with pytest.raises(UploadRejected):
        call_with_retries(fn, what="x", policy=RetryPolicy(attempts=5), key=KEY)
    assert len(calls) == 1


def test_gives_up_without_sleeping_when_retry_after_exceeds_budget() -> None:
    calls = []

    def fn() -> None:
        calls.append(1)
        raise _status_error(429, **{"retry-after": "3600"})

    with pytest.raises(UploadUnavailable, match="after 1 attempt"):
        call_with_retries(fn, what="x", policy=RetryPolicy(attempts=5, total_s=60), key=KEY)
    assert len(calls) == 1


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"error": {"message": "Invalid purpose"}}, "Invalid purpose"),  # Together's error shape
        ({"message": "flat"}, "flat"),  # flat shape
        ({"error": "just a string"}, "just a string"),
        ("not json", ""),  # near-miss: text body gives nothing
        (None, ""),
    ],
)
def test_server_message_extracts_text_when_present(body: object, message: str) -> None:
    assert server_message(_status_error(400, body)) == message


def test_clip_flattens_and_truncates_when_long() -> None:
    clipped = clip("line one\nline two " + "x" * 400)
    assert "\n" not in clipped and len(clipped) == 300 and clipped.endswith("…")


@pytest.mark.parametrize(
    "value",
    [
        "https://user:pw-secret@api.together.ai",  # credentials: they would reach logs and tracebacks
        "https://api.together.ai?key=abc",  # a query
        "https://api.together.ai/#frag",  # a fragment
        "https://api.together.ai\n/x",  # a control character
    ],
)
def test_refuses_base_url_without_echoing_it_when_it_holds_more_than_a_location(value: str) -> None:
    with pytest.raises(ConfigError) as info:
        resolve_base_url(value)
    assert "pw-secret" not in str(info.value) and "abc" not in str(info.value)


def test_connection_refused_is_a_config_error_naming_the_host() -> None:
    cause = httpx.ConnectError("[Errno 111] Connection refused")
    cause.__cause__ = ConnectionRefusedError(111, "Connection refused")
    error = APIConnectionError(request=httpx.Request("GET", "http://127.0.0.1:9/v1/files"))
    error.__cause__ = cause
    translated = translate_error(error, what="file lookup", key=KEY)
    assert isinstance(translated, ConfigError)
    assert "http://127.0.0.1:9" in str(translated) and "TOGETHER_BASE_URL" in str(translated)
    assert "connection refused" in str(translated)


def test_request_timeout_fits_every_attempt_in_the_time_budget() -> None:
    policy = RetryPolicy()  # 3 attempts x 3 SDK tries in 300 s
    assert policy.attempts * policy.attempt_worst_s <= policy.total_s
    small = RetryPolicy(attempts=3, sdk_max_retries=2, total_s=9)
    assert small.request_s == 1.0


def test_starts_no_attempt_past_the_callers_deadline() -> None:
    import time

    calls = []

    def failing() -> None:
        calls.append(1)
        raise _status_error(503)

    with pytest.raises(UploadUnavailable):
        call_with_retries(failing, what="status poll", policy=RetryPolicy(base_delay_s=0.01), key=KEY,
                          deadline=time.monotonic())
    assert calls == [1]


def test_clip_masks_the_key_in_use_and_recognised_secrets() -> None:
    other = "sk-proj-" + secrets.token_hex(24)  # a key-shaped value the server happened to echo
    text = clip(f"bad request for {KEY.get_secret_value()} and {other}", KEY)
    assert KEY.get_secret_value() not in text and other not in text
    assert "WXYZ" in text  # the last four characters only, as a hint


def test_unresolvable_host_is_a_config_error_naming_the_host() -> None:
    import socket

    cause = httpx.ConnectError("[Errno -2] Name or service not known")
    cause.__cause__ = socket.gaierror(-2, "Name or service not known")
    error = APIConnectionError(request=httpx.Request("GET", "https://no-such-host.invalid/v1/files"))
    error.__cause__ = cause
    translated = translate_error(error, what="file upload", key=KEY)
    assert isinstance(translated, ConfigError) and "no-such-host.invalid" in str(translated)
