"""HTTP plumbing of the test server: responses, multipart parsing and the request handler."""

import json
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler
from typing import Protocol


@dataclass
class Response:
    """What the server answers: status, body, extra headers."""

    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "application/json"


def json_response(status: int, payload: object, **headers: str) -> Response:
    """A JSON response."""
    return Response(status, json.dumps(payload).encode(), headers)


def error_response(status: int, message: str, **headers: str) -> Response:
    """An error in Together's shape: {"error": {"message", "type"}}."""
    return json_response(status, {"error": {"message": message, "type": "invalid_request_error"}}, **headers)


class App(Protocol):
    """What the handler needs from the server: one call per request."""

    def handle(self, method: str, raw_path: str, headers: dict[str, str], body: bytes) -> Response: ...


def parse_multipart(content_type: str, body: bytes) -> dict[str, str]:
    """Return the form fields of a multipart/form-data body as strings."""
    message = BytesParser(policy=HTTP).parsebytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body
    )
    form: dict[str, str] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if name:
            payload = part.get_payload(decode=True) or b""
            form[str(name)] = payload.decode("utf-8", "replace")
    return form


class Handler(BaseHTTPRequestHandler):
    """Reads the whole body (Content-Length or chunked), asks the app, writes the answer."""

    protocol_version = "HTTP/1.1"
    server_app: App

    def _dispatch(self) -> None:
        body = self._read_body()
        headers = {k.lower(): v for k, v in self.headers.items()}
        response = self.server_app.handle(self.command, self.path, headers, body)
        self.send_response(response.status)
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(response.body)

    def _read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks = []
            while size := int(self.rfile.readline().split(b";")[0].strip() or b"0", 16):
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
            while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                pass
            return b"".join(chunks)
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    do_GET = do_POST = do_PUT = do_DELETE = _dispatch

    def log_message(self, format: str, *args: object) -> None:
        pass
