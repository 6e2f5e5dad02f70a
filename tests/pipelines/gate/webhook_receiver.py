"""A real webhook receiver on 127.0.0.1 that checks every request with `verify_signature`."""

import secrets
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from pipelines.gate.notify import SIGNATURE_HEADER, verify_signature


@dataclass
class Receiver:
    """A real webhook receiver on 127.0.0.1 that verifies each request with verify_signature."""

    secret: str
    url: str = ""
    seen: set = field(default_factory=set)
    # (raw body, signature header, verified?) per request, in arrival order.
    received: list[tuple[bytes, str, bool]] = field(default_factory=list)
    status_for_invalid: int = 401


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    """Serve a receiver for one test; its URL and secret are on the yielded object."""
    state = Receiver(secret=secrets.token_hex(16))

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            header = self.headers.get(SIGNATURE_HEADER, "")
            ok = verify_signature(body, header, state.secret, seen=state.seen)
            state.received.append((body, header, ok))
            self.send_response(204 if ok else state.status_for_invalid)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
