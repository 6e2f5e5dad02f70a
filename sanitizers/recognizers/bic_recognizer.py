"""A bank's BIC / SWIFT code after its cue ("BIC: DEUTDEFF500", "SWIFT code is BOFAUS3N"), and an IFSC ("IFSC: SBIN0004512").

A BIC names the bank of an account, as a routing number or a sort code does (US_BANK_NUMBER): with an
IBAN or an account number it tells where a person banks. Eight or eleven letters and digits are also
words and ids, so only a value after "BIC" or "SWIFT" is taken, and only when it does not read as a
word: in capitals, or with a capital or a digit after its first letter (synthetic data write random
mixed case, "QwRtZpLK"); "Swift code examples" and "a swift transfer" stay.
"""

from collections.abc import Callable
from typing import ClassVar

from sanitizers.code_cues import cued_regex
from sanitizers.pattern import Pattern
from sanitizers.value_group import ValueGroupRecognizer, holds_any

# Bank (4 letters), country (2 letters), location (2), optional branch (3); or an IFSC: bank (4 letters), 0, branch (6).
_BIC = r"[a-z]{6}[a-z0-9]{2}(?:[a-z0-9]{3})?|[a-z]{4}0[a-z0-9]{6}"


def bic_ok(value: str) -> bool:
    """8 or 11 characters that are no word: a capital or a digit after the first letter."""
    return len(value) in (8, 11) and any(ch.isupper() or ch.isdigit() for ch in value[1:])


class BicRecognizer(ValueGroupRecognizer):
    """BIC / SWIFT codes after "BIC", "SWIFT", "SWIFT/BIC" and their number words ("code", "number").

    Limits: a BIC with no cue, or written in lower case, is missed.
    """

    PATTERNS: ClassVar[list[Pattern]] = [Pattern("bic_after_cue", cued_regex("BIC", f"(?:{_BIC})") + r"(?![\w-])", 0.8)]
    CONTEXT: ClassVar[list[str]] = ["bic", "swift", "bank"]
    PATTERN_GATES: ClassVar[dict[str, Callable[[str], bool]]] = {"bic_after_cue": holds_any("bic", "swift", "ifsc")}
    CUED_PATTERNS: ClassVar[dict[str, Callable[[str], bool]]] = {"bic_after_cue": bic_ok}

    def __init__(self, patterns: list[Pattern] | None = None, supported_entity: str = "US_BANK_NUMBER"):
        super().__init__(supported_entity, patterns or self.PATTERNS, name="BicRecognizer", context=self.CONTEXT)
