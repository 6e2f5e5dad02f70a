"""Tests for pipelines.stages.time_limit: a runaway match is cut short; the limit is read from the env."""

import re
import signal
import threading

import pytest

from pipelines.stages.time_limit import (
    DEFAULT_TIMEOUT_S,
    TIMEOUT_ENV,
    DetectionTimeout,
    base_timeout,
    limit_for,
    time_limit,
)
from schemas.errors import ConfigError

# Nested repetition on a string with no "b": about 2**40 steps, i.e. it would never finish on its own.
RUNAWAY = re.compile(r"(a+)+b")


def test_interrupts_a_runaway_match_when_the_limit_passes() -> None:
    with pytest.raises(DetectionTimeout), time_limit(0.2) as armed:
        assert armed
        RUNAWAY.match("a" * 40)


def test_leaves_no_alarm_behind_when_the_block_finishes() -> None:
    before = signal.getsignal(signal.SIGALRM)
    with time_limit(5):
        pass
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is before


def test_arms_no_limit_when_not_in_the_main_thread() -> None:
    armed: list[bool] = []

    def run() -> None:
        with time_limit(0.1) as ok:
            armed.append(ok)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert armed == [False]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, DEFAULT_TIMEOUT_S),  # unset: the default
        ("", DEFAULT_TIMEOUT_S),  # empty counts as unset
        ("2.5", 2.5),
    ],
)
def test_reads_base_timeout_when_env_is_valid(monkeypatch, value, expected) -> None:
    if value is None:
        monkeypatch.delenv(TIMEOUT_ENV, raising=False)
    else:
        monkeypatch.setenv(TIMEOUT_ENV, value)
    assert base_timeout() == expected


@pytest.mark.parametrize("value", ["0", "-1", "soon", "nan", "inf"])
def test_raises_config_error_when_env_is_not_a_positive_number(monkeypatch, value) -> None:
    monkeypatch.setenv(TIMEOUT_ENV, value)
    with pytest.raises(ConfigError, match=TIMEOUT_ENV):
        base_timeout()


def test_grows_limit_with_text_size_when_texts_are_long() -> None:
    assert limit_for(0, 10) == 10
    assert limit_for(256 * 1024, 10) == 20
