"""Stage: sanitize one chunk of a file into its own part files, resumable.

A chunk's outputs are `chunk-NNNNNN.sanitized.jsonl`, `.quarantine.jsonl` and, written last,
`.stats.json`; a chunk whose stats file exists is finished and is not processed again. Everything a
chunk needs travels in a small picklable ChunkJob, so chunks run in-process, in worker processes or on
a Dask cluster alike, and give the same bytes wherever they run.
"""

import contextlib
import gc
import json
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pipelines.atomic import atomic_write_text, atomic_writer
from pipelines.stages.load_jsonl import iter_lines
from pipelines.stages.plan_chunks import Chunk
from pipelines.stages.run_stats import RunStats
from pipelines.stages.time_limit import base_timeout
from pipelines.stages.validate_records import RecordValidator, Rejected, ValidRecord
from sanitizers.engine import Detector, get_detector
from schemas.formats import RecordFormat
from schemas.problems import schema_path
from schemas.run_config import Detectors, RunConfig

logger = logging.getLogger(__name__)

RESIDUAL_MESSAGE = "a secret was still found after sanitizing; report it as a bug"


@dataclass(frozen=True)
class ChunkJob:
    """One chunk to sanitize: plain values only (paths as strings, config as JSON)."""

    input_path: str
    chunk: Chunk
    work_dir: str
    config_json: str
    file_format: str | None

    def part(self, kind: str) -> Path:
        """Path of this chunk's `kind` part file (sanitized.jsonl, quarantine.jsonl, stats.json)."""
        return Path(self.work_dir) / f"chunk-{self.chunk.index:06d}.{kind}"


def quarantine_line(rejected: Rejected) -> str:
    """A quarantine row: where and why, never the line itself.

    The field path shows only names the schemas know (`schema_path`): a key of the record is its data.
    """
    row = {"line": rejected.line_no, "reason": str(rejected.reason), "field": schema_path(rejected.field),
           "message": rejected.message}
    return json.dumps(row, ensure_ascii=False)


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause cyclic garbage collection while one chunk runs, then restore it.

    The chunk loop frees what it allocates by reference counting (a collection right after a chunk of
    valid and invalid lines finds nothing), but its millions of short-lived dicts and lists trigger
    full collections that walk every object of presidio, spaCy and pydantic: measured 10-15% of the
    CPU of a chunk. Anything a collection would have found meanwhile is collected once it resumes.
    """
    if not gc.isenabled():  # the caller paused it: leave that choice alone
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def run_chunk_job(job: ChunkJob) -> RunStats:
    """Entry point for worker processes and Dask: builds (or reuses) the process's detector."""
    config = RunConfig.model_validate_json(job.config_json)
    return sanitize_chunk(job, config, get_detector(config.detection))


def sanitize_chunk(
    job: ChunkJob, config: RunConfig, detector: Detector, progress: Callable[[int], None] | None = None
) -> RunStats:
    """Sanitize one chunk into its part files, or load its stats when it already finished."""
    stats_path = job.part("stats.json")
    if stats_path.exists():
        return RunStats.model_validate_json(stats_path.read_text(encoding="utf-8"))
    with _gc_paused():  # in-process, in worker processes, on Dask and as Prefect tasks alike
        return _sanitize_chunk(job, config, detector, progress)


def _sanitize_chunk(
    job: ChunkJob, config: RunConfig, detector: Detector, progress: Callable[[int], None] | None
) -> RunStats:
    """The chunk loop of `sanitize_chunk`: part files, then the stats file."""
    # Imported here: with PII they pull in presidio (and spaCy), which a process that only plans and
    # merges chunks (the CLI's main process when workers run PII chunks) never needs. Workers have
    # them loaded already (run_chunks._worker_context, fork_server.PRELOAD).
    from pipelines.stages.sanitize_limited import sanitize_limited
    from pipelines.stages.sanitize_records import RecordSanitizer
    from sanitizers.replacement_book import book_factory

    stats = RunStats()
    fmt = RecordFormat(job.file_format) if job.file_format else None
    validator = RecordValidator(file_format=fmt, unknown_fields=config.unknown_fields)
    books = book_factory(config.detection)
    timeout = base_timeout()

    c = job.chunk
    names = None
    if Detectors.PII in config.detection.detectors:  # names are carried between records: read the chunk twice
        from pipelines.stages.chunk_names import learn_chunk_names

        first_read = RecordValidator(file_format=fmt, unknown_fields=config.unknown_fields)
        names = learn_chunk_names(job.input_path, c, first_read, detector, config.batch_size, timeout)

    def make_sanitizer(batch_stats: RunStats) -> RecordSanitizer:
        # One per batch attempt: a batch that passes its time limit is retried record by record, and
        # only completed attempts' counts reach `stats` (sanitize_limited).
        return RecordSanitizer(detector, batch_stats, books, names)

    # Per-line counts are kept in locals and stored once: RunStats is a pydantic model, and its
    # validated attribute writes cost more per line than the rest of the bookkeeping.
    total = blank = written = removed = 0
    # Not fsynced (durable=False): a resumed run re-reads every part it reuses against the chunk's seal
    # (chunk_seal.drop_unsealed), so a part a power loss left short is sanitized again, never merged.
    with atomic_writer(job.part("sanitized.jsonl"), durable=False) as out, \
            atomic_writer(job.part("quarantine.jsonl"), durable=False) as quarantine:

        def flush(batch: list[ValidRecord], raws: list[str]) -> None:
            nonlocal written
            lines: list[str] = []
            for item in sanitize_limited(make_sanitizer, batch, raws, stats, timeout):
                if isinstance(item, Rejected):  # detection did not finish in time
                    stats.quarantined(item.line_no, str(item.reason))
                    quarantine.write(quarantine_line(item) + "\n")
                elif item.json_line is None:
                    stats.quarantined(item.line_no, str(item.reason))
                    quarantine.write(quarantine_line(Rejected(item.line_no, item.reason, item.field,
                                                              item.message or RESIDUAL_MESSAGE)) + "\n")
                else:
                    lines.append(item.json_line)
            if lines:  # one write per batch: per-line writes measured ~4% of a secrets-only chunk
                lines.append("")
                out.write("\n".join(lines))
                written += len(lines) - 1
            batch.clear()
            raws.clear()
            if progress is not None:
                progress(total + blank)

        batch: list[ValidRecord] = []
        raws: list[str] = []
        for raw in iter_lines(job.input_path, start=c.start, end=c.end, first_line=c.first_line):
            result = validator.validate(raw)
            if result is None:
                blank += 1
                continue
            total += 1
            if isinstance(result, Rejected):
                stats.quarantined(result.line_no, str(result.reason))
                quarantine.write(quarantine_line(result) + "\n")
                continue
            if stats.format is None:
                stats.format = result.format
            removed += len(result.removed_fields)
            batch.append(result)
            raws.append(raw.data.decode("utf-8"))
            if len(batch) >= config.batch_size:
                flush(batch, raws)
        flush(batch, raws)
    stats.records_total, stats.blank_lines = total, blank
    stats.records_written, stats.unknown_fields_removed = written, removed
    # The stats file is the chunk's "done" mark: written last, after both part files are in place.
    atomic_write_text(job.part("stats.json"), stats.model_dump_json(), durable=False)
    logger.debug("chunk %d: %d records, %d written", c.index, stats.records_total, stats.records_written)
    return stats
