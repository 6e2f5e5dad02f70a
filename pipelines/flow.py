"""The Prefect flow `sanitize-dataset`: sanitize, report, review, and (only when approved) upload.

Thin wiring of the plain stages (pipelines/flow_tasks.py); no sanitizing logic lives here. Parameters
are stored by Prefect and shown in the UI, so none is a secret: the Together key is named by a Prefect
Secret *block name* (`together_key_block`) and read inside the upload task at the moment of use.

Review modes:
- "policy": report.json's decision decides, nothing waits. approved -> recorded as a policy approval
  (signed by the gate, exactly as a reviewer's approval is) and uploaded when upload=True;
  needs_review or rejected -> not uploaded, the outcome says why.
- "reviewer": after the report the run waits for a reviewer's Resume form (`ReviewDecision`, an
  explicit approve/reject choice). A deployment run is suspended while it waits (no process; it starts
  over on resume and takes the finished steps from their persisted results); a direct call (notebook)
  is paused (its process waits): see pipelines/review.py. Approve -> signed approval.json (source
  "prefect"), then upload; reject -> approval.json with approved=false, nothing uploaded, run
  Completed. No answer within `review_timeout_s` -> the run ends FAILED without uploading (the server
  says "... never resumed"; a paused run also logs "review: no decision within N s"): a missed review
  must be noticed, and the run folder keeps report.json for a later decision. Files the policy
  rejected are never offered for approval; when every file was rejected the run does not wait.

Run folders (`run_folders=True`, the nightly deployment): each run writes into its own
`<output_dir>/<UTC start>-<run id>/` (pipelines/run_folders.py); a file whose bytes were already
sanitized with the same config in a kept earlier run folder is not sanitized, reviewed or uploaded
again (run.json names that folder, which stays untouched); `keep_runs` deletes the oldest folders.
"""

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Literal

from prefect import flow, get_run_logger
from prefect.artifacts import create_markdown_artifact
from prefect.runtime import deployment, flow_run
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from pipelines.artifacts import artifact_key
from pipelines.flow_hooks import notify_run_failed
from pipelines.flow_tasks import (
    FileReview,
    FileSummary,
    FileUpload,
    report_task,
    review_task,
    sanitize_task,
    upload_task,
)
from pipelines.review import ask_reviewer
from pipelines.run import input_files, output_dir_for
from pipelines.run_folders import ManifestEntry, prune, run_folder_name, write_manifest
from schemas.errors import InputError, NotApproved
from schemas.report import Decision
from schemas.run_config import DetectionOptions, ExecutionOptions, ReviewPolicy, RunConfig

# Checked by Prefect before the run starts (Annotated constraints; a Field default only describes).
DATASET_NAME_PATTERN = r"^[a-z0-9][a-z0-9-]{0,47}$"
# Prefect block names: lowercase letters, digits, dashes. Empty means "use TOGETHER_API_KEY".
BLOCK_NAME_PATTERN = r"^[a-z0-9-]*$"
# Frozen models: one shared default instance is safe.
DEFAULT_DETECTION = DetectionOptions()
DEFAULT_POLICY = ReviewPolicy()
DEFAULT_EXECUTION = ExecutionOptions()


class DatasetOutcome(BaseModel):
    """What a flow run did, file by file: counts, decisions, upload ids. Content-free, safe to persist."""

    model_config = ConfigDict(extra="forbid", hide_input_in_errors=True)

    dataset_name: str
    review: Literal["policy", "reviewer"]
    files: list[FileSummary]
    run_folder: str | None = None
    reviews: list[FileReview]
    uploads: list[FileUpload]
    message: str


def run_name() -> str:
    """`<dataset_name>-<UTC date and time>`: from safe fields only, never a path or content."""
    name = flow_run.parameters.get("dataset_name", "dataset")
    # The name may be computed before the parameters are validated: never echo an unchecked value.
    if not isinstance(name, str) or not re.fullmatch(DATASET_NAME_PATTERN, name):
        name = "dataset"
    return f"{name}-{datetime.now(UTC):%Y%m%d-%H%M%S}"


# Prefect turns each `Field(...)` default into the UI form field (description, default); constraints
# go in `Annotated[...]`, which Prefect checks before the run starts (a Field default's are ignored).
@flow(name="sanitize-dataset", flow_run_name=run_name, persist_result=True, log_prints=False,
      on_failure=[notify_run_failed], on_crashed=[notify_run_failed])
def sanitize_dataset(
    input_path: str = Field(description="A .jsonl file, or a folder whose .jsonl files are each sanitized."),
    output_dir: str = Field(description="Run folder: one file -> here; a folder -> <output_dir>/<file stem>/."),
    dataset_name: Annotated[str, StringConstraints(pattern=DATASET_NAME_PATTERN)] = Field(
        "dataset",
        description="Short safe name for run names and artifact keys (a-z, 0-9, dashes); no customer names.",
    ),
    review: Literal["policy", "reviewer"] = Field(
        "policy", description="policy: the report's decision decides, never waits. reviewer: pause for a person."
    ),
    upload: bool = Field(False, description="Upload approved sanitized files to Together AI."),
    detection: DetectionOptions = Field(DEFAULT_DETECTION, description="What to detect and how to replace it."),  # noqa: B008
    policy: ReviewPolicy = Field(DEFAULT_POLICY, description="How the report's decision is made."),  # noqa: B008
    unknown_fields: Literal["quarantine", "drop"] = Field(
        "quarantine", description="A field Together's formats don't know: quarantine the line, or drop the field."
    ),
    review_timeout_s: Annotated[int, Field(ge=1, le=7 * 86400)] = Field(
        86400, description="reviewer mode: seconds to wait for a decision, then FAILED."
    ),
    together_key_block: Annotated[str, StringConstraints(pattern=BLOCK_NAME_PATTERN)] | None = Field(
        None,
        description="Name (not value) of the Prefect Secret block holding the Together key; "
        "empty: the worker's TOGETHER_API_KEY.",
    ),
    execution: ExecutionOptions = Field(  # noqa: B008
        DEFAULT_EXECUTION,
        description="Where chunks run: local worker processes (workers), or a Dask cluster (dask_address, "
        "through prefect-dask's DaskTaskRunner). The output is the same bytes either way.",
    ),
    run_folders: bool = Field(
        False,
        description="Write each run into its own <output_dir>/<UTC start>-<run id>/ and skip files an earlier "
        "kept run folder already sanitized with the same config (nightly runs).",
    ),
    keep_runs: Annotated[int, Field(ge=1)] | None = Field(
        None,
        description="With run_folders: keep the newest N run folders (and those they refer to), delete older "
        "ones. Empty: keep all.",
    ),
) -> DatasetOutcome:
    """Sanitize a JSONL file (or a folder of them), publish the report, review, and upload if approved."""
    logger = get_run_logger()
    files = input_files(Path(input_path))
    if not files:
        raise InputError("input_path: the folder holds no .jsonl file; point it at a .jsonl file or a folder of them")
    many = Path(input_path).is_dir() or run_folders
    config = RunConfig(detection=detection, policy=policy, unknown_fields=unknown_fields)
    root = Path(output_dir)
    # The start time, not "now": a resumed run starts over and must find the same folder.
    run_dir = root / run_folder_name(str(flow_run.id), flow_run.scheduled_start_time) if run_folders else root

    summaries = [
        sanitize_task(str(path), str(output_dir_for(path, run_dir, many)), config, f"{i}/{len(files)}",
                      execution, str(root) if run_folders else None)
        for i, path in enumerate(files, start=1)
    ]
    fresh = [s for s in summaries if s.reused_from is None]
    if run_folders:
        _record_run_folder(run_dir, root, summaries, keep_runs)
    markdown = report_task(fresh, dataset_name) if fresh else ""

    if not fresh:
        logger.info("every file was sanitized by an earlier run with the same config: nothing new to review")
        reviews = []
    elif review == "policy":
        reviews = [review_task(s, "policy") for s in fresh]
    elif all(s.decision is Decision.REJECTED for s in fresh):
        logger.info("every file was rejected by policy: nothing to review")
        reviews = [review_task(s, "reviewer") for s in fresh]
    else:
        # Only a deployment run can be suspended (restarted from its deployment on resume).
        suspend = deployment.id is not None
        logger.info("waiting up to %d s for a reviewer (Resume form on this run; %s)", review_timeout_s,
                    "suspended: no process while it waits" if suspend else "paused: this process waits")
        try:
            answer = ask_reviewer(markdown, review_timeout_s, suspend=suspend)
        except NotApproved as e:
            # After a pause timeout the server replaces the final state's message with its own
            # ("... never resumed"): say what happened in the run logs and the outcome artifact.
            logger.error("%s", e)
            _outcome_artifact(dataset_name, str(e))
            raise
        reviews = [review_task(s, "reviewer", answer.approved, answer.reviewer, answer.comment) for s in fresh]

    uploads: list[FileUpload] = []
    approved = [r for r in reviews if r.approved]
    if upload:
        uploads = [upload_task(r.output_dir, together_key_block) for r in approved]
    message = _message(reviews, uploads, upload, reused=len(summaries) - len(fresh))
    logger.info("%s", message)
    _outcome_artifact(dataset_name, message, reviews, uploads, [s for s in summaries if s.reused_from])
    return DatasetOutcome(
        dataset_name=dataset_name, review=review, files=summaries, reviews=reviews, uploads=uploads, message=message,
        run_folder=str(run_dir) if run_folders else None,
    )


def _record_run_folder(
    run_dir: Path, root: Path, summaries: list[FileSummary], keep_runs: int | None
) -> None:
    """run.json in the run folder (what was sanitized here, what came from where), then retention."""
    logger = get_run_logger()
    run_dir.mkdir(parents=True, exist_ok=True)
    entries = [
        ManifestEntry(file=s.file, input_sha256=s.input_sha256, folder=str(Path(s.output_dir).relative_to(root)),
                      reused=s.reused_from is not None)
        for s in summaries
    ]
    write_manifest(run_dir, str(flow_run.id), entries)
    logger.info("run folder %s: %d file(s) sanitized, %d taken from earlier runs", run_dir.name,
                sum(not e.reused for e in entries), sum(e.reused for e in entries))
    if keep_runs is not None:
        deleted = prune(root, keep_runs, run_dir)
        if deleted:
            logger.info("retention (keep_runs=%d): deleted %d older run folder(s)", keep_runs, len(deleted))


def _message(reviews: list[FileReview], uploads: list[FileUpload], upload: bool, reused: int = 0) -> str:
    approved = sum(r.approved for r in reviews)
    earlier = f"; {reused} file(s) unchanged since an earlier run, not redone" if reused else ""
    if not upload:
        return f"{approved}/{len(reviews)} file(s) approved; not uploaded (upload=false){earlier}"
    if not uploads:
        return f"0/{len(reviews)} file(s) approved; nothing uploaded{earlier}"
    return f"{approved}/{len(reviews)} file(s) approved; {len(uploads)} uploaded{earlier}"


def _outcome_artifact(
    dataset_name: str,
    message: str,
    reviews: list[FileReview] = (),
    uploads: list[FileUpload] = (),
    reused: list[FileSummary] = (),
) -> None:
    lines = ["# Outcome", "", message, ""]
    if reviews:
        lines += ["| file | approved | by | why |", "|---|---|---|---|"]
        lines += [f"| {r.file} | {'yes' if r.approved else 'no'} | {r.decided_by} | {r.why} |" for r in reviews]
    if uploads:
        lines += ["", "| file | Together file id | status | key |", "|---|---|---|---|"]
        lines += [f"| {u.file} | {u.file_id} | {u.status} | {u.key_hint} |" for u in uploads]
    if reused:
        lines += ["", "| file | sanitized earlier in | decision there |", "|---|---|---|"]
        lines += [f"| {s.file} | `{s.reused_from}` | {s.decision.value} |" for s in reused]
    create_markdown_artifact(key=artifact_key("sanitize-outcome", dataset_name), markdown="\n".join(lines))
