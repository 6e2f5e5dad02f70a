"""AWS secret access keys: 40 base64 characters, only recognisable next to an AWS/secret mention."""

from typing import ClassVar

from sanitizers.entropy import looks_random
from sanitizers.pattern import Pattern
from sanitizers.recognizers.secret_recognizer import SecretRecognizer


class AwsSecretKeyRecognizer(SecretRecognizer):
    """Detects AWS secret access keys within 60 characters after `aws` or `secret` on the same line.

    Limits: a secret key with no such mention before it is missed (40 base64 chars alone are too
    common to flag). Git SHAs (lowercase hex) and paths (many slashes) are rejected by shape.
    """

    ENTITY = "AWS_SECRET_ACCESS_KEY"
    PATTERNS: ClassVar[list[Pattern]] = [
        # AWS secret access keys are 40 chars of [A-Za-z0-9/+] (IAM "Managing access keys");
        # context rule as in detect-secrets' AWSKeyDetector (aws ... 40 chars). Span = the key (\K).
        Pattern(
            "aws secret access key (after 'aws')",
            r"(?i:aws)[^\n]{0,60}?\K(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])",
            0.8,
        ),
        Pattern(
            "aws secret access key (after 'secret')",
            r"(?i:secret)[^\n]{0,60}?\K(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])",
            0.7,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["aws", "secret", "aws_secret_access_key", "secret access key"]
    PREFILTER: ClassVar[tuple[str, ...]] = ("aws", "secret")
    PATTERN_LITERALS: ClassVar[dict[str, tuple[str, ...]]] = {
        "aws secret access key (after 'aws')": ("aws",),
        "aws secret access key (after 'secret')": ("secret",),
    }

    def invalidate_result(self, pattern_text: str) -> bool:
        """Keep only random-looking keys: upper, lower and digits, few slashes, no EXAMPLE marker."""
        # More than five slashes reads as a path; "+" is base64 (40 random chars hold ~1.25 of "/" and "+").
        if "EXAMPLE" in pattern_text or pattern_text.count("/") > 5:
            return True
        # A random 40-char base64 key has ~4.7-5 bits/char and all three alnum classes.
        return not looks_random(pattern_text, min_entropy=4.0, min_classes=3)
