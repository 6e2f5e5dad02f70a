"""`ft-sanitizer approve DIR --reviewer NAME`: record a reviewer's signed decision on the whole run."""

import sys
from pathlib import Path

import click

from pipelines.gate.approve_run import approve_run, reject_run
from schemas.errors import AlreadyDecided, GateError, PipelineError

EXIT_CONFIG = 2
EXIT_GATE = 3
EXIT_ALREADY_DECIDED = 4


@click.command("approve")
@click.argument("run_dir", metavar="DIR", type=click.Path(path_type=Path, file_okay=False, exists=True))
@click.option(
    "--reviewer", required=True, help="Who takes the decision (a name or handle; stored in approval.json)."
)
@click.option("--comment", default="", help="Why; stored in approval.json. Never paste record text here.")
@click.option(
    "--reject", is_flag=True, help="Record a rejection instead: the run can then never be uploaded."
)
@click.option(
    "--approval-key-block",
    default=None,
    metavar="NAME",
    help="Read the approval key from this Prefect Secret block instead of $FT_SANITIZER_APPROVAL_KEY.",
)
def command(run_dir: Path, reviewer: str, comment: str, reject: bool, approval_key_block: str | None) -> None:
    """Approve (or --reject) the sanitize run in DIR after reading its report.

    Writes DIR/approval.json: the reviewer, the UTC time, the policy decision, the sha256 of every file
    of the run (sanitized, quarantine, report.json, report.html), signed (HMAC-SHA256) with the approval
    key from $FT_SANITIZER_APPROVAL_KEY (or --approval-key-block). Only a holder of that key can approve;
    `upload` verifies the signature and every hash. A run the policy rejected cannot be approved, a
    rejection is final for that folder, and a run another reviewer already decided is left as it is.

    Exit status: 0 decision recorded (or already recorded by the same reviewer), 2 invalid option, no
    usable approval key or a folder that cannot be written, 3 refused by the gate (policy rejected the run, missing or altered file),
    4 another reviewer already decided this run (your attempt is recorded in approval_attempts.jsonl).
    """
    decide = reject_run if reject else approve_run
    try:
        decision = decide(run_dir, reviewer=reviewer, comment=comment, source="cli", key_block=approval_key_block)
    except AlreadyDecided as e:
        click.echo(f"refused: {e}", err=True)
        sys.exit(EXIT_ALREADY_DECIDED)
    except GateError as e:
        click.echo(f"refused: {e}", err=True)
        sys.exit(EXIT_GATE)
    except PipelineError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(EXIT_CONFIG)
    except OSError as e:  # the folder cannot be written (read-only, full disk): said, never a traceback
        click.echo(f"error: cannot record the decision in {run_dir} ({e.strerror or type(e).__name__}); "
                   "make the folder writable and run approve again", err=True)
        sys.exit(EXIT_CONFIG)
    verb = "approved" if decision.approved else "rejected"
    click.echo(
        f"{verb} {decision.sanitized_name} (sha256 {decision.sanitized_sha256[:12]}…, policy said "
        f"{decision.decision_at_approval.value}) by {decision.reviewer}, signed with approval key "
        f"{decision.key_id}" + (f"; next: ft-sanitizer upload {run_dir}" if decision.approved else "")
    )
