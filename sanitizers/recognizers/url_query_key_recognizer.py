"""API keys and signatures in the query string of a URL: `?key=...`, `&sig=...`, `&X-Amz-Signature=...`.

Many APIs take the key as a query parameter named plainly `key` (Google Maps and Cloud APIs, Bing,
many REST services), and signed URLs carry their signature the same way (Azure SAS `sig`, AWS and
Google Cloud `X-*-Signature`): whoever holds the URL holds the access. `PasswordAssignmentRecognizer`
reads `token=`, `api_key=` and `secret=`; a bare `key=` names no credential outside a URL
(`sort_key=`, `cache key=`), so it counts here only after `?` or `&`.
"""

import re
from typing import ClassVar

from sanitizers.entropy import (
    char_classes,
    is_repetitive,
    is_sequential,
    looks_like_placeholder,
    shannon_entropy,
)
from sanitizers.pattern import Pattern
from sanitizers.recognizers.secret_recognizer import SecretRecognizer

# The value: URL characters up to the next parameter, fragment or blank.
_VALUE = r"\K[A-Za-z0-9_.~%+/=-]{16,1024}+(?![A-Za-z0-9_.~%+/=-])"
# Words glued by `_`, `-` or `.` (`created_at_desc`, `user-profile-page`): a name, not a key.
_GLUED_WORDS = re.compile(r"[A-Za-z]+(?:[_.-][A-Za-z]+)*")


def looks_like_query_key(value: str) -> bool:
    """True for a random run: 16+ characters of two classes or more, not a filler, placeholder or words."""
    return (
        len(value) >= 16
        and not _GLUED_WORDS.fullmatch(value)
        and char_classes(value) >= 2
        and shannon_entropy(value) >= 3.0
        and not is_sequential(value)
        and not is_repetitive(value)
        and not looks_like_placeholder(value)
    )


class UrlQueryKeyRecognizer(SecretRecognizer):
    """Detects the value of a `key`, `apikey`, `sig` or `*-Signature` parameter in a URL query string.

    Limits: a key under another parameter name (`?k=...`, `?app_id=...&app_code=...`) is left to the
    entropy and vendor rules.
    """

    ENTITY = "PASSWORD_ASSIGNMENT"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "url query key",
            r"[?&](?i:key|apikey|sig|signature|x-(?:amz|goog)-signature)=" + _VALUE,
            0.7,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["key", "signature", "url"]
    PREFILTER: ClassVar[tuple[str, ...]] = ("key=", "sig=", "signature=")

    def invalidate_result(self, pattern_text: str) -> bool:
        """Drop values that do not look random (words, fillers, placeholders)."""
        return not looks_like_query_key(pattern_text)
