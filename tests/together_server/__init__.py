"""A Together-compatible test server (real HTTP on 127.0.0.1) for the real `together` SDK."""

from tests.together_server.server import LoggedRequest, TogetherServer

__all__ = ["LoggedRequest", "TogetherServer"]
