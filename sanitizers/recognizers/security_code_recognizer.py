"""Security codes after their cue: a card's CVV / CVC (3-4 digits) and a PIN (4-6 digits).

"card ... with CVV 862", "security code: 4170", "CVC2 is 123", "my ATM PIN is 4821", or where it is
printed, after it ("the 417 on the back of your card"). Three or four digits are anything without the
cue, so the cue is required. "PIN code" also names India's 6-digit
postal code: after it only 4-5 digits are a PIN. A credential's password-like PIN ("PIN: Ab12!x") is the
secret scanner's.
"""

from collections.abc import Callable
from typing import ClassVar

from sanitizers.code_cues import cued_regex
from sanitizers.pattern import Pattern
from sanitizers.value_group import ValueGroupRecognizer, holds_any

# Not a part of an amount, a date, a time or a longer number ("CVV 123.50", "PIN 1234-5678").
_END = r"(?![\w-]|[.,:/]\d)"
_CVV_CUE = holds_any("cvv", "cvc", "cvn", "cav", "cid", "security", "verification", "validation", "csc")
_PIN_CUE = holds_any("pin")
_BACK_OF_CARD = holds_any("back of")


def may_hold_security_code(text: str, digits: int) -> bool:
    """The PiiAnalyzer prefilter: 3 digits and a CVV or PIN cue word, or "back of" a card."""
    return digits >= 3 and (_CVV_CUE(text) or _PIN_CUE(text) or _BACK_OF_CARD(text))


class SecurityCodeRecognizer(ValueGroupRecognizer):
    """3-4 digits after a CVV/CVC/security-code cue, 4-6 after a PIN cue (4-5 after "PIN code").

    Limits: a code with no cue and no "on the back of your card" after it is missed.
    """

    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("digits_after_cvv_cue", cued_regex("CVV", r"\d{3,4}") + _END, 0.8),
        Pattern("digits_after_pin_cue", cued_regex("PIN", r"\d{4,6}") + _END, 0.75),
        Pattern("digits_after_pin_code_cue", cued_regex("PIN_CODE", r"\d{4,5}") + _END, 0.75),
        # Where the code is printed, after it: "provide the 417 on the back of your card".
        Pattern("digits_before_back_of_card",
                r"(?<![\w$€£.,-])(?P<value>\d{3,4})\s+(?:digits?\s+|code\s+)?(?:printed\s+)?(?:on|at)\s+the\s+back"
                r"\s+of\s+(?:your|the|my|his|her|their)\s+(?:\w+\s+)?card", 0.75),
    ]
    CONTEXT: ClassVar[list[str]] = ["cvv", "cvc", "security", "pin"]
    PATTERN_GATES: ClassVar[dict[str, Callable[[str], bool]]] = {
        "digits_after_cvv_cue": _CVV_CUE,
        "digits_after_pin_cue": _PIN_CUE,
        "digits_after_pin_code_cue": _PIN_CUE,
        "digits_before_back_of_card": _BACK_OF_CARD,
    }

    def __init__(self, patterns: list[Pattern] | None = None, supported_entity: str = "SECURITY_CODE"):
        super().__init__(supported_entity, patterns or self.PATTERNS, name="SecurityCodeRecognizer",
                         context=self.CONTEXT)
