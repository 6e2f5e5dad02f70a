"""AWS access key IDs (`AKIA...`, `ASIA...`): the public half of an AWS credential pair."""

from typing import ClassVar

from sanitizers.entropy import is_template_body
from sanitizers.pattern import Pattern
from sanitizers.recognizers.secret_recognizer import LEFT, SecretRecognizer


class AwsAccessKeyRecognizer(SecretRecognizer):
    """Detects AWS access key IDs (long-term AKIA, STS ASIA, ABIA, ACCA, and the older A3T*).

    Known false positives: none seen; AWS's documented `...EXAMPLE` keys are dropped on purpose.
    """

    ENTITY = "AWS_ACCESS_KEY_ID"
    PATTERNS: ClassVar[list[Pattern]] = [
        # AWS IAM "Unique identifier prefixes" (docs.aws.amazon.com/IAM/latest/UserGuide/
        # reference_identifiers.html) and gitleaks rule "aws-access-token": prefix + 16 base32 chars.
        Pattern(
            "aws access key id",
            LEFT + r"(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Za-z0-9])",
            0.95,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["aws", "access key", "aws_access_key_id", "iam"]
    PREFILTER_EXACT: ClassVar[tuple[str, ...]] = ("AKIA", "ASIA", "ABIA", "ACCA", "A3T")

    def invalidate_result(self, pattern_text: str) -> bool:
        """Drop AWS documentation keys (`AKIAIOSFODNN7EXAMPLE`) and templates; fillers at the exact
        shape (`AKIA` + `Z` * 16) are reported, as every scanner's test suite expects."""
        return pattern_text.endswith("EXAMPLE") or is_template_body(pattern_text[4:])
