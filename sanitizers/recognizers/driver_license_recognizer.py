"""Driver's licence numbers after a licence cue ("driver's license", "driving licence no.", "DL#")."""

from typing import ClassVar

from presidio_analyzer import Pattern

from sanitizers.value_group import ValueGroupRecognizer


class DriverLicenseRecognizer(ValueGroupRecognizer):
    """5-20 letters, digits and inner dashes or spaces, with at least one digit, right after a licence cue.

    A bare "license number" is a software licence as often as not, so it is no cue.
    """

    PATTERNS: ClassVar[list[Pattern]] = [
        # US state formats (1-2 letters + 4-14 digits, or 7-13 digits, some dashed), UK DVLA 16 chars,
        # Canadian provinces (letter + dashed digits); groups after the first must hold a digit.
        Pattern(
            "number_after_license_cue",
            r"\b(?:driver'?s?|drivers’|driver’s|driving)\s+licen[cs]e(?:\s*(?:number|num|no\.?|nr\.?|#|id))?"
            r"\s*(?:is|was|:|-|=)?\s*"
            r"(?P<value>(?=[a-z]{0,5}\d)[a-z0-9]{2,20}(?:[ -](?=[a-z]*\d)[a-z0-9]{1,12}){0,3})\b",
            0.85,
        ),
        Pattern(
            "number_after_dl_cue",
            r"\b(?-i:DL|D/L)\s*(?:#|no\.?|number|:)\s*"
            r"(?P<value>(?=[a-z]{0,5}\d)[a-z0-9]{2,20}(?:[ -](?=[a-z]*\d)[a-z0-9]{1,12}){0,3})\b",
            0.85,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["license", "licence", "driver", "driving"]

    def __init__(self, patterns: list[Pattern] | None = None, supported_entity: str = "DRIVER_LICENSE"):
        super().__init__(supported_entity, patterns or self.PATTERNS, name="DriverLicenseRecognizer",
                         context=self.CONTEXT)

    def validate_result(self, pattern_text: str) -> bool:
        """5 to 20 characters once separators are dropped."""
        return 5 <= sum(ch.isalnum() for ch in pattern_text) <= 20
