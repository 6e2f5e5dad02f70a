"""Twilio API key SIDs (`SK...`), and account SIDs / auth tokens next to a Twilio mention."""

from typing import ClassVar

from sanitizers.entropy import looks_random
from sanitizers.pattern import Pattern
from sanitizers.recognizers.secret_recognizer import LEFT, SecretRecognizer

_HEX32_END = r"[0-9a-f]{32}(?![0-9A-Za-z])"


class TwilioKeyRecognizer(SecretRecognizer):
    """Detects Twilio API key SIDs, and account SIDs and auth tokens only with Twilio context.

    Limits: an auth token needs `auth_token`/`auth token` right before it; a bare 32-hex value
    is indistinguishable from an MD5 digest and is not reported.
    """

    ENTITY = "TWILIO_API_KEY"
    PATTERNS: ClassVar[list[Pattern]] = [
        # Twilio docs "API keys" (SID starts with SK) and gitleaks twilio-api-key: SK + 32 hex.
        Pattern("twilio api key sid", LEFT + r"SK" + _HEX32_END, 0.75),
        # Account SIDs (AC + 32 hex) identify the account that an auth token unlocks; reported only
        # within 60 chars after "twilio" or "account sid" so that hex ids elsewhere stay.
        Pattern(
            "twilio account sid (with context)",
            r"(?i:twilio|account[_ ]?sid)[^\n]{0,60}?\K" + LEFT + r"AC" + _HEX32_END,
            0.6,
        ),
        # Auth tokens are 32 lowercase hex (Twilio console); context "auth_token" / "auth token".
        Pattern(
            "twilio auth token (after 'auth token')",
            r"(?i:auth[_ -]?token)[\"']?\s*[:=]?\s*[\"']?\K" + LEFT + _HEX32_END,
            0.8,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["twilio", "account_sid", "auth_token", "api key"]
    PREFILTER: ClassVar[tuple[str, ...]] = ("twilio", "account", "auth")
    PREFILTER_EXACT: ClassVar[tuple[str, ...]] = ("SK",)
    PATTERN_LITERALS: ClassVar[dict[str, tuple[str, ...]]] = {
        "twilio account sid (with context)": ("twilio", "account"),
        "twilio auth token (after 'auth token')": ("auth",),
        "twilio api key sid": ("SK",),
    }

    def invalidate_result(self, pattern_text: str) -> bool:
        """Keep only random-looking hex (no `0000...`, `abcdef...` fillers)."""
        body = pattern_text[2:] if pattern_text[:2] in ("SK", "AC") else pattern_text
        return not looks_random(body, min_entropy=3.0)
