"""Tests for pipelines.stages.parent_watch: a worker ends when its parent is killed with kill -9."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

# The middle process starts a "worker" (as multiprocessing would), prints its pid, and waits to be killed.
MIDDLE = r"""
import os, subprocess, sys, time
worker = subprocess.Popen([sys.executable, "-c", sys.argv[1], str(os.getpid())])
print(worker.pid, flush=True)
time.sleep(600)
"""
WORKER = r"""
import sys, time
from pipelines.stages.parent_watch import exit_with_parent
exit_with_parent(int(sys.argv[1]))
print("watching", flush=True)
time.sleep(600)
"""


def _gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return True
    return state == "Z"  # dead, only waiting to be reaped by whoever adopted it


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads process states from /proc")
def test_worker_exits_when_its_parent_is_killed() -> None:
    middle = subprocess.Popen([sys.executable, "-c", MIDDLE, WORKER], stdout=subprocess.PIPE, text=True)
    worker = int(middle.stdout.readline())
    try:
        assert middle.stdout.readline().strip() == "watching"  # the worker is set up (same stdout)
        assert not _gone(worker)
        middle.send_signal(signal.SIGKILL)
        middle.wait(timeout=30)
        deadline = time.monotonic() + 30
        while not _gone(worker) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _gone(worker)
    finally:
        middle.kill()
        if not _gone(worker):
            os.kill(worker, signal.SIGKILL)


def test_worker_exits_at_once_when_the_main_process_is_already_gone() -> None:
    # A pid that is not running: the worker must not start working for a run nobody waits for.
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True)
    code = f"from pipelines.stages.parent_watch import exit_with_parent\nexit_with_parent({int(dead.stdout)})\n"
    code += "print('still here')"
    result = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 1
    assert "still here" not in result.stdout
