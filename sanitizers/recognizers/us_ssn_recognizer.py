"""US Social Security numbers: dashed or spaced anywhere, bare 9 digits only after an SSN cue."""

from collections.abc import Callable
from typing import ClassVar

from sanitizers.identifier_cues import cued_value_ok, cued_value_regex
from sanitizers.pattern import Pattern
from sanitizers.value_group import ValueGroupRecognizer


class UsSsnRecognizer(ValueGroupRecognizer):
    """SSNs that pass the SSA's structural rules (no area 000/666/9xx, no group 00, no serial 0000).

    Known false positive: any dashed 3-2-4 number, such as some part or case numbers.
    """

    PATTERNS: ClassVar[list[Pattern]] = [
        # SSA format AAA-GG-SSSS (or with spaces); the separators must match.
        Pattern("ssn_separated", r"(?<![\w.-])(?P<value>\d{3}([- ])\d{2}\2\d{4})(?![\w]|[.-]\d)", 0.85),
        # A bare 9-digit run only right after a cue: order and account ids are 9 digits too.
        Pattern(
            "ssn_after_cue",
            r"\b(?:ssn|social\s+security(?:\s+(?:number|no\.?|#))?|ss\s*#)\s*(?:is|:|#|was)?\s*(?P<value>\d{9})\b",
            0.85,
        ),
        # Whatever follows an SSN cue is taken for one, valid or not ("SSN 912-34-5678", "SSN is 112233-4455",
        # a masked "XXX-XX-1234"): test and synthetic data use numbers the SSA never issues.
        Pattern("code_after_ssn_cue", cued_value_regex("US_SSN"), 0.8),
    ]
    CONTEXT: ClassVar[list[str]] = ["ssn", "social", "security"]
    CUED_PATTERNS: ClassVar[dict[str, Callable[[str], bool]]] = {"code_after_ssn_cue": cued_value_ok}

    def __init__(self, patterns: list[Pattern] | None = None, supported_entity: str = "US_SSN"):
        super().__init__(supported_entity, patterns or self.PATTERNS, name="UsSsnRecognizer", context=self.CONTEXT)

    def invalidate_result(self, pattern_text: str) -> bool:
        """Numbers the SSA never issues, and the famous sample numbers."""
        digits = "".join(ch for ch in pattern_text if ch.isdigit())
        area, group, serial = digits[:3], digits[3:5], digits[5:]
        return (
            area in ("000", "666")
            or area[0] == "9"
            or group == "00"
            or serial == "0000"
            or digits in ("078051120", "219099999", "123456789")  # Woolworth wallet card, SSA ad, the sequence
        )
