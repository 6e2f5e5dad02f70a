"""The Prefect flow `sanitize-dataset`: sanitize, report, review, and (only when approved) upload.

Thin wiring of the plain stages (pipelines/flow_tasks.py); no sanitizing logic lives here. Parameters
are stored by Prefect and shown in the UI, so none is a secret: the Together key is named by a Prefect
Secret *block name* (`together_key_block`) and read inside the upload task at the moment of use.

Review modes:
- "policy": report.json's decision decides, nothing waits. approved -> recorded as a policy approval
  (and uploaded when upload=True); needs_review or rejected -> not uploaded, the outcome says why.
- "reviewer": after the report the run pauses (state PAUSED) with a Resume form (`ReviewDecision`).
  Approve -> approval.json (source "prefect"), then upload; reject -> approval.json with approved=false,
  nothing uploaded, run Completed. No answer within `review_timeout_s` -> the run ends FAILED (the
  server's state message: "The flow was failed and never resumed"; the run log and the
  `sanitize-outcome-<dataset>` artifact say "review: no decision within N s, so nothing was
  uploaded"): a missed review must be noticed, and the run folder keeps report.json so
  `ft-sanitizer approve` can still decide on it. Files the policy rejected are never offered for
  approval; when every file was rejected the run does not pause.
"""

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Literal

from prefect import flow, get_run_logger
from prefect.artifacts import create_markdown_artifact
from prefect.runtime import flow_run
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from pipelines.artifacts import artifact_key
from schemas.errors import InputError, NotApproved
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
@flow(name="sanitize-dataset", flow_run_name=run_name, persist_result=True, log_prints=False)
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
) -> DatasetOutcome:
    """Sanitize a JSONL file (or a folder of them), publish the report, review, and upload if approved."""
    logger = get_run_logger()
    files = input_files(Path(input_path))
    if not files:
        raise InputError("input_path: the folder holds no .jsonl file; point it at a .jsonl file or a folder of them")
    many = Path(input_path).is_dir()
    config = RunConfig(detection=detection, policy=policy, unknown_fields=unknown_fields)

    summaries = [
        sanitize_task(str(path), str(output_dir_for(path, Path(output_dir), many)), config, f"{i}/{len(files)}",
                      execution)
        for i, path in enumerate(files, start=1)
    ]
    markdown = report_task(summaries, dataset_name)

    if review == "policy":
        reviews = [review_task(s, "policy") for s in summaries]
    elif all(s.decision is Decision.REJECTED for s in summaries):
        logger.info("every file was rejected by policy: nothing to review")
        reviews = [review_task(s, "reviewer") for s in summaries]
    else:
        logger.info("waiting up to %d s for a reviewer (Resume form on this run)", review_timeout_s)
        try:
            answer = ask_reviewer(markdown, review_timeout_s)
        except NotApproved as e:
            # After a pause timeout the server replaces the final state's message with its own
            # ("... never resumed"): say what happened in the run logs and the outcome artifact.
            logger.error("%s", e)
            _outcome_artifact(dataset_name, str(e))
            raise
        reviews = [review_task(s, "reviewer", answer.approved, answer.reviewer, answer.comment) for s in summaries]

    uploads: list[FileUpload] = []
    approved = [r for r in reviews if r.approved]
    if upload:
        uploads = [upload_task(r.output_dir, together_key_block) for r in approved]
    message = _message(reviews, uploads, upload)
    logger.info("%s", message)
    _outcome_artifact(dataset_name, message, reviews, uploads)
    return DatasetOutcome(
        dataset_name=dataset_name, review=review, files=summaries, reviews=reviews, uploads=uploads, message=message
    )


def _message(reviews: list[FileReview], uploads: list[FileUpload], upload: bool) -> str:
    approved = sum(r.approved for r in reviews)
    if not upload:
        return f"{approved}/{len(reviews)} file(s) approved; not uploaded (upload=false)"
    if not uploads:
        return f"0/{len(reviews)} file(s) approved; nothing uploaded"
    return f"{approved}/{len(reviews)} file(s) approved; {len(uploads)} uploaded"


def _outcome_artifact(
    dataset_name: str, message: str, reviews: list[FileReview] = (), uploads: list[FileUpload] = ()
) -> None:
    lines = ["# Outcome", "", message, ""]
    if reviews:
        lines += ["| file | approved | by | why |", "|---|---|---|---|"]
        lines += [f"| {r.file} | {'yes' if r.approved else 'no'} | {r.decided_by} | {r.why} |" for r in reviews]
    if uploads:
        lines += ["", "| file | Together file id | status | key |", "|---|---|---|---|"]
        lines += [f"| {u.file} | {u.file_id} | {u.status} | {u.key_hint} |" for u in uploads]
    create_markdown_artifact(key=artifact_key("sanitize-outcome", dataset_name), markdown="\n".join(lines))
