"""The fork server that starts worker processes: what it preloads, and starting it before a run needs it.

Full-detection workers (and any worker of a process that runs threads) are forked from a fork server
that imported the chunk code and built the default detector first (`run_chunks._worker_context`).
That preload (Python, presidio, spaCy, the model, the detector: about 1.5 s on one core) comes before
any worker can start; the CLI starts it as soon as it knows a run will need it (`start_early`), so
that it runs while the CLI's own process imports the pipeline and plans the file, instead of after.
The CLI does the same for secrets-only runs (the chunk code and the secret scanner, ~0.5 s), whose
workers would otherwise be forked from the CLI once it has planned the file and built the scanner itself.

This module is light (standard library only): it is imported before the pipeline is.
"""

import multiprocessing
import multiprocessing.context
import multiprocessing.forkserver
import os
from pathlib import Path
from types import FrameType

# Imported first: the cyclic garbage collector is paused for the preload (`fork_server_gc`).
PRELOAD_FIRST = ["pipelines.stages.fork_server_gc"]
# What the fork server imports before forking workers, so each starts with them loaded: the chunk code
# and the secret recognizers (light), plus, when PII is detected, presidio, spaCy and the default
# detector itself (`warm_detector`: the model, lists and patterns, built once instead of once per
# worker), which a secrets-only run never pays; last, `fork_server_exit`.
PRELOAD = ["pipelines.stages.sanitize_chunk", "pipelines.stages.sanitize_records", "sanitizers.registry"]
PRELOAD_PII = ["sanitizers.pii_analyzer", "pipelines.stages.chunk_names", "pipelines.stages.warm_detector"]
# ... and, for secrets only, the secret scanner of `--detectors secrets` (`warm_secret_detector`).
PRELOAD_SECRETS = ["pipelines.stages.warm_secret_detector"]
# Imported last: the fork server ends without tearing down what it preloaded (see the module).
PRELOAD_LAST = ["pipelines.stages.fork_server_exit"]


_started_early = False


def default_workers() -> int:
    """All cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def fork_server_context(pii: bool) -> multiprocessing.context.BaseContext:
    """The fork server context, preloading what workers of a run with (`pii`) or without PII need.

    A fork server already started in this process keeps its first preload list.
    """
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD_FIRST + PRELOAD + (PRELOAD_PII if pii else PRELOAD_SECRETS) + PRELOAD_LAST)
    return context


def started_early() -> bool:
    """Whether `start_early` started the fork server in this process: the run's workers then come from it."""
    return _started_early


def imported_by_fork_server(frame: FrameType | None) -> bool:
    """Whether the fork server's `main` (which imports its preload modules) is on the call stack of `frame`:
    how a preload module tells the fork server, where it acts, from any other process that imports it."""
    while frame is not None:
        code = frame.f_code
        if code.co_name == "main" and Path(code.co_filename).name == "forkserver.py" \
                and Path(code.co_filename).parent.name == "multiprocessing":
            return True
        frame = frame.f_back
    return False


def start_early(input_path: Path, pii: bool, workers: int | None, dask_address: str | None,
                chunk_bytes: int | None) -> bool:
    """Start the fork server now, preloading for a run with (`pii`) or without PII, when a run of
    `input_path` with these options will fork workers: on local workers (more than one), and the file is
    larger than one chunk. Returns whether it was started. Called by the CLI from a process with no other
    thread, before it imports the pipeline.

    A file a little over one chunk may still plan as one (a chunk ends at a line end): the server then
    preloads for nothing, on another core, and ends with this process.
    """
    from pipelines.stages.plan_chunks import auto_chunk_bytes  # light: the chunk size rule only

    global _started_early
    if dask_address is not None or (workers or default_workers()) <= 1:
        return False
    try:
        size = input_path.stat().st_size if input_path.is_file() else 0
    except OSError:
        return False  # the run reports the problem
    if size <= (chunk_bytes or auto_chunk_bytes(size)):
        return False
    fork_server_context(pii=pii)
    multiprocessing.forkserver.ensure_running()
    _started_early = True
    return True
