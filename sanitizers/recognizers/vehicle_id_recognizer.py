"""Identifiers of a person's vehicle: VINs and registration plates.

A VIN is 17 letters and digits without I, O and Q. Bare, it is taken when it passes the North-American
check digit (position 9, ISO 3779 as 49 CFR 565 requires it) and reads as one (letters and digits
mixed, a model-year character); after its cue ("VIN", "vehicle identification number", "chassis
number") any 17-character shape is taken, check digit or not: European makers do not use it, and test
data ignore it. A plate has no shape of its own across countries, so it is taken after its cue ("license
plate 7ABC123", "number plate 4821 KTW"), or bare in the British format since 2001 ("LK21 XRB").
"""

import re
from collections.abc import Callable
from typing import ClassVar

from sanitizers.code_cues import cued_regex
from sanitizers.pattern import Pattern
from sanitizers.value_group import ValueGroupRecognizer, holds_any

_VIN = r"(?-i:[A-HJ-NPR-Z0-9]{17})"
_VIN_VALUES = dict(zip("ABCDEFGHJKLMNPRSTUVWXYZ", (1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9),
                       strict=True))
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
# Position 10 is the model year: never I, O, Q, U, Z or 0.
_MODEL_YEARS = frozenset("ABCDEFGHJKLMNPRSTVWXY123456789")
# A plate: 1-4 letters and digits in up to three groups, in capitals, with a digit and a letter.
_PLATE = r"(?-i:(?=[A-Z0-9 -]{0,10}\d)(?=[A-Z0-9 -]{0,10}[A-Z])[A-Z0-9]{1,4}(?:[ -][A-Z0-9]{1,4}){0,2})"
# A British plate since 2001 (DVLA): area (2 letters, no I, Q or Z), age (02-25, 51-75), a space, 3 letters (no
# I or Q): "LK21 XRB". A UK postcode's inward part starts with a digit; "IA64 ABI", "LP64 ABI" break the rules.
_UK_PLATE = r"(?-i:[A-HJ-PR-Y]{2}(?:0[2-9]|1\d|2[0-5]|5[1-9]|6\d|7[0-5])[ ][A-HJ-PR-Z]{3})"
# Two plain regexes: an alternation would take the `re` module off its fast path (0.034 -> 0.024 s per 1.3 MB).
_VIN_RUN = re.compile(r"[A-HJ-NPR-Z0-9]{17}")
_UK_PLATE_TAIL = re.compile(r"\d\d [A-Z]{3}")
_VEHICLE_CUE = holds_any("vin", "vehicle", "chassis", "plate", "registration", "vrm", "vrn")


def may_hold_vehicle_id(text: str, digits: int) -> bool:
    """The PiiAnalyzer prefilter: a digit, and a 17-character run in capitals, a British plate or a vehicle cue."""
    return digits >= 1 and (_VIN_RUN.search(text) is not None or _UK_PLATE_TAIL.search(text) is not None
                            or _VEHICLE_CUE(text))


def vin_check_digit_ok(vin: str) -> bool:
    """True when position 9 is the weighted sum of the other 16 characters mod 11 (10 written X)."""
    total = sum((int(ch) if ch.isdigit() else _VIN_VALUES.get(ch, 0)) * w for ch, w in zip(vin, _VIN_WEIGHTS, strict=True))
    check = total % 11
    return vin[8] == ("X" if check == 10 else str(check))


def vin_ok(value: str) -> bool:
    """A bare VIN: its check digit, a model-year character, 3+ letters and 3+ digits (not a hex run or a word)."""
    letters = sum(ch.isalpha() for ch in value)
    return (len(value) == 17 and value[9] in _MODEL_YEARS and letters >= 3 and 17 - letters >= 3
            and vin_check_digit_ok(value))


def vin_cued_ok(value: str) -> bool:
    """17 characters after a VIN cue, with a digit and a letter."""
    return len(value) == 17 and any(ch.isdigit() for ch in value) and any(ch.isalpha() for ch in value)


def plate_ok(value: str) -> bool:
    """2-9 letters and digits after a plate cue."""
    return 2 <= sum(ch.isalnum() for ch in value) <= 9


class VehicleIdRecognizer(ValueGroupRecognizer):
    """VINs (bare with a valid check digit, any after a VIN cue) and registration plates after their cue.

    Limits: a European VIN with no cue is missed (no check digit to tell it from an id); a plate with no
    cue, or in lower case, is missed unless it has the British format.
    """

    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("vin", rf"(?<![\w-]){_VIN}(?![\w-])", 0.75),
        Pattern("vin_after_cue", cued_regex("VIN", _VIN) + r"(?![\w-])", 0.85),
        Pattern("plate_after_cue", cued_regex("PLATE", _PLATE) + r"(?![\w-])", 0.8),
        Pattern("uk_plate", rf"(?<![\w-]){_UK_PLATE}(?![\w-])", 0.7),
    ]
    CONTEXT: ClassVar[list[str]] = ["vin", "vehicle", "plate", "car"]
    PATTERN_GATES: ClassVar[dict[str, Callable[[str], bool]]] = {
        "vin_after_cue": holds_any("vin", "vehicle", "chassis"),
        "plate_after_cue": holds_any("plate", "registration", "vrm", "vrn"),
    }
    CUED_PATTERNS: ClassVar[dict[str, Callable[[str], bool]]] = {
        "vin": vin_ok,
        "vin_after_cue": vin_cued_ok,
        "plate_after_cue": plate_ok,
        "uk_plate": plate_ok,
    }

    def __init__(self, patterns: list[Pattern] | None = None, supported_entity: str = "VEHICLE_ID"):
        super().__init__(supported_entity, patterns or self.PATTERNS, name="VehicleIdRecognizer",
                         context=self.CONTEXT)
