"""A Together-compatible HTTP server on 127.0.0.1, speaking what the `together` SDK 3.1.1 sends.

Upload (see /work/shared/docs/together-api.md and together/lib/resources/files.py):
    POST /v1/files (multipart: purpose, file_name, file_type, checksum)
        -> 302, Location: <base>/upload/<token>, X-Together-File-Id: <id>
        -> 409 {"file_id": ...} when a completed file already has that checksum
    PUT  /upload/<token> (raw bytes, Content-Length, no auth) -> 200; 400 if sha256 != checksum
    POST /v1/files/<id>/preprocess -> file object (processing_status PENDING)
Then GET /v1/files/<id> moves PENDING -> RUNNING -> COMPLETED (or INVALID_FORMAT / FAILED) one step
per poll, so tests never depend on time. Also GET /v1/files, DELETE /v1/files/<id>,
GET /v1/files/<id>/content, and fine-tuning: GET /v1/fine-tunes/models/limits,
POST /v1/fine-tunes/estimate-price, POST /v1/fine-tunes, GET /v1/fine-tunes[/<id>], POST .../cancel.

Every /v1 request needs `Authorization: Bearer <api_key>` (401 otherwise); the pre-signed PUT does
not. Tests read `requests` (method, path, bytes received, status) and queue faults with `fail_next`.
"""

import hashlib
import hmac
import re
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import ThreadingHTTPServer
from typing import Self
from urllib.parse import parse_qs, urlsplit

from tests.together_server.checks import DEFAULT_MODELS, validate_dataset
from tests.together_server.fine_tunes import FineTunesAPI
from tests.together_server.wire import Handler, Response, error_response, json_response, parse_multipart


@dataclass(frozen=True)
class LoggedRequest:
    """One request as the server saw it: no headers, no body, just its shape."""

    method: str
    path: str
    bytes_received: int
    status: int


@dataclass
class StoredFile:
    """A file known to the server, from POST /v1/files on."""

    id: str
    filename: str
    purpose: str
    file_type: str
    checksum: str
    created_at: int
    token: str | None
    data: bytes | None = None
    processing_status: str | None = None
    polls: int = 0
    outcome: tuple[str, dict] | None = None

    def asjson_response(self) -> dict:
        body = {
            "id": self.id,
            "object": "file",
            "filename": self.filename,
            "bytes": len(self.data or b""),
            "created_at": self.created_at,
            "purpose": self.purpose,
            "FileType": self.file_type,
            "processing_status": self.processing_status,
        }
        if self.processing_status in ("COMPLETED", "INVALID_FORMAT", "FAILED") and self.outcome:
            body["validation_report"] = {**self.outcome[1], "file_id": self.id}
        return body


@dataclass
class _Fault:
    path_prefix: str
    method: str | None
    status: int
    remaining: int
    retry_after: float | None
    message: str | None = None


_ID = r"[A-Za-z0-9][A-Za-z0-9._-]*"


class TogetherServer(FineTunesAPI):
    """The server and its state; start() binds 127.0.0.1 on a free port and serves in a thread."""

    def __init__(
        self,
        api_key: str,
        *,
        port: int = 0,
        polls_until_done: int = 2,
        price_per_epoch_usd: float = 1.5,
        models: tuple[str, ...] = DEFAULT_MODELS,
    ) -> None:
        self._api_key = api_key.encode()
        self._port = port
        self.polls_until_done = polls_until_done
        self.price_per_epoch_usd = price_per_epoch_usd
        self.models = set(models)
        self.files: dict[str, StoredFile] = {}
        self.jobs: dict[str, dict] = {}
        self._by_checksum: dict[str, str] = {}
        self._by_token: dict[str, str] = {}
        self._faults: list[_Fault] = []
        self._forced_outcome: tuple[str, str] | None = None
        self._log: list[LoggedRequest] = []
        self._lock = threading.RLock()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._routes: list[tuple[str, re.Pattern[str], Callable[..., Response]]] = [
            ("POST", re.compile(r"/v1/files"), self._create_upload),
            ("PUT", re.compile(r"/upload/(?P<token>[A-Za-z0-9_-]+)"), self._put_bytes),
            ("POST", re.compile(rf"/v1/files/(?P<file_id>{_ID})/preprocess"), self._preprocess),
            ("GET", re.compile(r"/v1/files"), self._list_files),
            ("GET", re.compile(rf"/v1/files/(?P<file_id>{_ID})/content"), self._content),
            ("GET", re.compile(rf"/v1/files/(?P<file_id>{_ID})"), self._retrieve_file),
            ("DELETE", re.compile(rf"/v1/files/(?P<file_id>{_ID})"), self._delete_file),
            ("GET", re.compile(r"/v1/fine-tunes/models/limits"), self.limits),
            ("POST", re.compile(r"/v1/fine-tunes/estimate-price"), self.estimate),
            ("POST", re.compile(r"/v1/fine-tunes"), self.create_job),
            ("GET", re.compile(r"/v1/fine-tunes"), self.list_jobs),
            ("GET", re.compile(rf"/v1/fine-tunes/(?P<job_id>{_ID})"), self.retrieve_job),
            ("POST", re.compile(rf"/v1/fine-tunes/(?P<job_id>{_ID})/cancel"), self.cancel_job),
        ]

    def __repr__(self) -> str:
        return f"TogetherServer({self.base_url if self._httpd else 'not started'})"

    # -- lifecycle ---------------------------------------------------------------------------------

    def start(self) -> "TogetherServer":
        """Bind 127.0.0.1 and serve in a daemon thread."""
        app = self

        class BoundHandler(Handler):
            server_app = app

        self._httpd = ThreadingHTTPServer(("127.0.0.1", self._port), BoundHandler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the socket."""
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._thread.join()  # type: ignore[union-attr]
            self._httpd = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        """The bound port."""
        assert self._httpd is not None, "server not started"
        return self._httpd.server_address[1]

    @property
    def base_url(self) -> str:
        """What TOGETHER_BASE_URL should be (the SDK adds /v1 itself)."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_key(self) -> str:
        """The one key this server accepts."""
        return self._api_key.decode()

    # -- test controls -----------------------------------------------------------------------------

    def fail_next(
        self,
        path_prefix: str,
        status: int = 429,
        count: int = 1,
        retry_after: float | None = 0.1,
        method: str | None = None,
        message: str | None = None,
    ) -> None:
        """Answer the next `count` requests whose path starts with `path_prefix` with `status`.

        `retry_after` (seconds, may be fractional) is sent as Retry-After; None sends no header.
        `message`: the error text instead of "injected fault <status>" (e.g. one echoing the key).
        """
        with self._lock:
            self._faults.append(_Fault(path_prefix, method, status, count, retry_after, message))

    def fail_processing_next(self, status: str = "FAILED", error: str = "Internal processing error") -> None:
        """Make the next preprocessed file end in `status` (FAILED or INVALID_FORMAT) with `error`."""
        with self._lock:
            self._forced_outcome = (status, error)

    @property
    def requests(self) -> list[LoggedRequest]:
        """Every request so far, in order."""
        with self._lock:
            return list(self._log)

    def requests_to(self, method: str, path_prefix: str) -> list[LoggedRequest]:
        """The requests with this method whose path starts with `path_prefix`."""
        return [r for r in self.requests if r.method == method and r.path.startswith(path_prefix)]

    def clear_log(self) -> None:
        """Forget the request log (state is kept)."""
        with self._lock:
            self._log.clear()

    # -- dispatch ----------------------------------------------------------------------------------

    def handle(self, method: str, raw_path: str, headers: dict[str, str], body: bytes) -> Response:
        """Answer one request; called by the handler thread."""
        url = urlsplit(raw_path)
        path, query = url.path, parse_qs(url.query)
        with self._lock:
            response = self._answer(method, path, query, headers, body)
            self._log.append(LoggedRequest(method, path, len(body), response.status))
        return response

    def _answer(self, method: str, path: str, query: dict, headers: dict[str, str], body: bytes) -> Response:
        fault = next(
            (f for f in self._faults if path.startswith(f.path_prefix) and f.method in (None, method)), None
        )
        if fault is not None:
            fault.remaining -= 1
            if fault.remaining <= 0:
                self._faults.remove(fault)
            extra = {"Retry-After": f"{fault.retry_after:g}"} if fault.retry_after is not None else {}
            return error_response(fault.status, fault.message or f"injected fault {fault.status}", **extra)
        if path.startswith("/v1/") and not self._authorized(headers.get("authorization", "")):
            return error_response(
                401, "Invalid API key provided. You can find your API key at api.together.ai."
            )
        for route_method, pattern, handler in self._routes:
            match = pattern.fullmatch(path)
            if match and route_method == method:
                return handler(query=query, headers=headers, body=body, **match.groupdict())
        if any(p.fullmatch(path) for _, p, _ in self._routes):
            return error_response(405, f"method {method} not allowed on {path}")
        return error_response(404, f"no route for {path}")

    def _authorized(self, header: str) -> bool:
        scheme, _, token = header.partition(" ")
        return scheme == "Bearer" and hmac.compare_digest(token.encode(), self._api_key)

    # -- files -------------------------------------------------------------------------------------

    def _create_upload(self, *, headers: dict[str, str], body: bytes, **_: object) -> Response:
        ctype = headers.get("content-type", "")
        if not ctype.startswith("multipart/form-data"):
            return error_response(400, "expected multipart/form-data")
        form = parse_multipart(ctype, body)
        missing = [k for k in ("purpose", "file_name", "file_type", "checksum") if not form.get(k)]
        if missing:
            return error_response(400, f"missing form fields: {', '.join(missing)}")
        if form["purpose"] not in ("fine-tune", "eval", "batch-api", "calibration"):
            return error_response(400, "invalid purpose")
        if form["file_type"] not in ("jsonl", "parquet", "csv"):
            return error_response(400, "invalid file_type")
        if not re.fullmatch(r"[0-9a-f]{64}", form["checksum"]):
            return error_response(400, "checksum must be a hex sha256")
        existing = self._by_checksum.get(form["checksum"])
        if existing is not None:
            # x-should-retry: false stops the SDK from retrying a 409 as a "lock timeout".
            return json_response(
                409, {"file_id": existing, "message": "File already exists"}, **{"x-should-retry": "false"}
            )
        file_id = f"file-{secrets.token_hex(12)}"
        token = secrets.token_urlsafe(24)
        self.files[file_id] = StoredFile(
            id=file_id,
            filename=form["file_name"],
            purpose=form["purpose"],
            file_type=form["file_type"],
            checksum=form["checksum"],
            created_at=int(time.time()),
            token=token,
        )
        self._by_token[token] = file_id
        return Response(
            302, headers={"Location": f"{self.base_url}/upload/{token}", "X-Together-File-Id": file_id}
        )

    def _put_bytes(self, *, token: str, headers: dict[str, str], body: bytes, **_: object) -> Response:
        file_id = self._by_token.get(token)
        if file_id is None:
            return error_response(403, "upload URL unknown or already used")
        declared = headers.get("content-length")
        if declared is None or int(declared) != len(body):
            return error_response(411, "Content-Length required and must match the body")
        stored = self.files[file_id]
        if hashlib.sha256(body).hexdigest() != stored.checksum:
            return error_response(400, "uploaded bytes do not match the announced checksum")
        stored.data = body
        stored.token = None
        del self._by_token[token]
        self._by_checksum[stored.checksum] = file_id
        return Response(200, content_type="text/plain")

    def _preprocess(self, *, file_id: str, **_: object) -> Response:
        stored = self.files.get(file_id)
        if stored is None:
            return error_response(404, "File not found")
        if stored.data is None:
            return error_response(400, "upload not complete: PUT the bytes first")
        if stored.processing_status is None:
            stored.processing_status = "PENDING"
            if self._forced_outcome is not None:
                status, error = self._forced_outcome
                self._forced_outcome = None
                report = {"valid": False, "error": error}
                if status == "INVALID_FORMAT":
                    report["error_type"] = "INVALID_FORMAT"
                stored.outcome = (status, report)
            else:
                report = validate_dataset(stored.data)
                stored.outcome = ("COMPLETED" if report["valid"] else "INVALID_FORMAT", report)
        return json_response(200, stored.asjson_response())

    def _list_files(self, **_: object) -> Response:
        done = [f.asjson_response() for f in self.files.values() if f.data is not None]
        return json_response(200, {"object": "list", "data": done})

    def _retrieve_file(self, *, file_id: str, **_: object) -> Response:
        stored = self.files.get(file_id)
        if stored is None or stored.data is None:
            return error_response(404, "File not found")
        if stored.processing_status in ("PENDING", "RUNNING"):
            stored.polls += 1
            if stored.polls >= self.polls_until_done and stored.outcome is not None:
                stored.processing_status = stored.outcome[0]
            else:
                stored.processing_status = "RUNNING"
        return json_response(200, stored.asjson_response())

    def _delete_file(self, *, file_id: str, **_: object) -> Response:
        stored = self.files.pop(file_id, None)
        if stored is None:
            return error_response(404, "File not found")
        if self._by_checksum.get(stored.checksum) == file_id:
            del self._by_checksum[stored.checksum]
        return json_response(200, {"id": file_id, "deleted": True})

    def _content(self, *, file_id: str, **_: object) -> Response:
        stored = self.files.get(file_id)
        if stored is None or stored.data is None:
            return error_response(404, "File not found")
        return Response(200, stored.data, content_type="application/octet-stream")
