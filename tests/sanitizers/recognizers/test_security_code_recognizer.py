import pytest

from sanitizers.recognizers.security_code_recognizer import SecurityCodeRecognizer, may_hold_security_code
from tests.sanitizers.recognizers.fakes import found
from tests.sanitizers.recognizers.gates import rejecting_gates

REC = SecurityCodeRecognizer()

FOUND = [
    ("the form asks for the security code 417 printed on it", ["417"]),
    ("Visa ending 1881, CVV 862. Thanks", ["862"]),
    ("CVC2 is 3071", ["3071"]),  # Amex-style 4 digits
    ("card verification value: 550", ["550"]),
    ("my ATM PIN is 7342.", ["7342"]),
    ("with the account pin 5519, I submit", ["5519"]),
    ("log in on the website using the pin 2515.", ["2515"]),  # a lower-case "pin" after a determiner
    ("PIN: 905512", ["905512"]),
    ("PIN code: 6621", ["6621"]),  # 4 digits after "PIN code"
    ("type in the 417 on the back of your card.", ["417"]),  # where it is printed
    ("the 3071 digits printed on the back of the Amex card", ["3071"]),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_finds_code_after_its_cue(text, expected):
    assert found(REC, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the card with 417 points on the front",  # no cue
        "we spent $417 on the back of the card table",  # an amount
        "PIN code 560034 of the Bengaluru branch",  # India's postal PIN code: 6 digits
        "connect pin 13 of the GPIO header",  # a pin of a chip
        "solder the pin 13 to ground",  # idem, after a determiner: too few digits for a PIN
        "security code 12345 is too long for a CVV",
        "CVV $123.50 refund",  # an amount
        "the PIN 1234-5678 series",  # part of a longer number
        "we take security seriously since 2019",  # no cue
    ],
)
def test_keeps_numbers_without_a_code_cue(text):
    assert found(REC, text) == []


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_passes_each_pattern_gate_when_the_pattern_matches(text, expected):
    assert rejecting_gates(REC, text) == []


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_passes_the_analyzer_prefilter_when_a_value_is_found(text, expected):
    # PiiAnalyzer runs the recognizer only on texts its prefilter passes: false here would hide a value.
    assert may_hold_security_code(text, sum(ch.isdigit() for ch in text))
