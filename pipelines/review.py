"""The reviewer's answer inside a paused Prefect run: the Resume form and the wait for it.

`ReviewDecision` becomes the form the Prefect UI shows on a paused run (and the JSON schema the server
checks `POST /api/flow_runs/{id}/resume` against). It holds a yes/no, a name and a note: never record
text. The decision it carries is written to approval.json by `approve_run`/`reject_run`, bound to the
sha256 of the sanitized file and of report.json, exactly as `ft-sanitizer approve` does.
"""

from prefect.exceptions import FlowPauseTimeout
from prefect.flow_runs import pause_flow_run
from prefect.input import RunInput
from pydantic import ConfigDict, Field, ValidationError

from schemas.errors import NotApproved

# The pause polls the API this often for a resume; small enough that a UI click feels immediate.
POLL_INTERVAL_S = 2


class ReviewDecision(RunInput):
    """Approve or reject the sanitized files of this run for upload to Together."""

    model_config = ConfigDict(hide_input_in_errors=True, str_strip_whitespace=True)

    approved: bool = Field(description="Tick to approve the sanitized files for upload; leave empty to reject.")
    reviewer: str = Field(min_length=1, max_length=200, description="Your name or handle (recorded in approval.json).")
    comment: str = Field(
        "", max_length=2000, description="Why you decided so. Never paste record text or values here."
    )


def ask_reviewer(description: str, timeout_s: int) -> ReviewDecision:
    """Pause the current flow run until a reviewer submits the Resume form, and return the answer.

    Args:
        description: markdown shown above the form: the report summary, free of raw values.
        timeout_s: seconds to wait before giving up.

    Raises:
        NotApproved: nobody answered within `timeout_s`, or the answer was not a valid decision.
            Nothing is uploaded; report.json stays in the run folder, so `ft-sanitizer approve` can
            still decide on it later.
    """
    form = ReviewDecision.with_initial_data(description=description, approved=False)
    try:
        decision = pause_flow_run(wait_for_input=form, timeout=timeout_s, poll_interval=min(POLL_INTERVAL_S, timeout_s))
    except FlowPauseTimeout as e:
        raise NotApproved(
            f"review: no decision within {timeout_s} s, so nothing was uploaded; approve the run folder with "
            "`ft-sanitizer approve OUT_DIR --reviewer NAME` and upload it, or trigger the deployment again"
        ) from e
    except ValidationError as e:
        fields = ", ".join(".".join(map(str, err["loc"])) for err in e.errors(include_input=False, include_url=False))
        raise NotApproved(
            f"review: the Resume form's answer is not a valid decision ({fields}); nothing was uploaded: "
            "trigger the deployment again and fill in approved and reviewer"
        ) from e
    return decision
