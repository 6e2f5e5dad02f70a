"""The fork server's preload, and the CLI starting it early only for runs that will fork workers."""

import subprocess
import sys

import pytest

from pipelines.stages.fork_server import (
    PRELOAD,
    PRELOAD_FIRST,
    PRELOAD_LAST,
    PRELOAD_PII,
    PRELOAD_SECRETS,
    fork_server_context,
    start_early,
)

CHUNK = 4096


@pytest.fixture
def big_file(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('{"text": "hello"}\n' * 1000)  # 18 kB: several chunks of CHUNK bytes
    return path


@pytest.mark.parametrize(("pii", "workers", "dask"), [
    (True, 1, None),  # in process
    (False, 1, None),
    (True, 2, "tcp://127.0.0.1:8786"),  # on Dask
])
def test_starts_nothing_when_the_run_forks_no_workers(big_file, pii, workers, dask):
    assert start_early(big_file, pii, workers, dask, CHUNK) is False


def test_starts_nothing_when_the_file_fits_in_one_chunk_or_is_no_file(tmp_path, big_file):
    assert start_early(big_file, True, 2, None, big_file.stat().st_size) is False
    assert start_early(tmp_path, True, 2, None, CHUNK) is False  # a folder: each file is its own run
    assert start_early(tmp_path / "missing.jsonl", True, 2, None, CHUNK) is False


def test_preloads_the_detector_for_pii_runs_the_collector_pause_first_and_the_quick_exit_last():
    assert fork_server_context(pii=False)._name == "forkserver"
    assert PRELOAD_PII[-1] == "pipelines.stages.warm_detector" and PRELOAD_LAST == ["pipelines.stages.fork_server_exit"]
    assert PRELOAD_FIRST == ["pipelines.stages.fork_server_gc"]
    assert not set(PRELOAD) & set(PRELOAD_PII)
    assert PRELOAD_SECRETS == ["pipelines.stages.warm_secret_detector"]


def test_starts_the_fork_server_when_a_pii_run_will_fork_workers(big_file):
    # In a fresh interpreter: a fork server keeps its first preload list for the life of its process.
    code = (
        "import sys\n"
        "from multiprocessing import forkserver\n"
        "from pathlib import Path\n"
        "from pipelines.stages.fork_server import start_early\n"
        f"print(start_early(Path({str(big_file)!r}), True, 2, None, {CHUNK}))\n"
        "print(forkserver._forkserver._forkserver_pid is not None, 'spacy' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["True", "True", "False"]  # spaCy loads in the server, not here


def test_starts_the_fork_server_for_a_secrets_only_run_without_loading_spacy_anywhere(big_file):
    code = (
        "import sys\n"
        "from concurrent.futures import ProcessPoolExecutor\n"
        "from pathlib import Path\n"
        "from pipelines.stages.fork_server import fork_server_context, start_early, started_early\n"
        f"print(start_early(Path({str(big_file)!r}), False, 2, None, {CHUNK}), started_early())\n"
        "probe = \"[m in __import__('sys').modules for m in ('pipelines.stages.warm_secret_detector', 'spacy')]\"\n"
        "with ProcessPoolExecutor(1, mp_context=fork_server_context(pii=False)) as pool:\n"
        "    print(*pool.submit(eval, probe).result(), 'spacy' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    # Started; the worker it forked holds the warm secret scanner and no spaCy; nor does this process.
    assert result.stdout.split() == ["True", "True", "True", "False", "False"]
