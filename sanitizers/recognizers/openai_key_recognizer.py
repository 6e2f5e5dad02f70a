"""OpenAI API keys (project, service-account, admin and legacy user keys) and other `sk-` keys."""

from typing import ClassVar

from sanitizers.entropy import is_template_body, looks_random
from sanitizers.pattern import Pattern
from sanitizers.recognizers.secret_recognizer import LEFT, SecretRecognizer

# "T3BlbkFJ" is base64 for "OpenAI"; OpenAI embeds it in the middle of every key it issues.
_MARKER = "T3BlbkFJ"
_END = r"(?![A-Za-z0-9_-])"


class OpenAIKeyRecognizer(SecretRecognizer):
    """Detects OpenAI API keys; also generic `sk-` + 32+ random chars keys (DeepSeek and similar).

    Limits: a generic `sk-` key is labelled OPENAI_API_KEY even when another vendor issued it.
    `sk-ant-` keys belong to AnthropicKeyRecognizer.
    """

    ENTITY = "OPENAI_API_KEY"
    PATTERNS: ClassVar[list[Pattern]] = [
        # gitleaks rule "openai-api-key": sk-(proj|svcacct|admin)-...T3BlbkFJ...; lengths loosened
        # to 20+ on each side so that new body lengths are still caught (the marker keeps precision).
        Pattern(
            "openai project/service/admin key (with marker)",
            LEFT
            + r"sk-(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200}"
            + _END,
            0.95,
        ),
        # Same prefixes without the marker (OpenAI never promised it): needs a long random body.
        Pattern(
            "openai project/service/admin key (no marker)",
            LEFT + r"sk-(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{40,250}" + _END,
            0.8,
        ),
        # gitleaks rule "openai-api-key", legacy user keys: sk- + 20 + T3BlbkFJ + 20.
        Pattern(
            "openai legacy user key (with marker)",
            LEFT + r"sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}" + _END,
            0.95,
        ),
        # Legacy user keys were sk- + 48 alphanumerics; many other LLM vendors copied the sk- shape
        # (e.g. DeepSeek: sk- + 32 hex). 32+ random chars after sk- is a key in practice.
        Pattern(
            "sk- key (generic, 32+ random chars)",
            LEFT + r"sk-[A-Za-z0-9]{32,100}" + _END,
            0.6,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["openai", "openai_api_key", "api key", "sk"]
    PREFILTER: ClassVar[tuple[str, ...]] = ("sk-",)

    def validate_result(self, pattern_text: str) -> bool | None:
        """The OpenAI marker between two random halves confirms the key; otherwise keep the pattern score."""
        return True if _MARKER in pattern_text[8:-8] else None

    def invalidate_result(self, pattern_text: str) -> bool:
        """Drop templates; marker-less keys must also look random."""
        body = pattern_text.split("-", 2)[-1] if pattern_text.count("-") >= 2 else pattern_text[3:]
        if is_template_body(body):
            return True
        if _MARKER in pattern_text:
            return False
        return not looks_random(body, min_entropy=3.5)
