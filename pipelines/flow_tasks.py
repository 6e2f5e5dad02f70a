"""The Prefect tasks of the sanitize flow: thin wrappers over the plain stages.

Tasks take and return file paths and small, content-free summaries (counts, decisions, sha256), so
Prefect's database and result storage never hold a record. Only `upload` retries (with back-off), and
only when Together could not be reached: a refusal or a gate error will not change on a retry.

`validate-and-sanitize` and `write-report` persist their (content-free) results, cached per flow run
and inputs: a suspended run that a reviewer resumes starts over (pipelines/review.py) and takes them
from there instead of sanitizing again. Another run never reuses them.
"""

from pathlib import Path
from typing import Literal

from prefect import get_run_logger, task
from prefect.cache_policies import INPUTS, NO_CACHE, RUN_ID
from prefect.client.schemas.objects import TaskRun
from prefect.states import State
from prefect.tasks import Task, exponential_backoff
from pydantic import BaseModel, ConfigDict

from pipelines.artifacts import count_lines, progress_reporter, publish_report
from pipelines.file_hash import sha256_file
from pipelines.flow_chunks import dask_chunk_runner
from pipelines.gate.approve_run import approve_run, record_policy_approval_if_key, reject_run
from pipelines.run import run_sanitize
from pipelines.run_folders import find_sanitized
from pipelines.stages.write_report import read_report
from schemas.approval import ApprovalSource
from schemas.errors import NotApproved, UploadUnavailable
from schemas.report import Decision, Report
from schemas.run_config import ExecutionOptions, RunConfig

# Together processes an uploaded file in seconds to minutes; poll gently, give up after 10 minutes.
UPLOAD_POLL_INTERVAL_S = 2.0
UPLOAD_POLL_TIMEOUT_S = 600.0
# Within one flow run, the same inputs give the same result: what a resumed (suspended) run reuses.
PER_RUN_CACHE = RUN_ID + INPUTS


class _Summary(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True)


class FileSummary(_Summary):
    """One sanitized file: where its run folder is, what it counted and what the policy decided."""

    file: str
    output_dir: str
    records_total: int
    records_written: int
    records_quarantined: int
    values_replaced: int
    decision: Decision
    decision_reasons: list[str]
    sanitized_sha256: str
    input_sha256: str
    reused_from: str | None = None  # an earlier run folder that sanitized these bytes with this config


class FileReview(_Summary):
    """The review outcome of one file: may it be uploaded, who decided, and why (no record text)."""

    file: str
    output_dir: str
    approved: bool
    decided_by: str
    why: str


class FileUpload(_Summary):
    """One upload: the Together file id, the bytes' sha256 and the key's last 4 characters."""

    file: str
    file_id: str
    status: str
    sanitized_sha256: str
    key_hint: str
    reused: bool


@task(name="validate-and-sanitize", cache_policy=PER_RUN_CACHE, persist_result=True)
def sanitize_task(
    input_path: str,
    output_dir: str,
    config: RunConfig,
    position: str,
    execution: ExecutionOptions | None = None,
    reuse_root: str | None = None,
) -> FileSummary:
    """Validate, sanitize and write report.json for one file, with a progress artifact.

    With `reuse_root` (run folders), a file whose bytes an earlier run folder under it already
    sanitized with the same config is not sanitized again: the summary is that folder's, with
    `reused_from` set, and nothing is written. With `execution.dask_address`, the file's chunks run as
    `sanitize-chunk` tasks on that Dask cluster through prefect-dask's DaskTaskRunner; otherwise on
    local worker processes.
    """
    path = Path(input_path)
    if reuse_root is not None:
        earlier = find_sanitized(Path(reuse_root), sha256_file(path), config, exclude=Path(output_dir).parent)
        if earlier is not None:
            get_run_logger().info("file %s: same bytes and config already sanitized in %s; not sanitized again",
                                  position, earlier.relative_to(reuse_root))
            return _summary(read_report(earlier), earlier, reused_from=str(earlier))
    execution = execution or ExecutionOptions()
    progress = progress_reporter(count_lines(path), f"validate-and-sanitize, file {position}: share of lines read")
    runner = dask_chunk_runner(execution.dask_address) if execution.dask_address else None
    result = run_sanitize(path, Path(output_dir), config, progress=progress, execution=execution, chunk_runner=runner)
    report = result.report
    get_run_logger().info(
        "file %s: %d lines, %d written, %d quarantined, %d values replaced, decision %s",
        position, report.records_total, report.records_written, report.records_quarantined,
        sum(report.findings.values()), report.decision.value,
    )
    return _summary(report, Path(output_dir))


def _summary(report: Report, output_dir: Path, reused_from: str | None = None) -> FileSummary:
    return FileSummary(
        file=report.input.name,
        output_dir=str(output_dir),
        records_total=report.records_total,
        records_written=report.records_written,
        records_quarantined=report.records_quarantined,
        values_replaced=sum(report.findings.values()),
        decision=report.decision,
        decision_reasons=list(report.decision_reasons),
        sanitized_sha256=report.sanitized_sha256,
        input_sha256=report.input.sha256,
        reused_from=reused_from,
    )


@task(name="write-report", cache_policy=PER_RUN_CACHE, persist_result=True)
def report_task(summaries: list[FileSummary], dataset_name: str) -> str:
    """Publish the reports (already on disk as report.json) to Prefect; return the Resume form's markdown.

    report.json (and report.html) are written by `run_sanitize` in validate-and-sanitize, so the CLI
    and this flow produce the same files; this task makes them visible in the Prefect UI.
    """
    reports = [(read_report(Path(s.output_dir)), Path(s.output_dir)) for s in summaries]
    return publish_report(reports, dataset_name)


@task(name="review", cache_policy=NO_CACHE, persist_result=False)
def review_task(
    summary: FileSummary,
    mode: Literal["policy", "reviewer"],
    approved: bool = False,
    reviewer: str = "",
    comment: str = "",
) -> FileReview:
    """Record the decision on one file in approval.json: by policy, or the reviewer's answer."""
    out = Path(summary.output_dir)
    reasons = "; ".join(summary.decision_reasons)

    def outcome(ok: bool, by: str, why: str) -> FileReview:
        get_run_logger().info("review of %s: %s by %s", summary.file, "approved" if ok else "not approved", by)
        return FileReview(file=summary.file, output_dir=summary.output_dir, approved=ok, decided_by=by, why=why)

    if summary.decision is Decision.REJECTED:
        # Nobody can approve a run the policy rejected, in the UI or anywhere else.
        return outcome(False, "policy", f"rejected by policy: {reasons}")
    if mode == "policy":
        if summary.decision is Decision.APPROVED:
            if record_policy_approval_if_key(out) is None:  # this process holds no approval key
                return outcome(False, "policy", "approved by policy, but not recorded: this process has no "
                               f"approval key; a key holder can confirm with `ft-sanitizer approve {out}`")
            return outcome(True, "policy", f"approved by policy: {reasons}")
        return outcome(
            False, "policy",
            "needs a reviewer (the policy does not auto-approve): run with review=reviewer, or "
            f"`ft-sanitizer approve {out} --reviewer NAME`",
        )
    source = ApprovalSource.PREFECT.value
    decide = approve_run if approved else reject_run
    try:  # signed by this worker with its approval key, exactly as `ft-sanitizer approve` signs
        decide(out, reviewer=reviewer, comment=comment, source=source)
    except NotApproved as e:  # already decided by another reviewer (recorded), or rejected: final
        return outcome(False, "reviewer", str(e))
    if not approved:
        return outcome(False, "reviewer", f"rejected by reviewer {reviewer}")
    return outcome(True, "reviewer", f"approved by reviewer {reviewer}")


def _retry_only_when_unavailable(task: Task, task_run: TaskRun, state: State) -> bool:
    # A refused file, a missing approval or a missing key fails the same way on every attempt.
    return isinstance(state.data, UploadUnavailable)


@task(
    name="upload",
    cache_policy=NO_CACHE,
    persist_result=False,
    retries=3,
    retry_delay_seconds=exponential_backoff(backoff_factor=10),
    retry_jitter_factor=0.5,
    retry_condition_fn=_retry_only_when_unavailable,
)
def upload_task(output_dir: str, together_key_block: str | None) -> FileUpload:
    """Upload the approved sanitized file of `output_dir` to Together (the gate re-checks the hashes).

    The key is read here, at the moment of use, from the Prefect Secret block `together_key_block`
    (or TOGETHER_API_KEY when None): a rotated key takes effect on the next attempt.
    """
    from pipelines.gate.together_key import key_hint, read_together_key
    from pipelines.gate.upload_to_together import upload_approved

    logger = get_run_logger()
    hint = key_hint(read_together_key(together_key_block))
    logger.info("uploading with Together key %s (%s)", hint, "Secret block" if together_key_block else "environment")
    record = upload_approved(
        Path(output_dir),
        poll_interval=UPLOAD_POLL_INTERVAL_S,
        poll_timeout=UPLOAD_POLL_TIMEOUT_S,
        key_block=together_key_block,
    )
    logger.info("uploaded %s as %s (%s)", record.sanitized_name, record.file_id, record.status)
    return FileUpload(
        file=record.sanitized_name,
        file_id=record.file_id,
        status=record.status,
        sanitized_sha256=record.sanitized_sha256,
        key_hint=record.key_hint,
        reused=record.reused,
    )
