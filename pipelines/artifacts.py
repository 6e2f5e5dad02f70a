"""What a sanitize run shows in the Prefect UI: summary markdown, findings table, report link, progress.

Everything here is built from report.json's counts, decisions and hashes: entity types, reason codes,
field paths and numbers. Never excerpts, never record text. Artifacts live in the Prefect database, so
that rule is what keeps customer data out of it.
"""

import re
from collections.abc import Callable
from pathlib import Path

from prefect.artifacts import (
    create_link_artifact,
    create_markdown_artifact,
    create_progress_artifact,
    create_table_artifact,
    update_progress_artifact,
)

from schemas.report import Report

_KEY_UNSAFE = re.compile(r"[^a-z0-9-]+")


def artifact_key(*parts: str) -> str:
    """A Prefect artifact key from `parts`: lowercase letters, digits and dashes only."""
    key = _KEY_UNSAFE.sub("-", "-".join(parts).lower()).strip("-")
    return re.sub(r"-{2,}", "-", key) or "ft-sanitizer"


def report_markdown(reports: list[tuple[Report, Path]], title: str) -> str:
    """A reviewer's summary of one or more reports (with their run folders), as markdown."""
    lines = [f"# {title}", ""]
    for report, out_dir in reports:
        lines += _file_section(report, out_dir)
    return "\n".join(lines)


def _file_section(report: Report, out_dir: Path) -> list[str]:
    decision = report.decision.value
    lines = [
        f"## {report.input.name}: **{decision}**",
        "",
        f"- format: {report.format.value if report.format else 'none (no valid line)'}",
        (
            f"- lines: {report.records_total} read, {report.records_written} written, "
            f"{report.records_quarantined} quarantined, {report.blank_lines} blank"
        ),
        f"- records changed: {report.records_changed}; values replaced: {sum(report.findings.values())}",
        f"- residual findings after re-scan: {sum(report.residual_findings.values())}",
        f"- sanitized sha256: `{report.sanitized_sha256}`",
        f"- run folder: `{out_dir}`",
    ]
    if report.decision_reasons:
        lines += ["", "Why:", *[f"- {reason}" for reason in report.decision_reasons]]
    if report.findings:
        lines += ["", "| entity type | replaced |", "|---|---:|"]
        lines += [f"| {t} | {n} |" for t, n in sorted(report.findings.items(), key=lambda kv: (-kv[1], kv[0]))]
    if report.quarantine_by_reason:
        lines += ["", "| quarantine reason | lines |", "|---|---:|"]
        lines += [
            f"| {r} | {n} |" for r, n in sorted(report.quarantine_by_reason.items(), key=lambda kv: (-kv[1], kv[0]))
        ]
    lines += ["", f"Full report: {report_link(out_dir)}", ""]
    return lines


def findings_table(reports: list[tuple[Report, Path]]) -> list[dict[str, object]]:
    """One row per (file, kind, name): findings by entity type and quarantined lines by reason."""
    rows: list[dict[str, object]] = []
    for report, _ in reports:
        for entity_type, count in sorted(report.findings.items()):
            rows.append({"file": report.input.name, "kind": "finding", "name": entity_type, "count": count,
                         "residual": report.residual_findings.get(entity_type, 0)})
        for reason, count in sorted(report.quarantine_by_reason.items()):
            rows.append({"file": report.input.name, "kind": "quarantine", "name": reason, "count": count,
                         "residual": 0})
    return rows


def report_link(out_dir: Path) -> str:
    """file:// URL of report.html in `out_dir` (report.json when no HTML report was written)."""
    out_dir = Path(out_dir).resolve()
    html = out_dir / "report.html"
    return (html if html.exists() else out_dir / "report.json").as_uri()


def publish_report(reports: list[tuple[Report, Path]], dataset_name: str) -> str:
    """Create the run's summary (markdown), findings table and one report link per file.

    Returns:
        The summary markdown, also shown above the reviewer's Resume form.
    """
    markdown = report_markdown(reports, f"Sanitize report: {dataset_name}")
    create_markdown_artifact(
        key=artifact_key("sanitize-summary", dataset_name),
        markdown=markdown,
        description="Counts, decision and hashes per file; no record text.",
    )
    create_table_artifact(
        key=artifact_key("sanitize-findings", dataset_name),
        table=findings_table(reports),
        description="Replaced values by entity type and quarantined lines by reason code.",
    )
    for report, out_dir in reports:
        link = report_link(out_dir)
        create_link_artifact(
            key=artifact_key("sanitize-report", dataset_name),
            link=link,
            link_text=f"{report.input.name}: {Path(link).name}",
            description="The full report on the machine that ran the flow.",
        )
    return markdown


def progress_reporter(total_lines: int, description: str) -> Callable[[int], None]:
    """A `progress(lines_done)` callback that moves a progress artifact in steps of at least 1%."""
    artifact_id = create_progress_artifact(progress=0.0, description=description)
    last = 0.0

    def report(lines_done: int) -> None:
        nonlocal last
        percent = 100.0 if total_lines <= 0 else min(100.0, 100.0 * lines_done / total_lines)
        # Each update is an API call: skip the ones a person could not see move.
        if percent - last >= 1.0 or (percent == 100.0 and last < 100.0):
            update_progress_artifact(artifact_id=artifact_id, progress=percent)
            last = percent

    return report


def count_lines(path: Path) -> int:
    """Newline-separated lines in `path` (one more when the last line has no newline), read in blocks."""
    lines, last = 0, b"\n"
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            lines += block.count(b"\n")
            last = block[-1:]
    return lines + (0 if last == b"\n" else 1)
