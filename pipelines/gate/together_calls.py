"""Talking to Together through the real SDK: the client, a bounded retry loop, and error translation.

Two retry layers, both bounded:
- The SDK retries each API request itself (`max_retries`; 408/409/429/5xx and connection errors),
  honouring `retry-after-ms`/`Retry-After` up to 60 s, else 1 s·2^n capped at 10 s with jitter.
- `call_with_retries` re-runs a whole operation when what failed is something the SDK does not retry:
  the pre-signed PUT of `files.upload` goes through the raw httpx client, so a 429/5xx there ends the
  SDK call. Same rules (Retry-After first, else exponential backoff with full jitter), a fixed number
  of attempts, and a total time budget it never sleeps past.
SDK exceptions become `UploadRejected` (Together said no) or `UploadUnavailable` (could not get an
answer); their messages are built here from status codes and Together's short error text, never from
`str(e)`, which carries response headers.
"""

import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar
from urllib.parse import urlsplit

import together
from pydantic import SecretStr
from together import APIConnectionError, APIStatusError, AuthenticationError, PermissionDeniedError

from pipelines.gate.together_key import key_hint
from schemas.errors import ConfigError, UploadError, UploadRejected, UploadUnavailable

log = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://api.together.ai"
_RETRYABLE_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
_MAX_SERVER_TEXT = 300

T = TypeVar("T")


@dataclass(frozen=True)
class RetryPolicy:
    """How hard to try before giving up with UploadUnavailable."""

    attempts: int = 3
    sdk_max_retries: int = 2
    total_s: float = 300.0
    base_delay_s: float = 1.0
    max_delay_s: float = 30.0


def make_client(key: SecretStr, base_url: str, *, max_retries: int) -> together.Together:
    """Build the SDK client for one operation; the key goes straight from the SecretStr into it."""
    return together.Together(api_key=key.get_secret_value(), base_url=base_url, max_retries=max_retries)


def resolve_base_url(value: str | None) -> str:
    """Return the base URL to use (TOGETHER_BASE_URL or Together's default), refusing 1.x-style values.

    Raises:
        ConfigError: the URL is not http(s) or ends in /v1 (SDK 3.x adds /v1 to every path).
    """
    url = (value or DEFAULT_BASE_URL).rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError("TOGETHER_BASE_URL must be an http(s) URL such as https://api.together.ai")
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
    fn: Callable[[], T], *, what: str, policy: RetryPolicy, key: SecretStr, attempts: int | None = None
) -> T:
    """Run `fn`, re-running it on retryable failures within `policy`; translate SDK errors.

    Args:
        fn: One SDK operation (it already has the SDK's own per-request retries).
        what: Short description for messages, e.g. "file upload".
        policy: Attempt count and total time budget.
        key: The key in use, only for the 401 hint.
        attempts: Override policy.attempts (1 for calls that must not be repeated, like job creation).

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
            if isinstance(error, UploadRejected):
                raise error from e
            last = _describe(e)
            remaining = policy.total_s - (time.monotonic() - start)
            delay = _delay(e, attempt, policy)
            if attempt == limit or delay >= remaining:
                raise UploadUnavailable(
                    f"Together kept failing during {what} ({last}) after {attempt} attempt(s) in "
                    f"{time.monotonic() - start:.1f}s; nothing was recorded: try again later "
                    "(a repeated upload never sends the same approved bytes twice)"
                ) from e
            log.warning("%s failed (%s), attempt %d/%d; retrying in %.2fs", what, last, attempt, limit, delay)
            time.sleep(delay)
    raise UploadUnavailable(f"Together kept failing during {what} ({last})")  # only if limit < 1


def translate_error(e: Exception, *, what: str, key: SecretStr) -> UploadError:
    """Map an SDK exception to UploadRejected or UploadUnavailable with a value-free message."""
    if isinstance(e, APIConnectionError):
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


def clip(text: str) -> str:
    """One line, at most 300 characters: server text is shown, never stored."""
    flat = " ".join(text.split())
    return flat if len(flat) <= _MAX_SERVER_TEXT else flat[: _MAX_SERVER_TEXT - 1] + "…"


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
