"""`ft-sanitizer approve DIR --reviewer NAME`: record a reviewer's decision, bound to the file's sha256."""

import sys
from pathlib import Path

import click

from pipelines.gate.approve_run import approve_run, reject_run
from schemas.errors import GateError, PipelineError

EXIT_CONFIG = 2
EXIT_GATE = 3


@click.command("approve")
@click.argument("run_dir", metavar="DIR", type=click.Path(path_type=Path, file_okay=False, exists=True))
@click.option(
    "--reviewer", required=True, help="Who takes the decision (a name or handle; stored in approval.json)."
)
@click.option("--comment", default="", help="Why; stored in approval.json. Never paste record text here.")
@click.option(
    "--reject", is_flag=True, help="Record a rejection instead: the run can then never be uploaded."
)
def command(run_dir: Path, reviewer: str, comment: str, reject: bool) -> None:
    """Approve (or --reject) the sanitize run in DIR after reading its report.

    Writes DIR/approval.json with the reviewer, the UTC time, and the sha256 of the sanitized file and of
    report.json; if either file changes later, `upload` refuses. A run the policy rejected cannot be
    approved, and a rejection is final for that folder.

    Exit status: 0 decision recorded, 2 invalid option, 3 refused by the gate (policy rejected the run,
    already rejected, missing file, or the file no longer matches report.json).
    """
    decide = reject_run if reject else approve_run
    try:
        decision = decide(run_dir, reviewer=reviewer, comment=comment, source="cli")
    except GateError as e:
        click.echo(f"refused: {e}", err=True)
        sys.exit(EXIT_GATE)
    except PipelineError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(EXIT_CONFIG)
    verb = "approved" if decision.approved else "rejected"
    click.echo(
        f"{verb} {decision.sanitized_name} (sha256 {decision.sanitized_sha256[:12]}…, policy said "
        f"{decision.decision_at_approval.value}) by {decision.reviewer}"
        + (f"; next: ft-sanitizer upload {run_dir}" if decision.approved else "")
    )
