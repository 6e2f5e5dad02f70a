"""Chunks as Prefect tasks on the flow's task runner: prefect-dask's DaskTaskRunner on a Dask cluster.

The file is planned and merged where the flow runs; each chunk is a `sanitize-chunk` task that runs on
a Dask worker and writes its part files next to the output (the workers must see the same
filesystem). Tasks take a ChunkJob (paths, offsets, options) and return the chunk's index: no content.
"""

from collections.abc import Callable

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from pipelines.stages.run_stats import RunStats
from pipelines.stages.sanitize_chunk import ChunkJob, run_chunk_job


@task(name="sanitize-chunk", cache_policy=NO_CACHE, persist_result=False)
def sanitize_chunk_task(job: ChunkJob) -> int:
    """Sanitize one chunk into its part files (skipped when an earlier run finished it)."""
    run_chunk_job(job)
    return job.chunk.index


@flow(name="sanitize-chunks", persist_result=False, log_prints=False)
def sanitize_chunks(jobs: list[ChunkJob]) -> int:
    """Run every chunk job on this flow's task runner; returns how many finished."""
    return len(sanitize_chunk_task.map(jobs).result())


def dask_chunk_runner(address: str) -> Callable[[list[ChunkJob]], list[RunStats]]:
    """A chunk runner for `sanitize_file(runner=...)` that runs the chunks on the Dask scheduler `address`."""

    def run(jobs: list[ChunkJob]) -> list[RunStats]:
        from prefect_dask import DaskTaskRunner

        sanitize_chunks.with_options(task_runner=DaskTaskRunner(address=address))(jobs)
        return [RunStats.model_validate_json(job.part("stats.json").read_text(encoding="utf-8")) for job in jobs]

    return run
