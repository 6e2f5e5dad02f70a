"""One sanitize run as a plain function: the CLI, the notebook API and the Prefect flow all call this."""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pipelines.file_hash import sha256_file
from pipelines.gate.approve_run import record_policy_approval_if_key, refuse_if_rejected
from pipelines.gate.notify import send_event
from pipelines.output_names import output_stem
from pipelines.printable import printable
from pipelines.run_lock import run_lock
from pipelines.stages.render_html import HTML_NAME, write_report_html
from pipelines.stages.run_stats import RunStats
from pipelines.stages.sanitize_chunk import ChunkJob
from pipelines.stages.sanitize_file import SanitizeOutput, sanitize_file
from pipelines.stages.write_report import REPORT_NAME, build_report, write_report
from sanitizers.engine import Detector
from schemas.report import Decision, Report
from schemas.run_config import ExecutionOptions, RunConfig

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RunResult:
    """What a run wrote and decided."""

    output: SanitizeOutput
    report: Report
    report_path: Path


def input_files(input_path: Path) -> list[Path]:
    """A .jsonl file, or every regular file directly inside a folder whose name ends in `.jsonl`, by name.

    Names are matched as text: `.jsonl` and `...jsonl` (no suffix to Python's eyes) are inputs too,
    never skipped in silence; `output_dir_for` gives them safe folders.
    """
    input_path = Path(input_path)
    if input_path.is_dir():
        return sorted(p for p in input_path.iterdir() if p.name.endswith(".jsonl") and p.is_file())
    return [input_path]


def output_dir_for(input_file: Path, out_dir: Path, many: bool) -> Path:
    """`out_dir` for a single file; `out_dir/<stem>/` when a folder of files is sanitized.

    The stem is made safe by `output_stem`: a file named `...jsonl` or `.work.jsonl` gets a folder of
    its own inside `out_dir`, never `out_dir/..` or a folder the run itself uses.
    """
    return Path(out_dir) / output_stem(Path(input_file).name) if many else Path(out_dir)


def run_sanitize(
    input_path: Path,
    out_dir: Path,
    config: RunConfig | None = None,
    detector: Detector | None = None,
    progress: Callable[[int], None] | None = None,
    execution: ExecutionOptions | None = None,
    chunk_runner: Callable[[list[ChunkJob]], list[RunStats]] | None = None,
) -> RunResult:
    """Validate, sanitize and report one JSONL file into `out_dir` (`progress`: see `sanitize_file`).

    One run per `out_dir` at a time (`run_lock`). report.json is written last: a folder holds a
    report.json only when its outputs and report.html are the ones that report describes, so a run
    that fails half-way never leaves a folder that looks complete.

    Raises:
        RunLocked: another run is writing to `out_dir`.
        NotApproved: a reviewer rejected the run in `out_dir`; the rejection stays on record.
    """
    config = config or RunConfig()
    execution = execution or ExecutionOptions()
    out_dir = Path(out_dir)
    with run_lock(out_dir):
        refuse_if_rejected(out_dir)
        return _run_locked(Path(input_path), out_dir, config, detector, progress, execution, chunk_runner)


def _run_locked(input_path: Path, out_dir: Path, config: RunConfig, detector: Detector | None,
                progress: Callable[[int], None] | None, execution: ExecutionOptions,
                chunk_runner: Callable[[list[ChunkJob]], list[RunStats]] | None) -> RunResult:
    output = sanitize_file(input_path, out_dir, config, detector, progress,
                           workers=execution.workers, dask_address=execution.dask_address,
                           chunk_bytes=execution.chunk_bytes, runner=chunk_runner,
                           stale=(out_dir / REPORT_NAME, out_dir / HTML_NAME))
    report = build_report(output, config)
    write_report_html(report, out_dir)
    report_path = write_report(report, out_dir)
    send_event("report_ready", {
        "sanitized_sha256": report.sanitized_sha256,
        "report_sha256": sha256_file(report_path),
        "decision": report.decision.value,
        "records_total": report.records_total,
        "records_written": report.records_written,
        "records_quarantined": report.records_quarantined,
        "findings_total": sum(report.findings.values()),
    })
    if report.decision == Decision.APPROVED:
        record_policy_approval_if_key(out_dir, expected_report=report)
    logger.info("%s: decision %s", printable(input_path.name), report.decision)
    return RunResult(output, report, report_path)
