"""The CLI as an unlucky operator meets it: real OS conditions, never a traceback, never a hang.

Each failure ends with one `error:` line that says what failed and how to fix it, the exit code
`sanitize --help` documents, and no folder that looks like a finished run (no report.json). Conditions
are real: a read-only or full file system (tmpfs, when this process may mount), a file size limit
(RLIMIT_FSIZE), a spaCy model that is not installed, a port nobody listens on, kill -9 of a worker or of
the main process, a second run, names no file system tool should trust.
"""

import contextlib
import json
import os
import resource
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

CLI = str(Path(sys.executable).with_name("ft-sanitizer"))
KEY = "tgp_v1_" + "FAKEfailTEST" + "3" * 31


def chat_lines(n: int, filler: int = 0) -> str:
    rows = []
    for i in range(n):
        user = f"I'm Maria Gonzalez, ticket {i}, my key {KEY}" if i % 5 == 0 else f"How do I resize volume {i}?"
        rows.append(json.dumps({"messages": [{"role": "user", "content": user + " x" * filler},
                                             {"role": "assistant", "content": "Use the console."}]}))
    return "\n".join(rows) + "\n"


def write_input(path: Path, n: int = 20, filler: int = 0) -> Path:
    path.write_text(chat_lines(n, filler), encoding="utf-8")
    return path


def sanitize(*args: str, timeout: float = 300, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([CLI, "sanitize", *args], check=False, capture_output=True, timeout=timeout, **kwargs)


def start_sanitize(*args: str) -> subprocess.Popen:
    return subprocess.Popen([CLI, "sanitize", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def assert_fails_cleanly(result: subprocess.CompletedProcess, code: int, *phrases: str) -> str:
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode == code, stderr
    assert "Traceback" not in stderr
    assert stderr.startswith("error: ")
    for phrase in phrases:
        assert phrase in stderr
    return stderr


# --- file systems that refuse writes --------------------------------------------------------------------


def _mount_tmpfs(target: Path, options: str) -> bool:
    if os.geteuid() != 0:
        return False
    target.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(target)], check=False,
                          capture_output=True)
    return done.returncode == 0


@contextlib.contextmanager
def tmpfs(target: Path, options: str):
    if not _mount_tmpfs(target, options):
        pytest.skip("needs root and mount(8) for a real tmpfs")
    try:
        yield target
    finally:
        subprocess.run(["umount", "-l", str(target)], check=False, capture_output=True)


@pytest.fixture
def read_only_dir(tmp_path):
    """A folder this process cannot write: a read-only tmpfs as root, a 0555 folder otherwise."""
    target = tmp_path / "ro"
    if os.geteuid() != 0:
        target.mkdir()
        target.chmod(0o555)
        yield target
        target.chmod(0o755)
        return
    with tmpfs(target, "ro,size=1m"):
        yield target


def test_exits_3_when_output_folder_is_read_only(tmp_path, read_only_dir):
    src = write_input(tmp_path / "in.jsonl")
    result = sanitize(str(src), "--out", str(read_only_dir / "run"), "--detectors", "secrets")
    assert_fails_cleanly(result, 3, "cannot write", "choose another --out")
    assert not (read_only_dir / "run").exists()


def test_exits_3_and_leaves_no_report_when_the_disk_is_full(tmp_path):
    src = write_input(tmp_path / "in.jsonl", 2000, filler=100)  # about 0.6 MB: never fits in 128 KiB
    with tmpfs(tmp_path / "small", "size=128k") as small:
        result = sanitize(str(src), "--out", str(small / "run"), "--detectors", "secrets", "--workers", "1")
        assert_fails_cleanly(result, 3, "No space left on device", "free space")
        assert not (small / "run" / "report.json").exists()
        assert not list((small / "run").glob("*.sanitized.jsonl"))


def test_exits_3_then_resumes_when_a_file_size_limit_is_reached(tmp_path):
    src = write_input(tmp_path / "in.jsonl", 2000, filler=100)
    out = tmp_path / "run"

    def limit_file_size() -> None:  # runs in the child only: RLIMIT_FSIZE makes bigger writes fail (EFBIG)
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))

    result = sanitize(str(src), "--out", str(out), "--detectors", "secrets", "--workers", "1",
                      "--chunk-mb", "0.05", preexec_fn=limit_file_size)
    assert_fails_cleanly(result, 3, "File too large", "ulimit -f")
    assert not (out / "report.json").exists()
    again = sanitize(str(src), "--out", str(out), "--detectors", "secrets", "--workers", "1", "--chunk-mb", "0.05")
    assert again.returncode == 0, again.stderr
    report = json.loads((out / "report.json").read_text())
    assert report["records_total"] == 2000 == report["records_written"] + report["records_quarantined"]


# --- names --------------------------------------------------------------------------------------------


def test_completes_inside_out_when_input_name_is_as_long_as_the_file_system_allows(tmp_path):
    src = write_input(tmp_path / ("n" * 249 + ".jsonl"))  # 255 bytes: the longest name there is
    out = tmp_path / "run"
    result = sanitize(str(src), "--out", str(out), "--detectors", "secrets")
    assert result.returncode == 0, result.stderr
    assert (out / "report.json").is_file()
    assert all(len(p.name.encode()) <= 255 and p.parent == out for p in out.iterdir())
    assert len(list(out.glob("*.sanitized.jsonl"))) == 1


def test_escapes_the_name_and_completes_when_it_is_not_utf8_and_holds_escape_codes(tmp_path):
    name = os.fsdecode(b"bad\xff\x1b[31mname.jsonl")
    src = write_input(tmp_path / name)
    out = tmp_path / "run"
    result = sanitize(str(src), "--out", str(out), "--detectors", "secrets")
    assert result.returncode == 0, result.stderr
    printed = result.stdout + result.stderr
    assert b"\x1b" not in printed and b"\xff" not in printed
    assert b"bad\\xff\\x1b[31mname.jsonl" in result.stdout
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["input"]["name"] == "bad\\xff\\x1b[31mname.jsonl"
    for path in out.iterdir():  # every output name is printable UTF-8
        assert path.name.isprintable()
        path.name.encode("utf-8")


def test_keeps_outputs_inside_out_when_a_folder_holds_names_made_of_dots(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("...jsonl", "..jsonl", ".jsonl", ".work.jsonl", ".lock.jsonl", "ok.jsonl"):
        write_input(folder / name, 3)
    parent = tmp_path / "runs"
    out = parent / "out"
    result = sanitize(str(folder), "--out", str(out), "--detectors", "secrets")
    assert result.returncode == 0, result.stderr
    assert [p.name for p in parent.iterdir()] == ["out"]  # nothing beside --out
    runs = [p for p in out.iterdir() if p.is_dir()]
    assert len(runs) == 6  # one folder per input, none shared, none hidden
    assert all(not p.name.startswith(".") for p in runs)
    assert all((p / "report.json").is_file() for p in runs)
    for path in out.rglob("*"):
        assert path.resolve().is_relative_to(out.resolve())


def test_prints_escaped_names_when_names_hold_escape_codes_and_newlines(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    src = write_input(folder / "evil\x1b[2J\nname.jsonl", 5)
    result = sanitize(str(folder), "--out", str(tmp_path / "run"), "--detectors", "secrets")
    assert result.returncode == 0, result.stderr
    assert b"\x1b" not in result.stdout + result.stderr
    assert b"evil\\x1b[2J\\nname.jsonl:" in result.stdout

    scan = subprocess.run([CLI, "scan", str(src)], check=False, capture_output=True, timeout=120)
    assert scan.returncode == 1  # the file holds a key
    assert b"\x1b" not in scan.stdout + scan.stderr
    assert b"evil\\x1b[2J\\nname.jsonl:1:" in scan.stdout


def test_exits_2_without_hanging_when_input_is_a_fifo(tmp_path):
    fifo = tmp_path / "in.jsonl"
    os.mkfifo(fifo)
    result = sanitize(str(fifo), "--out", str(tmp_path / "run"), "--detectors", "secrets", timeout=120)
    assert_fails_cleanly(result, 2, "not a file")
    scan = subprocess.run([CLI, "scan", str(fifo)], check=False, capture_output=True, timeout=120)
    assert scan.returncode == 2
    assert b"not a regular file" in scan.stderr


# --- configuration and the cluster ---------------------------------------------------------------------


def test_exits_2_naming_the_install_command_when_spacy_model_is_not_installed(tmp_path):
    src = write_input(tmp_path / "in.jsonl")
    result = sanitize(str(src), "--out", str(tmp_path / "run"), "--spacy-model", "xx_no_such_model_sm")
    assert_fails_cleanly(result, 2, "xx_no_such_model_sm", "not installed", "pip install")
    assert not (tmp_path / "run" / "report.json").exists()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_exits_4_when_dask_scheduler_is_unreachable(tmp_path):
    src = write_input(tmp_path / "in.jsonl")
    address = f"tcp://127.0.0.1:{free_port()}"  # nobody listens: refused until the 30 s connect limit
    result = sanitize(str(src), "--out", str(tmp_path / "run"), "--detectors", "secrets", "--dask-address", address)
    assert_fails_cleanly(result, 4, "Dask scheduler", address)
    assert not (tmp_path / "run" / "report.json").exists()


# --- processes -------------------------------------------------------------------------------------------


def _parent_of(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return int(stat.rsplit(")", 1)[1].split()[1])


def descendants(root: int) -> dict[int, int]:
    """pid -> parent pid of every living descendant of `root` (from /proc)."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            ppid = _parent_of(int(entry.name))
            if ppid is not None:
                parents[int(entry.name)] = ppid
    found: dict[int, int] = {}
    frontier = [root]
    while frontier:
        current = frontier.pop()
        for pid, ppid in parents.items():
            if ppid == current and pid not in found:
                found[pid] = ppid
                frontier.append(pid)
    return found


def gone(pid: int) -> bool:
    """Ended: no /proc entry, or a zombie (dead, waiting only to be reaped)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rsplit(")", 1)[1].split()[0] == "Z"


def wait_for(condition, timeout: float, interval: float = 0.02):
    """Poll `condition()` until it returns something truthy; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    pytest.fail(f"condition not met within {timeout} s")


def workers_of(proc: subprocess.Popen) -> list[int]:
    """Chunk worker pids: the children of the CLI's fork server (the CLI starts one for every run that
    forks workers, `fork_server.start_early`)."""
    tree = descendants(proc.pid)
    servers = {pid for pid, ppid in tree.items() if ppid == proc.pid and any(
        "multiprocessing.forkserver" in arg for arg in _cmdline(pid))}
    return [pid for pid, ppid in tree.items() if ppid in servers]


def _cmdline(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace").split("\0")
    except OSError:
        return []


def test_exits_4_and_resumes_when_a_worker_is_killed(tmp_path):
    src = write_input(tmp_path / "in.jsonl", 600)  # PII: workers load spaCy for seconds before their first chunk
    out = tmp_path / "run"
    proc = start_sanitize(str(src), "--out", str(out), "--workers", "2", "--chunk-mb", "0.01")
    try:
        worker = wait_for(lambda: workers_of(proc), timeout=120)[0]
        os.kill(worker, signal.SIGKILL)
        _, stderr = proc.communicate(timeout=300)
    finally:
        proc.kill()
    assert proc.returncode == 4, stderr
    assert b"Traceback" not in stderr
    assert b"worker process died" in stderr and b"rerun" in stderr
    assert not (out / "report.json").exists()
    again = sanitize(str(src), "--out", str(out), "--workers", "2", "--chunk-mb", "0.01")
    assert again.returncode == 0, again.stderr
    report = json.loads((out / "report.json").read_text())
    assert report["records_total"] == 600 == report["records_written"] + report["records_quarantined"]


def test_exits_5_naming_the_holder_when_another_run_writes_the_same_out(tmp_path):
    src = write_input(tmp_path / "in.jsonl", 200)
    out = tmp_path / "run"
    first = start_sanitize(str(src), "--out", str(out))  # PII: holds the folder for seconds

    def holder() -> bool:
        try:
            return json.loads((out / ".lock").read_text())["pid"] == first.pid
        except (OSError, ValueError, KeyError):
            return False

    try:
        wait_for(holder, timeout=60)
        second = sanitize(str(src), "--out", str(out), "--detectors", "secrets")
        _, first_err = first.communicate(timeout=300)
    finally:
        first.kill()
    assert_fails_cleanly(second, 5, f"pid {first.pid}", "another ft-sanitizer run", "choose another --out")
    assert first.returncode == 0, first_err
    assert (out / "report.json").is_file()


@pytest.mark.parametrize("detectors", ["pii,secrets", "secrets"])  # PII workers hold about 0.5 GB each
def test_workers_exit_when_the_main_process_is_killed(tmp_path, detectors):
    # Secrets-only workers start at once and finish fast: 40 lines of 1 MB of `password=` bait keep
    # them busy long enough to be seen.
    src = tmp_path / "in.jsonl"
    pii = detectors != "secrets"
    if pii:
        write_input(src, 3000)
    else:
        line = json.dumps({"messages": [{"role": "user", "content": "password=hunter2 " * 60_000},
                                        {"role": "assistant", "content": "ok"}]})
        src.write_text((line + "\n") * 40)
    proc = start_sanitize(str(src), "--out", str(tmp_path / "run"), "--detectors", detectors, "--workers", "2",
                          "--chunk-mb", "0.02" if pii else "1")
    tree: list[int] = []
    try:
        wait_for(lambda: len(workers_of(proc)) >= 1, timeout=120)
        tree = list(descendants(proc.pid))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        wait_for(lambda: all(gone(pid) for pid in tree), timeout=30, interval=0.2)
    finally:
        proc.kill()
        for pid in tree:  # only if the test failed: leave no orphan behind
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
