"""A time limit for detecting one batch or one record: no input can hold a run for long.

Detectors are meant to run in linear time, but a pattern that backtracks on some input (`4 ` repeated
sixteen thousand times once took a minute) must cost a bounded time, not a stalled run. The limit is
SIGALRM via `setitimer`: its handler raises `DetectionTimeout` in the main thread as soon as control
returns to the interpreter, and both `re` and `regex` check for signals while they match, so even a
runaway match is cut short. Signals reach only the main thread: in other threads (Dask workers, a
Prefect task thread) there is no limit, and `time_limit` says so.
"""

import contextlib
import os
import signal
import threading
from collections.abc import Iterator

from schemas.errors import ConfigError

TIMEOUT_ENV = "FT_SANITIZER_DETECTION_TIMEOUT_S"
DEFAULT_TIMEOUT_S = 10.0
# The limit grows with the text: one more base limit per this many characters (full detection runs at
# about 0.3 MB/s on one core, so 256 Ki characters take about a second: ten times the usual margin).
CHARS_PER_BASE = 256 * 1024


class DetectionTimeout(BaseException):  # not Exception: no library's `except Exception` may swallow it
    """Detection took longer than its limit."""


def base_timeout() -> float:
    """Seconds allowed per record before its size is counted: `$FT_SANITIZER_DETECTION_TIMEOUT_S` or 10.

    Raises:
        ConfigError: the variable is set but is not a positive number.
    """
    raw = os.environ.get(TIMEOUT_ENV)
    if raw is None or not raw.strip():
        return DEFAULT_TIMEOUT_S
    try:
        value = float(raw)
    except ValueError:
        value = float("nan")
    if not value > 0 or value == float("inf"):
        raise ConfigError(f"{TIMEOUT_ENV} must be a positive number of seconds; unset it for the default "
                          f"({DEFAULT_TIMEOUT_S:g})")
    return value


def limit_for(chars: int, base: float) -> float:
    """The limit for detecting `chars` characters of text: `base`, plus `base` per CHARS_PER_BASE."""
    return base * (1 + chars / CHARS_PER_BASE)


def _on_alarm(signum: int, frame: object) -> None:
    raise DetectionTimeout


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[bool]:
    """Raise DetectionTimeout in the block once `seconds` have passed; yields whether a limit is armed.

    Only the main thread of a process can be interrupted; elsewhere the block runs without a limit
    (yields False).
    """
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield False
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield True
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
