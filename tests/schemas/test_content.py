"""Tests for schemas.content: emptiness, mixed content, where images go, and data-URL checks."""

import base64

import pytest

from schemas.content import MAX_IMAGE_BYTES, ContentTally, check_content, check_image_url
from schemas.reasons import Reason

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 24
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 24
WEBP = b"RIFF" + b"\x10\x00\x00\x00" + b"WEBP" + b"\x00" * 16


def data_url(mime: str, payload: bytes) -> str:
    return f"data:image/{mime};base64," + base64.b64encode(payload).decode()


def image(url: str) -> dict:
    return {"type": "image_url", "image_url": {"url": url}}


def text(value: str) -> dict:
    return {"type": "text", "text": value}


@pytest.mark.parametrize(
    "url",
    [
        data_url("png", PNG),
        data_url("jpeg", JPEG),
        data_url("webp", WEBP),
        data_url("png", JPEG),  # the declared type need not match: any of the three formats is an image
    ],
)
def test_accepts_image_when_data_url_is_valid(url: str) -> None:
    assert check_image_url(url, "u") is None


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://example.com/cat.png", Reason.INVALID_IMAGE),  # remote URLs are not accepted
        (data_url("gif", PNG), Reason.INVALID_IMAGE),  # gif is not an allowed type
        (data_url("jpg", JPEG), Reason.INVALID_IMAGE),  # near miss: the MIME type is image/jpeg
        ("data:image/png," + base64.b64encode(PNG).decode(), Reason.INVALID_IMAGE),  # no ;base64
        ("data:image/png;base64,@@@@", Reason.INVALID_IMAGE),  # not base64
        ("data:image/png;base64,iVBORw0KGgo", Reason.INVALID_IMAGE),  # missing padding (strict base64)
        ("data:image/png;base64," + base64.b64encode(PNG).decode() + "\n", Reason.INVALID_IMAGE),
        ("data:image/png;base64,é", Reason.INVALID_IMAGE),  # non-ASCII
        (data_url("png", b"GIF89a" + b"\x00" * 20), Reason.INVALID_IMAGE),  # decodes, but not an image
        (data_url("png", b""), Reason.INVALID_IMAGE),  # empty payload
        (data_url("png", PNG + b"\x00" * MAX_IMAGE_BYTES), Reason.IMAGE_TOO_LARGE),  # over 10 MB decoded
    ],
)
def test_rejects_image_when_data_url_is_bad(url: str, reason: Reason) -> None:
    found = check_image_url(url, "messages[0].content[0].image_url.url")
    assert found is not None and found.reason is reason
    assert found.field == "messages[0].content[0].image_url.url"


def test_accepts_image_when_exactly_at_size_limit() -> None:
    payload = PNG + b"\x00" * (MAX_IMAGE_BYTES - len(PNG))
    assert check_image_url(data_url("png", payload), "u") is None


@pytest.mark.parametrize(
    ("content", "required", "reason"),
    [
        ("hello", True, None),
        ("", True, Reason.EMPTY_CONTENT),
        (" \n\t", True, Reason.EMPTY_CONTENT),  # whitespace only
        ("", False, None),  # not required (an assistant message with tool_calls)
        (None, True, Reason.EMPTY_CONTENT),  # missing where required
        (None, False, None),
        ([text("hi")], True, None),
        ([], True, Reason.EMPTY_CONTENT),  # an empty part list
        ([text(" "), text("")], True, Reason.EMPTY_CONTENT),  # only blank text parts
        ([text(""), text("x")], True, None),  # one blank part beside real text is fine
        ([image(data_url("png", PNG))], True, None),  # an image alone is content
    ],
)
def test_checks_emptiness_when_content_is_given(
    content: object, required: bool, reason: Reason | None
) -> None:
    found = check_content(content, "c", ContentTally(), required=required, images_allowed=True)
    assert (found.reason if found else None) is reason


def test_rejects_mixed_content_when_string_follows_list() -> None:
    tally = ContentTally()
    assert check_content([text("a")], "m[0].content", tally, required=True, images_allowed=True) is None
    found = check_content("b", "m[1].content", tally, required=True, images_allowed=True)
    assert found is not None and found.reason is Reason.MIXED_CONTENT and found.field == "m[1].content"


def test_accepts_same_kind_when_all_contents_are_strings() -> None:
    tally = ContentTally()
    for i in range(3):
        assert check_content(f"t{i}", f"m[{i}].content", tally, required=True, images_allowed=True) is None


def test_rejects_image_when_images_are_not_allowed() -> None:
    found = check_content(
        [text("see"), image(data_url("png", PNG))], "messages[1].content", ContentTally(), required=True,
        images_allowed=False,
    )
    assert found is not None and found.reason is Reason.INVALID_IMAGE
    assert found.field == "messages[1].content[1]"


def test_rejects_eleventh_image_when_counted_across_contents() -> None:
    tally = ContentTally()
    five = [image(data_url("png", PNG))] * 5
    assert check_content(five, "a", tally, required=True, images_allowed=True) is None
    assert check_content(five, "b", tally, required=True, images_allowed=True) is None
    found = check_content([image(data_url("png", PNG))], "c", tally, required=True, images_allowed=True)
    assert found is not None and found.reason is Reason.TOO_MANY_IMAGES and found.field == "c[0]"
