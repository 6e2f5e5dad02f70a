"""What a sanitize run shows in the Prefect UI: summary, one report per file, findings table, progress.

Everything here is built from report.json's counts, decisions and hashes: entity types, reason codes,
field paths and numbers. Never excerpts, never record text. Artifacts live in the Prefect database, so
that rule is what keeps customer data out of it.

The reviewer's Resume form shows `review_markdown`: per file the counts, the policy's reasons and a
short sha256, with a link to that file's report artifact (full hashes, findings, quarantine reasons).
The link is a Prefect UI page, so it opens wherever the UI does (report.html stays in the run folder
on the machine that ran the flow).
"""

import re
from collections.abc import Callable
from pathlib import Path

from prefect.artifacts import (
    create_markdown_artifact,
    create_progress_artifact,
    create_table_artifact,
    update_progress_artifact,
)

from schemas.report import Report

# Characters of a sha256 shown in the Resume form; the full value is in the report artifact.
SHORT_HASH = 12
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
    lines += [""]
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


def review_markdown(reports: list[tuple[Report, Path]], links: list[str | None]) -> str:
    """What the reviewer approves or rejects, compact enough for the Resume dialog.

    Per file: name, policy decision and reasons, counts, a short sha256 of the sanitized bytes and a
    link to the file's report artifact (`links`, None where the UI address is unknown).
    """
    lines = [
        (
            "Choose **approve** or **reject** and sign with your name. An approval lets exactly the "
            "sanitized bytes below be uploaded; a rejection is final for the run folder."
        ),
        "",
    ]
    for (report, _), link in zip(reports, links, strict=True):
        counts = (
            f"{report.records_total} lines: {report.records_written} written, "
            f"{report.records_quarantined} quarantined; {sum(report.findings.values())} values replaced; "
            f"{sum(report.residual_findings.values())} residual findings"
        )
        short = f"`{report.sanitized_sha256[:SHORT_HASH]}…`"
        full = f"[full sha256 and report]({link})" if link else "full sha256 in the run's report artifacts"
        lines += [f"**{report.input.name}**: policy says **{report.decision.value}**", "", f"- {counts}"]
        lines += [f"- why: {reason}" for reason in report.decision_reasons]
        lines += [f"- sanitized sha256 {short} ({full})", ""]
    return "\n".join(lines)


def artifact_url(artifact_id: object) -> str | None:
    """The Prefect UI page of an artifact, or None when no UI address is known (no API server)."""
    from prefect.settings import PREFECT_UI_URL

    ui = PREFECT_UI_URL.value()
    return f"{ui.rstrip('/')}/artifacts/artifact/{artifact_id}" if ui else None


def publish_report(reports: list[tuple[Report, Path]], dataset_name: str) -> str:
    """Create the run's summary (markdown), one report artifact per file and the findings table.

    Returns:
        The review markdown (`review_markdown`) that the reviewer's Resume form shows.
    """
    create_markdown_artifact(
        key=artifact_key("sanitize-summary", dataset_name),
        markdown=report_markdown(reports, f"Sanitize report: {dataset_name}"),
        description="Counts, decision and hashes per file; no record text.",
    )
    create_table_artifact(
        key=artifact_key("sanitize-findings", dataset_name),
        table=findings_table(reports),
        description="Replaced values by entity type and quarantined lines by reason code.",
    )
    links = []
    for report, out_dir in reports:
        stem = report.input.name.removesuffix(".jsonl")
        artifact_id = create_markdown_artifact(
            key=artifact_key("sanitize-report", dataset_name, stem),
            markdown=report_markdown([(report, out_dir)], f"Report: {report.input.name}"),
            description=f"The report of {report.input.name}: counts, full sha256, findings; no record text.",
        )
        links.append(artifact_url(artifact_id))
    return review_markdown(reports, links)


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
