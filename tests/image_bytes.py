"""Small real images for tests, built in memory: a 1x1 PNG (with text chunks) and a minimal JPEG."""

import base64
import struct
import zlib

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png(text_chunks: list[tuple[bytes, bytes]] = (), trailer: bytes = b"") -> bytes:
    """A valid 1x1 grey PNG with the given (chunk type, chunk body) text chunks, and bytes after IEND."""
    header = _chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
    pixels = _chunk(b"IDAT", zlib.compress(b"\x00\x80"))
    texts = b"".join(_chunk(kind, body) for kind, body in text_chunks)
    return PNG_SIGNATURE + header + texts + pixels + _chunk(b"IEND", b"") + trailer


def jpeg(comment: bytes) -> bytes:
    """JPEG markers only (SOI, COM, EOI): enough for the validator's signature check."""
    return b"\xff\xd8\xff\xfe" + struct.pack(">H", len(comment) + 2) + comment + b"\xff\xd9"


def data_url(image: bytes, mime: str = "image/png") -> str:
    return f"data:{mime};base64," + base64.b64encode(image).decode("ascii")
