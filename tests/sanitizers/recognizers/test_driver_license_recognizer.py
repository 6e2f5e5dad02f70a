import pytest

from sanitizers.recognizers.driver_license_recognizer import DriverLicenseRecognizer
from tests.sanitizers.recognizers.gates import rejecting_gates

REC = DriverLicenseRecognizer()


def found(text: str) -> list[str]:
    return [text[r.start : r.end] for r in REC.analyze(text, ["DRIVER_LICENSE"])]


FOUND = [
    ("driver's license D1234567", ["D1234567"]),  # California style
    ("my drivers license number is 123-456-789", ["123-456-789"]),  # dashed digits
    ("Driving licence no. MORGA657054SM9IJ.", ["MORGA657054SM9IJ"]),  # UK DVLA
    ("driver license: a123 4567 8901", ["a123 4567 8901"]),  # spaced groups, lower case
    ("DL# S530-4123-8890", ["S530-4123-8890"]),  # DL cue
    ("for the car rental, my license number is: B7654321", ["B7654321"]),  # licence in driving context
    ("Führerschein Nr. B072RRE2I55", ["B072RRE2I55"]),  # German cue
    ("ID check: license no. 123456789", ["123456789"]),  # "license no." alone
    ("driver's license number NYDL-55021987A, and", ["NYDL-55021987A"]),  # any shape after the cue
    ("her driver's license number CA_DL_55021987 and", ["CA_DL_55021987"]),  # underscores
    ("driver's license numbers (e.g., TX_DL_550219) from", ["TX_DL_550219"]),  # plural, an example
    ("driver's license number 'DL: XQWERT550219' used", ["XQWERT550219"]),  # inner label
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_finds_number_when_license_cue_precedes(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "license number ABC-123-XYZ for the IDE",  # software licence, no driver cue
        "I lost my driver's license yesterday",  # no number
        "driver's license class C",  # class letter, no digit
        "driver's license 12 and more",  # too short
        "download the dl package",  # dl without a number
    ],
)
def test_finds_nothing_when_no_license_number(text):
    assert found(text) == []


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_passes_each_pattern_gate_when_the_pattern_matches(text, expected):
    assert rejecting_gates(REC, text) == []
