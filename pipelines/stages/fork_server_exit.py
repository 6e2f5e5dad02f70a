"""Imported last by the fork server of worker processes (`fork_server.PRELOAD_LAST`): it ends without
Python's finalization.

A fork server ends when the process that started it is gone (its "alive" pipe closes). Its workers have
ended by then, and it writes nothing; but the interpreter's finalization tears down every object it
preloaded (spaCy, presidio, the built detector): measured 0.3-0.4 s after the main process of a full-detection
CLI run had exited, with a core busy and the run's stdout and stderr still open, so a caller that reads them
to the end (a pipe, a test, the bench) waited that long for nothing.

Only the fork server is affected: the handler is registered when `multiprocessing.forkserver.main` imports
this module (imported anywhere else, it does nothing), and it ends only the process that registered it.
The workers forked from the server end with `os._exit` when their job is done, as before.
"""

import atexit
import os
import sys
from pathlib import Path
from types import FrameType


def _imported_by_fork_server(frame: FrameType | None) -> bool:
    """Whether the fork server's `main` (which imports its preload modules) is on the call stack."""
    while frame is not None:
        code = frame.f_code
        if code.co_name == "main" and Path(code.co_filename).name == "forkserver.py" \
                and Path(code.co_filename).parent.name == "multiprocessing":
            return True
        frame = frame.f_back
    return False


def _exit_now(pid: int) -> None:
    if os.getpid() != pid:
        return
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):  # closed or replaced: nothing left to write
            pass
    os._exit(0)


REGISTERED = _imported_by_fork_server(sys._getframe())
if REGISTERED:
    atexit.register(_exit_now, os.getpid())  # the last handler registered runs first: before finalization
