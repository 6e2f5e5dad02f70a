"""Stage: one JSONL file in, a sanitized file and a quarantine file out, written atomically.

Streams: memory holds one batch of records at a time, whatever the file's size. Every non-blank line
ends up in exactly one of the two outputs; the returned RunStats says how many went where.
"""

import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pipelines.atomic import atomic_writer
from pipelines.errors import InputError
from pipelines.stages.load_jsonl import iter_lines
from pipelines.stages.run_stats import RunStats
from pipelines.stages.sanitize_records import RecordSanitizer
from pipelines.stages.validate_records import RecordValidator, Rejected, ValidRecord
from sanitizers.engine import Detector, get_detector
from schemas.run_config import RunConfig

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SanitizeOutput:
    """Paths and counts of one sanitized file; no record content."""

    input_path: Path
    sanitized_path: Path
    quarantine_path: Path
    sanitized_sha256: str
    stats: RunStats


def output_paths(input_path: Path, out_dir: Path) -> tuple[Path, Path]:
    """`<out>/<stem>.sanitized.jsonl` and `<out>/<stem>.quarantine.jsonl`."""
    stem = input_path.name.removesuffix(".jsonl")
    return out_dir / f"{stem}.sanitized.jsonl", out_dir / f"{stem}.quarantine.jsonl"


def quarantine_line(rejected: Rejected) -> str:
    """A quarantine row: where and why, never the line itself."""
    return json.dumps(
        {"line": rejected.line_no, "reason": str(rejected.reason), "field": rejected.field,
         "message": rejected.message},
        ensure_ascii=False,
    )


def sanitize_file(
    input_path: Path,
    out_dir: Path,
    config: RunConfig,
    detector: Detector | None = None,
    progress: Callable[[int], None] | None = None,
) -> SanitizeOutput:
    """Validate and sanitize `input_path` into `out_dir`.

    `progress`, if given, is called with the number of lines read so far (blank ones included) after
    every detection batch and once at the end: a count, never content (the Prefect flow's progress bar).
    """
    input_path, out_dir = Path(input_path), Path(out_dir)
    if not input_path.is_file():
        raise InputError(f"{input_path}: not a file; pass a .jsonl file or a folder of them")
    out_dir.mkdir(parents=True, exist_ok=True)
    sanitized_path, quarantine_path = output_paths(input_path, out_dir)
    detector = detector or get_detector(config.detection)
    stats = RunStats()
    validator = RecordValidator(unknown_fields=config.unknown_fields)
    sanitizer = RecordSanitizer(detector, stats)
    digest = hashlib.sha256()

    with atomic_writer(sanitized_path, "w") as out, atomic_writer(quarantine_path, "w") as quarantine:

        def flush(batch: list[ValidRecord], raws: list[str]) -> None:
            for item in sanitizer.sanitize_batch(batch, raws):
                if item.json_line is None:
                    stats.quarantined(item.line_no, str(item.reason))
                    quarantine.write(
                        quarantine_line(Rejected(item.line_no, item.reason, item.field,
                                                 "a secret was still found after sanitizing; report it as a bug"))
                        + "\n"
                    )
                else:
                    data = item.json_line + "\n"
                    out.write(data)
                    digest.update(data.encode("utf-8"))
                    stats.records_written += 1
            batch.clear()
            raws.clear()

        batch: list[ValidRecord] = []
        raws: list[str] = []
        for raw in iter_lines(input_path):
            result = validator.validate(raw)
            if result is None:
                stats.blank_lines += 1
                continue
            stats.records_total += 1
            if isinstance(result, Rejected):
                stats.quarantined(result.line_no, str(result.reason))
                quarantine.write(quarantine_line(result) + "\n")
                continue
            stats.format = stats.format or result.format
            stats.unknown_fields_removed += len(result.removed_fields)
            batch.append(result)
            raws.append(raw.data.decode("utf-8"))
            if len(batch) >= config.batch_size:
                flush(batch, raws)
                if progress is not None:
                    progress(stats.records_total + stats.blank_lines)
        flush(batch, raws)
        if progress is not None:
            progress(stats.records_total + stats.blank_lines)

    if not stats.balanced:  # a bug, never a data problem: fail loudly rather than lose a line
        raise RuntimeError(
            f"{input_path.name}: {stats.records_total} lines read but {stats.records_written} written and "
            f"{stats.records_quarantined} quarantined; no output should be trusted, report this as a bug"
        )
    logger.info(
        "%s: %d records, %d written, %d quarantined, %d changed",
        input_path.name, stats.records_total, stats.records_written, stats.records_quarantined,
        stats.records_changed,
    )
    return SanitizeOutput(input_path, sanitized_path, quarantine_path, digest.hexdigest(), stats)
