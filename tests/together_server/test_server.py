"""The test server's own contract, at HTTP level (httpx), where the SDK would hide details."""

# ruff: noqa: F811

import hashlib
import json
import signal
import subprocess
import sys

import httpx
import pytest

from tests.together_server.checks import validate_dataset
from tests.together_server.fixture import fake_together_key, together_server  # noqa: F401
from tests.together_server.server import TogetherServer

DATA = b'{"text": "hello"}\n'


def _client(server: TogetherServer, key: str | None = None) -> httpx.Client:
    headers = {"Authorization": f"Bearer {key or server.api_key}"}
    return httpx.Client(base_url=server.base_url, headers=headers, follow_redirects=False)


def _announce(client: httpx.Client, data: bytes = DATA) -> httpx.Response:
    form = {
        "purpose": "fine-tune",
        "file_name": "x.jsonl",
        "file_type": "jsonl",
        "checksum": hashlib.sha256(data).hexdigest(),
    }
    return client.post("/v1/files", data=form, files={"_": (None, b"")})


def test_answers_401_when_bearer_key_wrong_or_missing(together_server: TogetherServer) -> None:
    with _client(together_server, key=fake_together_key()) as c:
        assert c.get("/v1/files").status_code == 401
    assert httpx.get(together_server.base_url + "/v1/files").status_code == 401
    assert together_server.api_key not in httpx.get(together_server.base_url + "/v1/files").text


def test_redirects_to_presigned_put_when_file_announced(together_server: TogetherServer) -> None:
    with _client(together_server) as c:
        r = _announce(c)
        assert r.status_code == 302
        assert r.headers["Location"].startswith(together_server.base_url + "/upload/")
        file_id = r.headers["X-Together-File-Id"]
        put = httpx.put(r.headers["Location"], content=DATA)  # no Authorization header
        assert put.status_code == 200
        assert c.post(f"/v1/files/{file_id}/preprocess").json()["processing_status"] == "PENDING"
        statuses = [c.get(f"/v1/files/{file_id}").json()["processing_status"] for _ in range(3)]
        assert statuses == ["RUNNING", "COMPLETED", "COMPLETED"]
        assert c.get(f"/v1/files/{file_id}/content").content == DATA


def test_refuses_put_when_bytes_differ_from_checksum(together_server: TogetherServer) -> None:
    with _client(together_server) as c:
        r = _announce(c)
        assert httpx.put(r.headers["Location"], content=b'{"text": "other"}\n').status_code == 400
        assert c.get("/v1/files").json()["data"] == []


def test_answers_409_with_existing_id_when_checksum_known(together_server: TogetherServer) -> None:
    with _client(together_server) as c:
        r = _announce(c)
        httpx.put(r.headers["Location"], content=DATA)
        again = _announce(c)
        assert again.status_code == 409
        assert again.json()["file_id"] == r.headers["X-Together-File-Id"]
        assert again.headers["x-should-retry"] == "false"


def test_refuses_second_put_when_url_already_used(together_server: TogetherServer) -> None:
    with _client(together_server) as c:
        location = _announce(c).headers["Location"]
    assert httpx.put(location, content=DATA).status_code == 200
    assert httpx.put(location, content=DATA).status_code == 403


def test_serves_queued_faults_then_recovers(together_server: TogetherServer) -> None:
    together_server.fail_next("/v1/files", status=429, count=2, retry_after=0.5)
    with _client(together_server) as c:
        first = c.get("/v1/files")
        assert (first.status_code, first.headers["Retry-After"]) == (429, "0.5")
        assert c.get("/v1/files").status_code == 429
        assert c.get("/v1/files").status_code == 200
    assert [(r.method, r.path, r.status) for r in together_server.requests] == [
        ("GET", "/v1/files", 429),
        ("GET", "/v1/files", 429),
        ("GET", "/v1/files", 200),
    ]


def test_deletes_file_and_forgets_checksum(together_server: TogetherServer) -> None:
    with _client(together_server) as c:
        r = _announce(c)
        httpx.put(r.headers["Location"], content=DATA)
        file_id = r.headers["X-Together-File-Id"]
        assert c.delete(f"/v1/files/{file_id}").json() == {"id": file_id, "deleted": True}
        assert c.get(f"/v1/files/{file_id}").status_code == 404
        assert _announce(c).status_code == 302


@pytest.mark.parametrize(
    ("lines", "valid", "error"),
    [
        ([{"messages": [{"role": "user", "content": "a"}]}], True, None),
        ([{"prompt": "p", "completion": "c"}], True, None),
        ([{"text": "t"}, {"text": "u"}], True, None),
        ([{"question": "q"}], False, "Line 1: no known format"),  # unknown keys
        ([{"text": "t", "prompt": "p", "completion": "c"}], False, "more than one format"),
        ([{"text": "t"}, {"prompt": "p", "completion": "c"}], False, "Line 2: format INSTRUCTION differs"),
        ([{"messages": [{"role": "robot", "content": "a"}]}], False, "Line 1: 'messages'"),  # unknown role
        ([{"prompt": "p"}], False, "no known format"),  # near-miss: completion missing
    ],
)
def test_validation_table(lines: list[dict], valid: bool, error: str | None) -> None:
    report = validate_dataset(b"".join(json.dumps(x).encode() + b"\n" for x in lines))
    assert report["valid"] is valid
    if error:
        assert error in report["error"]
        assert "robot" not in report["error"] and '"q"' not in report["error"]  # no content echoed


@pytest.mark.slow
def test_runs_standalone_until_sigterm_when_started_as_module() -> None:
    key = fake_together_key()
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.together_server"],
        env={"TOGETHER_API_KEY": key, "PATH": ""},
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        port = int(proc.stdout.readline())  # type: ignore[union-attr]
        r = httpx.get(f"http://127.0.0.1:{port}/v1/files", headers={"Authorization": f"Bearer {key}"})
        assert r.json() == {"object": "list", "data": []}
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
