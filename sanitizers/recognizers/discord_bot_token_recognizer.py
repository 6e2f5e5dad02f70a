"""Discord bot tokens: base64 of the bot's numeric id, a timestamp part and an HMAC part.

They carry no fixed prefix, so the shape is checked and the first part must decode to the 17-20
digit id (a Discord "snowflake"): a random dotted string of the same lengths almost never does.
"""

import base64
import binascii
import re
from typing import ClassVar

from sanitizers.entropy import is_template_body
from sanitizers.pattern import Pattern
from sanitizers.recognizers.secret_recognizer import SecretRecognizer

_B64URL = "[A-Za-z0-9_-]"
_SNOWFLAKE = re.compile(r"^[1-9][0-9]{16,19}$")


def _decodes_to_snowflake(segment: str) -> bool:
    padded = segment + "=" * (-len(segment) % 4)
    try:
        return bool(_SNOWFLAKE.match(base64.urlsafe_b64decode(padded).decode("ascii")))
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return False


class DiscordBotTokenRecognizer(SecretRecognizer):
    """Detects Discord bot tokens (id.timestamp.hmac); the span is the whole token.

    Shape from Discord's developer documentation and the public scanner rules (gitleaks
    "discord-api-token", detect-secrets DiscordBotTokenDetector: an id part of 24-26 characters); an
    id part that decodes to a numeric id raises the score to certain.
    """

    ENTITY = "VENDOR_API_KEY"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "discord bot token",
            r"(?<![A-Za-z0-9_-])[MNO]" + _B64URL + r"{23,25}\." + _B64URL + r"{6}\." + _B64URL + r"{27,38}"
            r"(?![A-Za-z0-9_.-])",
            0.85,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["discord", "bot", "token"]
    # The id part's first letter (it need not decode to an id: see `validate_result`).
    PREFILTER_EXACT: ClassVar[tuple[str, ...]] = ("M", "N", "O")

    def validate_result(self, pattern_text: str) -> bool | None:
        """An id part that decodes to a Discord id makes the token certain; otherwise the shape alone
        (id.timestamp.hmac at Discord's lengths) keeps the pattern score, as scanner rules read it."""
        return True if _decodes_to_snowflake(pattern_text.split(".", 1)[0]) else None

    def invalidate_result(self, pattern_text: str) -> bool:
        """Drop template HMAC parts (`<hmac>`, `****`); a filler at the exact shape is reported."""
        return is_template_body(pattern_text.rsplit(".", 1)[-1])
