"""One real Prefect stack (server, pool, deployments, worker, Together test server) per test session."""

import secrets
from collections.abc import Iterator

import pytest

from tests.e2e.stack import ROOT, PrefectStack, free_port


@pytest.fixture(scope="session")
def prefect_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrefectStack]:
    """Start the stack in a temporary PREFECT_HOME on a free loopback port; stop it by PID afterwards."""
    base = tmp_path_factory.mktemp("prefect-e2e")
    home, logs = base / "home", base / "logs"
    home.mkdir()
    logs.mkdir()
    port = free_port()
    env = {
        k: v for k, v in __import__("os").environ.items()
        if not k.startswith(("PREFECT_", "TOGETHER_", "FT_SANITIZER_"))
    }
    env.update(
        PREFECT_HOME=str(home),
        PREFECT_API_URL=f"http://127.0.0.1:{port}/api",
        PREFECT_SERVER_API_HOST="127.0.0.1",
        PREFECT_SERVER_API_PORT=str(port),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_SERVER_UI_SHOW_PROMOTIONAL_CONTENT="false",
        DO_NOT_TRACK="1",
        PREFECT_WORKER_QUERY_SECONDS="2",
        PREFECT_LOGGING_SETTINGS_PATH=str(ROOT / "pipelines" / "logging.yml"),
        FT_SANITIZER_ROOT=str(ROOT),
        FT_SANITIZER_NIGHTLY_INPUT=str(base / "nightly-in"),
        FT_SANITIZER_NIGHTLY_OUTPUT=str(base / "nightly-out"),
        FT_SANITIZER_KEY_BLOCK="together-e2e",
        # The worker records approvals (policy, Resume form) and verifies them at upload: a key holder.
        FT_SANITIZER_APPROVAL_KEY=secrets.token_hex(32),
        NO_PROXY="127.0.0.1,localhost",
    )
    # Together's key shape, made at runtime so secret scanners on the repo stay quiet.
    stack = PrefectStack(home=home, port=port, together_key="tgp_v1_" + secrets.token_urlsafe(33)[:43],
                         env=env, logs=logs)
    try:
        yield stack.start()
    finally:
        stack.stop()
