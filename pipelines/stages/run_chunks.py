"""Run chunk jobs in-process, on local worker processes, or on a Dask cluster; results in chunk order.

Output never depends on where a chunk ran: each chunk is sanitized independently and merged in order.
"""

import contextlib
import gc
import logging
import multiprocessing
import multiprocessing.context
import os
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool

from pipelines.stages.fork_server import fork_server_context, started_early
from pipelines.stages.parent_watch import exit_with_parent
from pipelines.stages.run_stats import RunStats
from pipelines.stages.sanitize_chunk import ChunkJob, run_chunk_job, sanitize_chunk
from sanitizers.engine import Detector
from schemas.errors import ConfigError, RunFailed
from schemas.run_config import Detectors, RunConfig

logger = logging.getLogger(__name__)

Done = Callable[[int, RunStats], None]
DASK_CONNECT_TIMEOUT_S = 30


def run_chunks(
    jobs: Sequence[ChunkJob],
    config: RunConfig,
    *,
    detector: Detector | None,
    workers: int,
    dask_address: str | None = None,
    on_done: Done | None = None,
) -> list[RunStats]:
    """Sanitize every job; `on_done(index, stats)` is called as each chunk finishes."""
    if dask_address:
        return _on_dask(jobs, dask_address, on_done)
    if workers <= 1 or len(jobs) <= 1:
        return _in_process(jobs, config, detector, on_done)
    return _on_processes(jobs, min(workers, len(jobs)), on_done, _worker_context(config))


def _in_process(jobs, config, detector, on_done) -> list[RunStats]:
    from sanitizers.engine import get_detector

    detector = detector or get_detector(config.detection)
    results = []
    for job in jobs:
        stats = sanitize_chunk(job, config, detector)
        if on_done:
            on_done(job.chunk.index, stats)
        results.append(stats)
    return results


def _worker_context(config: RunConfig) -> multiprocessing.context.BaseContext:
    """How worker processes start: forked from this process when that is safe, else from a fork server.

    A fork server the CLI started early (`fork_server.start_early`) forks them: it preloaded while the CLI
    planned the file. Otherwise fork is safe for a secrets-only run in a process with no other thread:
    nothing in it runs native thread pools (no numpy or spaCy is imported), and the workers inherit the
    chunk code and the built secret scanner at no cost (a fork server started now would take ~0.5 s to
    load them first). Otherwise (Prefect, a notebook kernel or a Dask client run threads, which fork
    copies badly; PII runs load spaCy) a fork server, started single-threaded, loads the code once and
    forks each worker.
    """
    secrets_only = Detectors.PII not in config.detection.detectors
    if secrets_only and not started_early() and threading.active_count() == 1 and "numpy" not in sys.modules:
        from pipelines.stages import sanitize_records  # noqa: F401 - loaded here, inherited by workers
        from sanitizers.engine import get_detector

        get_detector(config.detection)
        return multiprocessing.get_context("fork")
    # The fork server builds the default detector before forking: on two cores, loading it once then
    # forking measured as fast as each worker loading its own at the same time, and it costs half the
    # CPU (the machine is often shared). The modules are preloaded because sanitize_chunk imports them
    # only when it runs (`fork_server.PRELOAD`). The CLI may have started it already (`start_early`), for a
    # secrets-only run too: it then preloaded while the CLI planned the file, and forks the workers.
    return fork_server_context(pii=not secrets_only)


def _on_processes(jobs, workers: int, on_done, context: multiprocessing.context.BaseContext) -> list[RunStats]:
    results: dict[int, RunStats] = {}
    logger.info("sanitizing %d chunks on %d worker processes", len(jobs), workers)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start_worker,
                               initargs=(os.getpid(),))
    try:
        futures = {pool.submit(run_chunk_job, job): job.chunk.index for job in jobs}
        for future in as_completed(futures):
            index = futures[future]
            results[index] = future.result()
            if on_done:
                on_done(index, results[index])
    except BrokenProcessPool as e:
        _stop(pool)
        raise RunFailed(
            f"a worker process died (killed, or out of memory) after {len(results)} of {len(jobs)} chunks; "
            "finished chunks are kept: rerun the same command to resume (with fewer --workers if memory "
            "is short)"
        ) from e
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown(wait=True)
    return [results[job.chunk.index] for job in jobs]


def _stop(pool: ProcessPoolExecutor) -> None:
    """End a pool that failed without waiting on it: kill its workers, then shut it down.

    After a worker died, the executor's own clean-up terminates the workers it knows and joins them
    all; a worker started while it did (to replace the dead one) is never terminated, and the join,
    and with it `shutdown(wait=True)` and interpreter exit, waits forever (seen on CPython 3.11 with a
    fork server). Killed workers end every such wait.
    """
    for process in _workers(pool):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            process.kill()
    pool.shutdown(wait=False, cancel_futures=True)


def _workers(pool: ProcessPoolExecutor) -> list[multiprocessing.Process]:
    # `_processes` (pid -> Process) is the executor's own table; its manager thread may change it.
    for _ in range(3):
        try:
            return list((getattr(pool, "_processes", None) or {}).values())
        except RuntimeError:  # changed size during iteration: read it again
            continue
    return []


def _start_worker(main_pid: int) -> None:
    """First thing in each worker process: end with the main process, and leave preloaded modules out of GC.

    A worker whose main process was killed (kill -9 included) ends too (`exit_with_parent`).

    A worker allocates millions of short-lived dicts and lists, and every full collection would also
    walk all objects of presidio, spaCy and pydantic, which live as long as the process: measured
    10-15% of a worker's CPU on chat JSONL. Only our own workers do this; the calling process is left
    alone. A worker forked from the fork server inherits its collector paused for the preload
    (`fork_server_gc`): it collects again, what it inherited frozen.
    """
    exit_with_parent(main_pid)
    gc.freeze()
    gc.enable()


def _on_dask(jobs, address: str, on_done) -> list[RunStats]:
    try:
        from distributed import Client
        from distributed import as_completed as dask_completed
    except ImportError as e:  # pragma: no cover - distributed is a dependency
        raise ConfigError("--dask-address needs the 'distributed' package; run `make install`") from e
    from distributed.scheduler import KilledWorker

    results: dict[int, RunStats] = {}
    logger.info("sanitizing %d chunks on the Dask cluster", len(jobs))
    try:
        client = Client(address, timeout=f"{DASK_CONNECT_TIMEOUT_S}s")
    except (OSError, TimeoutError):  # distributed raises OSError("Timed out trying to connect ...")
        raise RunFailed(
            f"the Dask scheduler at {address} did not answer within {DASK_CONNECT_TIMEOUT_S} s; start it, "
            "check the address (tcp://HOST:PORT) and the network, or run without --dask-address"
        ) from None
    try:
        with client:
            futures = client.map(run_chunk_job, list(jobs), pure=False)
            index_of = {f.key: job.chunk.index for f, job in zip(futures, jobs)}
            for future in dask_completed(futures):
                index = index_of[future.key]
                results[index] = future.result()
                if on_done:
                    on_done(index, results[index])
    except KilledWorker as e:
        raise RunFailed(
            f"Dask workers kept dying on a chunk after {len(results)} of {len(jobs)} chunks (killed, or out of "
            "memory); finished chunks are kept: give the workers more memory and rerun to resume"
        ) from e
    except (OSError, TimeoutError) as e:
        if isinstance(e, OSError) and e.errno is not None:
            raise  # a file the chunk could not write: reported as an output problem
        raise RunFailed(
            f"the connection to the Dask scheduler at {address} was lost after {len(results)} of "
            f"{len(jobs)} chunks; finished chunks are kept: rerun to resume"
        ) from e
    return [results[job.chunk.index] for job in jobs]
