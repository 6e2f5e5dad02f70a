"""The fork server preloads with the collector paused; any other process that imports the module is left alone."""

import subprocess
import sys

# A fresh interpreter per case: a fork server's preload list is fixed when it first starts in a process.
IN_FORK_SERVER = """
import multiprocessing
from concurrent.futures import ProcessPoolExecutor

# A child forked from the server, with no initializer of ours, reads the state the server left it.
PROBE = "(__import__('pipelines.stages.fork_server_gc', fromlist=['PAUSED']).PAUSED, __import__('gc').isenabled())"
context = multiprocessing.get_context("forkserver")
context.set_forkserver_preload(["pipelines.stages.fork_server_gc"])
with ProcessPoolExecutor(1, mp_context=context) as pool:
    paused, enabled = pool.submit(eval, PROBE).result()
print(paused, enabled)
"""

ELSEWHERE = """
import gc
from pipelines.stages import fork_server_gc
print(fork_server_gc.PAUSED, gc.isenabled())
"""


def test_pauses_the_collector_when_the_fork_server_preloads_it():
    done = subprocess.run([sys.executable, "-c", IN_FORK_SERVER], check=False, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["True", "False"]


def test_leaves_a_process_alone_when_imported_outside_a_fork_server():
    done = subprocess.run([sys.executable, "-c", ELSEWHERE], check=False, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["False", "True"]
