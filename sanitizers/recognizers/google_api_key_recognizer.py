"""Google credentials: API keys (`AIza...`), OAuth client secrets (`GOCSPX-`) and access tokens."""

from typing import ClassVar

from sanitizers.entropy import is_template_body
from sanitizers.pattern import Pattern
from sanitizers.recognizers.secret_recognizer import LEFT, SecretRecognizer

_END = r"(?![A-Za-z0-9_-])"


class GoogleApiKeyRecognizer(SecretRecognizer):
    """Detects Google Cloud / Maps / Gemini API keys and OAuth client secrets and access tokens.

    Service-account JSON `private_key` values are PEM blocks: PrivateKeyRecognizer finds those.
    """

    ENTITY = "GOOGLE_API_KEY"
    PATTERNS: ClassVar[list[Pattern]] = [
        # Google Cloud "API keys" docs and gitleaks gcp-api-key: AIza + 35 of [0-9A-Za-z_-].
        Pattern("google api key", LEFT + r"AIza[0-9A-Za-z_-]{35}" + _END, 0.95),
        # OAuth client secrets issued since 2021 start with GOCSPX- (Google Identity docs).
        Pattern("google oauth client secret", LEFT + r"GOCSPX-[0-9A-Za-z_-]{28}" + _END, 0.95),
        # OAuth 2.0 access tokens start with ya29. (Google Identity "Using OAuth 2.0").
        Pattern("google oauth access token", LEFT + r"ya29\.[0-9A-Za-z_-]{30,2048}" + _END, 0.85),
    ]
    CONTEXT: ClassVar[list[str]] = ["google", "gcp", "api key", "gemini", "maps", "client_secret"]
    PREFILTER_EXACT: ClassVar[tuple[str, ...]] = ("AIza", "GOCSPX-", "ya29.")
    PATTERN_LITERALS: ClassVar[dict[str, tuple[str, ...]]] = {
        "google api key": ("AIza",),
        "google oauth client secret": ("GOCSPX-",),
        "google oauth access token": ("ya29.",),
    }

    def invalidate_result(self, pattern_text: str) -> bool:
        """Drop templates after the prefix; a filler at the exact shape is reported."""
        for prefix in ("AIza", "GOCSPX-", "ya29."):
            if pattern_text.startswith(prefix):
                return is_template_body(pattern_text[len(prefix) :])
        return True
