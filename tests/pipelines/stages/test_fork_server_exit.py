"""The fork server ends without finalization; any other process that imports the module is left alone."""

import subprocess
import sys

# A fresh interpreter per case: a fork server's preload list is fixed when it first starts in a process.
IN_FORK_SERVER = """
import multiprocessing, os
from concurrent.futures import ProcessPoolExecutor

# The worker reads the flag of the module it inherited from the fork server, which imported it.
PROBE = "__import__('pipelines.stages.fork_server_exit', fromlist=['REGISTERED']).REGISTERED"
context = multiprocessing.get_context("forkserver")
context.set_forkserver_preload(["pipelines.stages.fork_server_exit"])
with ProcessPoolExecutor(1, mp_context=context) as pool:
    registered, parent = pool.submit(eval, PROBE).result(), pool.submit(os.getppid).result()
print(registered, parent != os.getpid())
"""

ELSEWHERE = """
import sys
from pipelines.stages import fork_server_exit
print(fork_server_exit.REGISTERED)
sys.exit(3)
"""


def test_registers_the_quick_exit_when_the_fork_server_preloads_it():
    done = subprocess.run([sys.executable, "-c", IN_FORK_SERVER], check=False, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["True", "True"]


def test_leaves_a_process_alone_when_imported_outside_a_fork_server():
    done = subprocess.run([sys.executable, "-c", ELSEWHERE], check=False, capture_output=True, text=True, timeout=120)
    assert done.stdout.split() == ["False"]
    assert done.returncode == 3  # its own exit status, not the quick exit's 0
