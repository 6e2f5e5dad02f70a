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
