"""One sanitize run per output folder at a time: an exclusive lock on `<out>/.lock` that names its holder.

Two runs writing the same folder would interleave chunk files and replace each other's outputs. The
lock is `flock(2)` on a file that stays in the folder: the kernel releases it when the holding process
ends, however it ends (kill -9 included), so a crash never leaves a folder locked. The file holds the
holder's pid, host and start time, for the message the second run prints.
"""

import contextlib
import fcntl
import json
import os
import socket
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from pipelines.printable import printable
from schemas.errors import RunLocked

LOCK_NAME = ".lock"
_MAX_HOLDER_BYTES = 4096


@contextlib.contextmanager
def run_lock(out_dir: Path) -> Iterator[None]:
    """Hold the lock of `out_dir` (created if needed) for the block.

    Raises:
        RunLocked: another process holds it; the message names that process.
        OSError: the folder or its lock file cannot be created or written.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(out_dir / LOCK_NAME, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise RunLocked(
                f"{printable(out_dir)}: another ft-sanitizer run is writing to this folder "
                f"({_holder(fd)}); wait for it to finish, or choose another --out"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(_me()).encode("utf-8"), 0)
        yield
    finally:
        os.close(fd)  # releases the lock


def _me() -> dict[str, object]:
    return {"pid": os.getpid(), "host": socket.gethostname(),
            "started": datetime.now(UTC).isoformat(timespec="seconds")}


def _holder(fd: int) -> str:
    """`pid 123 on host h, since 2026-12-06T08:00:00+00:00`, from the lock file (whatever it holds)."""
    try:
        holder = json.loads(os.pread(fd, _MAX_HOLDER_BYTES, 0))
        pid, host, started = int(holder["pid"]), str(holder["host"]), str(holder["started"])
    except (OSError, ValueError, KeyError, TypeError):
        return "its process is not recorded"
    return f"pid {pid} on host {printable(host)[:64]}, since {printable(started)[:32]}"
