"""A real Prefect stack for end-to-end tests: server, work pool, deployments, worker, Together test server.

Every process is started here with `subprocess.Popen` (no shell), so the PID held is the process's
own, and `PrefectStack.stop` ends exactly those PIDs: the worker (and the flow-run processes it
started) first, then the Together test server, then the Prefect server.
"""

import json
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
POOL = "ft-sanitizer-pool"
KEY_BLOCK = "together-e2e"
# Ceilings for waits on processes and runs; generous because the machine has 2 cores.
STARTUP_S = 120
STOP_S = 30


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _children(pid: int) -> list[int]:
    """PIDs whose parent is `pid` (the flow-run processes a worker started)."""
    kids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            kids.append(int(stat.parent.name))
    return kids


def _stop(proc: subprocess.Popen | None) -> None:
    if proc is None or proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=STOP_S)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=STOP_S)


@dataclass
class PrefectStack:
    """Handles on the running stack, and helpers to talk to its REST API like the UI does."""

    home: Path
    port: int
    together_key: str
    env: dict[str, str]
    logs: Path
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)
    together_port: int = 0

    @property
    def api(self) -> str:
        """Base URL of the Prefect REST API."""
        return f"http://127.0.0.1:{self.port}/api"

    @property
    def ui(self) -> str:
        """Base URL of the Prefect UI."""
        return f"http://127.0.0.1:{self.port}"

    # -- processes -------------------------------------------------------------------------------

    def _popen(self, name: str, args: list[str], env: dict[str, str] | None = None) -> subprocess.Popen:
        log = open(self.logs / f"{name}.log", "ab")  # noqa: SIM115 - closed with the process
        proc = subprocess.Popen(
            [sys.executable, *args], cwd=ROOT, env=env or self.env, stdout=log, stderr=subprocess.STDOUT
        )
        self.processes[name] = proc
        return proc

    def _cli(self, *args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "prefect", *args], check=False, cwd=ROOT, env=self.env, capture_output=True, text=True,
            timeout=STARTUP_S,
        )
        assert done.returncode == 0, f"prefect {' '.join(args)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
        return done.stdout

    def start(self) -> "PrefectStack":
        """Server, pool, Secret block, deployments, Together test server, worker; in that order."""
        self._popen("server", ["-m", "prefect", "server", "start"])
        self._wait_healthy()
        self._cli("work-pool", "create", POOL, "--type", "process")
        self.python(f"from prefect.blocks.system import Secret; Secret(value={self.together_key!r}).save("
                    f"{KEY_BLOCK!r}, overwrite=True)")
        self._cli("--no-prompt", "deploy", "--all")
        self._start_together_server()
        # The worker has no TOGETHER_API_KEY: the upload task must read the key from the Secret block.
        worker_env = {**self.env, "TOGETHER_BASE_URL": f"http://127.0.0.1:{self.together_port}"}
        # The project's worker entry point (as `make serve` starts it): it stops within a second on SIGTERM.
        self._popen("worker", [str(ROOT / "scripts" / "worker.py"), "--pool", POOL], env=worker_env)
        return self

    def _wait_healthy(self) -> None:
        deadline = time.monotonic() + STARTUP_S
        while time.monotonic() < deadline:
            assert self.processes["server"].poll() is None, f"prefect server exited; see {self.logs}/server.log"
            try:
                if httpx.get(f"{self.api}/health", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        raise AssertionError(f"prefect server not healthy within {STARTUP_S} s; see {self.logs}/server.log")

    def _start_together_server(self) -> None:
        env = {**self.env, "TOGETHER_API_KEY": self.together_key}
        proc = subprocess.Popen(
            [sys.executable, "-m", "tests.together_server"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
            stderr=open(self.logs / "together.log", "ab"),  # noqa: SIM115
            text=True,
        )
        self.processes["together"] = proc
        self.together_port = int(proc.stdout.readline().strip())

    def python(self, code: str, extra_env: dict[str, str] | None = None) -> str:
        """Run `code` in a fresh interpreter pointed at this server; return its stdout."""
        done = subprocess.run(
            [sys.executable, "-c", code], check=False, cwd=ROOT, env={**self.env, **(extra_env or {})},
            capture_output=True, text=True, timeout=STARTUP_S,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return done.stdout

    def wait_for_no_flow_process(self, within_s: float = 60) -> None:
        """Wait until the worker has no child process left (a suspended run's process has exited)."""
        worker = self.processes["worker"]
        deadline = time.monotonic() + within_s
        while _children(worker.pid):
            if time.monotonic() > deadline:
                raise AssertionError(f"worker still runs {_children(worker.pid)} after {within_s} s; see {self.logs}")
            time.sleep(0.5)

    def stop(self) -> None:
        """Stop what `start` started, by PID: worker and its flow runs, Together server, Prefect server."""
        worker = self.processes.get("worker")
        if worker is not None and worker.poll() is None:
            orphans = _children(worker.pid)
            _stop(worker)
            for pid in orphans:  # flow-run processes (e.g. a run still paused after a failed test)
                if Path(f"/proc/{pid}").exists():
                    os.kill(pid, signal.SIGTERM)
        _stop(self.processes.get("together"))
        _stop(self.processes.get("server"))

    # -- REST API, as the UI uses it ---------------------------------------------------------------

    def post(self, path: str, body: dict | None = None) -> httpx.Response:
        """POST to the Prefect API; fails the test on an error status."""
        response = _busy_retry(lambda: httpx.post(f"{self.api}{path}", json=body or {}, timeout=30))
        assert response.status_code < 400, f"POST {path}: {response.status_code} {response.text[:500]}"
        return response

    def get(self, path: str) -> dict:
        """GET from the Prefect API."""
        response = _busy_retry(lambda: httpx.get(f"{self.api}{path}", timeout=30))
        assert response.status_code < 400, f"GET {path}: {response.status_code} {response.text[:500]}"
        return response.json()

    def run_deployment(self, name: str, parameters: dict) -> str:
        """Create a flow run of deployment `sanitize-dataset/<name>`; return its id."""
        deployment = self.get(f"/deployments/name/sanitize-dataset/{name}")
        return self.post(f"/deployments/{deployment['id']}/create_flow_run", {"parameters": parameters}).json()["id"]

    def wait_for_state(self, flow_run_id: str, *types: str, within_s: float = 300) -> dict:
        """Poll the run until its state type is one of `types`; return the run."""
        deadline = time.monotonic() + within_s
        run = self.get(f"/flow_runs/{flow_run_id}")
        while time.monotonic() < deadline:
            run = self.get(f"/flow_runs/{flow_run_id}")
            state = run.get("state") or {}
            if state.get("type") in types:
                return run
            if state.get("type") in {"FAILED", "CRASHED", "CANCELLED"}:
                raise AssertionError(f"run ended {state.get('type')}: {state.get('message')}; see {self.logs}")
            time.sleep(1)
        raise AssertionError(f"run not in {types} within {within_s} s (last: {run.get('state')}); see {self.logs}")

    def wait_for_form(self, flow_run_id: str, within_s: float = 60) -> dict:
        """The paused run's Resume form schema, once the flow has stored it."""
        run = self.get(f"/flow_runs/{flow_run_id}")
        details = run["state"]["state_details"]
        base = f"{run['state']['name'].lower()}-{details['pause_key']}"
        deadline = time.monotonic() + within_s
        while time.monotonic() < deadline:
            response = httpx.get(f"{self.api}/flow_runs/{flow_run_id}/input/{base}-schema", timeout=30)
            if response.status_code == 200:
                return json.loads(response.text)  # the stored value, JSON text
            time.sleep(0.5)
        raise AssertionError(f"no Resume form stored for run {flow_run_id} within {within_s} s")

    def run_logs(self, flow_run_id: str) -> list[dict]:
        """Every log line the run sent to the API."""
        body = {"logs": {"flow_run_id": {"any_": [flow_run_id]}}, "sort": "TIMESTAMP_ASC", "limit": 200}
        return self.post("/logs/filter", body).json()

    def artifacts(self, flow_run_id: str) -> list[dict]:
        """The run's artifacts."""
        return self.post("/artifacts/filter", {"flow_runs": {"id": {"any_": [flow_run_id]}}}).json()

    def together_files(self) -> list[dict]:
        """GET /v1/files on the Together test server."""
        response = httpx.get(
            f"http://127.0.0.1:{self.together_port}/v1/files",
            headers={"Authorization": f"Bearer {self.together_key}"}, timeout=30,
        )
        response.raise_for_status()
        return response.json()["data"]


def _busy_retry(send, attempts: int = 15, pause_s: float = 1.0) -> httpx.Response:
    """Send again while the server answers 503: its SQLite database is busy under load (not applied)."""
    response = send()
    for _ in range(attempts - 1):
        if response.status_code != 503:
            break
        time.sleep(pause_s)
        response = send()
    return response
