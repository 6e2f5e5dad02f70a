import pytest

from sanitizers.recognizers.us_ssn_recognizer import UsSsnRecognizer
from tests.sanitizers.recognizers.gates import rejecting_gates

REC = UsSsnRecognizer()


def found(text: str) -> list[str]:
    return [text[r.start : r.end] for r in REC.analyze(text, ["US_SSN"])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my ssn is 536-22-8174", ["536-22-8174"]),  # dashed, with cue
        ("536-22-8174", ["536-22-8174"]),  # dashed, no cue
        ("SSN: 536 22 8174.", ["536 22 8174"]),  # spaced
        ("social security number 536228174", ["536228174"]),  # bare after the long cue
        ("SSN#536228174", ["536228174"]),  # bare after ssn#
    ],
)
def test_finds_ssn_when_structurally_valid(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "order 536228174 shipped",  # bare 9 digits without a cue
        "ref 912-22-8174",  # area 9xx is never issued
        "code 666-22-8174",  # area 666 is never issued
        "part 536-00-8174",  # group 00
        "536-22-0000",  # serial 0000
        "536-22 8174",  # mixed separators
        "call 1-536-22-8174-5",  # part of a longer dashed number
        "v536.22.8174",  # dotted version
        "sample 078-05-1120",  # the Woolworth sample number
        "SSN field is required",  # a cue without a value
        "SSN: 2023-04-01",  # a date after the cue
        "ssn 1234",  # too short after the cue
    ],
)
def test_finds_nothing_when_not_an_ssn(text):
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ssn 912-22-8174", ["912-22-8174"]),  # area 9xx, as test data write them
        ("his SSN 666-22-8174 and", ["666-22-8174"]),  # area 666
        ("SSN is 536-00-8174", ["536-00-8174"]),  # group 00
        ("ssn: 078-05-1120", ["078-05-1120"]),  # the Woolworth sample number
        ("Social Security number 123-45-6789.", ["123-45-6789"]),  # the counting sequence
        ("My SSN is 112233-4455", ["112233-4455"]),  # another country's shape
        ("under SSN 541-XX-XXXX, with", ["541-XX-XXXX"]),  # masked
    ],
)
def test_finds_any_shape_when_ssn_cue_precedes(text, expected):
    # Recall first: after the cue word the value is an SSN whatever the SSA's rules say.
    assert found(text) == expected


@pytest.mark.parametrize("text", ["my ssn is 536-22-8174", "ssn 912-22-8174", "SSN#536228174"])
def test_passes_each_pattern_gate_when_the_pattern_matches(text):
    assert rejecting_gates(REC, text) == []
