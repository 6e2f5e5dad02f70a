"""The review gate: record a signed decision on a run, and check it before anything leaves the machine.

A decision is bound to bytes and to a key. approval.json holds the sha256 of every file of the run
(sanitized file, quarantine file, report.json, report.html), the policy decision it was taken on, who
took it and when, and an HMAC-SHA256 of all of it under the approval key (`approval_key`). Anyone
who can write the run folder can write an approval.json, but only a key holder can make one the gate
accepts: `check_approved_run` verifies the signature, then recomputes every hash from disk, so an
edited field, an edited file or a swapped file is refused, whoever approved it.

Who may approve what:
- report.decision == approved: the sanitize run (when it holds the key) or the Prefect worker records a
  policy approval (`record_policy_approval`), signed; never for a run that ran no detector.
- report.decision == needs_review: a key holder approves (`approve_run`) or rejects (`reject_run`).
- report.decision == rejected: nobody can approve; fix the input or the config and sanitize again.
A rejection is final for that run folder (sanitize refuses to write into it again). A second
reviewer's decision on an already decided run is refused with `AlreadyDecided` and recorded in
approval_attempts.jsonl.
"""

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from pydantic import SecretStr, ValidationError

from pipelines.atomic import atomic_write_text
from pipelines.gate.approval_attempts import record_attempt
from pipelines.gate.approval_key import key_id, read_approval_key, sign, verify
from pipelines.gate.notify import send_event
from pipelines.gate.run_files import SMALL_LIMIT, read_regular
from pipelines.gate.run_folder import REPORT_FILE, describe, hash_run, load_report
from schemas.approval import POLICY_REVIEWER, Approval, ApprovalSource
from schemas.errors import AlreadyDecided, ConfigError, HashMismatch, NotApproved
from schemas.report import Decision, Report

log = logging.getLogger(__name__)

APPROVAL_FILE = "approval.json"
_PURPOSE = "approval"

__all__ = [
    "APPROVAL_FILE", "REPORT_FILE", "ApprovedRun", "approve_run", "check_approved", "check_approved_run",
    "read_approval", "record_policy_approval", "record_policy_approval_if_key", "refuse_if_rejected",
    "reject_run",
]  # fmt: skip


@dataclass(frozen=True)
class ApprovedRun:
    """A run the gate let through: its approval, its report, and the exact file to upload."""

    approval: Approval
    report: Report
    report_sha256: str
    sanitized_path: Path


def approve_run(
    out_dir: Path, *, reviewer: str, comment: str = "", source: str = "cli", key_block: str | None = None
) -> Approval:
    """Approve the run in `out_dir` for upload and write a signed approval.json atomically.

    `key_block`: Prefect Secret block with the approval key (default: FT_SANITIZER_APPROVAL_KEY_BLOCK,
    else the variable FT_SANITIZER_APPROVAL_KEY). The Prefect flow calls this with source="prefect".

    Raises:
        NotApproved: the policy rejected the run, or a file is missing or not a regular file.
        AlreadyDecided: another reviewer already approved it, or it was rejected (attempt recorded).
        HashMismatch: the sanitized file or report.html no longer belongs to report.json.
        ConfigError: no approval key, or reviewer or source not valid.
    """
    return _decide(Path(out_dir), approved=True, reviewer=reviewer, comment=comment, source=source,
                   key=read_approval_key(key_block))


def reject_run(
    out_dir: Path, *, reviewer: str, comment: str = "", source: str = "cli", key_block: str | None = None
) -> Approval:
    """Reject the run in `out_dir` (a signed approval.json with approved=false): it can never be uploaded.

    Raises:
        NotApproved: report.json or a file of the run is missing.
        AlreadyDecided: another reviewer already rejected it (attempt recorded).
        HashMismatch: the sanitized file or report.html no longer belongs to report.json.
        ConfigError: no approval key, or reviewer or source not valid.
    """
    return _decide(Path(out_dir), approved=False, reviewer=reviewer, comment=comment, source=source,
                   key=read_approval_key(key_block))


def record_policy_approval(
    out_dir: Path, *, key_block: str | None = None, expected_report: Report | None = None
) -> Approval:
    """Record the policy's own approval (reviewer "policy") for a run whose report says approved.

    The sanitize run (with --auto-approve) calls this right after writing report.json, passing the
    report it wrote as `expected_report`: report.json on disk must still be that one. A later caller
    (the flow's review task) passes none: it may confirm a policy approval that already covers the files
    on disk, or sign one when there is none, but never re-sign a run that changed after the policy
    approved it. The process needs the approval key.

    Raises:
        NotApproved: the report's decision is not approved, or the run ran no detector.
        HashMismatch: the run changed since sanitize wrote it or since the policy approved it.
        ConfigError: no approval key.
    """
    out_dir = Path(out_dir)
    report, report_sha = load_report(out_dir)
    if expected_report is not None and report != expected_report:
        raise HashMismatch(f"{out_dir / REPORT_FILE} changed right after sanitize wrote it; not approved")
    if report.decision is not Decision.APPROVED:
        raise NotApproved(
            f"{out_dir / REPORT_FILE}: the policy decision is {report.decision.value}, not approved; "
            "a policy approval needs decision=approved (use `ft-sanitizer approve` for needs_review runs)"
        )
    if not _detectors_of(report):
        raise NotApproved(
            f"{out_dir / REPORT_FILE}: the run ran no detector, so finding nothing proves nothing; the "
            "policy never approves it: sanitize again with --detectors pii,secrets"
        )
    key = read_approval_key(key_block)
    existing = _existing_decision(out_dir, key)
    if existing is not None and existing.approved and existing.files == hash_run(out_dir, report, report_sha):
        return existing  # already approved (by the policy or a reviewer) for exactly these files
    if expected_report is None and existing is not None and existing.source is ApprovalSource.POLICY:
        raise HashMismatch(
            f"{out_dir}: the run changed after the policy approved it; not approved again: run sanitize again"
        )
    return _decide(out_dir, approved=True, reviewer=POLICY_REVIEWER, comment="", source=ApprovalSource.POLICY,
                   key=key)


def record_policy_approval_if_key(out_dir: Path, *, expected_report: Report | None = None) -> Approval | None:
    """`record_policy_approval` when this process holds an approval key; else None, with a warning.

    The sanitize process needs no key: without one, a run the policy approved is left for a key holder
    (`ft-sanitizer approve`, the Prefect worker) to confirm, and `upload` says so until then.
    """
    try:
        read_approval_key()
    except ConfigError as e:
        log.warning("the policy approved this run but no approval was recorded (%s); a key holder can "
                    "confirm it with `ft-sanitizer approve`", e)
        return None
    return record_policy_approval(out_dir, expected_report=expected_report)


def refuse_if_rejected(out_dir: Path) -> None:
    """Refuse to (re)write a run folder that holds a reviewer's rejection: it must stay on record.

    Raises:
        NotApproved: approval.json in `out_dir` records a rejection (or cannot be read as a decision).
    """
    try:
        existing = read_approval(out_dir)
    except NotApproved:
        # Not a decision at all (an older format, a stray file): nothing to keep on record.
        log.warning("%s is not a valid decision; it does not stop this run", APPROVAL_FILE)
        return
    if existing is not None and not existing.approved:
        raise NotApproved(
            f"{out_dir} was rejected by {existing.reviewer} at {existing.decided_at.isoformat()}; the rejection "
            "stays on record: sanitize into a new folder (--out NEW_DIR)"
        )


def read_approval(out_dir: Path) -> Approval | None:
    """Return the decision recorded in `out_dir` (signature not checked here), or None when there is none.

    Raises:
        NotApproved: approval.json exists but is not a regular file or not a valid approval.
    """
    path = Path(out_dir) / APPROVAL_FILE
    try:
        raw = read_regular(path, SMALL_LIMIT)
    except FileNotFoundError:
        return None
    try:
        return Approval.model_validate_json(raw)
    except ValidationError as e:
        raise NotApproved(
            f"{path} is not a valid approval ({describe(e)}); a key holder must approve the run again"
        ) from e


def check_approved(out_dir: Path, *, key_block: str | None = None) -> Approval:
    """Return the approval of `out_dir` after proving it is genuine and still applies to the files on disk.

    Raises:
        NotApproved: no approval, a forged or edited one, a rejection, or a missing file.
        HashMismatch: a file of the run changed since the decision.
        ConfigError: no approval key to verify with.
    """
    return check_approved_run(out_dir, key_block=key_block).approval


def check_approved_run(out_dir: Path, *, key_block: str | None = None) -> ApprovedRun:
    """Like `check_approved`, also returning the report and the path of the file to upload."""
    out_dir = Path(out_dir)
    report, report_sha = load_report(out_dir)
    approval = read_approval(out_dir)
    if approval is None:
        raise NotApproved(_no_approval_message(out_dir, report))
    _require_signed(out_dir, approval, read_approval_key(key_block))
    if not approval.approved:
        raise NotApproved(
            f"{out_dir}: rejected by {approval.reviewer} at {approval.decided_at.isoformat()}; a rejected "
            "run is never uploaded: fix the data and run sanitize again into a new folder"
        )
    if report.decision is Decision.REJECTED or approval.decision_at_approval is not report.decision:
        raise NotApproved(
            f"{out_dir / REPORT_FILE}: the policy decision is {report.decision.value} but the approval was "
            f"given on {approval.decision_at_approval.value}; review the run and approve again"
        )
    actual = hash_run(out_dir, report, report_sha)
    changed = sorted(n for n in set(actual) | set(approval.files) if actual.get(n) != approval.files.get(n))
    if changed:
        raise HashMismatch(
            f"{out_dir}: {', '.join(changed)} changed since the run was approved (or the approval covers other "
            "files); only the approved bytes may be uploaded: run sanitize and approve again"
        )
    sanitized_sha = actual[report.sanitized.name]
    if sanitized_sha != approval.sanitized_sha256 or sanitized_sha != report.sanitized_sha256:
        raise HashMismatch(f"{out_dir}: the sanitized file's sha256 disagrees with the approval; approve again")
    log.info("gate passed: sanitized sha256 %s… approved by %s", sanitized_sha[:12], approval.source.value)
    return ApprovedRun(approval=approval, report=report, report_sha256=report_sha,
                       sanitized_path=out_dir / report.sanitized.name)


def _require_signed(out_dir: Path, approval: Approval, key: SecretStr) -> None:
    if approval.key_id != key_id(key) or not verify(_PURPOSE, approval.signed_payload(), approval.signature, key):
        raise NotApproved(
            f"{out_dir / APPROVAL_FILE}: the signature does not verify under the approval key (key id "
            f"{key_id(key)}); it was edited or not made by a key holder: a key holder must approve the run again"
        )


def _decide(out_dir: Path, *, approved: bool, reviewer: str, comment: str, source: str | ApprovalSource,
            key: SecretStr) -> Approval:
    report, report_sha = load_report(out_dir)
    source_enum = _parse_source(source)
    if approved and report.decision is Decision.REJECTED:
        reasons = "; ".join(report.decision_reasons) or "see report.json"
        raise NotApproved(
            f"{out_dir}: the policy rejected this run ({reasons}); a rejected run cannot be approved: fix "
            "the input or the sanitizer settings and run sanitize again"
        )
    files = hash_run(out_dir, report, report_sha)
    sanitized_sha = files[report.sanitized.name]
    if sanitized_sha != report.sanitized_sha256:
        raise HashMismatch(
            f"{out_dir / report.sanitized.name} does not match report.json (sha256 {sanitized_sha[:12]}… is not "
            f"the reported {report.sanitized_sha256[:12]}…); the file changed after sanitize: run sanitize again"
        )
    _require_html_of(out_dir, report)
    existing = _existing_decision(out_dir, key)
    name = reviewer.strip()
    if existing is not None and (repeat := _repeat(out_dir, existing, approved, name, files)) is not None:
        return repeat
    now = datetime.now(UTC)
    try:
        unsigned = Approval(
            approved=approved, reviewer=name, approved_at=now if approved else None,
            rejected_at=None if approved else now, comment=comment, source=source_enum,
            sanitized_name=report.sanitized.name, sanitized_bytes=report.sanitized.bytes,
            sanitized_sha256=sanitized_sha, report_sha256=report_sha, decision_at_approval=report.decision,
            files=files, key_id=key_id(key), signature="0" * 64,
        )
    except ValidationError as e:
        raise ConfigError(f"cannot record the decision: {describe(e)}") from e
    decision = unsigned.model_copy(update={"signature": sign(_PURPOSE, unsigned.signed_payload(), key)})
    atomic_write_text(out_dir / APPROVAL_FILE, decision.model_dump_json(indent=2) + "\n")
    log.info("run %s (source %s, policy decision %s, sha256 %s…)", "approved" if approved else "rejected",
             source_enum.value, report.decision.value, sanitized_sha[:12])
    send_event("approved" if approved else "rejected", {
        "sanitized_sha256": sanitized_sha, "report_sha256": report_sha, "decision": report.decision.value,
        "source": source_enum.value, "records_written": report.records_written,
        "records_quarantined": report.records_quarantined,
    })
    return decision


def _existing_decision(out_dir: Path, key: SecretStr) -> Approval | None:
    """The decision already recorded, if a key holder made it; anything else is not a decision."""
    try:
        existing = read_approval(out_dir)
        if existing is not None:
            _require_signed(out_dir, existing, key)
    except NotApproved:
        # Forged, edited, older format or not a file: a key holder's new decision replaces it.
        log.warning("%s in the run folder is not a valid signed decision; replacing it", APPROVAL_FILE)
        return None
    return existing


def _repeat(out_dir: Path, existing: Approval, approved: bool, reviewer: str,
            files: dict[str, str]) -> Approval | None:
    """The answer when the run already holds a decision; None when the new decision may replace it."""
    if existing.source is ApprovalSource.POLICY and approved:
        return None  # a reviewer confirming a policy approval records their own name over it
    same_run = existing.files == files
    if existing.approved and not approved:
        return None  # a veto is always possible until upload: a rejection replaces an approval
    if existing.approved and not same_run:
        return None  # the run was sanitized again: the old approval covers other bytes
    if existing.reviewer == reviewer and existing.approved == approved:
        log.info("run already %s by the same reviewer; approval.json left unchanged",
                 "approved" if approved else "rejected")
        return existing
    verb = "approved" if existing.approved else "rejected"
    record_attempt(out_dir, reviewer=reviewer, wanted="approve" if approved else "reject",
                   decided_by=existing.reviewer, decision=verb)
    raise AlreadyDecided(
        f"{out_dir}: already {verb} by {existing.reviewer} at {existing.decided_at.isoformat()}; "
        f"{reviewer}'s attempt changed nothing and was recorded in approval_attempts.jsonl"
        + ("; a rejection is final: sanitize again into a new folder" if not existing.approved else "")
    )


def _require_html_of(out_dir: Path, report: Report) -> None:
    """report.html must be the page of this report.json (a failed write could leave an older one)."""
    from pipelines.gate.run_files import open_regular
    from pipelines.stages.render_html import HTML_NAME, render_report_html

    with open_regular(out_dir / HTML_NAME) as f:
        html = f.read()
    if html != render_report_html(report).encode("utf-8"):
        raise HashMismatch(
            f"{out_dir / HTML_NAME} is not the page of {REPORT_FILE} (an older or edited report); the reviewer "
            "must read the report of this run: run sanitize again"
        )


def _detectors_of(report: Report) -> list:
    detection = report.config.get("detection") if isinstance(report.config, dict) else None
    detectors = detection.get("detectors") if isinstance(detection, dict) else None
    return list(detectors) if isinstance(detectors, list) else []


def _parse_source(source: str | ApprovalSource) -> ApprovalSource:
    try:
        return ApprovalSource(source)
    except ValueError as e:
        allowed = ", ".join(s.value for s in ApprovalSource)
        raise ConfigError(f"approval source must be one of {allowed}") from e


def _no_approval_message(out_dir: Path, report: Report) -> str:
    if report.decision is Decision.REJECTED:
        return f"{out_dir}: the policy rejected this run; it cannot be uploaded: fix the data and sanitize again"
    if report.decision is Decision.APPROVED:
        return (
            f"{out_dir}: the policy approved this run but no {APPROVAL_FILE} was recorded; "
            f"run `ft-sanitizer approve {out_dir} --reviewer NAME`"
        )
    return (
        f"{out_dir}: the run needs review and has no {APPROVAL_FILE}; read report.html, then run "
        f"`ft-sanitizer approve {out_dir} --reviewer NAME`"
    )
