"""Stage: build report.json from a run's counts and the files it wrote."""

import os
from datetime import UTC, datetime
from pathlib import Path

from pipelines.atomic import atomic_write_text
from pipelines.file_hash import sha256_file
from pipelines.policy import decide
from pipelines.printable import printable
from pipelines.stages.sanitize_file import SanitizeOutput
from pipelines.versions import tool_version, versions
from schemas.report import FileFacts, Report
from schemas.run_config import RunConfig

REPORT_NAME = "report.json"


def file_facts(path: Path, sha256: str | None = None) -> FileFacts:
    """Name (no folders: they can carry customer names), size and sha256 of a file.

    The name is escaped (`printable`): an input name may hold control characters or bytes that are not
    UTF-8, which JSON cannot carry and a terminal or browser would obey.
    """
    return FileFacts(name=printable(path.name), bytes=os.path.getsize(path), sha256=sha256 or sha256_file(path))


def build_report(output: SanitizeOutput, config: RunConfig) -> Report:
    """The report of one sanitized file, with the policy's decision."""
    stats = output.stats
    decision, reasons = decide(stats, config.policy)
    return Report(
        tool_version=tool_version(),
        created_at=datetime.now(UTC),
        input=file_facts(output.input_path, output.input_sha256),
        sanitized=file_facts(output.sanitized_path, output.sanitized_sha256),
        quarantine=file_facts(output.quarantine_path),
        format=stats.format,
        records_total=stats.records_total,
        records_written=stats.records_written,
        records_quarantined=stats.records_quarantined,
        blank_lines=stats.blank_lines,
        records_changed=stats.records_changed,
        unknown_fields_removed=stats.unknown_fields_removed,
        quarantine_by_reason=dict(stats.quarantine_by_reason),
        quarantine_lines={k: list(v) for k, v in stats.quarantine_lines.items()},
        findings=dict(stats.findings),
        findings_by_field={k: dict(v) for k, v in stats.findings_by_field.items()},
        findings_by_role={k: dict(v) for k, v in stats.findings_by_role.items()},
        residual_findings=dict(stats.residual_findings),
        excerpts=list(stats.excerpts),
        config=config.model_dump(mode="json"),
        versions=versions(),
        sanitized_sha256=output.sanitized_sha256,
        decision=decision,
        decision_reasons=reasons,
    )


def write_report(report: Report, out_dir: Path) -> Path:
    """Write `out_dir/report.json` atomically and return its path."""
    path = Path(out_dir) / REPORT_NAME
    atomic_write_text(path, report.model_dump_json(indent=2) + "\n")
    return path


def read_report(out_dir: Path) -> Report:
    """Read and validate `out_dir/report.json`."""
    return Report.model_validate_json((Path(out_dir) / REPORT_NAME).read_text(encoding="utf-8"))
