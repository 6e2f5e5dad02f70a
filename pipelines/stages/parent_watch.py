"""A worker process ends when the process that started it is gone, even after a `kill -9` of that process.

Worker processes hold a loaded spaCy model each (about 0.5 GB); orphaned, they would keep working on a
run nobody waits for. Two mechanisms, because either alone has a gap: Linux's PR_SET_PDEATHSIG makes
the kernel send SIGKILL when the parent dies, even while the worker is deep in native code (a regex, a
spaCy pipe) that no Python thread can interrupt; a watchdog thread checks that the parent is still the
one it started with, for platforms without prctl and for a parent that died before the call was made.
"""

import ctypes
import logging
import os
import signal
import sys
import threading

logger = logging.getLogger(__name__)

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
CHECK_INTERVAL_S = 1.0


def exit_with_parent(main_pid: int) -> None:
    """Make this worker end when its parent, or `main_pid` (the run's main process), is gone.

    The parent is the main process for forked workers and the fork server for the others; the fork
    server itself ends when the main process does, so either death reaches the worker.
    """
    parent_pid = os.getppid()
    _kill_on_parent_death()
    if not _alive(main_pid) or os.getppid() != parent_pid:  # gone before the call took effect
        os._exit(1)
    threading.Thread(target=_watch, args=(parent_pid, main_pid), name="parent-watch", daemon=True).start()


def _kill_on_parent_death() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        # The process's own symbols, libc's among them: `ctypes.util.find_library("c")` would run
        # `ldconfig -p` in a subprocess, a fork of a worker that holds spaCy (about 10 ms per worker).
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
            logger.debug("prctl(PR_SET_PDEATHSIG) failed with errno %d; the watchdog remains", ctypes.get_errno())
    except OSError:
        logger.debug("libc not loadable; the watchdog remains")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True


def _watch(parent_pid: int, main_pid: int) -> None:
    # A dead parent's children are adopted by init or a subreaper, so the parent pid changes.
    stop = threading.Event()
    while not stop.wait(CHECK_INTERVAL_S):
        if os.getppid() != parent_pid or not _alive(main_pid):
            os._exit(1)
