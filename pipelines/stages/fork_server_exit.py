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

from pipelines.stages.fork_server import imported_by_fork_server


def _exit_now(pid: int) -> None:
    if os.getpid() != pid:
        return
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):  # closed or replaced: nothing left to write
            pass
    os._exit(0)


REGISTERED = imported_by_fork_server(sys._getframe())
if REGISTERED:
    atexit.register(_exit_now, os.getpid())  # the last handler registered runs first: before finalization
