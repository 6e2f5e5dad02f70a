"""The run_failed hook: a signed event to the project's real webhook receiver, content-free, never raising.

The flow-level test runs the real sanitize-dataset flow under the session's throwaway Prefect server
(`prefect_api`), with an input file that does not exist so the run fails fast.
"""

# ruff: noqa: F811  (the receiver fixture is imported by name)

import json
import uuid
from pathlib import Path

import pytest
from prefect.client.schemas.objects import FlowRun
from prefect.states import Crashed, Failed

from pipelines.flow import sanitize_dataset
from pipelines.flow_hooks import notify_run_failed
from pipelines.gate.notify import SECRET_ENV, URL_ENV, verify_signature
from tests.pipelines.gate.webhook_receiver import Receiver, receiver  # noqa: F401

# Stands for content a failure message may quote: it must never reach the event.
CONTENT = "/home/ana/customers/jane.doe@example.com.jsonl"


@pytest.fixture
def webhook(receiver: Receiver, monkeypatch: pytest.MonkeyPatch) -> Receiver:
    """The real receiver, configured through the same variables a worker uses."""
    monkeypatch.setenv(URL_ENV, receiver.url)
    monkeypatch.setenv(SECRET_ENV, receiver.secret)
    return receiver


def _flow_run(**fields: object) -> FlowRun:
    return FlowRun(flow_id=uuid.uuid4(), name="nightly-20261206-020000", **fields)


def _events(receiver: Receiver) -> list[dict]:
    return [json.loads(body) for body, _, _ in receiver.received]


def test_sends_signed_run_failed_when_run_failed(webhook: Receiver) -> None:
    run = _flow_run()
    state = Failed(message=f"InputError: {CONTENT} does not exist")
    notify_run_failed(sanitize_dataset, run, state)
    [(body, header, ok)] = webhook.received
    # Checked again here, outside the receiver's seen set: the body is exactly what was signed.
    assert ok and verify_signature(body, header, webhook.secret)
    event = json.loads(body)
    assert event["event"] == "run_failed"
    assert event["data"] == {
        "flow_run_id": str(run.id),
        "flow_run_name": "nightly-20261206-020000",
        "flow_name": "sanitize-dataset",
        "deployment_id": None,
        "deployment_name": None,
        "state_name": "Failed",
        "state_type": "FAILED",
        "state_timestamp": state.timestamp.isoformat(),
    }
    assert b"jane.doe" not in body and b"InputError" not in body


def test_sends_run_failed_with_state_crashed_when_run_crashed(webhook: Receiver) -> None:
    notify_run_failed(sanitize_dataset, _flow_run(), Crashed(message=f"worker died reading {CONTENT}"))
    [event] = _events(webhook)
    assert (event["data"]["state_name"], event["data"]["state_type"]) == ("Crashed", "CRASHED")
    assert "jane.doe" not in json.dumps(event)


def test_leaves_out_run_name_when_renamed_to_free_text(webhook: Receiver) -> None:
    notify_run_failed(sanitize_dataset, _flow_run().model_copy(update={"name": "Jane Doe's file"}), Failed())
    [event] = _events(webhook)
    assert event["data"]["flow_run_name"] is None and event["data"]["flow_run_id"]


def test_sends_deployment_id_when_deployment_name_cannot_be_read(prefect_api, webhook: Receiver) -> None:
    missing = uuid.uuid4()  # no such deployment on the server: the name lookup fails, the event still goes
    notify_run_failed(sanitize_dataset, _flow_run(deployment_id=missing), Failed())
    [event] = _events(webhook)
    assert event["data"]["deployment_id"] == str(missing) and event["data"]["deployment_name"] is None


def test_sends_nothing_when_no_webhook_configured(
    receiver: Receiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(URL_ENV, raising=False)
    notify_run_failed(sanitize_dataset, _flow_run(), Failed())
    assert receiver.received == []


def test_logs_type_only_and_never_raises_when_hook_itself_fails(
    webhook: Receiver, caplog: pytest.LogCaptureFixture
) -> None:
    notify_run_failed(sanitize_dataset, None, Failed(message=CONTENT))  # no flow run: the hook breaks
    assert webhook.received == []
    assert "run_failed event not sent: AttributeError" in caplog.text
    assert "jane.doe" not in caplog.text


def test_failed_flow_run_sends_signed_run_failed(prefect_api, webhook: Receiver, tmp_path: Path) -> None:
    state = sanitize_dataset(
        input_path=str(tmp_path / "missing.jsonl"), output_dir=str(tmp_path / "out"), return_state=True
    )
    assert state.is_failed()
    [(body, _, ok)] = webhook.received
    event = json.loads(body)
    assert ok and event["event"] == "run_failed"
    assert event["data"]["flow_run_id"] == str(state.state_details.flow_run_id)
    assert (event["data"]["flow_name"], event["data"]["state_type"]) == ("sanitize-dataset", "FAILED")
    assert b"missing.jsonl" not in body and str(tmp_path).encode() not in body
