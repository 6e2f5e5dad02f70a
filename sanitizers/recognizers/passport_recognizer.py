"""Passport numbers after a passport cue; the number formats of most countries are too generic alone."""

from collections.abc import Callable
from typing import ClassVar

from sanitizers.identifier_cues import cued_value_ok, cued_value_regex
from sanitizers.pattern import Pattern
from sanitizers.value_group import ValueGroupRecognizer, holds_any


class PassportRecognizer(ValueGroupRecognizer):
    """6-9 letters and digits, with at least one digit, right after "passport (number|no.|#)".

    Limit: a number given without the word passport nearby ("document X1234567") is missed.
    """

    PATTERNS: ClassVar[list[Pattern]] = [
        # ICAO 9303 document numbers are up to 9 alphanumerics (US: 9 digits or letter + 8 digits,
        # UK: 9 digits, DE: 9 alphanumerics, IN: letter + 7 digits).
        Pattern(
            "number_after_passport_cue",
            # English, French, Spanish, Italian, Portuguese, German, Dutch, Polish, Turkish, Swedish cues.
            r"\b(?:passport|passeport|pasaporte|passaporto|passaporte|(?:reise)?pass(?:nummer|nr\.?)|reisepass|"
            r"paspoort(?:nummer)?|paszport(?:u)?|pasaport(?:\s+numarası)?|passnummer|pass\s+nr\.?|passi|"
            # Russian, Vietnamese, Chinese, Japanese, Korean, Arabic.
            r"паспорт[а-я]*|hộ\s+chiếu|护照(?:号码?)?|護照(?:號碼?)?|パスポート(?:番号)?|여권(?:\s*번호)?|جواز(?:\s+السفر)?)(?:'s)?"
            r"(?:\s*(?:number|num|no\.?|nr\.?|n[º°]|#|id|details|card|numéro|número|numero|numer|nummer))*"
            r"(?:\s*(?:is|was|reads|:|-|–|=))*\s*"
            r"(?P<value>(?=[a-z0-9 -]{0,10}\d)(?:[a-z]{1,3}[ -]\d{6,8}|[a-z0-9]{6,10}))\b",
            0.85,
        ),
        # Any code shape after the cue word ("passport number US-PP-123456789"): test and synthetic data.
        Pattern("code_after_passport_cue", cued_value_regex("PASSPORT"), 0.8),
    ]
    CONTEXT: ClassVar[list[str]] = ["passport"]
    # Every cue in a Latin script holds "pas"; the others need a text that is not ASCII.
    PATTERN_GATES: ClassVar[dict[str, Callable[[str], bool]]] = {"number_after_passport_cue": holds_any("pas"),
                                                                 "code_after_passport_cue": holds_any("pas")}
    CUED_PATTERNS: ClassVar[dict[str, Callable[[str], bool]]] = {"code_after_passport_cue": cued_value_ok}

    def __init__(self, patterns: list[Pattern] | None = None, supported_entity: str = "PASSPORT"):
        super().__init__(supported_entity, patterns or self.PATTERNS, name="PassportRecognizer",
                         context=self.CONTEXT)
