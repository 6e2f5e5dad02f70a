"""Text carried inside an image data URL: what a secret scanner can read in the image's bytes.

A PNG's tEXt/iTXt chunks, a JPEG's comment and EXIF fields, or bytes simply appended after the image
hold text that leaves with the image. `image_text(url)` decodes the data URL and returns the printable
ASCII runs of its bytes (at least `MIN_RUN` long), one per line; a PNG is read chunk by chunk, its text
chunks (tEXt, zTXt, iTXt) as text, compressed ones inflated up to `MAX_INFLATED` bytes, and a JPEG
segment by segment (comments, EXIF). Limits: text drawn as pixels is not read (that would need OCR);
inside WebP or JPEG image data a printable run can touch a printable byte of the data, which can hide
a key's end from a recognizer that checks it.
"""

import binascii
import re
import struct
import zlib

MIN_RUN = 8  # shorter printable runs are noise in compressed image data; no secret is this short
MAX_INFLATED = 1024 * 1024  # a compressed chunk is inflated up to this size, so a zip bomb stays cheap
_PRINTABLE_RUN = re.compile(rb"[\x20-\x7e]{%d,}" % MIN_RUN)
_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8"


def image_text(url: str) -> str:
    """The readable text in a `data:...;base64,` URL's bytes ("" when it is not one or holds none)."""
    head, sep, payload = url.partition(",")
    if not sep or not head.endswith(";base64"):
        return ""
    try:
        data = binascii.a2b_base64(payload)
    except (binascii.Error, ValueError):
        return ""
    if data.startswith(_PNG):
        parts = _png_text(data)
    elif data.startswith(_JPEG):
        parts = _jpeg_text(data)
    else:
        parts = _runs(data)
    return "\n".join(parts)


def _runs(data: bytes) -> list[str]:
    return [run.decode("ascii") for run in _PRINTABLE_RUN.findall(data)]


def _png_text(data: bytes) -> list[str]:
    """Text of a PNG, chunk by chunk: a chunk's length and CRC are never glued to the text beside them.

    tEXt, zTXt and iTXt chunks give their text (inflated when compressed); any other chunk, and bytes
    after the last chunk, give their printable runs.
    """
    out: list[str] = []
    pos = len(_PNG)
    while pos + 8 <= len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        if pos + 12 + length > len(data):
            break  # not a whole chunk: read the rest as bytes
        kind = data[pos + 4 : pos + 8]
        out.extend(_runs(_chunk_text(kind, data[pos + 8 : pos + 8 + length])))
        pos += 12 + length  # length, type, data, CRC
        if kind == b"IEND":
            break
    out.extend(_runs(data[pos:]))  # anything after the last chunk
    return out


def _jpeg_text(data: bytes) -> list[str]:
    """Text of a JPEG, segment by segment, so a segment's big-endian length (whose low byte can be a
    letter) is never glued to the comment or EXIF text after it; the image data after the start of
    scan, and anything after it, give their printable runs."""
    out: list[str] = []
    pos = 2  # after SOI
    while pos + 4 <= len(data) and data[pos] == 0xFF:
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker == 0xD8 or 0xD0 <= marker <= 0xD7 or marker == 0x01:  # no length
            pos += 2
            continue
        if marker == 0xD9:  # end of image
            pos += 2
            break
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        out.extend(_runs(data[pos + 4 : pos + 2 + length]))
        pos += 2 + length
        if marker == 0xDA:  # start of scan: entropy-coded data follows, read as bytes
            break
    out.extend(_runs(data[pos:]))
    return out


def _chunk_text(kind: bytes, body: bytes) -> bytes:
    """The text bytes of a PNG chunk: a text chunk's keyword and text (inflated), any other's body."""
    keyword_end = body.find(b"\x00")
    if kind not in (b"tEXt", b"zTXt", b"iTXt") or keyword_end < 0:
        return body
    keyword, rest = body[:keyword_end], body[keyword_end + 1 :]
    if kind == b"tEXt":
        return keyword + b"\n" + rest
    if kind == b"zTXt":
        return keyword + b"\n" + _inflate(rest[1:])  # compression method, then the zlib stream
    # iTXt: compression flag, method, language tag NUL, translated keyword NUL, text
    compressed = rest[:1] == b"\x01"
    fields = rest[2:].split(b"\x00", 2)
    if len(fields) < 3:
        return body
    text = _inflate(fields[2]) if compressed else fields[2]
    return b"\n".join((keyword, fields[0], fields[1], text))


def _inflate(stream: bytes) -> bytes:
    try:
        return zlib.decompressobj().decompress(stream, MAX_INFLATED)
    except zlib.error:
        return b""
