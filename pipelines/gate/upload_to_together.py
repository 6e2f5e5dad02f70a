"""Stage: upload an approved sanitized file to Together with the official SDK, then record it.

Order matters, and each step refuses before the next can leak anything:
1. the gate (`check_approved_run`): approval present, and both files' sha256 still the approved ones;
   the fine-tune allowlist/budget config too. No key is read and no client exists before this passes;
2. the key is read now (env or Prefect Secret block) and one SDK client is built;
3. if upload.json already records this exact sha256 and Together still has that file COMPLETED, no
   bytes are sent again; otherwise the sha256 is re-checked and `files.upload(check=True)` runs
   (Together answers 409 for content it already has, and the SDK then returns the existing file:
   no second PUT either way);
4. poll `files.retrieve` until COMPLETED (INVALID_FORMAT/FAILED raise UploadRejected);
5. re-check the sha256 (a file changed mid-upload is deleted remotely), write upload.json atomically;
6. optionally start a fine-tune within budget, recording the job id in upload.json.
Nothing is recorded for a failed upload.
"""

import logging
import os
import time
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

import together
from pydantic import SecretStr, ValidationError
from together import APIStatusError, NotFoundError
from together.lib import FileTypeError
from together.types import FileResponse

from pipelines.atomic import atomic_write_text
from pipelines.file_hash import sha256_file
from pipelines.gate.approve_run import ApprovedRun, check_approved_run
from pipelines.gate.notify import send_event
from pipelines.gate.start_fine_tune import (
    FineTunePolicy,
    resolve_fine_tune_policy,
    start_fine_tune,
    training_method_for,
)
from pipelines.gate.together_calls import (
    RetryPolicy,
    call_with_retries,
    clip,
    host_of,
    make_client,
    resolve_base_url,
)
from pipelines.gate.together_key import key_hint, read_together_key
from schemas.errors import HashMismatch, UploadRejected, UploadUnavailable
from schemas.upload import FineTuneRequest, UploadRecord

log = logging.getLogger(__name__)

UPLOAD_FILE = "upload.json"
_FINAL = frozenset({"COMPLETED", "FAILED", "INVALID_FORMAT"})
DEFAULT_RETRY = RetryPolicy()


def upload_approved(
    out_dir: Path,
    *,
    poll_interval: float = 2.0,
    poll_timeout: float = 600.0,
    fine_tune: FineTuneRequest | None = None,
    finetune_allowlist: Iterable[str] | None = None,
    budget_usd: float | None = None,
    key_block: str | None = None,
    retry: RetryPolicy = DEFAULT_RETRY,
) -> UploadRecord:
    """Upload the approved sanitized file of `out_dir` to Together and write upload.json.

    Args:
        out_dir: A run folder (report.json, approval.json, the sanitized JSONL).
        poll_interval: Seconds between processing-status polls.
        poll_timeout: Seconds to wait for Together to finish checking the file.
        fine_tune: Start this job after the upload (model must be allowlisted, price within budget).
        finetune_allowlist: Allowed models; default FT_SANITIZER_FINETUNE_ALLOWLIST (comma-separated).
        budget_usd: Most a job may cost; default FT_SANITIZER_FINETUNE_BUDGET_USD.
        key_block: Prefect Secret block holding the key; default TOGETHER_API_KEY.
        retry: Attempts and time budget for failing calls.

    Raises:
        NotApproved, HashMismatch: the gate refused; nothing was sent.
        ConfigError: key, base URL, allowlist or budget missing or invalid; nothing was sent.
        UploadRejected: Together refused the file or key, or the fine-tune was refused
            (upload.json is written for the file in that last case).
        UploadUnavailable: Together could not be reached or did not finish in time; nothing recorded.
    """
    out_dir = Path(out_dir)
    run = check_approved_run(out_dir)
    policy = (
        resolve_fine_tune_policy(fine_tune, allowlist=finetune_allowlist, budget_usd=budget_usd)
        if fine_tune
        else None
    )
    base_url = resolve_base_url(os.environ.get("TOGETHER_BASE_URL"))
    key = read_together_key(key_block)
    client = make_client(key, base_url, max_retries=retry.sdk_max_retries)
    try:
        record = _reusable_record(out_dir, run, client, key, retry)
        reused_now = record is not None
        if record is None:
            record = _upload(run, client, key, base_url, retry, poll_interval, poll_timeout)
            _write(out_dir, record)
            send_event(
                "uploaded",
                {
                    "file_id": record.file_id,
                    "sanitized_sha256": record.sanitized_sha256,
                    "bytes": record.bytes,
                    "status": record.status,
                    "reused": record.reused,
                },
            )
        if fine_tune is not None and policy is not None:
            record = _fine_tune(out_dir, run, record, client, key, retry, fine_tune, policy)
        # upload.json keeps how the file first got there; the caller also learns nothing was sent now.
        return record.model_copy(update={"reused": True}) if reused_now else record
    finally:
        client.close()


def _fine_tune(
    out_dir: Path,
    run: ApprovedRun,
    record: UploadRecord,
    client: together.Together,
    key: SecretStr,
    retry: RetryPolicy,
    request: FineTuneRequest,
    policy: FineTunePolicy,
) -> UploadRecord:
    if record.fine_tune and record.fine_tune.job_id and record.fine_tune.model == request.model:
        log.info(
            "fine-tune job %s already started for this file; not starting another", record.fine_tune.job_id
        )
        return record
    outcome = start_fine_tune(
        client,
        file_id=record.file_id,
        request=request,
        policy=policy,
        training_method=training_method_for(run.report.format),
        retry=retry,
        key=key,
    )
    record = record.model_copy(update={"fine_tune": outcome})
    _write(out_dir, record)
    if outcome.refused:
        raise UploadRejected(
            f"file {record.file_id} uploaded, but no fine-tune job started: {outcome.refused}"
        )
    send_event(
        "fine_tune_state",
        {
            "job_id": outcome.job_id,
            "status": outcome.job_status,
            "model": outcome.model,
            "file_id": record.file_id,
        },
    )
    return record


def read_upload_record(out_dir: Path) -> UploadRecord | None:
    """Return the upload recorded in `out_dir`, or None (also when the record is unreadable)."""
    path = Path(out_dir) / UPLOAD_FILE
    try:
        return UploadRecord.model_validate_json(path.read_bytes())
    except FileNotFoundError:
        return None
    except ValidationError:
        log.warning("%s is not a valid upload record; it will be replaced", UPLOAD_FILE)
        return None


def _reusable_record(
    out_dir: Path, run: ApprovedRun, client: together.Together, key: SecretStr, retry: RetryPolicy
) -> UploadRecord | None:
    recorded = read_upload_record(out_dir)
    if recorded is None or recorded.sanitized_sha256 != run.approval.sanitized_sha256:
        return None
    try:
        remote = call_with_retries(
            lambda: client.files.retrieve(recorded.file_id), what="file lookup", policy=retry, key=key
        )
    except UploadRejected as e:
        if isinstance(e.__cause__, NotFoundError):
            log.info("recorded file %s is gone from Together; uploading again", recorded.file_id)
            return None
        raise
    if remote.processing_status != "COMPLETED":
        return None
    log.info("file %s already on Together for this sha256; no bytes sent", recorded.file_id)
    return recorded


def _upload(
    run: ApprovedRun,
    client: together.Together,
    key: SecretStr,
    base_url: str,
    retry: RetryPolicy,
    poll_interval: float,
    poll_timeout: float,
) -> UploadRecord:
    path = run.sanitized_path
    approved_sha = run.approval.sanitized_sha256
    _require_unchanged(path, approved_sha, "right before the upload")
    size = path.stat().st_size
    bytes_sent = False

    def on_progress(_: object) -> None:
        # The SDK reports progress only while it PUTs; never called means Together already had the file.
        nonlocal bytes_sent
        bytes_sent = True

    def do_upload() -> FileResponse:
        try:
            return client.files.upload(
                file=path, purpose="fine-tune", check=True, progress_callback=on_progress
            )
        except FileTypeError as e:
            raise UploadRejected(
                f"{path.name} failed the SDK's local check (UTF-8, one JSON object per line, at least one "
                "sample); run sanitize again"
            ) from e

    uploaded = call_with_retries(do_upload, what="file upload", policy=retry, key=key)
    remote = _wait_until_processed(client, uploaded, key, retry, poll_interval, poll_timeout)
    if not _unchanged(path, approved_sha):
        _delete_quietly(client, remote.id)
        raise HashMismatch(
            f"{path} changed while it was being uploaded; the remote copy {remote.id} was deleted and "
            "nothing was recorded: run sanitize and approve again"
        )
    if remote.bytes != size:
        raise UploadRejected(
            f"Together holds {remote.bytes} bytes for {remote.id} but {path.name} has {size}; "
            "nothing was recorded: delete the remote file and upload again"
        )
    return UploadRecord(
        file_id=remote.id,
        status=str(remote.processing_status),
        sanitized_name=path.name,
        sanitized_sha256=approved_sha,
        bytes=size,
        uploaded_at=datetime.now(UTC),
        base_url_host=host_of(base_url),
        key_hint=key_hint(key),
        reused=not bytes_sent,
    )


def _wait_until_processed(
    client: together.Together,
    file: FileResponse,
    key: SecretStr,
    retry: RetryPolicy,
    poll_interval: float,
    poll_timeout: float,
) -> FileResponse:
    file_id = file.id
    status = file.processing_status
    deadline = time.monotonic() + poll_timeout
    polls = 0
    while True:
        if status in _FINAL:
            break
        if time.monotonic() >= deadline:
            raise UploadUnavailable(
                f"Together is still checking file {file_id} ({status}) after {poll_timeout:g}s; nothing was "
                "recorded: run upload again later (Together already has the bytes; none are sent twice)"
            )
        time.sleep(poll_interval)
        file = call_with_retries(
            lambda: client.files.retrieve(file_id), what="status poll", policy=retry, key=key
        )
        status = file.processing_status
        polls += 1
    log.info("file %s processing %s after %d poll(s)", file_id, status, polls)
    if status != "COMPLETED":
        report = file.validation_report
        reason = clip(report.error) if report is not None and report.error else "no reason given"
        raise UploadRejected(
            f"Together marked file {file_id} {status}: {reason}; fix the data (Together checks the full "
            "format rules) and run sanitize again"
        )
    return file


def _require_unchanged(path: Path, approved_sha: str, when: str) -> None:
    if not _unchanged(path, approved_sha):
        raise HashMismatch(
            f"{path} no longer matches its approval {when}; nothing was sent: run sanitize and approve again"
        )


def _unchanged(path: Path, approved_sha: str) -> bool:
    try:
        return sha256_file(path) == approved_sha
    except FileNotFoundError:
        return False


def _delete_quietly(client: together.Together, file_id: str) -> None:
    try:
        client.files.delete(file_id)
    except (APIStatusError, together.APIConnectionError) as e:
        log.warning("could not delete remote file %s (%s)", file_id, type(e).__name__)


def _write(out_dir: Path, record: UploadRecord) -> None:
    atomic_write_text(out_dir / UPLOAD_FILE, record.model_dump_json(indent=2) + "\n")
