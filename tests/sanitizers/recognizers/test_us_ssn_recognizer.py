import pytest

from sanitizers.recognizers.us_ssn_recognizer import UsSsnRecognizer

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
        "ssn 912-22-8174",  # area 9xx is never issued
        "ssn 666-22-8174",  # area 666 is never issued
        "ssn 536-00-8174",  # group 00
        "ssn 536-22-0000",  # serial 0000
        "536-22 8174",  # mixed separators
        "call 1-536-22-8174-5",  # part of a longer dashed number
        "v536.22.8174",  # dotted version
        "ssn 078-05-1120",  # the Woolworth sample number
    ],
)
def test_finds_nothing_when_not_an_ssn(text):
    assert found(text) == []
