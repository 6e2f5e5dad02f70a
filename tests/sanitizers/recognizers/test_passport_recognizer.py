import pytest

from sanitizers.recognizers.passport_recognizer import PassportRecognizer
from tests.sanitizers.recognizers.gates import rejecting_gates

REC = PassportRecognizer()


def found(text: str) -> list[str]:
    return [text[r.start : r.end] for r in REC.analyze(text, ["PASSPORT"])]


FOUND = [
    ("my passport number is X12345678", ["X12345678"]),  # letter + 8 digits
    ("Passport no. 123456789.", ["123456789"]),  # 9 digits
    ("passport: c01x00t47", ["c01x00t47"]),  # German-style alphanumerics, lower case
    ("PASSPORT #K7654321 expires", ["K7654321"]),  # hash cue
    ("numéro de passeport? passeport 18AB12345", ["18AB12345"]),  # French cue
    ("passport number is: AB 1234567", ["AB 1234567"]),  # two separators, letters spaced off
    ("my passport's number - 987654321", ["987654321"]),  # possessive cue, dash
    ("Reisepassnummer: C01X00T47", ["C01X00T47"]),  # German compound cue
    ("numer paszportu AB1234567", ["AB1234567"]),  # Polish cue
    ("паспорт 4510123456", ["4510123456"]),  # Russian cue, 10 digits
    ("passport number AB12CD34EF", ["AB12CD34EF"]),  # 10 alphanumerics
    ("his passport number US-PP-550219873 against", ["US-PP-550219873"]),  # any shape after the cue
    ("passport number DE-PP-QWER123XYZ and", ["DE-PP-QWER123XYZ"]),  # letters inside
    ("with a passport number of Q55021987, currently", ["Q55021987"]),  # "of"
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_finds_number_when_passport_cue_precedes(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "my passport expired last year",  # no number
        "passport photo size 35x45",  # too short
        "order X12345678 shipped",  # no cue
        "passport number is ABCDEFGHI",  # no digit
        "passport renewal form DS-82 12345678901",  # too long / not right after the cue
    ],
)
def test_finds_nothing_when_no_passport_number(text):
    assert found(text) == []


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_passes_each_pattern_gate_when_the_pattern_matches(text, expected):
    assert rejecting_gates(REC, text) == []
