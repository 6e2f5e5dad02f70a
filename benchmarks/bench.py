"""Throughput and memory of ft-sanitizer on unique records, side by side with the plain-Presidio baseline.

Every measured program runs as its own process (the installed CLI, benchmarks/baseline_presidio.py, or
detect-secrets), timed from start to exit (model loading included) while a sampler records the peak RSS
of the whole process tree (worker processes included; for the Dask row, the LocalCluster's worker
processes too). CPU seconds (user + system of the program and the workers it waited for) are reported
beside wall seconds: the bench machine is shared, and CPU time moves less than wall time when it is busy.

Files (all records unique: the generator checks it, and the bench counts distinct lines again):
- full: a small support-chat file (`--full-mb`), a credential in about 1 record of 20, for full
  detection against the plain Presidio script (which needs minutes per MB);
- realistic and dense: `--secrets-mb` each, a credential in about 1 record of 20 / in 80% of records,
  for the secrets-only runs (1 and 2 workers, and a Dask LocalCluster of 2 processes);
- a sample of the dense file (`--context-mb`) for detect-secrets, the public scanner a user might pick
  instead (it reports, it does not sanitize); its rate is that of the sample.

    .venv/bin/python benchmarks/bench.py     # make bench

Generated files are kept in `--out` and reused while the generator and sizes stay the same. The
full-detection rows and the secrets-only 2-worker rows report the median of `--repeat` runs (and the
highest peak RSS of them); the other rows run once. Results print as a table and go to `--out/results.json`.
"""

import argparse
import compileall
import hashlib
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT))

from benchmarks.make_chat_data import GENERATOR_VERSION, generate


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


# How often the process tree is sampled (peak RSS; CPU of processes the program does not reap). Each
# sample walks /proc for the tree's children: every 50 ms that cost the 2-core machine 2-7% of a run's
# wall time next to the program (4.82-5.08 s against 4.70-4.74 s unsampled, realistic 200 MB, 2 workers).
SAMPLE_INTERVAL_S = 0.2


def measure(cmd: list[str], extra: Callable[[], list[psutil.Process]] = list, cwd: Path | None = None) -> dict:
    """Run `cmd` (in `cwd`): wall and CPU seconds, peak RSS (MiB) of its process tree plus `extra()` processes."""
    cpu_before = _children_cpu()
    extra_before = sum(_cpu(p) for p in extra())
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=cwd)
    peak = 0
    cpu_seen: dict[int, float] = {}  # CPU seconds per process of the tree, as last sampled
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        root = psutil.Process(proc.pid)
        while not stop.is_set():
            try:
                tree = [root, *root.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in [*tree, *extra()] if p.is_running()))
                for p in tree:
                    cpu_seen[p.pid] = _cpu(p)
            except psutil.Error:
                pass
            stop.wait(SAMPLE_INTERVAL_S)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - started
    stop.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:3])} failed with exit {proc.returncode}:\n{err[-3000:]}")
    # Workers the program waited for are in its rusage; those it did not reap itself (a fork server's
    # children) only in the samples, which miss at most the last SAMPLE_INTERVAL_S of each.
    cpu = max(_children_cpu() - cpu_before, sum(cpu_seen.values()))
    cpu += sum(_cpu(p) for p in extra()) - extra_before
    return {"seconds": round(seconds, 2), "cpu_s": round(cpu, 2), "peak_rss_mib": round(peak / 2**20, 1),
            "stdout": out}


def _cpu(process: psutil.Process) -> float:
    try:
        times = process.cpu_times()
    except psutil.Error:
        return 0.0
    return times.user + times.system


def median_of(runs: int, run: Callable[[], dict]) -> dict:
    """`run()` `runs` times: the median wall and CPU time (each on its own) and the highest peak RSS."""
    results = [run() for _ in range(runs)]
    middle = sorted(results, key=lambda r: r["seconds"])[len(results) // 2]
    return {**middle, "cpu_s": round(statistics.median(r["cpu_s"] for r in results), 2),
            "peak_rss_mib": max(r["peak_rss_mib"] for r in results), "runs": runs,
            "all_seconds": [r["seconds"] for r in results]}


def count_records(path: Path) -> tuple[int, int]:
    """(non-blank lines, distinct non-blank lines) of a JSONL file."""
    seen: set[bytes] = set()
    records = 0
    with path.open("rb") as f:
        for line in f:
            if line.strip():
                records += 1
                seen.add(hashlib.blake2b(line, digest_size=8).digest())
    return records, len(seen)


def dataset(out: Path, name: str, mb: float, seed: int, density: float) -> Path:
    """A generated file of unique records, reused when one with the same parameters exists."""
    path = out / f"{name}-{mb:g}mb-seed{seed}-d{density:g}-v{GENERATOR_VERSION}.jsonl"
    if not path.exists():
        partial = path.with_suffix(".partial")
        started = time.perf_counter()
        generate(partial, mb, seed=seed, density=density)
        partial.rename(path)
        print(f"generated {path.name} in {time.perf_counter() - started:.0f} s", flush=True)
    return path


def row(name: str, path: Path, result: dict, counts: dict[Path, tuple[int, int]],
        baseline_s: float | None = None, size_mb: float | None = None, records: int | None = None) -> dict:
    size_mb = size_mb if size_mb is not None else path.stat().st_size / 1e6
    if records is None:
        records, unique = counts.setdefault(path, count_records(path))
        if unique != records:
            raise SystemExit(f"{path}: {records - unique} repeated records; the bench measures unique records only")
    r = {"run": name, "file": path.name, "file_mb": round(size_mb, 2), "records": records, "runs": 1,
         **{k: v for k, v in result.items() if k != "stdout"}}
    r["mb_per_s"] = round(size_mb / result["seconds"], 3)
    r["records_per_s"] = round(records / result["seconds"], 1)
    if baseline_s:
        r["x_baseline"] = round(baseline_s / result["seconds"], 1)
    print(f"  {name}: {r['seconds']} s, {r['mb_per_s']} MB/s, peak {r['peak_rss_mib']} MiB", flush=True)
    return r


def sanitize(path: Path, out: Path, workers: int, detectors: str, dask_address: str | None = None,
             extra: Callable[[], list[psutil.Process]] = list) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    where = ["--dask-address", dask_address] if dask_address else ["--workers", str(workers)]
    result = measure([str(BIN / "ft-sanitizer"), "sanitize", str(path), "--out", str(out),
                      "--detectors", detectors, *where], extra)
    shutil.rmtree(out, ignore_errors=True)  # 200 MB outputs: do not keep them around
    return result


def on_dask(path: Path, out: Path, workers: int, runs: int) -> dict:
    """Secrets only on a real Dask LocalCluster of `workers` processes (started before the clock runs);
    its worker processes count in the peak RSS and CPU time."""
    from distributed import LocalCluster

    me = psutil.Process()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                      host="127.0.0.1") as cluster:
        cluster_processes = me.children(recursive=True)
        return median_of(runs, lambda: sanitize(path, out, workers, "secrets", cluster.scheduler_address,
                                                 extra=lambda: cluster_processes))


def detect_secrets_sample(src: Path, dst: Path, mb: float) -> Path:
    """The first whole lines of `src` up to about `mb` MB."""
    target = int(mb * 1e6)
    with src.open("rb") as f, dst.open("wb") as out:
        written = 0
        for line in f:
            if written >= target:
                break
            out.write(line)
            written += len(line)
    return dst


def compile_project() -> None:
    """Compile this project's modules to bytecode, as installing a tool does (uv and pip compile what they
    install; `make install` passes --compile-bytecode for the dependencies). The checkout is installed
    editable, and where PYTHONDONTWRITEBYTECODE is set (this machine sets it) every process would compile
    the project's sources again at each import: measured about 0.1 s of each fork server's preload, before
    any worker starts, and 0.03 s of each CLI start. Python checks each file's source stamp, so an edit
    made after this is read from its source as before."""
    for package in ("pipelines", "sanitizers", "schemas", "benchmarks"):
        compileall.compile_dir(str(ROOT / package), quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "bench")
    parser.add_argument("--full-mb", type=float, default=1.5, help="file for full detection vs the baseline")
    parser.add_argument("--secrets-mb", type=float, default=200.0, help="realistic and dense files, each")
    parser.add_argument("--context-mb", type=float, default=2.0, help="sample of the dense file for detect-secrets")
    parser.add_argument("--skip-baseline", action="store_true")
    parser.add_argument("--secrets-only", action="store_true",
                        help="only the secrets-only rows (no full-detection or baseline rows)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts of the secrets rows")
    parser.add_argument("--skip-dask", action="store_true", help="skip the run on a Dask LocalCluster")
    parser.add_argument("--skip-context", action="store_true", help="skip the detect-secrets row")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each ft-sanitizer row (median reported)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    compile_project()
    rows: list[dict] = []
    counts: dict[Path, tuple[int, int]] = {}

    full = None if args.secrets_only else dataset(args.out, "full", args.full_mb, seed=3, density=0.05)
    realistic = dataset(args.out, "realistic", args.secrets_mb, seed=11, density=0.05)
    dense = dataset(args.out, "dense", args.secrets_mb, seed=7, density=0.8)

    baseline_s = None
    if not args.skip_baseline and full is not None:
        base = measure([sys.executable, str(ROOT / "benchmarks" / "baseline_presidio.py"), "--input", str(full),
                        "--output", str(args.out / "baseline.jsonl")])
        baseline_s = base["seconds"]
        rows.append(row("plain Presidio script (baseline), PII + secrets", full, base, counts))
    for workers in (1, 2) if full is not None else ():
        rows.append(row(f"ft-sanitizer, PII + secrets, {workers} worker(s)", full, median_of(
            args.repeat, lambda w=workers: sanitize(full, args.out / f"full-{w}", w, "pii,secrets")), counts,
            baseline_s))

    # The 2-worker rows carry the targets: median of `--repeat`; the 1-worker and Dask rows run once
    # (each of them takes minutes on 200 MB).
    # Dense and realistic side by side for each worker count, so both see the same machine load.
    for workers in args.workers:
        for label, path in (("dense", dense), ("realistic", realistic)):
            rows.append(row(f"ft-sanitizer, secrets only, {label}, {workers} worker(s)", path, median_of(
                args.repeat if workers == 2 else 1,
                lambda w=workers, p=path: sanitize(p, args.out / "secrets", w, "secrets")), counts))
    if not args.skip_dask:
        rows.append(row("ft-sanitizer, secrets only, realistic, Dask LocalCluster (2 processes)", realistic,
                        on_dask(realistic, args.out / "secrets-dask", 2, 1), counts))

    if not args.skip_context:
        sample = detect_secrets_sample(dense, args.out / "dense-sample.jsonl", args.context_mb)
        # From the sample's own folder: detect-secrets silently skips a file outside its working directory
        # (run from the repository on an --out elsewhere, it "scanned" the sample in 0.19 s and found nothing).
        found = measure([str(BIN / "detect-secrets"), "scan", "--all-files", sample.name], cwd=sample.parent)
        report = json.loads(found["stdout"])
        found["findings"] = sum(len(v) for v in report["results"].values())
        if not found["findings"]:
            raise SystemExit(f"detect-secrets reported nothing in {sample}, which holds a credential in most "
                             "records: it did not scan the file; check its version and the command above")
        rows.append(row("detect-secrets 1.5.0 scan (reports only), dense sample", sample, found, counts))

    machine = {"cpus": os.cpu_count(), "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
               "python": platform.python_version(), "machine": platform.machine(),
               "processor": platform.processor() or platform.machine(),
               "load_average_at_end": [round(x, 2) for x in os.getloadavg()]}
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                            check=False).stdout
    (args.out / "results.json").write_text(json.dumps({"machine": machine, "commit": commit.strip(),
                                                       "rows": rows}, indent=2) + "\n")
    cols = ["run", "file_mb", "records", "runs", "seconds", "cpu_s", "mb_per_s", "records_per_s", "x_baseline",
            "peak_rss_mib"]
    print(f"machine: {machine}  commit: {commit.strip()}")
    print(" | ".join(cols))
    print(" | ".join("---" for _ in cols))
    for r in rows:
        print(" | ".join(str(r.get(c, "")) for c in cols))


if __name__ == "__main__":
    main()
