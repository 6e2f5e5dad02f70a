"""The reviewer's answer inside a Prefect run: the Resume form, and waiting for it without a process.

`ReviewDecision` becomes the form the Prefect UI shows on a waiting run (and the JSON schema the server
checks `POST /api/flow_runs/{id}/resume` against). The decision is a required choice, approve or
reject, with no default: a reviewer who only types a name cannot submit a decision by accident. The
form holds a choice, a name and a note: never record text. The answer is written to approval.json by
the gate (`approve_run`/`reject_run`), bound to the run's files, exactly as `ft-sanitizer approve` does.

How the run waits:
- A deployment run is *suspended* (`suspend_flow_run`): its process exits at once and the worker is
  free, so a run waiting a day for a reviewer costs nothing. When the reviewer submits the form the
  server schedules the run again; it starts over and takes the sanitize and report steps from their
  persisted results (cached per flow run), then reads the answer here.
- A direct call (a notebook, a script: no deployment to restart the run from) is *paused*
  (`pause_flow_run`): the calling process waits. Prefect cannot suspend a run without a deployment.
No answer within the timeout: the run ends FAILED and nothing is uploaded.
"""

from typing import Literal

from prefect.exceptions import FlowPauseTimeout
from prefect.flow_runs import pause_flow_run, suspend_flow_run
from prefect.input import RunInput
from pydantic import ConfigDict, Field, ValidationError

from schemas.errors import NotApproved

# A paused (not suspended) run polls the API this often for the answer.
POLL_INTERVAL_S = 2


class ReviewDecision(RunInput):
    """Approve or reject the sanitized files of this run for upload to Together."""

    model_config = ConfigDict(hide_input_in_errors=True, str_strip_whitespace=True)

    decision: Literal["approve", "reject"] = Field(
        description="approve: exactly these sanitized files may be uploaded. reject: they never will be "
        "(final for this run folder)."
    )
    reviewer: str = Field(min_length=1, max_length=200, description="Your name or handle (recorded in approval.json).")
    comment: str = Field(
        "", max_length=2000, description="Why you decided so. Never paste record text or values here."
    )

    @property
    def approved(self) -> bool:
        """True when the reviewer chose approve."""
        return self.decision == "approve"


def ask_reviewer(description: str, timeout_s: int, *, suspend: bool) -> ReviewDecision:
    """Wait for a reviewer to submit the Resume form of the current flow run, and return the answer.

    Args:
        description: markdown shown above the form: what is being approved, free of raw values.
        timeout_s: seconds to wait before the run fails.
        suspend: True for a deployment run (the process exits while it waits; see the module doc),
            False for a direct call (the process waits).

    Raises:
        NotApproved: nobody answered within `timeout_s` (paused runs; a suspended run is failed by the
            server), or the answer was not a valid decision. Nothing is uploaded.
    """
    form = ReviewDecision.with_initial_data(description=description)
    try:
        if suspend:
            return suspend_flow_run(wait_for_input=form, timeout=timeout_s)
        return pause_flow_run(wait_for_input=form, timeout=timeout_s, poll_interval=min(POLL_INTERVAL_S, timeout_s))
    except FlowPauseTimeout as e:
        raise NotApproved(
            f"review: no decision within {timeout_s} s, so nothing was uploaded; the run folder keeps its "
            "report for a later decision"
        ) from e
    except ValidationError as e:
        fields = ", ".join(".".join(map(str, err["loc"])) for err in e.errors(include_input=False, include_url=False))
        raise NotApproved(
            f"review: the Resume form's answer is not a valid decision ({fields}); nothing was uploaded: "
            "trigger the deployment again and choose approve or reject"
        ) from e
