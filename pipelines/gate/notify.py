"""Signed outgoing events (report ready, approved, uploaded, fine-tune state, run failed) for whoever listens.

Together has no webhooks; these are the project's own. An event is a small JSON object POSTed to
FT_SANITIZER_WEBHOOK_URL, signed with FT_SANITIZER_WEBHOOK_SECRET in the header

    X-FT-Sanitizer-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">

(the Stripe scheme: the timestamp is signed, so a receiver can refuse stale or replayed requests).
Payloads carry only ids, counts, hashes, statuses and the decision: keys come from a fixed list and
string values from a narrow alphabet, so free text (and so record content) cannot get in.
Sending is best effort: a failed notification is logged and never fails the run.
"""

import hashlib
import hmac
import json
import logging
import os
import re
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Literal, get_args

log = logging.getLogger(__name__)

URL_ENV = "FT_SANITIZER_WEBHOOK_URL"
SECRET_ENV = "FT_SANITIZER_WEBHOOK_SECRET"
SIGNATURE_HEADER = "X-FT-Sanitizer-Signature"

EventName = Literal["report_ready", "approved", "rejected", "uploaded", "fine_tune_state", "run_failed"]

# The only keys a payload may carry. Anything else is a programming error, refused loudly.
ALLOWED_KEYS = frozenset(
    {
        "run_id", "file_id", "job_id", "model", "status", "decision", "source", "approved",
        "sanitized_sha256", "report_sha256", "bytes", "reused",
        "records_total", "records_written", "records_quarantined", "findings_total", "estimated_usd",
        "flow_run_id", "flow_run_name", "flow_name", "deployment_id", "deployment_name",
        "state_name", "state_type", "state_timestamp",
    }
)  # fmt: skip
# Ids, hashes, statuses and model names fit this; sentences, e-mail addresses and JSON do not.
_SAFE_STRING = re.compile(r"^[A-Za-z0-9._:/+-]{0,200}$")

Scalar = str | int | float | bool | None


def is_safe_string(value: object) -> bool:
    """True when `value` is a string build_body accepts: an id, hash, status or name, never free text."""
    return isinstance(value, str) and _SAFE_STRING.match(value) is not None


def build_body(event: EventName, data: Mapping[str, Scalar], *, now: float | None = None) -> bytes:
    """Return the JSON body of an event after checking every key and value against the allowlist.

    Raises:
        ValueError: unknown event, a key not in ALLOWED_KEYS, or a string that is not an id/hash/status.
        TypeError: a value that is not a string, number, bool or null.
    """
    if event not in get_args(EventName):
        raise ValueError(f"unknown event {event!r}; one of {', '.join(get_args(EventName))}")
    for key, value in data.items():
        if key not in ALLOWED_KEYS:
            raise ValueError(f"event field {key!r} is not in notify.ALLOWED_KEYS")
        if isinstance(value, str) and not _SAFE_STRING.match(value):
            raise ValueError(f"event field {key!r} must be an id, hash or status (no free text)")
        if not isinstance(value, Scalar):  # type: ignore[arg-type]
            raise TypeError(f"event field {key!r} must be a string, number, bool or null")
    created = datetime.fromtimestamp(now if now is not None else time.time(), UTC)
    payload = {"id": uuid.uuid4().hex, "event": event, "created_at": created.isoformat(), "data": dict(data)}
    return json.dumps(payload, sort_keys=True, separators=(",", ":")).encode()


def sign(body: bytes, secret: str | bytes, *, timestamp: int | None = None) -> str:
    """Return the signature header value for `body`, `t=<unix>,v1=<hex>`."""
    t = int(time.time()) if timestamp is None else timestamp
    return f"t={t},v1={_mac(secret, t, body)}"


def verify_signature(
    body: bytes,
    header: str,
    secret: str | bytes,
    *,
    tolerance_s: float = 300,
    now: float | None = None,
    seen: set | None = None,
) -> bool:
    """Return True when `header` is a valid, fresh, not-yet-seen signature of `body` under `secret`.

    Args:
        body: The raw request body, exactly as received.
        header: The X-FT-Sanitizer-Signature value. Several v1= entries are accepted (key rotation).
        secret: The shared secret.
        tolerance_s: How far the signed timestamp may be from `now`, either way.
        now: Current unix time (for tests); defaults to time.time().
        seen: If given, signatures already accepted; a repeat is refused and a new one is added.
    """
    timestamp, candidates = _parse_header(header)
    if timestamp is None or not candidates:
        return False
    current = time.time() if now is None else now
    if abs(current - timestamp) > tolerance_s:
        return False
    expected = _mac(secret, timestamp, body)
    # compare_digest on every candidate: timing must not reveal which one matched, or how much of it.
    matched = [c for c in candidates if hmac.compare_digest(c, expected)]
    if not matched:
        return False
    if seen is not None:
        fingerprint = f"{timestamp}.{expected}"
        if fingerprint in seen:
            return False
        seen.add(fingerprint)
    return True


def send_event(
    event: EventName,
    data: Mapping[str, Scalar],
    *,
    url: str | None = None,
    secret: str | bytes | None = None,
    timeout_s: float = 5.0,
) -> bool:
    """POST a signed event if a webhook URL is configured; return True when the receiver took it (2xx).

    URL and secret default to FT_SANITIZER_WEBHOOK_URL / FT_SANITIZER_WEBHOOK_SECRET, read now.
    Never raises for delivery problems: they are logged (status or error type only) and return False.

    Raises:
        ValueError, TypeError: the event or its data breaks the payload rules (a bug in the caller).
    """
    body = build_body(event, data)
    url = url if url is not None else os.environ.get(URL_ENV, "")
    if not url:
        return False
    secret = secret if secret is not None else os.environ.get(SECRET_ENV, "")
    if not secret:
        log.warning("%s is set but %s is empty: event %s not sent unsigned", URL_ENV, SECRET_ENV, event)
        return False
    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={"Content-Type": "application/json", SIGNATURE_HEADER: sign(body, secret)},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout_s) as response:
            ok = 200 <= response.status < 300
    except urllib.error.HTTPError as e:
        log.warning("event %s refused by the webhook receiver: HTTP %d", event, e.code)
        return False
    except (urllib.error.URLError, OSError) as e:
        log.warning("event %s not delivered: %s", event, type(e).__name__)
        return False
    log.info("event %s delivered", event)
    return ok


def _mac(secret: str | bytes, timestamp: int, body: bytes) -> str:
    key = secret.encode() if isinstance(secret, str) else secret
    return hmac.new(key, str(timestamp).encode() + b"." + body, hashlib.sha256).hexdigest()


def _parse_header(header: str) -> tuple[int | None, list[str]]:
    timestamp: int | None = None
    candidates: list[str] = []
    for part in header.split(","):
        name, sep, value = part.strip().partition("=")
        if not sep:
            continue
        if name == "t":
            try:
                timestamp = int(value)
            except ValueError:
                return None, []
        elif name == "v1" and re.fullmatch(r"[0-9a-f]{64}", value):
            candidates.append(value)
    return timestamp, candidates
