"""Payment card numbers: 12-19 digits, plain or grouped. Without a cue, a number must be in a card network's
prefix range and pass the Luhn check; right after a card cue ("please block card ...", "Kartennummer:")
any 12-19 digits are a card number, Luhn or not (people mistype, and test data is often not valid).
"""

from typing import ClassVar

import regex as re
from presidio_analyzer import RecognizerResult

from sanitizers.pattern import Pattern
from sanitizers.recognizer_result import recognizer_result
from sanitizers.value_group import ValueGroupRecognizer

MIN_DIGITS, MAX_DIGITS = 12, 19  # ISO/IEC 7812: Maestro has 12, most cards 16, some 19

# Digits grouped as printed on cards and receipts: 2-6 digits a group, split by single spaces or
# dashes; bounded, so a long digit run costs the same at every start.
_GROUPED = r"\d{2,6}+(?:[ -]?\d{1,6}+){1,6}+"
# Card words in English and the languages of the common regions, then "number", "no.", "#", ":" etc.
_CARD_CUE = (
    r"\b(?:card|cards|cc|visa|mastercard|master\s+card|amex|american\s+express|maestro|discover|jcb|"
    r"diners(?:\s+club)?|unionpay|kreditkarte|bankkarte|karte|kartennummer|carte(?:\s+bancaire|\s+bleue)?|"
    r"tarjeta|carta|cartão|karta|kort|kortet|kortnummer|kaart|kaartnummer|pankkikortti|kártya|pan)\b"
)
_CUE_TAIL = (
    r"(?:[ \t]+(?:(?:credit|debit)[ \t]+)?(?:number|num|no|nr|n[º°]|nummer|numéro|número|numero|numer|"
    r"details|ending(?:[ \t]+in)?|is|was|with|of|starting(?:[ \t]+with)?))*\.?[ \t]*[#:=,-]?[ \t]*"
)
# Words that make a number something else than a card: an order, a ticket, an account, as its label (a few
# label words between: "order number: ", "customer ID is "; not a speaker's "Customer: i entered ...").
_NOT_CARD_CUE = re.compile(
    r"\b(?:order|invoice|ticket|tracking|case|ref|reference|transaction|txn|id|serial|imei|account|acct|"
    r"iban|isbn|ean|upc|sku|booking|confirmation|policy|claim|customer|member|contract|phone|tel|mobile|"
    r"fax|call)\b(?:[ \t]*[#:=.-]?[ \t]*(?:number|numbers|no|num|nr|id|code|is|was|of|the|my|your)\b)*"
    r"[ \t]*[#:=.-]?[ \t]*$|#\s*$",
    re.IGNORECASE,
)
_NOT_CARD_LOOK_BACK = 30
# The only cards with 12 digits are Maestro: 50, 56-58, 6x and 0604.
_MAESTRO_12 = re.compile(r"5[0678]|6|0604")


class CreditCardRecognizer(ValueGroupRecognizer):
    """Card numbers written plain or in groups split by spaces or dashes.

    Without a cue only the Luhn check and the prefix separate a card from a 16-digit order number, so
    about one random number in ten that starts like a card passes; a number right after an order,
    ticket or account word is not taken. After a card cue no check is made.
    """

    PATTERNS: ClassVar[list[Pattern]] = [
        # ISO/IEC 7812 IINs: 1800/2131 (JCB 15), 2 (Mastercard 2-series), 3 (Amex, JCB, Diners), 4 (Visa),
        # 5 (Mastercard, Maestro), 6 (Discover, UnionPay, Maestro), 0604 (Maestro).
        Pattern("card_number", r"(?<![\w.+/,:-])(?P<value>(?:[2-6]\d{3}|1800|2131|0604)(?:[ -]?\d{1,6}+){2,6}+)"
                r"(?![\w/:]|[.,-]\d)", 0.3),
        # After a card cue, any 12-19 digits: "please block card 213112345678901", "Card no.: 5018 2426 4623".
        Pattern("card_after_cue", rf"{_CARD_CUE}{_CUE_TAIL}(?P<value>(?<![\w.+/-]){_GROUPED})(?![\w/]|[.,-]\d)", 0.8),
    ]
    CONTEXT: ClassVar[list[str]] = ["card", "credit", "debit", "visa", "mastercard", "amex", "cc"]
    # Patterns whose cue is the evidence: no Luhn or prefix check.
    CUE_PATTERNS: ClassVar[frozenset[str]] = frozenset({"card_after_cue"})

    def __init__(self, patterns: list[Pattern] | None = None, supported_entity: str = "CREDIT_CARD"):
        super().__init__(supported_entity, patterns or self.PATTERNS, name="CreditCardRecognizer",
                         context=self.CONTEXT)

    def _result(self, pattern: Pattern, match: re.Match) -> RecognizerResult | None:
        if pattern.name not in self.CUE_PATTERNS:
            start = match.start("value")
            if _NOT_CARD_CUE.search(match.string, max(0, start - _NOT_CARD_LOOK_BACK), start):
                return None
            return super()._result(pattern, match)
        value = match.group("value")
        if not card_shaped(value):
            return None
        return recognizer_result(self, match.start("value"), match.end("value"), pattern.score)

    def validate_result(self, pattern_text: str) -> bool:
        """Luhn-valid numbers of a card's length, split consistently (or not at all); 12 digits only for Maestro."""
        digits = "".join(ch for ch in pattern_text if ch.isdecimal())
        if len(digits) == 12 and not _MAESTRO_12.match(digits):
            return False  # a 12-digit id (an AWS account, a ticket) that passes Luhn by chance
        return card_shaped(pattern_text) and luhn_valid(digits)


def card_shaped(value: str) -> bool:
    """12-19 digits, not all the same, split by spaces or by dashes but not both."""
    digits = "".join(ch for ch in value if ch.isdecimal())
    if not MIN_DIGITS <= len(digits) <= MAX_DIGITS or len(set(digits)) == 1:
        return False
    return not (" " in value and "-" in value)  # "4111 1111-1111 1111" is not how cards are printed


def luhn_valid(digits: str) -> bool:
    """True when `digits` passes the Luhn (mod 10) check used by every card network."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0

