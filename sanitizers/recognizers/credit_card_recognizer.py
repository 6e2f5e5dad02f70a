"""Payment card numbers: 13-19 digits in the card networks' prefix ranges, Luhn-checked."""

from typing import ClassVar

from presidio_analyzer import Pattern

from sanitizers.value_group import ValueGroupRecognizer


def luhn_valid(digits: str) -> bool:
    """True when `digits` passes the Luhn (mod 10) check used by every card network."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


class CreditCardRecognizer(ValueGroupRecognizer):
    """Card numbers written plain or in groups split by spaces or dashes.

    Only the Luhn check separates a card from a 16-digit order number, so about one random number in
    ten passes; such numbers are rare in chat and replacing one costs little.
    """

    PATTERNS: ClassVar[list[Pattern]] = [
        # ISO/IEC 7812 IINs: 2 (Mastercard 2-series), 3 (Amex, JCB, Diners), 4 (Visa), 5 (Mastercard,
        # Maestro), 6 (Discover, UnionPay); groups of 2-6 digits as printed on cards and receipts.
        Pattern("card_number", r"(?<![\w.+/-])[2-6]\d{3}(?:[ -]?\d{2,6}){2,4}(?![\w/]|[.-]\d)", 0.3),
    ]
    CONTEXT: ClassVar[list[str]] = ["card", "credit", "debit", "visa", "mastercard", "amex", "cc"]

    def __init__(self, patterns: list[Pattern] | None = None, supported_entity: str = "CREDIT_CARD"):
        super().__init__(supported_entity, patterns or self.PATTERNS, name="CreditCardRecognizer",
                         context=self.CONTEXT)

    def validate_result(self, pattern_text: str) -> bool:
        """Luhn-valid numbers of a card's length, split consistently (or not at all)."""
        digits = "".join(ch for ch in pattern_text if ch.isdigit())
        if not 13 <= len(digits) <= 19 or len(set(digits)) == 1:
            return False
        if " " in pattern_text and "-" in pattern_text:  # "4111 1111-1111 1111" is not how cards are printed
            return False
        return luhn_valid(digits)
