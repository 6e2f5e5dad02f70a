"""Hugging Face user access tokens (`hf_...`) and legacy organization tokens (`api_org_...`)."""

from typing import ClassVar

from sanitizers.entropy import is_fake_token_body, is_template_body, looks_random
from sanitizers.pattern import Pattern
from sanitizers.recognizers.secret_recognizer import LEFT, SecretRecognizer

_END = r"(?![A-Za-z0-9_])"


class HuggingFaceTokenRecognizer(SecretRecognizer):
    """Detects Hugging Face tokens.

    Known false positives avoided: identifiers such as `hf_hub_download` (the `_` breaks the body)
    and lowercase-only words after `hf_` (real tokens mix cases).
    """

    ENTITY = "HUGGINGFACE_TOKEN"
    PATTERNS: ClassVar[list[Pattern]] = [
        # huggingface.co/docs/hub/security-tokens and gitleaks huggingface-access-token: hf_ + 34 letters.
        Pattern("huggingface token (hf_ + 34 letters)", LEFT + r"hf_[A-Za-z]{34}" + _END, 0.95),
        # Longer or alphanumeric bodies: not the documented shape, so it must look random.
        Pattern("huggingface token (hf_ + 34-64 alnum)", LEFT + r"hf_[A-Za-z0-9]{34,64}" + _END, 0.75),
        # gitleaks huggingface-organization-api-token: api_org_ + 34 letters (deprecated 2023).
        Pattern("huggingface organization token", LEFT + r"api_org_[A-Za-z]{34}" + _END, 0.9),
    ]
    CONTEXT: ClassVar[list[str]] = ["huggingface", "hugging face", "hf_token", "huggingface-cli"]
    PREFILTER: ClassVar[tuple[str, ...]] = ("hf_", "api_org_")
    PATTERN_LITERALS: ClassVar[dict[str, tuple[str, ...]]] = {
        "huggingface token (hf_ + 34 letters)": ("hf_",),
        "huggingface token (hf_ + 34-64 alnum)": ("hf_",),
        "huggingface organization token": ("api_org_",),
    }

    def invalidate_result(self, pattern_text: str) -> bool:
        """Drop templates, and bodies that are neither random (real tokens mix cases) nor a plain filler."""
        body = pattern_text.split("_", 2)[-1] if pattern_text.startswith("api_org_") else pattern_text[3:]
        if is_template_body(body):
            return True
        # At the exact shape a filler (`hf_` + `x` * 34) is how docs and suites write a token: reported.
        return not looks_random(body, min_entropy=3.0) and not is_fake_token_body(body)
