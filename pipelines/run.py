"""One sanitize run as a plain function: the CLI, the notebook API and the Prefect flow all call this."""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pipelines.file_hash import sha256_file
from pipelines.gate.approve_run import record_policy_approval
from pipelines.gate.notify import send_event
from pipelines.stages.render_html import write_report_html
from pipelines.stages.run_stats import RunStats
from pipelines.stages.sanitize_chunk import ChunkJob
from pipelines.stages.sanitize_file import SanitizeOutput, sanitize_file
from pipelines.stages.write_report import build_report, write_report
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
    """A .jsonl file, or every .jsonl file directly inside a folder, sorted by name."""
    input_path = Path(input_path)
    if input_path.is_dir():
        return sorted(p for p in input_path.iterdir() if p.suffix == ".jsonl" and p.is_file())
    return [input_path]


def output_dir_for(input_file: Path, out_dir: Path, many: bool) -> Path:
    """`out_dir` for a single file; `out_dir/<stem>/` when a folder of files is sanitized."""
    return Path(out_dir) / Path(input_file).name.removesuffix(".jsonl") if many else Path(out_dir)


def run_sanitize(
    input_path: Path,
    out_dir: Path,
    config: RunConfig | None = None,
    detector: Detector | None = None,
    progress: Callable[[int], None] | None = None,
    execution: ExecutionOptions | None = None,
    chunk_runner: Callable[[list[ChunkJob]], list[RunStats]] | None = None,
) -> RunResult:
    """Validate, sanitize and report one JSONL file into `out_dir` (`progress`: see `sanitize_file`)."""
    config = config or RunConfig()
    execution = execution or ExecutionOptions()
    output = sanitize_file(Path(input_path), Path(out_dir), config, detector, progress,
                           workers=execution.workers, dask_address=execution.dask_address,
                           chunk_bytes=execution.chunk_bytes, runner=chunk_runner)
    report = build_report(output, config)
    report_path = write_report(report, Path(out_dir))
    write_report_html(report, Path(out_dir))
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
        record_policy_approval(Path(out_dir))
    logger.info("%s: decision %s", Path(input_path).name, report.decision)
    return RunResult(output, report, report_path)
