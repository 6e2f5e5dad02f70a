"""Shared fixtures: the real detectors, built once per test session; a Prefect home of the tests' own.

Before anything imports Prefect, PREFECT_HOME (profiles, the harness's database, and the local result
storage under it) moves to a temporary folder, so `make test` never reads or writes the user's
~/.prefect (nor ~/.cache: the Hyperscan database cache moves there too); a PREFECT_API_URL or PREFECT_PROFILE from the user's shell is dropped, so no test reaches
their server.
"""

import json
import os
import secrets
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

_PREFECT_HOME = Path(tempfile.mkdtemp(prefix="ft-sanitizer-tests-prefect-"))
os.environ["PREFECT_HOME"] = str(_PREFECT_HOME)
os.environ["PREFECT_LOCAL_STORAGE_PATH"] = str(_PREFECT_HOME / "storage")
os.environ.pop("PREFECT_API_URL", None)
os.environ.pop("PREFECT_PROFILE", None)
# The compiled Hyperscan databases (sanitizers/hyperscan_cache.py) go to the session's folder too, not to
# the user's ~/.cache: tests build many pattern sets.
os.environ["FT_SANITIZER_CACHE_DIR"] = str(_PREFECT_HOME / "cache")

import pytest

from schemas.run_config import DetectionOptions, Detectors
from tests.together_server.fixture import together_server  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data-samples"

# The tests act as key holders (reviewer, uploader, nightly worker): one random approval key per session,
# inherited by the servers and workers they start. Tests that need another key or none set their own.
os.environ.setdefault("FT_SANITIZER_APPROVAL_KEY", secrets.token_hex(32))


@pytest.fixture(scope="session")
def full_detector():
    """PII (Presidio + the real spaCy model) and secrets, as a run uses them."""
    from sanitizers.engine import get_detector

    return get_detector(DetectionOptions())


@pytest.fixture(scope="session")
def secrets_detector():
    """Secrets only: no NER model."""
    from sanitizers.engine import get_detector

    return get_detector(DetectionOptions(detectors=frozenset({Detectors.SECRETS})))


@pytest.fixture(scope="session")
def canaries() -> dict[str, str]:
    """The unique fake values planted in data-samples/."""
    return json.loads((SAMPLES / "canaries.json").read_text())


@pytest.fixture
def write_jsonl(tmp_path):
    """Write records (dicts, or raw strings taken as lines) to a .jsonl file and return its path."""

    def write(rows, name: str = "data.jsonl") -> Path:
        path = tmp_path / name
        lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows]
        path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        return path

    return write


@pytest.fixture(scope="session")
def prefect_api() -> Iterator[None]:
    """One throwaway Prefect server (own SQLite, own PREFECT_HOME) for the whole session."""
    from prefect.testing.utilities import prefect_test_harness

    saved = {k: os.environ.get(k) for k in ("PREFECT_SERVER_ANALYTICS_ENABLED", "DO_NOT_TRACK")}
    os.environ.update(PREFECT_SERVER_ANALYTICS_ENABLED="false", DO_NOT_TRACK="1")
    try:
        with prefect_test_harness(server_startup_timeout=60):
            yield
    finally:
        for k, v in saved.items():
            os.environ.pop(k) if v is None else os.environ.__setitem__(k, v)


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove the tests' Prefect home (database, result storage) after the session."""
    shutil.rmtree(_PREFECT_HOME, ignore_errors=True)
