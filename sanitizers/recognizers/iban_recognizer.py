"""IBANs: country code, check digits and BBAN, checked against the country's length and mod-97.

Written here rather than wrapping Presidio's IbanRecognizer, which logs the matched text when
validation fails.
"""

from collections.abc import Callable
from typing import ClassVar

from sanitizers.identifier_cues import cued_iban_ok, cued_iban_regex
from sanitizers.pattern import Pattern
from sanitizers.value_group import ValueGroupRecognizer

# IBAN lengths per country, from the SWIFT IBAN Registry (ISO 13616), release 2024.
IBAN_LENGTHS: dict[str, int] = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BI": 27,
    "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27, "DK": 18, "DO": 28,
    "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23,
    "GL": 18, "GR": 27, "GT": 28, "HN": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26,
    "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21,
    "LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MN": 20, "MR": 27, "MT": 31, "MU": 30, "NI": 28,
    "NL": 18, "NO": 15, "OM": 23, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22,
    "RU": 33, "SA": 24, "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25,
    "SV": 28, "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
}  # fmt: skip


def iban_valid(candidate: str) -> bool:
    """True when `candidate` (spaces allowed) has its country's length and passes ISO 7064 mod 97-10."""
    iban = "".join(candidate.split()).upper()
    if IBAN_LENGTHS.get(iban[:2]) != len(iban) or not iban.isalnum():
        return False
    rearranged = iban[4:] + iban[:4]
    return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1


def iban_shaped(candidate: str) -> bool:
    """True for a registry country, 2 check digits, then at most 4 letters (a bank code) and 10+ digits.

    The shape of an IBAN whose check digits or length are wrong, as test and synthetic data write them
    ("FR12345678901234567890", 20 characters for every country); nothing else is written so.
    """
    iban = "".join(candidate.split()).upper()
    bban = iban[4:]
    letters = len(bban) - len(bban.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    return (iban[:2] in IBAN_LENGTHS and iban[2:4].isdigit() and letters <= 4
            and bban[letters:].isdigit() and len(bban) - letters >= 10)


class IbanRecognizer(ValueGroupRecognizer):
    """IBANs printed compact or in groups of four, any case.

    Only the registry length and the mod-97 check are tested, not national BBAN check digits.
    """

    PATTERNS: ClassVar[list[Pattern]] = [
        # ISO 13616 print format: CC + 2 check digits, then groups of 4 separated by one space. A group after a
        # space holds a digit or is in capitals ("NL91 ABNA 0417"): a word after the IBAN ("... 5693 to") is none.
        Pattern(
            "iban",
            r"(?<![\w-])[A-Z]{2}\d{2}(?:(?:[ ](?=[A-Z]{0,3}\d|(?-i:[A-Z]{4})))?[A-Z0-9]{4}){2,7}"
            r"(?:(?:[ ](?=[A-Z]{0,3}\d|(?-i:[A-Z]{1,4})(?![\w-])))?[A-Z0-9]{1,4})?(?![\w-])",
            0.5,
        ),
        # After the word IBAN, any country, length and check digits ("IBAN GB40ZZZZ550219873012").
        Pattern("iban_after_cue", cued_iban_regex(), 0.8),
    ]
    CONTEXT: ClassVar[list[str]] = ["iban", "bank", "account", "transfer", "sepa"]
    CUED_PATTERNS: ClassVar[dict[str, Callable[[str], bool]]] = {"iban_after_cue": cued_iban_ok}

    def __init__(self, patterns: list[Pattern] | None = None, supported_entity: str = "IBAN_CODE"):
        super().__init__(supported_entity, patterns or self.PATTERNS, name="IbanRecognizer", context=self.CONTEXT)

    def validate_result(self, pattern_text: str) -> bool:
        """Registry length and mod-97 check digits, or the plain shape of an IBAN (bank code, then digits)."""
        return iban_valid(pattern_text) or iban_shaped(pattern_text)
