"""Chunked runs: the same bytes for any number of workers, on Dask, and after a crash and a rerun."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipelines.stages.run_stats import RunStats
from pipelines.stages.sanitize_chunk import run_chunk_job
from pipelines.stages.sanitize_file import OrderedMerge, merge_chunks, output_paths, plan_file, sanitize_file
from schemas.run_config import DetectionOptions, Detectors, RunConfig

CLI = str(Path(sys.executable).with_name("ft-sanitizer"))
SECRETS_ONLY = RunConfig(detection=DetectionOptions(detectors=frozenset({Detectors.SECRETS})))
CHUNK = 4096  # bytes: many chunks from a small file


def make_file(path: Path, n: int) -> Path:
    rows = []
    for i in range(n):
        if i % 97 == 5:
            rows.append("{not json")
        elif i % 13 == 0:
            rows.append(json.dumps({"messages": [
                {"role": "user", "content": f"I'm Maria Gonzalez, ticket {i}, mail maria.g{i % 7}@example.org"},
                {"role": "assistant", "content": "Thanks Maria Gonzalez, key tgp_v1_" + "FAKEchunkTEST" + f"{i:030d}"}]}))
        else:
            rows.append(json.dumps({"messages": [{"role": "user", "content": f"How do I resize volume {i}?"},
                                                 {"role": "assistant", "content": "Use the console."}]}))
    path.write_text("\n".join(rows) + "\n")
    return path


def outputs(out) -> tuple[bytes, bytes]:
    return out.sanitized_path.read_bytes(), out.quarantine_path.read_bytes()


def test_gives_same_bytes_when_workers_differ(tmp_path, full_detector):
    src = make_file(tmp_path / "in.jsonl", 400)
    one = sanitize_file(src, tmp_path / "w1", RunConfig(), full_detector, workers=1, chunk_bytes=CHUNK)
    two = sanitize_file(src, tmp_path / "w2", RunConfig(), None, workers=2, chunk_bytes=CHUNK)
    whole = sanitize_file(src, tmp_path / "w0", RunConfig(), full_detector, workers=1)
    assert outputs(one) == outputs(two) == outputs(whole)
    assert one.sanitized_sha256 == two.sanitized_sha256 == whole.sanitized_sha256
    assert one.stats.findings == two.stats.findings == whole.stats.findings
    assert one.stats.records_total == 400 and one.stats.balanced
    assert not (tmp_path / "w2" / ".work").exists()


def test_keeps_line_numbers_when_chunks_split_the_file(tmp_path, secrets_detector):
    src = make_file(tmp_path / "in.jsonl", 400)
    out = sanitize_file(src, tmp_path / "o", SECRETS_ONLY, secrets_detector, workers=1, chunk_bytes=CHUNK)
    lines = [json.loads(q)["line"] for q in out.quarantine_path.read_text().splitlines()]
    assert lines == [i + 1 for i in range(400) if i % 97 == 5]


@pytest.mark.slow
def test_gives_same_bytes_when_chunks_run_on_dask(tmp_path, secrets_detector):
    from distributed import LocalCluster

    src = make_file(tmp_path / "in.jsonl", 300)
    local = sanitize_file(src, tmp_path / "local", SECRETS_ONLY, secrets_detector, workers=1, chunk_bytes=CHUNK)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      host="127.0.0.1") as cluster:
        remote = sanitize_file(src, tmp_path / "dask", SECRETS_ONLY, None, dask_address=cluster.scheduler_address,
                               chunk_bytes=CHUNK)
    assert outputs(local) == outputs(remote)
    assert local.stats.findings == remote.stats.findings


@pytest.mark.slow
def test_resumes_and_matches_when_killed_midway(tmp_path):
    src = make_file(tmp_path / "in.jsonl", 3000)
    args = [CLI, "--log-level", "INFO", "sanitize", str(src), "--detectors", "secrets", "--workers", "1",
            "--chunk-mb", str(CHUNK / 1024 / 1024), "--batch-size", "8"]
    clean = subprocess.run(args + ["--out", str(tmp_path / "clean")], check=False, capture_output=True, text=True, timeout=600)
    assert clean.returncode == 0, clean.stderr

    crashed = tmp_path / "crashed"
    proc = subprocess.Popen(args + ["--out", str(crashed)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list(crashed.glob(".work/*/*.stats.json"))) < 5:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    done_before = len(list(crashed.glob(".work/*/*.stats.json")))
    assert done_before >= 5, "the run finished or never started before the kill"
    assert not (crashed / "in.sanitized.jsonl").exists()

    rerun = subprocess.run(args + ["--out", str(crashed)], check=False, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert "resuming" in rerun.stderr and "chunks already done" in rerun.stderr
    for name in ("in.sanitized.jsonl", "in.quarantine.jsonl"):
        assert (crashed / name).read_bytes() == (tmp_path / "clean" / name).read_bytes()
    report = json.loads((crashed / "report.json").read_text())
    assert report["records_total"] == 3000 == report["records_written"] + report["records_quarantined"]
    assert not (crashed / ".work").exists()
    # The killed run's temporary outputs (written while chunks ran) are gone too.
    assert not list(crashed.glob(".*.tmp"))


def test_freezes_preloaded_objects_and_collects_again_when_worker_starts():
    # In a fresh interpreter: freezing is for worker processes, never for the process running the tests. The
    # collector paused by the fork server's preload (fork_server_gc) runs again in the worker.
    code = "import gc, os\nfrom pipelines.stages.run_chunks import _start_worker\ngc.disable()\n"
    code += "_start_worker(os.getppid())\nprint(gc.get_freeze_count() > 0, gc.isenabled())"
    result = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True"]


def test_restores_garbage_collection_when_chunks_ran_in_process(tmp_path, secrets_detector):
    import gc

    src = make_file(tmp_path / "in.jsonl", 50)
    assert gc.isenabled()
    sanitize_file(src, tmp_path / "out", SECRETS_ONLY, secrets_detector, workers=1, chunk_bytes=CHUNK)
    assert gc.isenabled()


def test_writes_chunks_in_input_order_when_they_finish_out_of_order(tmp_path, secrets_detector):
    src = make_file(tmp_path / "in.jsonl", 300)
    reference = sanitize_file(src, tmp_path / "ref", SECRETS_ONLY, secrets_detector, workers=1, chunk_bytes=CHUNK)
    plan = plan_file(src, tmp_path / "out", SECRETS_ONLY, CHUNK)
    assert len(plan.jobs) >= 4
    merge = OrderedMerge(plan)
    results: dict[int, RunStats] = {}
    for job in reversed(plan.jobs):  # the last chunk finishes first: nothing can be appended yet
        results[job.chunk.index] = run_chunk_job(job)
        merge.done(job.chunk.index)
    out = merge_chunks(plan, [results[j.chunk.index] for j in plan.jobs], merge)
    assert outputs(out) == outputs(reference)
    assert out.sanitized_sha256 == reference.sanitized_sha256
    assert not list((tmp_path / "out").glob(".*.tmp"))


def test_leaves_no_output_when_merge_is_aborted(tmp_path):
    src = make_file(tmp_path / "in.jsonl", 100)
    out_dir = tmp_path / "out"
    plan = plan_file(src, out_dir, SECRETS_ONLY, CHUNK)
    merge = OrderedMerge(plan)
    run_chunk_job(plan.jobs[0])
    merge.done(plan.jobs[0].chunk.index)
    merge.abort()
    merge.abort()  # twice is harmless
    assert not any(path.exists() for path in output_paths(src, out_dir))
    assert not list(out_dir.glob(".*.tmp"))


def test_gives_same_bytes_when_secrets_only_workers_are_forked(tmp_path, secrets_detector):
    src = make_file(tmp_path / "in.jsonl", 400)
    one = sanitize_file(src, tmp_path / "w1", SECRETS_ONLY, secrets_detector, workers=1, chunk_bytes=CHUNK)
    two = sanitize_file(src, tmp_path / "w2", SECRETS_ONLY, None, workers=2, chunk_bytes=CHUNK)
    assert outputs(one) == outputs(two)
    assert one.stats.findings == two.stats.findings


@pytest.mark.parametrize(
    ("detectors", "extra_thread", "early", "expected"),
    [
        ("secrets", False, False, "fork"),
        ("secrets", True, False, "forkserver"),
        ("secrets", False, True, "forkserver"),  # the CLI started the fork server while it planned the file
        ("pii,secrets", False, False, "forkserver"),
    ],
)
def test_forks_workers_only_when_secrets_only_single_threaded_and_no_server_started_early(
        tmp_path, detectors, extra_thread, early, expected):
    big = tmp_path / "in.jsonl"
    big.write_text('{"text": "hello"}\n' * 1000)
    # In a fresh interpreter, so the test runner's own threads and imports play no part.
    code = (
        "import threading\n"
        "from pathlib import Path\n"
        "from pipelines.stages.fork_server import start_early\n"
        "from pipelines.stages.run_chunks import _worker_context\n"
        "from schemas.run_config import DetectionOptions, Detectors, RunConfig\n"
        f"wanted = frozenset(Detectors(d) for d in {detectors!r}.split(','))\n"
        f"if {early}: assert start_early(Path({str(big)!r}), Detectors.PII in wanted, 2, None, 4096)\n"
        "stop = threading.Event()\n"
        f"if {extra_thread}: threading.Thread(target=stop.wait, daemon=True).start()\n"
        "print(_worker_context(RunConfig(detection=DetectionOptions(detectors=wanted))).get_start_method())\n"
        "stop.set()\n"
    )
    result = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected
