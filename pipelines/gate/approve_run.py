"""The review gate: record a decision on a run, and check it before anything leaves the machine.

A decision is bound to bytes: approval.json holds the sha256 of the sanitized file and of report.json
as they were when the decision was taken. `check_approved` recomputes both from disk every time, so a
file edited after approval is refused (HashMismatch), whoever approved it.

Who may approve what:
- report.decision == approved: the sanitize run records a policy approval (`record_policy_approval`).
- report.decision == needs_review: a human approves (`approve_run`) or rejects (`reject_run`).
- report.decision == rejected: nobody can approve; fix the input or the config and sanitize again.
A human rejection is final for that run folder; a new sanitize run makes a new decision possible.
"""

import hashlib
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from pydantic import ValidationError

from pipelines.atomic import atomic_write_text
from pipelines.file_hash import sha256_file
from pipelines.gate.notify import send_event
from schemas.approval import POLICY_REVIEWER, Approval, ApprovalSource
from schemas.errors import ConfigError, HashMismatch, NotApproved
from schemas.report import Decision, Report

log = logging.getLogger(__name__)

REPORT_FILE = "report.json"
APPROVAL_FILE = "approval.json"


@dataclass(frozen=True)
class ApprovedRun:
    """A run the gate let through: its approval, its report, and the exact file to upload."""

    approval: Approval
    report: Report
    report_sha256: str
    sanitized_path: Path


def approve_run(out_dir: Path, *, reviewer: str, comment: str = "", source: str = "cli") -> Approval:
    """Approve the run in `out_dir` for upload and write approval.json atomically.

    Raises:
        NotApproved: the policy rejected the run, a reviewer already rejected it, or a file is missing.
        HashMismatch: the sanitized file no longer matches report.json.
        ConfigError: reviewer or source is not valid.
    """
    return _decide(Path(out_dir), approved=True, reviewer=reviewer, comment=comment, source=source)


def reject_run(out_dir: Path, *, reviewer: str, comment: str = "", source: str = "cli") -> Approval:
    """Reject the run in `out_dir` (approval.json with approved=false): it can never be uploaded.

    Raises:
        NotApproved: report.json or the sanitized file is missing.
        HashMismatch: the sanitized file no longer matches report.json.
        ConfigError: reviewer or source is not valid.
    """
    return _decide(Path(out_dir), approved=False, reviewer=reviewer, comment=comment, source=source)


def record_policy_approval(out_dir: Path) -> Approval:
    """Record the policy's own approval (reviewer "policy") for a run whose report says approved.

    The sanitize run calls this right after writing report.json when its decision is approved.

    Raises:
        NotApproved: the report's decision is not approved.
        HashMismatch: the sanitized file no longer matches report.json.
    """
    out_dir = Path(out_dir)
    report, _ = _load_report(out_dir)
    if report.decision is not Decision.APPROVED:
        raise NotApproved(
            f"{out_dir / REPORT_FILE}: the policy decision is {report.decision.value}, not approved; "
            "a policy approval needs decision=approved (use `ft-sanitizer approve` for needs_review runs)"
        )
    return _decide(out_dir, approved=True, reviewer=POLICY_REVIEWER, comment="", source=ApprovalSource.POLICY)


def read_approval(out_dir: Path) -> Approval | None:
    """Return the decision recorded in `out_dir`, or None when there is none.

    Raises:
        NotApproved: approval.json exists but is not a valid approval.
    """
    path = Path(out_dir) / APPROVAL_FILE
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    try:
        return Approval.model_validate_json(raw)
    except ValidationError as e:
        raise NotApproved(
            f"{path} is not a valid approval ({_describe(e)}); delete it and approve the run again"
        ) from e


def check_approved(out_dir: Path) -> Approval:
    """Return the approval of `out_dir` after proving it still applies to the files on disk.

    Raises:
        NotApproved: no approval, a rejection, or a missing file.
        HashMismatch: the sanitized file or report.json changed since the decision.
    """
    return check_approved_run(out_dir).approval


def check_approved_run(out_dir: Path) -> ApprovedRun:
    """Like `check_approved`, also returning the report and the path of the file to upload."""
    out_dir = Path(out_dir)
    report, report_sha = _load_report(out_dir)
    approval = read_approval(out_dir)
    if approval is None:
        raise NotApproved(_no_approval_message(out_dir, report))
    if not approval.approved:
        raise NotApproved(
            f"{out_dir}: rejected by {approval.reviewer} at {approval.decided_at.isoformat()}; a rejected "
            "run is never uploaded: fix the data and run sanitize again into a new folder"
        )
    if approval.report_sha256 != report_sha:
        raise HashMismatch(
            f"{out_dir / REPORT_FILE} changed since it was approved (sha256 {report_sha[:12]}… is not the "
            f"approved {approval.report_sha256[:12]}…); review the new report and approve again"
        )
    if approval.sanitized_name != report.sanitized.name:
        raise HashMismatch(
            f"{out_dir / APPROVAL_FILE} approves a different file than report.json names; approve again"
        )
    sanitized = _sanitized_path(out_dir, report)
    actual = sha256_file(sanitized)
    if actual != approval.sanitized_sha256 or actual != report.sanitized_sha256:
        raise HashMismatch(
            f"{sanitized} changed since it was approved (sha256 {actual[:12]}… is not the approved "
            f"{approval.sanitized_sha256[:12]}…); only the approved bytes may be uploaded: run sanitize again"
        )
    log.info("gate passed: sanitized sha256 %s… approved by %s", actual[:12], approval.source.value)
    return ApprovedRun(approval=approval, report=report, report_sha256=report_sha, sanitized_path=sanitized)


def _decide(out_dir: Path, *, approved: bool, reviewer: str, comment: str, source: str) -> Approval:
    report, report_sha = _load_report(out_dir)
    source_enum = _parse_source(source)
    if approved and report.decision is Decision.REJECTED:
        reasons = "; ".join(report.decision_reasons) or "see report.json"
        raise NotApproved(
            f"{out_dir}: the policy rejected this run ({reasons}); a rejected run cannot be approved: fix "
            "the input or the sanitizer settings and run sanitize again"
        )
    sanitized = _sanitized_path(out_dir, report)
    actual = sha256_file(sanitized)
    if actual != report.sanitized_sha256:
        raise HashMismatch(
            f"{sanitized} does not match report.json (sha256 {actual[:12]}… is not the reported "
            f"{report.sanitized_sha256[:12]}…); the file changed after sanitize: run sanitize again"
        )
    existing = read_approval(out_dir)
    if existing is not None and existing.report_sha256 == report_sha and existing.sanitized_sha256 == actual:
        if not existing.approved and approved:
            raise NotApproved(
                f"{out_dir}: already rejected by {existing.reviewer} at {existing.decided_at.isoformat()}; a "
                "rejection is final for a run folder: run sanitize again into a new folder"
            )
        if existing.approved and approved and existing.source is not ApprovalSource.POLICY:
            log.info("run already approved by a reviewer; approval.json left unchanged")
            return existing
    now = datetime.now(UTC)
    try:
        decision = Approval(
            approved=approved,
            reviewer=reviewer.strip(),
            approved_at=now if approved else None,
            rejected_at=None if approved else now,
            comment=comment,
            source=source_enum,
            sanitized_name=sanitized.name,
            sanitized_bytes=sanitized.stat().st_size,
            sanitized_sha256=actual,
            report_sha256=report_sha,
            decision_at_approval=report.decision,
        )
    except ValidationError as e:
        raise ConfigError(f"cannot record the decision: {_describe(e)}") from e
    atomic_write_text(out_dir / APPROVAL_FILE, decision.model_dump_json(indent=2) + "\n")
    log.info(
        "run %s (source %s, policy decision %s, sha256 %s…)",
        "approved" if approved else "rejected",
        source_enum.value,
        report.decision.value,
        actual[:12],
    )
    send_event(
        "approved" if approved else "rejected",
        {
            "sanitized_sha256": actual,
            "report_sha256": report_sha,
            "decision": report.decision.value,
            "source": source_enum.value,
            "records_written": report.records_written,
            "records_quarantined": report.records_quarantined,
        },
    )
    return decision


def _load_report(out_dir: Path) -> tuple[Report, str]:
    path = out_dir / REPORT_FILE
    try:
        raw = path.read_bytes()
    except FileNotFoundError as e:
        raise NotApproved(f"{path} does not exist; run sanitize into {out_dir} first") from e
    try:
        report = Report.model_validate_json(raw)
    except ValidationError as e:
        raise NotApproved(f"{path} is not a valid report ({_describe(e)}); run sanitize again") from e
    # The hash of the bytes just parsed, not of a second read: what was checked is what is bound.
    return report, hashlib.sha256(raw).hexdigest()


def _sanitized_path(out_dir: Path, report: Report) -> Path:
    name = report.sanitized.name
    # report.json is data on disk: never let it point the uploader outside the run folder.
    if not name or Path(name).name != name or name in (".", ".."):
        raise NotApproved(
            f"{out_dir / REPORT_FILE}: sanitized.name must be a bare file name inside the run folder"
        )
    path = out_dir / name
    if not path.is_file():
        raise NotApproved(f"{path} does not exist; the run is incomplete: run sanitize again")
    return path


def _parse_source(source: str | ApprovalSource) -> ApprovalSource:
    try:
        return ApprovalSource(source)
    except ValueError as e:
        allowed = ", ".join(s.value for s in ApprovalSource)
        raise ConfigError(f"approval source must be one of {allowed}") from e


def _no_approval_message(out_dir: Path, report: Report) -> str:
    if report.decision is Decision.REJECTED:
        return (
            f"{out_dir}: the policy rejected this run; it cannot be uploaded: fix the data and sanitize again"
        )
    if report.decision is Decision.APPROVED:
        return (
            f"{out_dir}: the policy approved this run but no {APPROVAL_FILE} was recorded; "
            f"run `ft-sanitizer approve {out_dir} --reviewer NAME`"
        )
    return (
        f"{out_dir}: the run needs review and has no {APPROVAL_FILE}; read report.json, then run "
        f"`ft-sanitizer approve {out_dir} --reviewer NAME`"
    )


def _describe(e: ValidationError) -> str:
    parts = []
    for err in e.errors(include_input=False, include_url=False):
        where = ".".join(str(p) for p in err["loc"]) or "document"
        parts.append(f"{where}: {err['type']}")
    return "; ".join(parts[:5])
