"""Driver's licence numbers after a licence cue ("driver's license", "driving licence no.", "DL#")."""

from collections.abc import Callable
from typing import ClassVar

from sanitizers.identifier_cues import cued_value_ok, cued_value_regex
from sanitizers.pattern import Pattern
from sanitizers.value_group import ValueGroupRecognizer, holds_any

_NUMBER_WORDS = r"(?:\s*(?:number|num|no\.?|nr\.?|#|id|details))*"
_SEPARATORS = r"(?:\s*(?:is|was|reads|:|-|–|=))*\s*"
_VALUE = r"(?=[a-z]{0,5}\d)[a-z0-9]{2,20}(?:[ -](?=[a-z]*\d)[a-z0-9]{1,12}){0,5}"


class DriverLicenseRecognizer(ValueGroupRecognizer):
    """5-20 letters, digits and inner dashes or spaces, with at least one digit, right after a licence cue.

    A bare "license number" is a software licence as often as not, so it is no cue.
    """

    PATTERNS: ClassVar[list[Pattern]] = [
        # US state formats (1-2 letters + 4-14 digits, or 7-13 digits, some dashed), UK DVLA 16 chars,
        # Canadian provinces (letter + dashed digits); groups after the first must hold a digit.
        Pattern(
            "number_after_license_cue",
            r"\b(?:(?:driver'?s?|drivers’|driver’s|driving|drivers)\s+(?:licen[cs]e|lic\.?|permit)|dl|d/l|"
            r"führerschein|permis\s+de\s+conduire|licencia\s+de\s+conducir|carteira\s+de\s+motorista|"
            r"patente(?:\s+di\s+guida)?|rijbewijs)"
            rf"{_NUMBER_WORDS}{_SEPARATORS}(?P<value>{_VALUE})\b",
            0.85,
        ),
        # "license no." / "licence #" with a number: an ID document's number far more often than a
        # software key (keys are long, dashed letter groups, rarely called "no.").
        Pattern(
            "number_after_license_no",
            rf"\blicen[cs]e\s*(?:no\.?|nr\.?|#){_SEPARATORS}(?P<value>{_VALUE})\b",
            0.7,
        ),
        # A plain "license number" counts when driving was mentioned shortly before.
        Pattern(
            "number_after_license_in_driving_context",
            r"(?<=\b(?:driv\w*|dmv|dvla|car|vehicle|rental|rent|motor)\b[^\n]{0,80})"
            rf"\blicen[cs]e{_NUMBER_WORDS}{_SEPARATORS}(?P<value>{_VALUE})\b",
            0.75,
        ),
        # Any code shape after "driver's license" ("NYDL-40217735B", "CA_DL_40217735", "'DL: DLABCD098765'").
        Pattern("code_after_driver_license_cue", cued_value_regex("DRIVER_LICENSE"), 0.8),
    ]
    CONTEXT: ClassVar[list[str]] = ["license", "licence", "driver", "driving"]
    PATTERN_GATES: ClassVar[dict[str, Callable[[str], bool]]] = {
        "number_after_license_cue": holds_any("driv", "dl", "d/l", "permis", "licencia", "carteira", "patente",
                                              "rijbewijs"),
        "number_after_license_no": holds_any("licen"),
        "number_after_license_in_driving_context": holds_any("licen"),
        "code_after_driver_license_cue": holds_any("driv"),
    }
    CUED_PATTERNS: ClassVar[dict[str, Callable[[str], bool]]] = {"code_after_driver_license_cue": cued_value_ok}

    def __init__(self, patterns: list[Pattern] | None = None, supported_entity: str = "DRIVER_LICENSE"):
        super().__init__(supported_entity, patterns or self.PATTERNS, name="DriverLicenseRecognizer",
                         context=self.CONTEXT)

    def validate_result(self, pattern_text: str) -> bool:
        """5 to 20 characters once separators are dropped."""
        return 5 <= sum(ch.isalnum() for ch in pattern_text) <= 20
