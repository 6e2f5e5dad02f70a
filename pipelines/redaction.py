"""A logging filter that masks secrets in a record's final message: the second line of defence.

The first line is never logging content at all. This filter catches a mistaken log call: it formats
the message, replaces every span the secret scanner finds (and any configured literal, such as the
Together key) with `[REDACTED:<TYPE>]`, and drops the arguments.
"""

import logging
import os
import threading

_KEY_ENV_VARS = ("TOGETHER_API_KEY", "FT_SANITIZER_HMAC_KEY", "FT_SANITIZER_WEBHOOK_SECRET", "PREFECT_API_KEY")


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
        for var in _KEY_ENV_VARS:
            value = os.environ.get(var)
            if value and len(value) >= 8 and value in message:
                message = message.replace(value, f"[REDACTED:{var}]")
        record.msg = self._scan(message)
        record.args = None
        return True
