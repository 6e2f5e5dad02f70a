"""Keys pasted as bare quoted literals: `"I6Fwz...X2U="`, `connect('Kq9...Zt')`, with no name or prefix.

detect-secrets' HighEntropyString plugin reads every quoted string; this one is stricter, because chat
text quotes many ids and digests: 40+ characters of base64 or base64url, upper and lower case and
digits, near the entropy of random bytes, no hex digest or UUID, no encoded prose, no path or words.
"""

import math
import re
from typing import ClassVar

from sanitizers.credential_keywords import PUBLIC_HEADS
from sanitizers.entropy import char_classes, looks_random
from sanitizers.pattern import Pattern
from sanitizers.recognizers.password_assignment_recognizer import decodes_to_prose
from sanitizers.recognizers.secret_recognizer import SecretRecognizer

_SHORTEST = 40  # shorter quoted runs are ids (tool calls, completions, messages) more often than keys
_HEX_OR_UUID = re.compile(r"^[0-9a-fA-F_-]+$")
# Word chunks: random base64 averages under 2 characters a chunk, paths and names of code over 4.
_CHUNK = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+")
_MAX_AVERAGE_CHUNK = 3.0
_NOT_ALNUM = re.compile(r"[^A-Za-z0-9]")
# The name of a public key or token (`public_key`, `PUBLIC_TOKEN`, `pubKey`, `publishable-api-key`); the
# head is a word of its own (`republic_key` is none).
_PUBLIC_NAME = (
    "(?:(?<![A-Za-z])(?i:" + "|".join(PUBLIC_HEADS) + ")|" + "|".join(w.title() for w in PUBLIC_HEADS) + ")"
    + r"(?i:[_.-]?(?:api[_.-]?)?(?:key|token))"
)


def _reads_as_random(value: str) -> bool:
    """True when `value` has the chunks, classes and entropy of random bytes in base64."""
    body = value.rstrip("=")
    chunks = _CHUNK.findall(body)
    if not chunks or sum(map(len, chunks)) / len(chunks) > _MAX_AVERAGE_CHUNK:
        return False
    alnum = sum(map(str.isalnum, body))
    return char_classes(_NOT_ALNUM.sub("", body)) == 3 and looks_random(
        body, min_entropy=min(4.5, 0.8 * math.log2(alnum)), min_classes=3)


class HighEntropyStringRecognizer(SecretRecognizer):
    """Detects long random base64/base64url literals between matching quotes; the span is the inside.

    Known misses: hex keys (told from digests only by a name: `PasswordAssignmentRecognizer`), random
    strings shorter than 40 characters, unquoted ones.
    """

    ENTITY = "HIGH_ENTROPY_STRING"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "quoted random string",
            r"(?<![A-Za-z0-9_\\])([\"'])\K[A-Za-z0-9+/_-]{40,512}+={0,2}"
            # ...not the value of a public key or token (`public_key = "..."`, `publishableKey: '...'`): checked
            # behind a whole run only, so it costs nothing where no run matched.
            r"(?<!" + _PUBLIC_NAME + r"[\"']?[ \t]{0,5}(?::=|=>|:|=)[ \t]{0,5}[\"'][A-Za-z0-9+/_-]{40,512}={0,2})"
            r"(?=\1)",
            0.5,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["key", "secret", "token"]
    PREFILTER: ClassVar[tuple[str, ...]] = ('"', "'")

    def invalidate_result(self, pattern_text: str) -> bool:
        """Keep random-looking bodies; drop hex digests, UUIDs, encoded prose, paths and names."""
        if len(pattern_text) < _SHORTEST or _HEX_OR_UUID.match(pattern_text):
            return True
        return not _reads_as_random(pattern_text) or decodes_to_prose(pattern_text)
