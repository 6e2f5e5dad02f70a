import pytest

from sanitizers.recognizers.vehicle_id_recognizer import (
    VehicleIdRecognizer,
    may_hold_vehicle_id,
    vin_check_digit_ok,
)
from tests.sanitizers.recognizers.fakes import found
from tests.sanitizers.recognizers.gates import rejecting_gates

REC = VehicleIdRecognizer()


def _with_check_digit(vin: str) -> str:
    """`vin` with position 9 set to its check digit (made-up VINs for the tests)."""
    return next(v for v in (vin[:8] + d + vin[9:] for d in "0123456789X") if vin_check_digit_ok(v))


VIN = _with_check_digit("4T1BK3EK0HU512873")  # made up
BAD_CHECK = VIN[:8] + ("0" if VIN[8] != "0" else "1") + VIN[9:]

FOUND = [
    (f"sold the {VIN} last spring", [VIN]),  # bare, check digit holds
    (f"VIN: {BAD_CHECK}.", [BAD_CHECK]),  # after its cue, any check digit
    (f"vehicle identification number {BAD_CHECK} on the title", [BAD_CHECK]),
    (f"identified by the vehicle identifier {BAD_CHECK}, was driven", [BAD_CHECK]),
    ("The license plate number for the vehicle is 4LK-729. Thanks", ["4LK-729"]),  # the plate's owner between
    ("a van with license plate 482 KTW. I", ["482 KTW"]),
    ("number plate LK21 XRB was seen", ["LK21 XRB"]),
    ("Plate number: 7QTR-218", ["7QTR-218"]),
    ("a grey van, LK21 XRB, was parked", ["LK21 XRB"]),  # British format, no cue
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_finds_vehicle_identifier(text, expected):
    assert found(REC, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        f"code {BAD_CHECK} with no cue fails the check digit",
        "build ABCDEFGHJKLMNPRST of letters only",  # no digits
        "12345678901234567 a number",  # digits only
        "the license plate was stolen last night",  # no value
        "license plate frames sell well",  # lower-case word
        "car plates 12 mm thick",  # no letter in the value
        "post to SW1A 1AA London",  # a UK postcode
        "model GT40 red",  # lower case after a model code
        "the IA64 ABI and the LP64 ABI",  # acronyms outside the DVLA's letters and ages
    ],
)
def test_keeps_codes_that_are_no_vehicle(text):
    assert found(REC, text) == []


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_passes_each_pattern_gate_when_the_pattern_matches(text, expected):
    assert rejecting_gates(REC, text) == []


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_passes_the_analyzer_prefilter_when_a_value_is_found(text, expected):
    # PiiAnalyzer runs the recognizer only on texts its prefilter passes: false here would hide a value.
    assert may_hold_vehicle_id(text, sum(ch.isdigit() for ch in text))
