"""Discord bot tokens: base64 of the bot's numeric id, a timestamp part and an HMAC part.

They carry no fixed prefix, so the shape is checked and the first part must decode to the 17-20
digit id (a Discord "snowflake"): a random dotted string of the same lengths almost never does.
"""

import base64
import binascii
import re
from typing import ClassVar

from sanitizers.entropy import is_fake_token_body
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
    "discord-api-token", detect-secrets DiscordBotTokenDetector); the id check is ours.
    """

    ENTITY = "VENDOR_API_KEY"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "discord bot token",
            r"(?<![A-Za-z0-9_-])[MNO]" + _B64URL + r"{23,27}\." + _B64URL + r"{6}\." + _B64URL + r"{27,38}"
            r"(?![A-Za-z0-9_.-])",
            0.85,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["discord", "bot", "token"]
    # base64 of a leading digit 1-9 and the next digit: the first two characters of every id part.
    PREFILTER_EXACT: ClassVar[tuple[str, ...]] = ("MT", "Mj", "Mz", "ND", "NT", "Nj", "Nz", "OD", "OT")

    def validate_result(self, pattern_text: str) -> bool | None:
        """The first part must decode to a Discord id; then the token is certain."""
        return _decodes_to_snowflake(pattern_text.split(".", 1)[0])

    def invalidate_result(self, pattern_text: str) -> bool:
        """Drop placeholder HMAC parts (`xxxx...`)."""
        return is_fake_token_body(pattern_text.rsplit(".", 1)[-1])
