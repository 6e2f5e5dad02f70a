"""US bank account numbers after an account cue; 8-17 bare digits are order ids as often as accounts. Also
India's UPI IDs (virtual payment addresses, "name@okhdfcbank"): an account's address, after a UPI cue."""

from collections.abc import Callable
from typing import ClassVar

from sanitizers.identifier_cues import cued_value_ok, cued_value_regex
from sanitizers.pattern import Pattern
from sanitizers.value_group import ValueGroupRecognizer, holds_any


class UsBankNumberRecognizer(ValueGroupRecognizer):
    """8-17 digits right after "account number", "acct #", "checking account", "routing number".

    Limit: a customer or loyalty "account number" is removed too; harmless, it identifies a person.
    """

    PATTERNS: ClassVar[list[Pattern]] = [
        # ABA/ACH account numbers are 4-17 digits; under 8 they are too generic to name.
        Pattern(
            "digits_after_account_cue",
            r"\b(?:(?:bank|checking|savings|chequing)\s+)?(?:account|acct|a/c)\.?\s*(?:number|num|no\.?|nr\.?|#)?"
            r"\s*(?:is|was|:|-|=)?\s*(?P<value>\d{8,17})\b",
            0.7,
        ),
        # ABA routing numbers are 9 digits (checked by their own weighted checksum).
        Pattern("digits_after_routing_cue", r"\b(?:routing|aba|rtn)\s*(?:number|num|no\.?|#)?\s*(?:is|:)?\s*(?P<value>\d{9})\b", 0.7),
        # Any code shape after "account number", "acct", "ACC:", "A/C", "BBAN", "routing", "sort code"
        # ("XBNK012345678901", "12345678X", "12-34-56"): banks of every country, and synthetic data.
        Pattern("code_after_account_cue", cued_value_regex("US_BANK_NUMBER"), 0.75),
        # A UPI ID after "UPI" or "VPA" on its line ("UPI ID: asha.k@oksbi", "a UPI payment from 'ravi@ybl'"):
        # a handle, "@" and the payment app's name, with no dot after it (an e-mail address is the e-mail
        # recognizer's).
        Pattern(
            "upi_id_after_cue",
            r"(?<![\w])(?i:upi|vpa)(?![\w])[^\n@]{0,40}?(?<![\w.+-])(?P<value>[a-z0-9][\w.-]{1,63}@[a-z][a-z0-9]{1,19})"
            r"(?![\w.@-])",
            0.75,
        ),
        # The tail of an account or card number: "account ... ending in 4455667788", "ending with *456".
        Pattern(
            "digits_after_ending_in",
            r"\b(?:account|acct|a/c|card)\b[^\n.;!?]{0,40}?\bending\s+(?:in|with)\s*[:#]?\s*"
            r"(?P<value>\d{4,17}|\*+\d{3,17})(?![\w-])",
            0.75,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["account", "bank", "routing", "checking", "savings"]
    PATTERN_GATES: ClassVar[dict[str, Callable[[str], bool]]] = {
        "digits_after_account_cue": holds_any("acc", "a/c"),
        "digits_after_routing_cue": holds_any("routing", "aba", "rtn"),
        "code_after_account_cue": holds_any("acc", "a/c", "bban", "routing", "sort", "loan", "mortgage", "cif"),
        "digits_after_ending_in": holds_any("ending"),
        "upi_id_after_cue": holds_any("upi", "vpa"),
    }
    CUED_PATTERNS: ClassVar[dict[str, Callable[[str], bool]]] = {"code_after_account_cue": cued_value_ok}

    def __init__(self, patterns: list[Pattern] | None = None, supported_entity: str = "US_BANK_NUMBER"):
        super().__init__(supported_entity, patterns or self.PATTERNS, name="UsBankNumberRecognizer",
                         context=self.CONTEXT)
