"""Tests for sanitizers.image_text: the readable text inside an image data URL's bytes."""

import zlib

import pytest

from sanitizers.image_text import image_text
from tests.fake_keys import github_token
from tests.image_bytes import data_url, jpeg, png

KEY = github_token(11)


@pytest.mark.parametrize(
    "image",
    [
        png([(b"tEXt", b"Comment\x00" + KEY.encode())]),  # plain text chunk
        png([(b"zTXt", b"Comment\x00\x00" + zlib.compress(KEY.encode()))]),  # compressed text chunk
        png([(b"iTXt", b"Comment\x00\x01\x00en\x00\x00" + zlib.compress(KEY.encode()))]),  # compressed iTXt
        png([(b"iTXt", b"Comment\x00\x00\x00\x00\x00" + KEY.encode())]),  # uncompressed iTXt
        png(trailer=b"\x00" + KEY.encode()),  # bytes appended after IEND
        jpeg(b"\x00" + KEY.encode() + b"\x00"),  # JPEG comment
    ],
)
def test_finds_key_text_when_image_bytes_carry_it(image: bytes) -> None:
    mime = "image/jpeg" if image.startswith(b"\xff\xd8") else "image/png"
    assert KEY in image_text(data_url(image, mime)).split("\n")


@pytest.mark.parametrize("pad", range(8))
def test_reads_jpeg_comment_apart_from_its_length_when_length_byte_is_a_letter(pad: int) -> None:
    # A COM segment's 2-byte big-endian length sits right before the text: lengths 0x30-0x7a end in a
    # printable byte that would otherwise be glued to the key's first character.
    comment = KEY.encode() + b" " * pad
    assert KEY in image_text(data_url(jpeg(comment), "image/jpeg")).split()


def test_returns_no_key_text_when_image_has_no_text() -> None:
    assert KEY not in image_text(data_url(png()))


@pytest.mark.parametrize("url", ["https://example.com/a.png", "data:image/png,rawbytes", "data:image/png;base64,%%%"])
def test_returns_empty_text_when_url_is_not_base64_data(url: str) -> None:
    assert image_text(url) == ""


def test_stops_inflating_when_compressed_chunk_is_a_bomb() -> None:
    bomb = zlib.compress(b"A" * (50 * 1024 * 1024))  # 50 MB of "A" in ~50 KB
    text = image_text(data_url(png([(b"zTXt", b"k\x00\x00" + bomb)])))
    assert len(text) <= 2 * 1024 * 1024
