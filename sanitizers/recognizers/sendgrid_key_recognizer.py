"""SendGrid API keys (`SG.<key id>.<secret>`)."""

from typing import ClassVar

from sanitizers.entropy import is_template_body
from sanitizers.pattern import Pattern
from sanitizers.recognizers.secret_recognizer import LEFT, SecretRecognizer


class SendGridKeyRecognizer(SecretRecognizer):
    """Detects SendGrid API keys: SG. + 22-char id + . + 43-char secret.

    Known false positives: none seen; the two dots at fixed offsets make the shape specific.
    """

    ENTITY = "SENDGRID_API_KEY"
    PATTERNS: ClassVar[list[Pattern]] = [
        # SendGrid docs "API Keys" and gitleaks sendgrid-api-token (SG. + 66 chars incl. the dot).
        Pattern(
            "sendgrid api key",
            LEFT + r"SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])",
            0.95,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["sendgrid", "sendgrid_api_key", "smtp", "mail"]
    PREFILTER_EXACT: ClassVar[tuple[str, ...]] = ("SG.",)

    def invalidate_result(self, pattern_text: str) -> bool:
        """Drop templates in the secret half; a filler at the exact shape is reported."""
        return is_template_body(pattern_text.rsplit(".", 1)[-1])
