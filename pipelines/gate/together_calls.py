"""Talking to Together through the real SDK: the client, a bounded retry loop, and error translation.

Two retry layers, both bounded:
- The SDK retries each API request itself (`max_retries`; 408/409/429/5xx and connection errors),
  honouring `retry-after-ms`/`Retry-After` up to 60 s, else 1 s·2^n capped at 10 s with jitter.
- `call_with_retries` re-runs a whole operation when what failed is something the SDK does not retry:
  the pre-signed PUT of `files.upload` goes through the raw httpx client, so a 429/5xx there ends the
  SDK call. Same rules (Retry-After first, else exponential backoff with full jitter), a fixed number
  of attempts, and a total time budget it never sleeps past.
SDK exceptions become `UploadRejected` (Together said no) or `UploadUnavailable` (could not get an
answer); their messages are built here from status codes and Together's short error text (scrubbed:
a server can echo the key), never from `str(e)`, which carries response headers. A refused connection
or a host name that does not resolve is a configuration error (nothing listens at TOGETHER_BASE_URL):
it stops after the SDK's one retry round and names the host.

Time: every request has a timeout of `RetryPolicy.request_s` (a silent server cannot hold a request
longer), and no new attempt starts unless its worst case fits in what is left of `total_s`, so one
operation never takes longer than `total_s` (300 s by default) against a server that never answers.
"""

import logging
import random
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar
from urllib.parse import urlsplit

import httpx
import together
from pydantic import SecretStr
from together import APIConnectionError, APIStatusError, AuthenticationError, PermissionDeniedError

from pipelines.gate.scrub import scrub
from pipelines.gate.together_key import key_hint
from schemas.errors import ConfigError, UploadError, UploadRejected, UploadUnavailable

log = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://api.together.ai"
_RETRYABLE_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})

T = TypeVar("T")


@dataclass(frozen=True)
class RetryPolicy:
    """How hard to try before giving up with UploadUnavailable."""

    attempts: int = 3
    sdk_max_retries: int = 2
    total_s: float = 300.0
    base_delay_s: float = 1.0
    max_delay_s: float = 30.0
    request_timeout_s: float = 30.0

    @property
    def request_s(self) -> float:
        """Timeout of one HTTP request: small enough that every attempt of every SDK retry fits in total_s."""
        return min(self.request_timeout_s, self.total_s / ((self.sdk_max_retries + 1) * max(self.attempts, 1)))

    @property
    def attempt_worst_s(self) -> float:
        """The longest one attempt can take against a server that never answers."""
        return (self.sdk_max_retries + 1) * self.request_s


def make_client(key: SecretStr, base_url: str, *, max_retries: int, timeout_s: float = 30.0) -> together.Together:
    """Build the SDK client for one operation; the key goes straight from the SecretStr into it."""
    return together.Together(api_key=key.get_secret_value(), base_url=base_url, max_retries=max_retries,
                             timeout=httpx.Timeout(timeout_s, connect=min(10.0, timeout_s)))


def resolve_base_url(value: str | None) -> str:
    """Return the base URL to use (TOGETHER_BASE_URL or Together's default), refusing 1.x-style values.

    Raises:
        ConfigError: the URL is not http(s) or ends in /v1 (SDK 3.x adds /v1 to every path).
    """
    url = (value or DEFAULT_BASE_URL).strip().rstrip("/")
    try:
        parts = urlsplit(url)
        hostname, _ = parts.hostname, parts.port
    except ValueError:
        raise ConfigError("TOGETHER_BASE_URL is not a valid URL; use e.g. https://api.together.ai") from None
    if parts.scheme not in ("http", "https") or not hostname or not url.isprintable() or " " in url:
        raise ConfigError("TOGETHER_BASE_URL must be an http(s) URL such as https://api.together.ai")
    if parts.username is not None or parts.password is not None or parts.query or parts.fragment:
        # Credentials in the URL end up in logs and tracebacks; the key belongs in TOGETHER_API_KEY.
        raise ConfigError(
            "TOGETHER_BASE_URL holds credentials, a query or a fragment; give only scheme, host, port and "
            "path (e.g. https://api.together.ai) and put the key in TOGETHER_API_KEY (or --key-block)"
        )
    if parts.path.endswith("/v1"):
        raise ConfigError(
            "TOGETHER_BASE_URL ends in /v1, which SDK 3.x would double; drop the /v1 (e.g. https://api.together.ai)"
        )
    return url


def host_of(base_url: str) -> str:
    """Host and port of a base URL, without credentials, path or query."""
    parts = urlsplit(base_url)
    return f"{parts.hostname}:{parts.port}" if parts.port else str(parts.hostname)


def call_with_retries(
    fn: Callable[[], T],
    *,
    what: str,
    policy: RetryPolicy,
    key: SecretStr,
    attempts: int | None = None,
    deadline: float | None = None,
) -> T:
    """Run `fn`, re-running it on retryable failures within `policy`; translate SDK errors.

    Args:
        fn: One SDK operation (it already has the SDK's own per-request retries).
        what: Short description for messages, e.g. "file upload".
        policy: Attempt count and total time budget.
        key: The key in use, only for the 401 hint.
        attempts: Override policy.attempts (1 for calls that must not be repeated, like job creation).
        deadline: A `time.monotonic()` after which no new attempt starts (the caller's own budget).

    Raises:
        UploadRejected: Together answered with a non-retryable refusal.
        UploadUnavailable: no acceptable answer within the attempts or the time budget.
    """
    limit = policy.attempts if attempts is None else attempts
    start = time.monotonic()
    last = "no answer"
    for attempt in range(1, limit + 1):
        try:
            return fn()
        except (APIStatusError, APIConnectionError) as e:
            error = translate_error(e, what=what, key=key)
            if isinstance(error, (UploadRejected, ConfigError)):
                raise error from e  # a chained traceback is scrubbed by the log filter (pipelines.redaction)
            last = _describe(e)
            remaining = policy.total_s - (time.monotonic() - start)
            if deadline is not None:
                remaining = min(remaining, deadline - time.monotonic())
            delay = _delay(e, attempt, policy)
            if attempt == limit or delay + policy.attempt_worst_s > remaining:
                raise UploadUnavailable(
                    f"Together kept failing during {what} ({last}) after {attempt} attempt(s) in "
                    f"{time.monotonic() - start:.1f}s; nothing was recorded: try again later "
                    "(a repeated upload never sends the same approved bytes twice)"
                ) from e
            log.warning("%s failed (%s), attempt %d/%d; retrying in %.2fs", what, last, attempt, limit, delay)
            time.sleep(delay)
    raise UploadUnavailable(f"Together kept failing during {what} ({last})")  # only if limit < 1


def translate_error(e: Exception, *, what: str, key: SecretStr) -> UploadError | ConfigError:
    """Map an SDK exception to UploadRejected, UploadUnavailable or (refused connection) ConfigError."""
    if isinstance(e, APIConnectionError):
        cause = _configuration_cause(e)
        if cause is not None:
            return ConfigError(
                f"{cause} at {_request_host(e)} during {what}; check TOGETHER_BASE_URL (unset means "
                "https://api.together.ai), the network and that the server runs"
            )
        return UploadUnavailable(f"could not reach Together during {what} ({type(e).__name__})")
    if isinstance(e, (AuthenticationError, PermissionDeniedError)) or (
        isinstance(e, APIStatusError) and e.status_code in (401, 403)
    ):
        return UploadRejected(
            f"Together refused the API key ending {key_hint(key)} during {what} (HTTP {e.status_code}); "
            "check TOGETHER_API_KEY (or the Prefect Secret block) and the account's access"
        )
    if isinstance(e, APIStatusError):
        if e.status_code in _RETRYABLE_STATUS:
            return UploadUnavailable(f"Together answered HTTP {e.status_code} during {what}")
        detail = server_message(e)
        return UploadRejected(
            f"Together refused {what} (HTTP {e.status_code}{': ' + detail if detail else ''}); "
            "fix the request and try again"
        )
    return UploadUnavailable(f"{what} failed ({type(e).__name__})")


def server_message(e: APIStatusError) -> str:
    """Together's own short error text from a JSON error body, truncated; "" when there is none."""
    body = e.body
    if isinstance(body, dict):
        inner = body.get("error", body)
        message = inner.get("message") if isinstance(inner, dict) else inner
        if isinstance(message, str):
            return clip(message)
    return ""


def clip(text: str, key: SecretStr | None = None) -> str:
    """Server text made safe to show or store: keys and recognised secrets masked, one line, <= 300 chars."""
    return scrub(text, key)


def _configuration_cause(e: Exception) -> str | None:
    """What makes a connection failure a configuration error (nobody listens, no such host), if anything."""
    seen: set[int] = set()
    current: BaseException | None = e
    while current is not None and id(current) not in seen:
        if isinstance(current, ConnectionRefusedError):
            return "connection refused: nothing accepts connections"
        if isinstance(current, socket.gaierror):
            return "the host name does not resolve"
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def _request_host(e: APIConnectionError) -> str:
    try:
        url = e.request.url
        return f"{url.scheme}://{url.host}:{url.port}" if url.port else f"{url.scheme}://{url.host}"
    except (AttributeError, RuntimeError):
        return "TOGETHER_BASE_URL"


def _describe(e: Exception) -> str:
    if isinstance(e, APIStatusError):
        return f"HTTP {e.status_code}"
    return type(e).__name__


def _delay(e: Exception, attempt: int, policy: RetryPolicy) -> float:
    retry_after = _retry_after(e)
    if retry_after is not None:
        return retry_after
    # Full jitter: spreads retries of many clients instead of synchronising them.
    return random.uniform(0, min(policy.max_delay_s, policy.base_delay_s * 2 ** (attempt - 1)))


def _retry_after(e: Exception) -> float | None:
    response = getattr(e, "response", None)
    if response is None:
        return None
    headers = response.headers
    for name, scale in (("retry-after-ms", 0.001), ("retry-after", 1.0)):
        value = headers.get(name)
        if value is None:
            continue
        try:
            seconds = float(value) * scale
        except ValueError:
            continue  # an HTTP-date: fall back to backoff rather than trusting a clock we don't share
        if seconds >= 0:
            return seconds
    return None
