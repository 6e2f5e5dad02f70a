import pytest

from sanitizers.recognizers.iban_recognizer import IbanRecognizer, iban_valid

REC = IbanRecognizer()
# Example IBANs from the SWIFT IBAN Registry (valid check digits, not real accounts).
DE = "DE89" + "370400440532013000"
GB = "GB29" + "NWBK60161331926819"


def found(text: str) -> list[str]:
    return [text[r.start : r.end] for r in REC.analyze(text, ["IBAN_CODE"])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"IBAN: {DE}", [DE]),  # compact
        ("pay to DE89 3704 0044 0532 0130 00 today", ["DE89 3704 0044 0532 0130 00"]),  # print format
        (f"my iban is {GB.lower()}.", [GB.lower()]),  # typed in lower case
        ("NL91 ABNA 0417 1643 00", ["NL91 ABNA 0417 1643 00"]),  # letters in the BBAN
        ("FR14 2004 1010 0505 0001 3M02 606 is it", ["FR14 2004 1010 0505 0001 3M02 606"]),  # odd last group
    ],
)
def test_finds_iban_when_checksum_valid(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "DE89 3704 0044 0532 0130 01",  # check digits do not match
        "DE89 3704 0044 0532 0130",  # too short for Germany
        "XX89 3704 0044 0532 0130 00",  # unknown country
        "sha AB12CDEF3456GH7890",  # id-shaped, fails mod 97
        "part of x-DE89370400440532013000",  # glued to an identifier
    ],
)
def test_finds_nothing_when_not_an_iban(text):
    assert found(text) == []


def test_checks_mod97_when_spaces_present():
    assert iban_valid("GB29 NWBK 6016 1331 9268 19") and not iban_valid("GB29 NWBK 6016 1331 9268 18")
