"""Tests for pipelines.run_lock: one run per output folder, the holder named, released however it ends."""

import fcntl
import json
import os
import signal
import subprocess
import sys

import pytest

from pipelines.run_lock import LOCK_NAME, run_lock
from schemas.errors import RunLocked


def test_refuses_second_holder_naming_the_first_when_folder_is_locked(tmp_path) -> None:
    with run_lock(tmp_path / "out"):
        holder = json.loads((tmp_path / "out" / LOCK_NAME).read_text())
        assert holder["pid"] == os.getpid()
        with pytest.raises(RunLocked, match=f"pid {os.getpid()} on host") as caught, run_lock(tmp_path / "out"):
            pass
        assert "choose another --out" in str(caught.value)


def test_takes_lock_again_when_the_first_block_ended(tmp_path) -> None:
    with run_lock(tmp_path):
        pass
    with run_lock(tmp_path):
        pass


def test_frees_the_folder_when_the_holder_is_killed(tmp_path) -> None:
    code = ("import sys, time\nfrom pipelines.run_lock import run_lock\n"
            "with run_lock(sys.argv[1]):\n    print('locked', flush=True)\n    time.sleep(600)\n")
    holder = subprocess.Popen([sys.executable, "-c", code, str(tmp_path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(RunLocked, match=f"pid {holder.pid}"), run_lock(tmp_path):
            pass
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
    finally:
        holder.kill()
    with run_lock(tmp_path):  # the kernel released it with the process
        pass


def test_says_holder_is_unknown_when_lock_file_holds_garbage(tmp_path) -> None:
    (tmp_path / LOCK_NAME).write_bytes(b"\x1b[2J not json")
    fd = os.open(tmp_path / LOCK_NAME, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        with pytest.raises(RunLocked, match="not recorded") as caught, run_lock(tmp_path):
            pass
        assert "\x1b" not in str(caught.value)
    finally:
        os.close(fd)
