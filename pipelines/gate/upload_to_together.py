"""Stage: upload an approved sanitized file to Together with the official SDK, then record it.

Order matters, and each step refuses before the next can leak anything:
1. the gate (`check_approved_run`): a signed approval (approval key), every file of the run still
   the approved bytes; the fine-tune allowlist/budget config too. No Together key is read and no
   client exists before this passes;
2. one read of the sanitized file into a private copy (`private_copy`), hashed: the approved sha256
   or nothing; the copy is re-scanned for secrets (`rescan_for_secrets`) and refused on a finding.
   Everything after this uses the copy: the bytes sent are the bytes verified;
3. the key is read now (env or Prefect Secret block) and one SDK client is built;
4. if a *signed* upload.json already records this exact sha256 and Together still has that file
   COMPLETED, no bytes are sent again; otherwise `files.upload(check=True)` sends the copy
   (Together answers 409 for content it already has, and the SDK then returns the existing file);
5. poll `files.retrieve` until COMPLETED (INVALID_FORMAT/FAILED raise UploadRejected);
6. write upload.json atomically, signed with the approval key;
7. optionally start a fine-tune within budget on the file id from step 4 (never on an id read from an
   unsigned upload.json), recording the job id in upload.json.
Nothing is recorded for a failed upload. Every text from Together is scrubbed (`scrub`) first.
"""

import logging
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

import together
from pydantic import SecretStr, ValidationError
from together import NotFoundError
from together.lib import FileTypeError
from together.types import FileResponse

from pipelines.atomic import atomic_write_text
from pipelines.gate.approval_key import key_id, read_approval_key, sign, verify
from pipelines.gate.approve_run import ApprovedRun, check_approved_run
from pipelines.gate.notify import send_event
from pipelines.gate.private_copy import private_copy
from pipelines.gate.rescan_upload import pii_rescan_configured, rescan_for_pii, rescan_for_secrets
from pipelines.gate.run_files import SMALL_LIMIT, read_regular
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
from schemas.errors import NotApproved, UploadRejected, UploadUnavailable
from schemas.upload import FineTuneRequest, UploadRecord

log = logging.getLogger(__name__)

UPLOAD_FILE = "upload.json"
_FINAL = frozenset({"COMPLETED", "FAILED", "INVALID_FORMAT"})
DEFAULT_RETRY = RetryPolicy()
T = TypeVar("T")


@dataclass(frozen=True)
class _Together:
    """One upload's connection: the SDK client, the key it reads with, and how long to retry and wait."""

    client: together.Together
    key: SecretStr
    base_url: str
    retry: RetryPolicy
    poll_interval: float
    poll_timeout: float

    def call(self, fn: Callable[[], T], what: str, deadline: float | None = None) -> T:
        """`fn()` with this connection's retries; errors are scrubbed of the key."""
        return call_with_retries(fn, what=what, policy=self.retry, key=self.key, deadline=deadline)


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
    approval_key_block: str | None = None,
    rescan_pii: bool | None = None,
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
        approval_key_block: Prefect Secret block with the approval key; default
            FT_SANITIZER_APPROVAL_KEY_BLOCK, else FT_SANITIZER_APPROVAL_KEY.
        rescan_pii: Also re-scan for PII (refuse on any outside placeholders); default
            FT_SANITIZER_UPLOAD_RESCAN_PII.

    Raises:
        NotApproved, HashMismatch: the gate refused; nothing was sent.
        ContentRefused: the re-scan of the bytes to send found a secret; nothing was sent.
        ConfigError: key, base URL, allowlist or budget missing or invalid; nothing was sent.
        UploadRejected: Together refused the file or key, or the fine-tune was refused
            (upload.json is written for the file in that last case).
        UploadUnavailable: Together could not be reached or did not finish in time; nothing recorded.
    """
    out_dir = Path(out_dir)
    run = check_approved_run(out_dir, key_block=approval_key_block)
    signing_key = read_approval_key(approval_key_block)
    policy = (
        resolve_fine_tune_policy(fine_tune, allowlist=finetune_allowlist, budget_usd=budget_usd)
        if fine_tune
        else None
    )
    base_url = resolve_base_url(os.environ.get("TOGETHER_BASE_URL"))
    with private_copy(run.sanitized_path, run.approval.sanitized_sha256) as copy:
        lines = rescan_for_secrets(copy)
        log.info("re-scan of the %d line(s) to upload found no secret", lines)
        if pii_rescan_configured(rescan_pii):
            rescan_for_pii(copy, _spacy_model(run))
            log.info("PII re-scan of the %d line(s) to upload found nothing outside placeholders", lines)
        key = read_together_key(key_block)
        client = make_client(key, base_url, max_retries=retry.sdk_max_retries, timeout_s=retry.request_s)
        try:
            conn = _Together(client, key, base_url, retry, poll_interval, poll_timeout)
            return _upload_and_record(out_dir, run, copy, conn, fine_tune, policy, signing_key)
        finally:
            client.close()


def _spacy_model(run: ApprovedRun) -> str:
    """The spaCy model the run used (from report.json's config), else the default one."""
    from schemas.run_config import DetectionOptions

    detection = run.report.config.get("detection") if isinstance(run.report.config, dict) else None
    model = detection.get("spacy_model") if isinstance(detection, dict) else None
    return model if isinstance(model, str) and model else DetectionOptions().spacy_model


def _upload_and_record(
    out_dir: Path,
    run: ApprovedRun,
    copy: Path,
    conn: _Together,
    fine_tune: FineTuneRequest | None,
    policy: FineTunePolicy | None,
    signing_key: SecretStr,
) -> UploadRecord:
    record = _reusable_record(out_dir, run, conn, signing_key)
    reused_now = record is not None
    if record is None:
        record = _upload(run, copy, conn)
        record = _write(out_dir, record, signing_key)
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
        record = _fine_tune(out_dir, run, record, conn, fine_tune, policy, signing_key)
    # upload.json keeps how the file first got there; the caller also learns nothing was sent now.
    return record.model_copy(update={"reused": True}) if reused_now else record


def _fine_tune(
    out_dir: Path,
    run: ApprovedRun,
    record: UploadRecord,
    conn: _Together,
    request: FineTuneRequest,
    policy: FineTunePolicy,
    signing_key: SecretStr,
) -> UploadRecord:
    if record.fine_tune and record.fine_tune.job_id and record.fine_tune.model == request.model:
        log.info(
            "fine-tune job %s already started for this file; not starting another", record.fine_tune.job_id
        )
        return record
    outcome = start_fine_tune(
        conn.client,
        file_id=record.file_id,
        request=request,
        policy=policy,
        training_method=training_method_for(run.report.format),
        retry=conn.retry,
        key=conn.key,
    )
    record = _write(out_dir, record.model_copy(update={"fine_tune": outcome}), signing_key)
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


def read_upload_record(out_dir: Path, signing_key: SecretStr | None = None) -> UploadRecord | None:
    """Return the upload recorded in `out_dir`, or None (also when the record is unreadable).

    With `signing_key`, also None when the record's signature does not verify: a record this tool
    did not write is never trusted for anything (reuse, the fine-tune's file id).
    """
    path = Path(out_dir) / UPLOAD_FILE
    try:
        record = UploadRecord.model_validate_json(read_regular(path, SMALL_LIMIT))
    except FileNotFoundError:
        return None
    except (ValidationError, NotApproved):
        log.warning("%s is not a valid upload record; it will be replaced", UPLOAD_FILE)
        return None
    if signing_key is not None and not (
        record.key_id == key_id(signing_key)
        and verify("upload", record.signed_payload(), record.signature, signing_key)
    ):
        log.warning("%s is not signed with the approval key; ignored (the file is uploaded again)", UPLOAD_FILE)
        return None
    return record


def _reusable_record(out_dir: Path, run: ApprovedRun, conn: _Together, signing_key: SecretStr
                     ) -> UploadRecord | None:
    recorded = read_upload_record(out_dir, signing_key)
    if recorded is None or recorded.sanitized_sha256 != run.approval.sanitized_sha256:
        return None
    try:
        remote = conn.call(lambda: conn.client.files.retrieve(recorded.file_id), what="file lookup")
    except UploadRejected as e:
        if isinstance(e.__cause__, NotFoundError):
            log.info("recorded file %s is gone from Together; uploading again", recorded.file_id)
            return None
        raise
    if remote.processing_status != "COMPLETED":
        return None
    log.info("file %s already on Together for this sha256; no bytes sent", recorded.file_id)
    return recorded


def _upload(run: ApprovedRun, path: Path, conn: _Together) -> UploadRecord:
    approved_sha = run.approval.sanitized_sha256
    size = path.stat().st_size  # `path` is the private copy, verified against approved_sha
    bytes_sent = False

    def on_progress(_: object) -> None:
        # The SDK reports progress only while it PUTs; never called means Together already had the file.
        nonlocal bytes_sent
        bytes_sent = True

    def do_upload() -> FileResponse:
        try:
            return conn.client.files.upload(
                file=path, purpose="fine-tune", check=True, progress_callback=on_progress
            )
        except FileTypeError as e:
            raise UploadRejected(
                f"{path.name} failed the SDK's local check (UTF-8, one JSON object per line, at least one "
                "sample); run sanitize again"
            ) from e

    uploaded = conn.call(do_upload, what="file upload")
    remote = _wait_until_processed(conn, uploaded)
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
        base_url_host=host_of(conn.base_url),
        key_hint=key_hint(conn.key),
        reused=not bytes_sent,
    )


def _wait_until_processed(conn: _Together, file: FileResponse) -> FileResponse:
    file_id = file.id
    status = file.processing_status
    poll_timeout = conn.poll_timeout
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
        time.sleep(conn.poll_interval)
        file = conn.call(lambda: conn.client.files.retrieve(file_id), what="status poll", deadline=deadline)
        status = file.processing_status
        polls += 1
    log.info("file %s processing %s after %d poll(s)", file_id, status, polls)
    if status != "COMPLETED":
        report = file.validation_report
        reason = clip(report.error, conn.key) if report is not None and report.error else "no reason given"
        raise UploadRejected(
            f"Together marked file {file_id} {status}: {reason}; fix the data (Together checks the full "
            "format rules) and run sanitize again"
        )
    return file


def _write(out_dir: Path, record: UploadRecord, signing_key: SecretStr) -> UploadRecord:
    """Write upload.json signed with the approval key; return the signed record."""
    unsigned = record.model_copy(update={"key_id": key_id(signing_key), "signature": ""})
    signed = unsigned.model_copy(update={"signature": sign("upload", unsigned.signed_payload(), signing_key)})
    atomic_write_text(out_dir / UPLOAD_FILE, signed.model_dump_json(indent=2) + "\n")
    return signed
