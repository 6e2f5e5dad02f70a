"""End to end: a real Prefect server and worker run the deployments of prefect.yaml.

The reviewer deployment is triggered through the REST API and waits suspended (no process) for its
Resume form, which headless Chromium (Debian's) fills in through the Prefect UI: approve, reject, and
a Submit without a choice. The nightly deployment runs twice over a growing folder. Uploads reach the
Together test server (a separate process) through the real SDK. The last test scans the Prefect
database, result storage and every log for the canaries planted in data-samples/.
"""

import json
import shutil
import time
from pathlib import Path

import pytest

from tests.e2e.stack import ROOT, PrefectStack

pytestmark = pytest.mark.slow

SAMPLE = ROOT / "data-samples" / "conversational.jsonl"


def _params(out: Path, **extra: object) -> dict:
    return {"input_path": str(SAMPLE), "output_dir": str(out), "upload": True, "review_timeout_s": 600,
            "dataset_name": "e2e", **extra}


def test_refuses_resume_input_when_fields_unknown(prefect_stack: PrefectStack, tmp_path: Path) -> None:
    import httpx

    run_id = prefect_stack.run_deployment("sanitize-on-demand", _params(tmp_path / "run", upload=False))
    prefect_stack.wait_for_state(run_id, "PAUSED")
    prefect_stack.wait_for_form(run_id)
    bad = {"run_input": {"decision": "approve", "reviewer": "mallory", "api_key": "not-a-field"}}
    response = httpx.post(f"{prefect_stack.api}/flow_runs/{run_id}/resume", json=bad, timeout=30)
    assert response.status_code >= 400 or response.json().get("status") in {"REJECT", "ABORT"}
    assert prefect_stack.get(f"/flow_runs/{run_id}")["state"]["type"] == "PAUSED"
    no_choice = {"run_input": {"reviewer": "mallory"}}  # the decision has no default: it must be chosen
    response = httpx.post(f"{prefect_stack.api}/flow_runs/{run_id}/resume", json=no_choice, timeout=30)
    assert response.status_code >= 400 or response.json().get("status") in {"REJECT", "ABORT"}
    assert prefect_stack.get(f"/flow_runs/{run_id}")["state"]["type"] == "PAUSED"
    # Leave nothing waiting: a valid rejection ends the run.
    prefect_stack.post(f"/flow_runs/{run_id}/resume",
                       {"run_input": {"decision": "reject", "reviewer": "mallory"}})
    prefect_stack.wait_for_state(run_id, "COMPLETED")


def test_nightly_sanitizes_only_new_file_in_new_run_folder_when_run_twice(
    prefect_stack: PrefectStack, tmp_path: Path
) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "nightly"
    inbox.mkdir()
    shutil.copyfile(ROOT / "data-samples" / "instruction.jsonl", inbox / "instruction.jsonl")
    params = {"input_path": str(inbox), "output_dir": str(out), "upload": True}  # the opt-in upload
    before = len(prefect_stack.together_files())

    first_id = prefect_stack.run_deployment("sanitize-nightly", params)
    first = prefect_stack.wait_for_state(first_id, "COMPLETED")
    assert first["name"].startswith("nightly-")
    [first_dir] = list(out.iterdir())
    first_files = {p: p.read_bytes() for p in first_dir.rglob("*") if p.is_file()}
    approval = json.loads((first_dir / "instruction" / "approval.json").read_text())
    assert approval["approved"] is True and approval["source"] == "policy"
    assert (first_dir / "instruction" / "upload.json").exists()  # through the gate, like a reviewer's approval
    assert len(prefect_stack.together_files()) == before + 1

    shutil.copyfile(ROOT / "data-samples" / "text.jsonl", inbox / "text.jsonl")  # the folder grew by one file
    second_id = prefect_stack.run_deployment("sanitize-nightly", params)
    prefect_stack.wait_for_state(second_id, "COMPLETED")

    second_dir = next(p for p in out.iterdir() if p != first_dir)
    assert second_dir.name.endswith(second_id.replace("-", "")[:8]) and second_dir.name[:8].isdigit()
    assert sorted(p.name for p in second_dir.iterdir()) == ["run.json", "text"]  # only the new file
    manifest = {f["file"]: f for f in json.loads((second_dir / "run.json").read_text())["files"]}
    assert manifest["instruction.jsonl"]["reused"] is True
    assert manifest["instruction.jsonl"]["folder"] == f"{first_dir.name}/instruction"
    assert manifest["text.jsonl"]["reused"] is False
    assert {p: p.read_bytes() for p in first_dir.rglob("*") if p.is_file()} == first_files  # untouched
    sanitized_logs = [log["message"] for log in prefect_stack.run_logs(second_id)
                      if "already sanitized in" in log["message"]]
    assert len(sanitized_logs) == 1


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


# Debian's chromium (`make system-deps`); Playwright's own browser download is never needed.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


def _suspended_without_process(prefect_stack: PrefectStack, run_id: str) -> None:
    """The run waits suspended, and neither it nor anything else runs under the worker meanwhile."""
    run = prefect_stack.wait_for_state(run_id, "PAUSED")
    assert run["state"]["name"] == "Suspended"
    prefect_stack.wait_for_form(run_id)
    prefect_stack.wait_for_no_flow_process()


@pytest.mark.parametrize("choice", ["approve", "reject"])
def test_decides_when_reviewer_submits_ui_form_of_suspended_run(
    prefect_stack: PrefectStack, tmp_path: Path, choice: str
) -> None:
    from playwright.sync_api import expect, sync_playwright

    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} not found: the UI test needs Debian's chromium; run `make system-deps`")
    before = len(prefect_stack.together_files())
    run_id = prefect_stack.run_deployment("sanitize-on-demand", _params(tmp_path / "run"))
    _suspended_without_process(prefect_stack, run_id)

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        try:
            page.goto(f"{prefect_stack.ui}/runs/flow-run/{run_id}")
            page.get_by_role("button", name="Resume").click()
            dialog = page.get_by_role("dialog")
            # What is being approved sits above the form; the dialog fills in once the UI has fetched
            # the run's input schema, so wait for it rather than read at once.
            expect(dialog).to_contain_text("conversational.jsonl", timeout=60_000)
            text = dialog.inner_text()
            assert "needs_review" in text and "lines:" in text and "values replaced" in text
            assert "ft-sanitizer" not in text and "file://" not in text  # no CLI advice, no worker-only link
            link = dialog.get_by_role("link", name="full sha256 and report")
            href = link.get_attribute("href")
            assert "/artifacts/artifact/" in href
            report = json.loads((tmp_path / "run" / "report.json").read_text())
            assert report["sanitized_sha256"][:12] in text and report["sanitized_sha256"] not in text

            dialog.locator("textarea").nth(0).fill("carol")  # reviewer; no decision chosen yet
            dialog.get_by_role("button", name="Submit").click()
            expect(dialog).to_contain_text("'decision' is a required property", timeout=10_000)
            assert dialog.is_visible()  # not submitted: the choice is missing
            assert prefect_stack.get(f"/flow_runs/{run_id}")["state"]["name"] == "Suspended"

            _choose(dialog, choice)
            dialog.locator("textarea").nth(1).fill(f"{choice} in the UI")  # comment
            _submit(prefect_stack, dialog, run_id)
            prefect_stack.wait_for_state(run_id, "COMPLETED")
        except BaseException:
            page.screenshot(path=str(prefect_stack.logs / f"resume-form-{choice}.png"))
            (prefect_stack.logs / f"resume-form-{choice}.html").write_text(page.content())
            raise
        finally:
            browser.close()

    # Resumed, the run started over and took the sanitize step from its persisted result: sanitized once.
    messages = [log["message"] for log in prefect_stack.run_logs(run_id)]
    assert sum(m.startswith("file 1/1: ") for m in messages) == 1, messages
    artifact = prefect_stack.get(f"/artifacts/{href.rsplit('/', 1)[1]}")
    assert report["sanitized_sha256"] in artifact["data"]  # the full hash is one click away
    approval = json.loads((tmp_path / "run" / "approval.json").read_text())
    assert approval["approved"] is (choice == "approve") and approval["reviewer"] == "carol"
    assert approval["source"] == "prefect" and approval["comment"] == f"{choice} in the UI"
    uploaded = len(prefect_stack.together_files()) - before
    if choice == "approve":
        upload = json.loads((tmp_path / "run" / "upload.json").read_text())
        assert uploaded == 1 and upload["key_hint"] == "…" + prefect_stack.together_key[-4:]  # Secret block
        keys = {a["key"] for a in prefect_stack.artifacts(run_id)}
        assert {"sanitize-summary-e2e", "sanitize-report-e2e-conversational", "sanitize-outcome-e2e"} <= keys
    else:
        assert uploaded == 0 and not (tmp_path / "run" / "upload.json").exists()


def _submit(prefect_stack: PrefectStack, dialog, run_id: str, tries: int = 3, within_s: float = 30) -> None:
    """Submit the filled form; submit again, as a reviewer would, while the UI keeps the form open.

    On a loaded machine Prefect's SQLite database can refuse a write at once ("database is locked": a
    read transaction upgraded while another writes; the busy timeout does not cover it). The UI then shows
    "Something went wrong", keeps the form open, and the run stays Suspended. A resume that went through
    closes the form.
    """
    for _ in range(tries):
        dialog.get_by_role("button", name="Submit").click()
        deadline = time.monotonic() + within_s
        while time.monotonic() < deadline:
            if prefect_stack.get(f"/flow_runs/{run_id}")["state"]["name"] != "Suspended":
                return
            time.sleep(1)
        if not dialog.is_visible():
            return  # submitted; wait_for_state reports what happens next


def _choose(dialog, choice: str) -> None:
    """Pick `choice` in the decision field (the UI's select opens from the keyboard; a click toggles it)."""
    dialog.locator(".p-select-button__control").first.focus()
    dialog.page.keyboard.press("ArrowDown")
    dialog.page.get_by_role("option", name=choice, exact=True).click()


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
