"""pytest fixture: a fresh Together test server per test, with the SDK's env pointed at it.

Use from tests/conftest.py:  from tests.together_server.fixture import together_server  # noqa: F401
"""

import secrets
from collections.abc import Iterator

import pytest

from tests.together_server.server import TogetherServer


def fake_together_key() -> str:
    """A key in Together's current shape, made at runtime so secret scanners stay quiet."""
    return "tgp_v1_" + secrets.token_urlsafe(33)[:43]


@pytest.fixture
def together_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[TogetherServer]:
    """Start a server on 127.0.0.1; set TOGETHER_BASE_URL and TOGETHER_API_KEY for the test."""
    server = TogetherServer(fake_together_key()).start()
    monkeypatch.setenv("TOGETHER_BASE_URL", server.base_url)
    monkeypatch.setenv("TOGETHER_API_KEY", server.api_key)
    # Nothing else may steer the SDK elsewhere (proxies, extra headers, projects).
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    for name in (
        "TOGETHER_CUSTOM_HEADERS",
        "TOGETHER_PROJECT_ID",
        "TOGETHER_ALLOW_INSECURE_UPLOAD_REDIRECTS",
    ):
        monkeypatch.delenv(name, raising=False)
    try:
        yield server
    finally:
        server.stop()
