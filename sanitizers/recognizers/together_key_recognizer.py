"""Together AI API keys: `tgp_v1_` keys anywhere, legacy 64-hex keys only next to a Together mention."""

from typing import ClassVar

from sanitizers.entropy import is_template_body, looks_random
from sanitizers.pattern import Pattern
from sanitizers.recognizers.secret_recognizer import LEFT, SecretRecognizer

_PREFIX = "tgp_v1_"


class TogetherKeyRecognizer(SecretRecognizer):
    """Detects Together AI API keys.

    Limits: a legacy key is only found within 40 characters after `together` / `TOGETHER_API_KEY`
    on the same line; a bare 64-hex string is indistinguishable from a sha256 digest.
    """

    ENTITY = "TOGETHER_API_KEY"
    PATTERNS: ClassVar[list[Pattern]] = [
        # Current key shape as seen in public code (docs/together-api.md "Key shapes"):
        # tgp_v1_ + 43 chars of [A-Za-z0-9_-]. Prefix + exact length: near-certain.
        Pattern(
            "together key (tgp_v1)",
            LEFT + r"tgp_v1_[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])",
            0.95,
        ),
        # Legacy keys were 64 lowercase hex with no prefix (docs/together-api.md); only recognisable
        # by context, so a `together` mention must precede it on the line, with no hash word
        # (sha256, checksum, digest, hash, commit) in between. The span is the key alone (\K).
        Pattern(
            "together legacy key (64 hex after 'together')",
            r"(?i:together)(?:(?!(?i:sha\d|checksum|digest|hash|commit))[^\n]){0,40}?\K"
            + LEFT
            + r"[0-9a-f]{64}(?![0-9A-Za-z])",
            0.8,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["together", "together_api_key", "api key", "tgp"]
    PREFILTER: ClassVar[tuple[str, ...]] = ("tgp_v1_", "together")
    PATTERN_LITERALS: ClassVar[dict[str, tuple[str, ...]]] = {
        "together key (tgp_v1)": ("tgp_v1_",),
        "together legacy key (64 hex after 'together')": ("together",),
    }

    def invalidate_result(self, pattern_text: str) -> bool:
        """Drop templates; a legacy hex key must also look random."""
        if pattern_text.startswith(_PREFIX):
            return is_template_body(pattern_text[len(_PREFIX) :])
        # 64 random hex chars carry ~3.8-4 bits/char; "deadbeef" * 8 or "0" * 64 do not.
        return not looks_random(pattern_text, min_entropy=3.3)
