import pytest

from sanitizers.recognizers.bic_recognizer import BicRecognizer
from tests.sanitizers.recognizers.fakes import found
from tests.sanitizers.recognizers.gates import rejecting_gates

REC = BicRecognizer()

FOUND = [
    ("wire it to BIC QwRtZpLK. This", ["QwRtZpLK"]),  # synthetic mixed case
    ("SWIFT/BIC: KLMNGB2LXXX", ["KLMNGB2LXXX"]),  # 11 characters with a branch
    ("SWIFT code is QRSTFRPP, IBAN", ["QRSTFRPP"]),
    ("bic: ZXCVDE33", ["ZXCVDE33"]),
    ("IFSC Code: QWER0551820, branch Pune", ["QWER0551820"]),  # India's IFSC: bank, 0, branch
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_finds_bic_after_its_cue(text, expected):
    assert found(REC, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "a swift transfer today",
        "Swift language features",  # a word after the cue
        "Swift code examples",
        "the BIC Monaco office",  # Title-case word
        "QRSTFRPP with no cue",
    ],
)
def test_keeps_words_and_uncued_codes(text):
    assert found(REC, text) == []


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_passes_each_pattern_gate_when_the_pattern_matches(text, expected):
    assert rejecting_gates(REC, text) == []
