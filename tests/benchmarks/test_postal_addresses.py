"""The eval set's postal addresses: the same seed gives the same addresses in every process."""

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
_PRINT_ITALIAN = (
    "import random\n"
    "from benchmarks.eval.postal_addresses import PostalAddresses\n"
    "rng = random.Random(7)\n"
    "makes = PostalAddresses()\n"
    "print([str(makes.address(rng, 'IT')) for _ in range(40)])\n"
)


def _italian_addresses(hash_seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    return subprocess.run([sys.executable, "-c", _PRINT_ITALIAN], cwd=REPO, env=env, check=True,
                          capture_output=True, text=True).stdout


def test_gives_same_cities_when_hash_seed_differs():
    # Faker builds its Italian city list from a set, whose order follows the process's hash seed.
    assert _italian_addresses("1") == _italian_addresses("2")
