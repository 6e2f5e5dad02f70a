"""Throughput and memory of ft-sanitizer, side by side with the plain-Presidio baseline, in one run.

Every measured program runs as its own process (the installed CLI, or benchmarks/baseline_presidio.py),
timed from start to exit (model loading included for both sides) while a sampler records the peak RSS
of the whole process tree (worker processes included). Results print as a table and go to
`--out/results.json`.

    .venv/bin/python benchmarks/bench.py                      # make bench (with a 200 MB run): ~8 min
    .venv/bin/python benchmarks/bench.py --memory-mb 200,2000 # also 2 GB (+2 min, 6 GB of disk)

ft-sanitizer rows on the full and secrets files report the median of `--repeat` runs (default 3); the
baseline and the memory runs run once.
"""

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from make_chat_data import generate


def measure(cmd: list[str]) -> dict:
    """Run `cmd`; wall seconds and peak RSS (MiB) of its process tree, sampled every 50 ms."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        root = psutil.Process(proc.pid)
        while not stop.is_set():
            try:
                tree = [root, *root.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
            except psutil.Error:
                pass
            stop.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - started
    stop.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:3])} failed with exit {proc.returncode}:\n{err[-3000:]}")
    return {"seconds": round(seconds, 2), "peak_rss_mib": round(peak / 2**20, 1), "stdout": out}


def median_of(runs: int, run) -> dict:
    """`run()` `runs` times: the median time (this machine's timings vary by 10-20% run to run) and the
    highest peak RSS."""
    results = sorted((run() for _ in range(runs)), key=lambda r: r["seconds"])
    middle = results[len(results) // 2]
    return {**middle, "peak_rss_mib": max(r["peak_rss_mib"] for r in results), "runs": runs}


def records_in(path: Path) -> int:
    with path.open("rb") as f:
        return sum(1 for line in f if line.strip())


def row(name: str, path: Path, result: dict, baseline_s: float | None = None) -> dict:
    size_mb = path.stat().st_size / 1e6
    r = {"run": name, "file_mb": round(size_mb, 2), "records": records_in(path), "runs": 1, **{
        k: v for k, v in result.items() if k != "stdout"}}
    r["mb_per_s"] = round(size_mb / result["seconds"], 4)
    r["records_per_s"] = round(r["records"] / result["seconds"], 1)
    if baseline_s:
        r["x_baseline"] = round(baseline_s / result["seconds"], 1)
    return r


def sanitize(path: Path, out: Path, workers: int, detectors: str, dask_address: str | None = None) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    where = ["--dask-address", dask_address] if dask_address else ["--workers", str(workers)]
    return measure([str(BIN / "ft-sanitizer"), "sanitize", str(path), "--out", str(out),
                    "--detectors", detectors, *where])


def on_dask(path: Path, out: Path, workers: int) -> dict:
    """Secrets only on a real Dask LocalCluster of `workers` processes (started before the clock runs;
    its workers' memory is not in the peak RSS, which covers the CLI's process tree only)."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                      host="127.0.0.1") as cluster:
        return sanitize(path, out, workers, "secrets", dask_address=cluster.scheduler_address)


def replicate(src: Path, dst: Path, mb: float) -> Path:
    """A file of about `mb` MB made of copies of `src` (for memory runs: content repeats, size grows)."""
    target = int(mb * 1e6)
    data = src.read_bytes()
    with dst.open("wb") as f:
        written = 0
        while written < target:
            f.write(data)
            written += len(data)
    return dst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "bench")
    parser.add_argument("--full-mb", type=float, default=3.0, help="chat file for full detection vs baseline")
    parser.add_argument("--secrets-mb", type=float, default=40.0, help="chat file for secrets-only runs")
    parser.add_argument("--memory-mb", default="200",
                        help="comma-separated sizes (MB) of secrets-only runs on larger files, for sustained "
                             "throughput and memory flatness, e.g. 200,2000; '' for none")
    parser.add_argument("--skip-baseline", action="store_true")
    parser.add_argument("--skip-dask", action="store_true", help="skip the run on a Dask LocalCluster")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each ft-sanitizer row on the full and secrets files (median reported)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    rows: list[dict] = []

    chat = args.out / "chat.jsonl"
    generate(chat, args.full_mb)
    baseline_s = None
    if not args.skip_baseline:
        base = measure([sys.executable, str(ROOT / "benchmarks" / "baseline_presidio.py"), "--input", str(chat),
                        "--output", str(args.out / "baseline.jsonl")])
        baseline_s = base["seconds"]
        rows.append(row("plain Presidio (baseline)", chat, base))
    for workers in (1, 2):
        rows.append(row(f"ft-sanitizer full, {workers} worker(s)", chat, median_of(
            args.repeat, lambda w=workers: sanitize(chat, args.out / f"full-{w}", w, "pii,secrets")), baseline_s))

    big = args.out / "chat-secrets.jsonl"
    generate(big, args.secrets_mb, seed=11)
    for workers in (1, 2):
        rows.append(row(f"ft-sanitizer secrets only, {workers} worker(s)", big, median_of(
            args.repeat, lambda w=workers: sanitize(big, args.out / f"secrets-{w}", w, "secrets"))))
    if not args.skip_dask:
        rows.append(row("ft-sanitizer secrets only, Dask LocalCluster (2 processes)", big,
                        median_of(args.repeat, lambda: on_dask(big, args.out / "secrets-dask", 2))))

    for mb in [float(x) for x in args.memory_mb.split(",") if x.strip()]:
        path = replicate(big, args.out / f"memory-{int(mb)}.jsonl", mb)
        rows.append(row(f"secrets only, 2 workers, {int(mb)} MB (copies of the secrets file)", path,
                        sanitize(path, args.out / f"memory-{int(mb)}", 2, "secrets")))
        path.unlink()

    machine = {"cpus": os.cpu_count(), "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
               "python": platform.python_version(), "machine": platform.machine(),
               "processor": platform.processor() or platform.machine()}
    (args.out / "results.json").write_text(json.dumps({"machine": machine, "rows": rows}, indent=2) + "\n")
    cols = ["run", "file_mb", "records", "runs", "seconds", "mb_per_s", "records_per_s", "x_baseline",
            "peak_rss_mib"]
    print(f"machine: {machine}")
    print(" | ".join(cols))
    print(" | ".join("---" for _ in cols))
    for r in rows:
        print(" | ".join(str(r.get(c, "")) for c in cols))


if __name__ == "__main__":
    main()
