"""Content of a message, prompt or completion: a string, or a list of text and image_url parts.

The pydantic types check shape; `check_content` checks what a shape cannot say: emptiness, string and
list content mixed in one sample, where images may appear, how many, and that each is a real data URL.
"""

import binascii
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import Discriminator, Tag

from schemas.problems import Problem, problem
from schemas.reasons import Reason
from schemas.strict_model import StrictModel

# together/lib/constants.py (SDK 3.1.1): MAX_IMAGES_PER_EXAMPLE, MAX_IMAGE_BYTES.
MAX_IMAGES_PER_EXAMPLE = 10
MAX_IMAGE_BYTES = 10 * 1024 * 1024

_DATA_URL = re.compile(r"data:image/(?:jpeg|png|webp);base64,")
# File signatures: JPEG SOI marker, PNG's 8-byte magic, RIFF....WEBP.
_JPEG, _PNG = b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n"


class TextPart(StrictModel):
    """`{"type": "text", "text": ...}`."""

    type: Literal["text"]
    text: str


class ImageURL(StrictModel):
    """`{"url": "data:image/...;base64,..."}`."""

    url: str


class ImagePart(StrictModel):
    """`{"type": "image_url", "image_url": {"url": ...}}`."""

    type: Literal["image_url"]
    image_url: ImageURL


def _part_tag(value: Any) -> str | None:
    kind = value.get("type") if isinstance(value, dict) else None
    return f"#{kind}" if kind in ("text", "image_url") else None


def _content_tag(value: Any) -> str | None:
    if isinstance(value, str):
        return "#str"
    return "#list" if isinstance(value, list) else None


# Tagged unions, so an error names the one branch that applies instead of every branch; the "#" tags are
# stripped from field paths by schemas.problems.
ContentPart = Annotated[
    Annotated[TextPart, Tag("#text")] | Annotated[ImagePart, Tag("#image_url")],
    Discriminator(_part_tag, custom_error_type="part_type", custom_error_message="Unknown content part type"),
]
Content = Annotated[
    Annotated[str, Tag("#str")] | Annotated[list[ContentPart], Tag("#list")],
    Discriminator(
        _content_tag, custom_error_type="content_type", custom_error_message="Not a string or list"
    ),
]


@dataclass(slots=True)
class ContentTally:
    """What one sample's contents have shown so far: the first content kind, and the image count."""

    kind: str | None = None
    images: int = 0


def check_content(
    content: Any, path: str, tally: ContentTally, *, required: bool, images_allowed: bool
) -> Problem | None:
    """Check one shape-valid content value at `path`; return the first Problem, or None."""
    if content is None:
        if required:
            return problem(Reason.EMPTY_CONTENT, path, "is required but missing or null", "add the text")
        return None
    kind = "string" if isinstance(content, str) else "list"
    if tally.kind is None:
        tally.kind = kind
    elif tally.kind != kind:
        return problem(
            Reason.MIXED_CONTENT,
            path,
            f"is a {kind} but an earlier content in this sample is a {tally.kind}",
            "use either strings or content-part lists throughout one sample",
        )
    if kind == "string":
        if required and not content.strip():
            return problem(
                Reason.EMPTY_CONTENT, path, "is empty or whitespace only", "add the text or drop it"
            )
        return None
    has_text = False
    for j, part in enumerate(content):
        if part["type"] == "text":
            has_text = has_text or bool(part["text"].strip())
            continue
        found = _check_image(part["image_url"]["url"], f"{path}[{j}]", tally, images_allowed)
        if found is not None:
            return found
    if required and not has_text and not _has_image(content):
        return problem(Reason.EMPTY_CONTENT, path, "has no non-blank text and no image", "add the text")
    return None


def _has_image(parts: list[dict[str, Any]]) -> bool:
    """True if a content-part list holds an image part."""
    return any(part["type"] == "image_url" for part in parts)


def _check_image(url: str, path: str, tally: ContentTally, images_allowed: bool) -> Problem | None:
    if not images_allowed:
        return problem(
            Reason.INVALID_IMAGE, path, "is an image outside a user message", "move it to a user message"
        )
    tally.images += 1
    if tally.images > MAX_IMAGES_PER_EXAMPLE:
        return problem(
            Reason.TOO_MANY_IMAGES,
            path,
            f"is image number {tally.images}; Together allows {MAX_IMAGES_PER_EXAMPLE} per example",
            "split the example or remove images",
        )
    return check_image_url(url, f"{path}.image_url.url")


def check_image_url(url: str, path: str) -> Problem | None:
    """Check a data URL: allowed MIME type, strict base64, at most 10 MB decoded, real image bytes."""
    head = _DATA_URL.match(url)
    if head is None:
        return problem(
            Reason.INVALID_IMAGE,
            path,
            "must be a data URL starting data:image/jpeg|png|webp;base64,",
            "embed the image as base64 (remote URLs are not accepted)",
        )
    payload = url[head.end() :]
    # Reject by length first: no need to decode 100 MB only to count it.
    if len(payload) // 4 * 3 - 2 > MAX_IMAGE_BYTES:
        return _too_large(path)
    try:
        data = binascii.a2b_base64(payload, strict_mode=True)
    except ValueError:  # binascii.Error, or non-ASCII characters
        return problem(
            Reason.INVALID_IMAGE, path, "is not valid base64", "re-encode the image with standard base64"
        )
    if len(data) > MAX_IMAGE_BYTES:
        return _too_large(path)
    if not (data.startswith((_JPEG, _PNG)) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP")):
        return problem(
            Reason.INVALID_IMAGE, path, "does not decode to a JPEG, PNG or WebP image", "re-encode it"
        )
    return None


def _too_large(path: str) -> Problem:
    return problem(
        Reason.IMAGE_TOO_LARGE,
        path,
        f"decodes to more than {MAX_IMAGE_BYTES // (1024 * 1024)} MB",
        "downscale or recompress the image",
    )
