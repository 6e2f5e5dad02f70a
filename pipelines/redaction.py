"""A logging filter that masks secrets in a record's final message: the second line of defence.

The first line is never logging content at all. This filter catches a mistaken log call: it formats
the message (with its traceback, if any: an exception's text can quote a key or a URL with
credentials), replaces every span the secret scanner finds (and any configured literal, such as the
Together key, or a key read from a Prefect Secret block and registered with `remember_secret`) with
`[REDACTED:<TYPE>]`, and drops the arguments and the exception object.
"""

import logging
import os
import threading

_KEY_ENV_VARS = (
    "TOGETHER_API_KEY", "FT_SANITIZER_HMAC_KEY", "FT_SANITIZER_WEBHOOK_SECRET", "PREFECT_API_KEY",
    "FT_SANITIZER_APPROVAL_KEY",
)  # fmt: skip
# Keys read in this process from elsewhere than the environment (Prefect Secret blocks).
_LIVE: set[str] = set()
_LIVE_LOCK = threading.Lock()


def remember_secret(value: str) -> None:
    """Mask `value` wherever it appears in a log record of this process from now on."""
    if len(value) >= 8:
        with _LIVE_LOCK:
            _LIVE.add(value)


def live_secrets() -> list[str]:
    """The values registered with `remember_secret`, and the keys set in the environment."""
    with _LIVE_LOCK:
        values = list(_LIVE)
    return values + [v for var in _KEY_ENV_VARS if (v := os.environ.get(var)) and len(v) >= 8]


class RedactingFilter(logging.Filter):
    """Masks secrets (by pattern) and known key values (by literal) in log messages."""

    def __init__(self, name: str = ""):
        super().__init__(name)
        self._scanner = None
        self._busy = threading.local()

    def _scan(self, text: str) -> str:
        if self._scanner is None:
            from sanitizers.secret_scan import SecretScanner

            self._scanner = SecretScanner()
        for finding in sorted(self._scanner.scan(text), key=lambda f: f.start, reverse=True):
            text = text[: finding.start] + f"[REDACTED:{finding.entity_type}]" + text[finding.end :]
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(self._busy, "active", False):
            # A record logged while this filter runs (say, by a library the scanner imports) cannot be
            # checked without recursion: drop it rather than let it through unchecked.
            return False
        self._busy.active = True
        try:
            return self._redact(record)
        except Exception:  # noqa: BLE001 - a record that cannot be checked is dropped, never let through
            return False
        finally:
            self._busy.active = False

    def _redact(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - any error of a broken format string: keep the template only
            message = str(record.msg)
        if record.exc_info and record.exc_info[0] is not None:
            # The formatter would append the traceback after this filter ran: fold it in, redacted.
            message += "\n" + logging.Formatter().formatException(record.exc_info)
        elif record.exc_text:
            message += "\n" + record.exc_text
        if record.stack_info:
            message += "\n" + record.stack_info
        record.exc_info, record.exc_text, record.stack_info = None, None, None
        for value in live_secrets():
            if value in message:
                message = message.replace(value, "[REDACTED:KEY]")
        record.msg = self._scan(message)
        record.args = None
        return True
