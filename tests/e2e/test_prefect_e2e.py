"""End to end: a real Prefect server and worker run the deployments of prefect.yaml.

The reviewer deployment is triggered through the REST API, waits PAUSED, and is resumed through
the API (and, in test_prefect_ui.py, through the UI's own Resume form in headless Chromium). Uploads
reach the Together test server (a separate process) through the real SDK. The last test scans the
Prefect database, result storage and every log for the canaries planted in data-samples/.
"""

import json
from pathlib import Path

import pytest

from tests.e2e.stack import ROOT, PrefectStack

pytestmark = pytest.mark.slow

SAMPLE = ROOT / "data-samples" / "conversational.jsonl"


def _params(out: Path, **extra: object) -> dict:
    return {"input_path": str(SAMPLE), "output_dir": str(out), "upload": True, "review_timeout_s": 600,
            "dataset_name": "e2e", **extra}


def test_uploads_when_reviewer_approves_through_api(prefect_stack: PrefectStack, tmp_path: Path) -> None:
    before = len(prefect_stack.together_files())
    run_id = prefect_stack.run_deployment("sanitize-on-demand", _params(tmp_path / "run"))
    prefect_stack.wait_for_state(run_id, "PAUSED")
    form = prefect_stack.wait_for_form(run_id)
    assert {"approved", "reviewer", "comment"} <= set(form["properties"])

    prefect_stack.post(f"/flow_runs/{run_id}/resume",
                       {"run_input": {"approved": True, "reviewer": "alice", "comment": "ok"}})
    run = prefect_stack.wait_for_state(run_id, "COMPLETED")

    assert run["name"].startswith("e2e-")
    files = prefect_stack.together_files()
    assert len(files) == before + 1
    approval = json.loads((tmp_path / "run" / "approval.json").read_text())
    assert approval["approved"] is True and approval["source"] == "prefect" and approval["reviewer"] == "alice"
    upload = json.loads((tmp_path / "run" / "upload.json").read_text())
    assert upload["file_id"] in {f["id"] for f in files}
    assert upload["key_hint"] == "…" + prefect_stack.together_key[-4:]  # key came from the Secret block
    keys = {a["key"] for a in prefect_stack.artifacts(run_id)}
    assert {"sanitize-summary-e2e", "sanitize-findings-e2e", "sanitize-outcome-e2e"} <= keys


def test_uploads_nothing_when_reviewer_rejects_through_api(prefect_stack: PrefectStack, tmp_path: Path) -> None:
    before = len(prefect_stack.together_files())
    run_id = prefect_stack.run_deployment("sanitize-on-demand", _params(tmp_path / "run"))
    prefect_stack.wait_for_state(run_id, "PAUSED")
    prefect_stack.wait_for_form(run_id)

    prefect_stack.post(f"/flow_runs/{run_id}/resume",
                       {"run_input": {"approved": False, "reviewer": "bob", "comment": "names left in"}})
    prefect_stack.wait_for_state(run_id, "COMPLETED")

    assert len(prefect_stack.together_files()) == before
    approval = json.loads((tmp_path / "run" / "approval.json").read_text())
    assert approval["approved"] is False and approval["reviewer"] == "bob"
    assert not (tmp_path / "run" / "upload.json").exists()


def test_refuses_resume_input_when_fields_unknown(prefect_stack: PrefectStack, tmp_path: Path) -> None:
    import httpx

    run_id = prefect_stack.run_deployment("sanitize-on-demand", _params(tmp_path / "run", upload=False))
    prefect_stack.wait_for_state(run_id, "PAUSED")
    prefect_stack.wait_for_form(run_id)
    bad = {"run_input": {"approved": True, "reviewer": "mallory", "api_key": "not-a-field"}}
    response = httpx.post(f"{prefect_stack.api}/flow_runs/{run_id}/resume", json=bad, timeout=30)
    assert response.status_code >= 400 or response.json().get("status") in {"REJECT", "ABORT"}
    assert prefect_stack.get(f"/flow_runs/{run_id}")["state"]["type"] == "PAUSED"
    # Leave nothing waiting: a valid rejection ends the run.
    prefect_stack.post(f"/flow_runs/{run_id}/resume",
                       {"run_input": {"approved": False, "reviewer": "mallory"}})
    prefect_stack.wait_for_state(run_id, "COMPLETED")


def test_runs_nightly_deployment_by_policy_without_pausing(prefect_stack: PrefectStack, tmp_path: Path) -> None:
    params = {"input_path": str(ROOT / "data-samples"), "output_dir": str(tmp_path / "nightly")}
    run_id = prefect_stack.run_deployment("sanitize-nightly", params)
    run = prefect_stack.wait_for_state(run_id, "COMPLETED")
    assert run["name"].startswith("nightly-")
    approvals = {p.parent.name: json.loads(p.read_text()) for p in (tmp_path / "nightly").glob("*/approval.json")}
    assert approvals and all(a["source"] == "policy" for a in approvals.values())
    assert "malformed" not in approvals  # rejected by policy: never approved


PROBE = """
import logging, os
from prefect import flow, get_run_logger
from prefect.runtime import flow_run

@flow(name="redaction-probe")
def probe(aws: str) -> str:
    key = os.environ["TOGETHER_API_KEY"]
    get_run_logger().info("probe run logger: key %s", key)
    logging.getLogger("pipelines.e2e_probe").warning("probe project logger: key " + key + " and " + aws)
    return str(flow_run.id)

print(probe("AKIA" + "E2EPROBE7Q2M5TXY"))
"""


def test_redacts_keys_when_a_flow_run_logs_them(prefect_stack: PrefectStack) -> None:
    fake_key = "tgp_v1_" + "probe" * 8 + "Q7x"
    run_id = prefect_stack.python(PROBE, extra_env={"TOGETHER_API_KEY": fake_key}).strip().splitlines()[-1]
    logs = prefect_stack.run_logs(run_id)
    messages = [log["message"] for log in logs]
    probes = [m for m in messages if m.startswith("probe")]
    assert len(probes) == 2, messages  # the project's logger reaches the run logs too
    assert any(log["name"] == "pipelines.e2e_probe" for log in logs)
    text = json.dumps(logs)
    assert fake_key not in text and "AKIA" + "E2EPROBE7Q2M5TXY" not in text
    assert all("[REDACTED" in m for m in probes)


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


def test_resumes_with_approval_when_reviewer_submits_ui_form(prefect_stack: PrefectStack, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} not found: the UI test needs Debian's chromium; run `make system-deps`")
    run_id = prefect_stack.run_deployment("sanitize-on-demand", _params(tmp_path / "run", upload=False))
    prefect_stack.wait_for_state(run_id, "PAUSED")
    prefect_stack.wait_for_form(run_id)

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(f"{prefect_stack.ui}/runs/flow-run/{run_id}")
            page.get_by_role("button", name="Resume").click()
            dialog = page.get_by_role("dialog")
            # The report summary (counts, decision, no values) sits above the form; the dialog fills in
            # once the UI has fetched the run's input schema, so wait for it rather than read at once.
            expect(dialog).to_contain_text("conversational.jsonl: needs_review", timeout=60_000)
            dialog.get_by_role("switch").click()  # approved
            dialog.locator("textarea").nth(0).fill("carol")  # reviewer
            dialog.locator("textarea").nth(1).fill("checked in the UI")  # comment
            dialog.get_by_role("button", name="Submit").click()
            prefect_stack.wait_for_state(run_id, "COMPLETED")
        finally:
            browser.close()

    approval = json.loads((tmp_path / "run" / "approval.json").read_text())
    assert approval["approved"] is True and approval["reviewer"] == "carol"
    assert approval["comment"] == "checked in the UI"


def test_no_canary_in_prefect_database_storage_or_logs(prefect_stack: PrefectStack, canaries: dict[str, str]) -> None:
    # Runs last in this module: every run above used data-samples/conversational.jsonl, which holds all
    # the canaries. The database and result storage are read as raw bytes, WAL included.
    home = prefect_stack.home
    stored = [p for p in home.rglob("*") if p.is_file()]
    assert any(p.name == "prefect.db" for p in stored)
    assert any("storage" in p.parts for p in stored), "no persisted result to scan"
    haystacks = {str(p.relative_to(home)): p.read_bytes() for p in stored}
    haystacks |= {f"logs/{p.name}": p.read_bytes() for p in prefect_stack.logs.iterdir()}
    runs = prefect_stack.post("/flow_runs/filter", {"limit": 200}).json()
    assert len(runs) >= 5
    for run in runs:
        haystacks[f"api/run/{run['id']}"] = json.dumps(run).encode()
        haystacks[f"api/logs/{run['id']}"] = json.dumps(prefect_stack.run_logs(run["id"])).encode()
        haystacks[f"api/artifacts/{run['id']}"] = json.dumps(prefect_stack.artifacts(run["id"])).encode()
    assert b"sanitize-summary-e2e" in haystacks["prefect.db"] + haystacks.get("prefect.db-wal", b"")
    leaks = [(name, where) for name, value in canaries.items() for where, data in haystacks.items()
             if value.encode() in data or json.dumps(value)[1:-1].encode() in data]
    assert leaks == []
