"""Flow state hooks: a run that ends Failed or Crashed sends the signed `run_failed` event.

Prefect calls `hook(flow, flow_run, state)` after the run entered the state (`on_failure`,
`on_crashed`). The event carries ids, names and the state only: never the state's message or
exception, which may quote a path or a value. Without FT_SANITIZER_WEBHOOK_URL nothing is sent.
A problem in the hook is logged by its type only and never changes the run's state.
"""

import logging
from typing import Any

from pipelines.gate.notify import Scalar, is_safe_string, send_event

log = logging.getLogger(__name__)


def notify_run_failed(flow: Any, flow_run: Any, state: Any) -> None:
    """Send `run_failed` for a Failed or Crashed flow run; never raises."""
    try:
        send_event("run_failed", run_failed_data(flow, flow_run, state))
    except Exception as e:  # noqa: BLE001 - a hook must not mask the run's own failure
        log.warning("run_failed event not sent: %s", type(e).__name__)


def run_failed_data(flow: Any, flow_run: Any, state: Any) -> dict[str, Scalar]:
    """The event's fields: ids, names, state name/type/time; a name that is not a plain token is left out."""
    deployment_id = getattr(flow_run, "deployment_id", None)
    timestamp = getattr(state, "timestamp", None)
    state_type = getattr(state, "type", None)
    data: dict[str, Scalar] = {
        "flow_run_id": str(flow_run.id),
        "flow_run_name": getattr(flow_run, "name", None),
        "flow_name": getattr(flow, "name", None),
        "deployment_id": str(deployment_id) if deployment_id else None,
        "deployment_name": _deployment_name(deployment_id) if deployment_id else None,
        "state_name": getattr(state, "name", None),
        "state_type": getattr(state_type, "value", None),
        "state_timestamp": timestamp.isoformat() if timestamp is not None else None,
    }
    # A run or deployment may be renamed to free text in the UI: keep only names that are plain tokens.
    return {k: v if v is None or is_safe_string(v) else None for k, v in data.items()}


def _deployment_name(deployment_id: Any) -> str | None:
    """The deployment's name from the API, or None when it cannot be read (the id is sent anyway)."""
    from prefect.client.orchestration import get_client

    try:
        with get_client(sync_client=True) as client:
            return client.read_deployment(deployment_id).name
    except Exception as e:  # noqa: BLE001 - the name is a convenience, the event goes out without it
        log.warning("run_failed: deployment name not read: %s", type(e).__name__)
        return None
