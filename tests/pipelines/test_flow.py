"""The sanitize-dataset flow under a throwaway Prefect server (prefect_test_harness), real stages.

Uploads go through the real SDK to the Together test server on 127.0.0.1. The reviewer's answer is
given the way the UI gives it: `resume_flow_run(..., run_input=...)` against the API.
"""

# ruff: noqa: F811  (the together_server fixture is imported by name)

import json
import threading
from pathlib import Path

import pytest
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId
from prefect.flow_runs import resume_flow_run
from prefect.logging.handlers import APILogHandler

from pipelines.flow import sanitize_dataset
from pipelines.gate.approve_run import APPROVAL_FILE
from schemas.approval import Approval
from tests.together_server import TogetherServer
from tests.together_server.fixture import together_server  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "data-samples"
# Waiting for PAUSED is a poll with a generous ceiling, not a timing assertion.
PAUSE_WAIT_S = 120


def _run(tmp_path: Path, name: str = "conversational", **params: object):
    return sanitize_dataset(
        input_path=str(SAMPLES / f"{name}.jsonl"), output_dir=str(tmp_path / "out"), return_state=True, **params
    )


def _approval(tmp_path: Path) -> Approval | None:
    path = tmp_path / "out" / APPROVAL_FILE
    return Approval.model_validate_json(path.read_bytes()) if path.exists() else None


def _flow_run_texts(flow_run_id) -> dict[str, str]:
    """Everything Prefect stored about a run: parameters, state, logs, artifacts, task runs."""
    APILogHandler().flush()  # logs travel in batches: send what is queued before reading them back
    with get_client(sync_client=True) as client:
        run = client.read_flow_run(flow_run_id)
        logs = client.read_logs()
        artifacts = client.read_artifacts(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])))
        task_runs = client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])))
    return {
        "flow run": run.model_dump_json(),
        "logs": json.dumps([log.message for log in logs if log.flow_run_id == flow_run_id]),
        "artifacts": json.dumps([a.model_dump(mode="json") for a in artifacts]),
        "task runs": json.dumps([t.model_dump(mode="json") for t in task_runs]),
    }


def test_approves_by_policy_and_uploads_nothing_when_upload_off(prefect_api, tmp_path: Path) -> None:
    state = _run(tmp_path, policy={"auto_approve": True})
    outcome = state.result()
    assert state.is_completed()
    assert [r.approved for r in outcome.reviews] == [True]
    assert outcome.uploads == [] and "not uploaded" in outcome.message
    assert _approval(tmp_path).source.value == "policy"


def test_uploads_approved_file_when_policy_approves(
    prefect_api, tmp_path: Path, together_server: TogetherServer
) -> None:
    state = _run(tmp_path, policy={"auto_approve": True}, upload=True)
    outcome = state.result()
    assert len(outcome.uploads) == 1
    upload = outcome.uploads[0]
    sanitized = tmp_path / "out" / "conversational.sanitized.jsonl"
    assert together_server.files[upload.file_id].data == sanitized.read_bytes()
    assert upload.key_hint == "…" + together_server.api_key[-4:]


def test_uploads_nothing_when_policy_wants_a_reviewer(
    prefect_api, tmp_path: Path, together_server: TogetherServer
) -> None:
    state = _run(tmp_path, upload=True)  # auto_approve defaults to False: needs_review
    outcome = state.result()
    assert state.is_completed()
    assert outcome.reviews[0].approved is False and "needs a reviewer" in outcome.reviews[0].why
    assert outcome.uploads == [] and together_server.requests == []
    assert _approval(tmp_path) is None


def test_never_pauses_when_policy_rejected_every_file_in_reviewer_mode(
    prefect_api, tmp_path: Path, together_server: TogetherServer
) -> None:
    state = _run(tmp_path, name="malformed", review="reviewer", upload=True, review_timeout_s=3600)
    outcome = state.result()
    assert state.is_completed()
    assert outcome.reviews[0].approved is False and outcome.reviews[0].why.startswith("rejected by policy")
    assert together_server.requests == []


def test_fails_without_upload_when_reviewer_times_out(
    prefect_api, tmp_path: Path, together_server: TogetherServer
) -> None:
    state = _run(tmp_path, review="reviewer", upload=True, review_timeout_s=2)
    assert state.is_failed()
    texts = _flow_run_texts(state.state_details.flow_run_id)
    assert "review: no decision within 2 s, so nothing was uploaded" in texts["logs"]
    assert "no decision within 2 s" in texts["artifacts"]
    assert together_server.requests == []
    assert _approval(tmp_path) is None  # the CLI can still approve the folder later


def _answer_when_paused(run_input: dict, found: dict) -> threading.Thread:
    """Resume the first PAUSED run with `run_input` once its form is stored, as the UI's Resume does."""

    def answer() -> None:
        from prefect.client.schemas.filters import FlowRunFilterState, FlowRunFilterStateType
        from prefect.client.schemas.objects import StateType

        paused = FlowRunFilter(state=FlowRunFilterState(type=FlowRunFilterStateType(any_=[StateType.PAUSED])))
        with get_client(sync_client=True) as client:
            for _ in range(PAUSE_WAIT_S * 2):
                runs = client.read_flow_runs(flow_run_filter=paused)
                form = _stored_form(runs[0]) if runs else None
                if form:
                    found["id"], found["form"] = runs[0].id, form
                    resume_flow_run(runs[0].id, run_input=run_input)
                    return
                threading.Event().wait(0.5)

    thread = threading.Thread(target=answer, daemon=True)
    thread.start()
    return thread


def _stored_form(run) -> str | None:
    """The Resume form's schema and description as the server holds them; None until both are saved."""
    from prefect.input.actions import read_flow_run_input
    from prefect.input.run_input import keyset_from_paused_state

    keys = keyset_from_paused_state(run.state)
    schema = read_flow_run_input(key=keys["schema"], flow_run_id=run.id)
    description = read_flow_run_input(key=keys["description"], flow_run_id=run.id)
    if schema is None or description is None:
        return None
    return json.dumps(schema) + "\n" + str(description)


def test_uploads_when_reviewer_approves_through_resume(
    prefect_api, tmp_path: Path, together_server: TogetherServer, canaries: dict[str, str]
) -> None:
    found: dict = {}
    thread = _answer_when_paused({"decision": "approve", "reviewer": "alice", "comment": "looks clean"}, found)
    state = _run(tmp_path, review="reviewer", upload=True, review_timeout_s=PAUSE_WAIT_S)
    thread.join(timeout=5)
    outcome = state.result()
    assert state.is_completed(), state.message
    approval = _approval(tmp_path)
    assert approval.approved and approval.reviewer == "alice" and approval.source.value == "prefect"
    assert len(outcome.uploads) == 1 and outcome.uploads[0].file_id in together_server.files
    assert "conversational.jsonl" in found["form"]  # the report summary sits above the form
    texts = _flow_run_texts(found["id"]) | {"form": found["form"]}
    leaks = [(name, where) for name, value in canaries.items() for where, text in texts.items() if value in text]
    assert leaks == []


def test_records_rejection_and_uploads_nothing_when_reviewer_rejects(
    prefect_api, tmp_path: Path, together_server: TogetherServer
) -> None:
    thread = _answer_when_paused({"decision": "reject", "reviewer": "bob", "comment": "names left in"}, {})
    state = _run(tmp_path, review="reviewer", upload=True, review_timeout_s=PAUSE_WAIT_S)
    thread.join(timeout=5)
    outcome = state.result()
    assert state.is_completed()
    assert outcome.reviews[0].approved is False and outcome.reviews[0].decided_by == "reviewer"
    approval = _approval(tmp_path)
    assert approval.approved is False and approval.reviewer == "bob"
    assert together_server.requests == []


def test_names_run_from_dataset_name_when_run(prefect_api, tmp_path: Path) -> None:
    state = _run(tmp_path, dataset_name="weekly-chats")
    with get_client(sync_client=True) as client:
        run = client.read_flow_run(state.state_details.flow_run_id)
    assert run.name.startswith("weekly-chats-") and "conversational" not in run.name
    assert str(tmp_path) not in run.name


@pytest.mark.parametrize(
    "dataset_name",
    [
        "Customer Acme",  # spaces and capitals: could be a customer's name
        "../etc",  # path characters
        "-leading-dash",  # near-miss: dash first
    ],
)
def test_refuses_to_start_when_dataset_name_unsafe(prefect_api, tmp_path: Path, dataset_name: str) -> None:
    state = _run(tmp_path, dataset_name=dataset_name)
    assert state.is_failed() and "dataset_name" in state.message
    with get_client(sync_client=True) as client:
        run = client.read_flow_run(state.state_details.flow_run_id)
    assert dataset_name not in run.name  # the unchecked value never became the run's name
    assert not (tmp_path / "out").exists()


def test_sanitizes_only_new_file_in_new_run_folder_when_run_folders_on(prefect_api, tmp_path: Path) -> None:
    import shutil

    inbox, out = tmp_path / "inbox", tmp_path / "runs"
    inbox.mkdir()
    shutil.copyfile(SAMPLES / "instruction.jsonl", inbox / "instruction.jsonl")
    params = {"input_path": str(inbox), "output_dir": str(out), "run_folders": True, "keep_runs": 5,
              "detection": {"detectors": ["secrets"]}, "policy": {"auto_approve": True}}
    first = sanitize_dataset(**params, return_state=True).result()
    shutil.copyfile(SAMPLES / "text.jsonl", inbox / "text.jsonl")
    second = sanitize_dataset(**params, return_state=True).result()

    assert Path(first.run_folder).parent == Path(second.run_folder).parent == out
    assert first.run_folder != second.run_folder
    assert [f.reused_from for f in first.files] == [None]
    reused = {f.file: f.reused_from for f in second.files}
    assert reused == {"instruction.jsonl": str(Path(first.run_folder) / "instruction"), "text.jsonl": None}
    assert [r.file for r in second.reviews] == ["text.jsonl"]  # the reused file is not decided again
    assert "1 file(s) unchanged since an earlier run" in second.message
    assert sorted(p.name for p in Path(second.run_folder).iterdir()) == ["run.json", "text"]
