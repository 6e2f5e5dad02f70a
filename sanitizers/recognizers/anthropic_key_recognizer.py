"""Anthropic API, admin and OAuth keys (`sk-ant-...`)."""

from typing import ClassVar

from sanitizers.entropy import is_template_body
from sanitizers.pattern import Pattern
from sanitizers.recognizers.secret_recognizer import LEFT, SecretRecognizer

_END = r"(?![A-Za-z0-9_-])"


class AnthropicKeyRecognizer(SecretRecognizer):
    """Detects Anthropic keys: api03 and admin01 keys by exact shape, OAuth and newer versions by prefix.

    Limits: an api03/admin01 key of the wrong length is not reported (it is not a valid key).
    """

    ENTITY = "ANTHROPIC_API_KEY"
    PATTERNS: ClassVar[list[Pattern]] = [
        # gitleaks rules "anthropic-api-key" / "anthropic-admin-api-key": 93 chars then "AA".
        Pattern(
            "anthropic api key (api03)",
            LEFT + r"sk-ant-api03-[A-Za-z0-9_-]{93}AA" + _END,
            0.95,
        ),
        Pattern(
            "anthropic admin key (admin01)",
            LEFT + r"sk-ant-admin01-[A-Za-z0-9_-]{93}AA" + _END,
            0.95,
        ),
        # gitleaks rules "anthropic-oauth-token" / "-refresh-token": no published length, 40+ chars.
        Pattern(
            "anthropic oauth token (oat01/ort01)",
            LEFT + r"sk-ant-(?:oat|ort)01-[A-Za-z0-9_-]{40,300}" + _END,
            0.9,
        ),
        # Future key versions (api04, admin02...): the sk-ant- prefix is Anthropic's alone.
        # The known versions are excluded so their exact-length rules stay authoritative.
        Pattern(
            "anthropic key (other versions)",
            LEFT + r"sk-ant-(?!api03-|admin01-|oat01-|ort01-)[a-z]{2,8}[0-9]{2}-[A-Za-z0-9_-]{80,300}" + _END,
            0.8,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["anthropic", "anthropic_api_key", "claude", "api key"]
    PREFILTER: ClassVar[tuple[str, ...]] = ("sk-ant-",)

    def invalidate_result(self, pattern_text: str) -> bool:
        """Drop templates in the part after the version tag; a filler at the exact shape is reported."""
        return is_template_body(pattern_text.split("-", 3)[-1])
