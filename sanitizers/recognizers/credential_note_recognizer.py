"""Tokens, secrets and keys noted in prose or a wiki line, with a blank or a bracket after their name.

Notes name a credential in words and put it after a blank: `token AbC...`, `Access Token AbC...`,
`Client secret AbC...`, `secret (AbC...)`, `Secret Key: AbC...`, `API key AbC...`, `토큰 AbC...`, and a
bare `key` with a long generated value (`Using Key=AbC...` in a log line, `key: AbC...`).
`PasswordAssignmentRecognizer` reads a name glued to an operator (`token=...`, `api_key: ...`); a name
of two words (`access key:`) or a blank instead of the operator is read here. CredSweeper's document
samples show these shapes. Prose uses the same words before ordinary words and numbers ("token limit
4096", "secret santa2024", "key insight"), so the value must look generated: 12+ characters, letters
and digits, and mixed case or 16+ characters; no word, placeholder, reference or address.
"""

import re
from typing import ClassVar

from sanitizers.entropy import (
    char_classes,
    is_repetitive,
    is_sequential,
    looks_like_code_reference,
    looks_like_placeholder,
    shannon_entropy,
)
from sanitizers.pattern import Pattern
from sanitizers.recognizers.password_assignment_recognizer import names_a_reference
from sanitizers.recognizers.secret_recognizer import SecretRecognizer

# The first word of a two-word name (`access token`, `client secret`, `secret key`, `api key`).
_QUALIFIER = (
    r"(?i:secret|access|api|auth|authentication|client|session|master|private|app|application|account|"
    r"bearer|refresh|pre-master|consumer|signing|encryption)"
)
_WORD = r"(?i:secret|token|key)(?![A-Za-z])"
# A two-word name (the blank, `-`, `_` or `.` between), or one credential word.
# `secret` and `token` may close a longer name (`clientsecret`, `mySecret`, `authtoken`).
_NAME = r"(?<![A-Za-z])(?:" + _QUALIFIER + r"[ _.-]" + _WORD + r"|[A-Za-z]{0,20}?(?i:secret|token)(?![A-Za-z])|토큰)"
_SPACED_NAME = r"(?<![A-Za-z])" + _QUALIFIER + r" " + _WORD
# The value: a run without blanks, quotes or brackets, that is no other `name:` (`SECRET KEY:...`).
_VALUE = r"(?![A-Za-z]{1,20}[:=])\K[^\s()<>\"'`,;]{12,512}+(?![^\s()<>\"'`,;])"
_LETTER = re.compile(r"[A-Za-z]")
_DIGIT = re.compile(r"[0-9]")
_EMAIL = re.compile(r"[^@\s]@[A-Za-z0-9-]+\.[A-Za-z0-9.-]+")


def looks_generated(value: str) -> bool:
    """True for a value that reads as generated: 12+ characters with letters and digits, mixed case or
    16+ characters, no sequence, repetition, placeholder, reference or e-mail address."""
    if len(value) < 12 or not (_LETTER.search(value) and _DIGIT.search(value)):
        return False
    if not (len(value) >= 16 or (value.lower() != value and value.upper() != value)):
        return False
    if char_classes(value) < 2 or shannon_entropy(value) < 3.3 or _EMAIL.search(value):
        return False
    if is_sequential(value) or is_repetitive(value) or looks_like_placeholder(value):
        return False
    return not (looks_like_code_reference(value) or names_a_reference(value))


class CredentialNoteRecognizer(SecretRecognizer):
    """Detects a generated-looking value after a token, secret or key name with a blank or bracket between
    (or an operator after a name of two words, or a bare `key` and 20+ characters). The span is the value.

    Limits: a plain word or a short value after the name is not found (`token abc123`).
    """

    ENTITY = "PASSWORD_ASSIGNMENT"
    PATTERNS: ClassVar[list[Pattern]] = [
        # token AbC..., Access Token AbC..., secret (AbC...), Client secret AbC..., 토큰 AbC...
        Pattern(
            "credential word then the value",
            _NAME + r"(?:[ \t]{1,3}(?![=:])\(?|[ \t]{0,3}\()" + _VALUE,
            0.6,
        ),
        # Secret Key: AbC..., access key=AbC..., Authentication key: AbC...
        Pattern(
            "two-word credential name and an operator",
            _SPACED_NAME + r"[ \t]{0,3}[:=][ \t]{0,3}" + _VALUE,
            0.65,
        ),
        # A bare `key` given a long generated value, as logs and test configs write an API key
        # (`Using Key=...`, `key = '...'`, `key: ...`); `sort_key`, `api_key` and `x-key` are other names.
        Pattern(
            "bare key and a generated value",
            r"(?<![A-Za-z0-9_.-])(?i:key)(?![A-Za-z0-9_])[\"']?[ \t]{0,3}(?:=>|[:=])[ \t]{0,3}[\"']?"
            r"\K[A-Za-z0-9+/_.~-]{20,512}+={0,2}(?![A-Za-z0-9+/_.~=-])",
            0.6,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["token", "secret", "key"]
    PREFILTER: ClassVar[tuple[str, ...]] = ("secret", "token", "key", "토큰")
    PATTERN_LITERALS: ClassVar[dict[str, tuple[str, ...]]] = {
        "credential word then the value": ("secret", "token", "key", "토큰"),
        "two-word credential name and an operator": ("secret", "token", "key"),
        "bare key and a generated value": ("key",),
    }

    def invalidate_result(self, pattern_text: str) -> bool:
        """Drop values that do not look generated (words, short values, placeholders, references)."""
        return not looks_generated(pattern_text)
