"""`ft-sanitizer upload DIR`: send an approved sanitized file to Together, optionally start a fine-tune."""

import logging
import sys
from pathlib import Path

import click
from pydantic import ValidationError

from pipelines.gate.start_fine_tune import ALLOWLIST_ENV, BUDGET_ENV
from pipelines.gate.upload_to_together import upload_approved
from schemas.errors import GateError, PipelineError, UploadError
from schemas.upload import FineTuneRequest, UploadRecord

EXIT_INTERNAL = 1
EXIT_CONFIG = 2
EXIT_GATE = 3
EXIT_UPLOAD = 4


@click.command("upload")
@click.argument("run_dir", metavar="DIR", type=click.Path(path_type=Path, file_okay=False, exists=True))
@click.option(
    "--fine-tune",
    "model",
    metavar="MODEL",
    help=f"Start a fine-tune of MODEL on the file; MODEL must be listed in {ALLOWLIST_ENV}.",
)
@click.option("--epochs", type=click.IntRange(1, 20), default=1, show_default=True, help="Fine-tune epochs.")
@click.option("--lora/--full", default=True, show_default=True, help="LoRA adapters or full fine-tuning.")
@click.option("--suffix", default=None, help="Up to 40 characters [A-Za-z0-9._-] added to the model name.")
@click.option(
    "--budget",
    "budget_usd",
    type=float,
    default=None,
    metavar="USD",
    help=f"Most the job may cost (Together's estimate); default ${BUDGET_ENV}.",
)
@click.option(
    "--poll-timeout",
    type=float,
    default=600,
    show_default=True,
    metavar="S",
    help="Seconds to wait for Together to finish checking the file.",
)
@click.option(
    "--poll-interval",
    type=float,
    default=2,
    show_default=True,
    metavar="S",
    help="Seconds between status checks.",
)
@click.option(
    "--key-block",
    default=None,
    metavar="NAME",
    help="Read the key from this Prefect Secret block instead of $TOGETHER_API_KEY.",
)
@click.option(
    "--approval-key-block",
    default=None,
    metavar="NAME",
    help="Read the approval key (to verify approval.json) from this Prefect Secret block instead of "
    "$FT_SANITIZER_APPROVAL_KEY.",
)
@click.option(
    "--rescan-pii/--no-rescan-pii",
    default=None,
    help="Also re-scan the bytes to send for PII and refuse on any outside placeholders (loads spaCy; "
    "for placeholder runs) [default: $FT_SANITIZER_UPLOAD_RESCAN_PII, else off].",
)
def command(
    run_dir: Path,
    model: str | None,
    epochs: int,
    lora: bool,
    suffix: str | None,
    budget_usd: float | None,
    poll_timeout: float,
    poll_interval: float,
    key_block: str | None,
    approval_key_block: str | None,
    rescan_pii: bool | None,
) -> None:
    """Upload the approved sanitized file of DIR to Together and record DIR/upload.json.

    Refuses before contacting Together unless DIR/approval.json is signed with the approval key
    ($FT_SANITIZER_APPROVAL_KEY or --approval-key-block) and every file of the run (sanitized,
    quarantine, report.json, report.html) still has the approved sha256. The sanitized file is then
    read once into a private copy, hashed, re-scanned for secrets, and exactly those bytes are sent.
    The Together key is read from $TOGETHER_API_KEY (or --key-block) at the moment of use and only
    its last 4 characters are ever shown. The API is $TOGETHER_BASE_URL or https://api.together.ai.
    Uploading the same approved file again sends no bytes; each Together call gives up within 300 s.

    Exit status: 0 uploaded (and job started if asked), 2 configuration error (key, approval key,
    base URL, nothing listening there, allowlist, budget), 3 refused by the gate (not approved,
    rejected, forged approval, file changed, a secret found by the re-scan), 4 Together refused or
    could not be reached (file format, key, fine-tune over budget, retries exhausted).
    """
    try:
        request = FineTuneRequest(model=model, n_epochs=epochs, lora=lora, suffix=suffix) if model else None
    except ValidationError as e:
        fields = ", ".join(str(err["loc"][0]) for err in e.errors(include_input=False, include_url=False))
        click.echo(f"error: invalid fine-tune option(s): {fields}", err=True)
        sys.exit(EXIT_CONFIG)
    try:
        record = upload_approved(
            run_dir,
            poll_interval=poll_interval,
            poll_timeout=poll_timeout,
            fine_tune=request,
            budget_usd=budget_usd,
            key_block=key_block,
            approval_key_block=approval_key_block,
            rescan_pii=rescan_pii,
        )
    except GateError as e:
        click.echo(f"refused: {e}", err=True)
        sys.exit(EXIT_GATE)
    except UploadError as e:
        click.echo(f"upload failed: {e}", err=True)
        sys.exit(EXIT_UPLOAD)
    except PipelineError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(EXIT_CONFIG)
    except Exception as e:  # a bug or an OS failure: no traceback (its text could quote a key)
        logging.getLogger(__name__).debug("upload failed", exc_info=True)  # scrubbed by the log filter
        click.echo(
            f"error: upload stopped ({type(e).__name__}); nothing was recorded for a file not confirmed by "
            "Together: rerun with --log-level DEBUG and report it", err=True
        )
        sys.exit(EXIT_INTERNAL)
    click.echo(summary(record))


def summary(record: UploadRecord) -> str:
    """One line: file id, status, size, hash prefix, key hint, and the job if one was started."""
    line = (
        f"uploaded {record.file_id} status={record.status} bytes={record.bytes} "
        f"sha256={record.sanitized_sha256[:12]}… key={record.key_hint} host={record.base_url_host}"
    )
    if record.reused:
        line += " (already on Together: no bytes sent)"
    ft = record.fine_tune
    if ft and ft.job_id:
        line += f"; fine-tune {ft.job_id} {ft.job_status} on {ft.model}"
        if ft.estimated_usd is not None:
            line += f" (est. ${ft.estimated_usd:.2f} of ${ft.budget_usd:.2f})"
    return line
