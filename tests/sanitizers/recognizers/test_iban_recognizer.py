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
    ("text", "expected"),
    [
        ("DE89 3704 0044 0532 0130 01", ["DE89 3704 0044 0532 0130 01"]),  # check digits do not match
        ("DE89 3704 0044 0532 0130", ["DE89 3704 0044 0532 0130"]),  # too short for Germany
        ("from my FR761234567890123456 account", ["FR761234567890123456"]),  # 20 characters for any country
        ("use NL02WXYZ0123456789 today", ["NL02WXYZ0123456789"]),  # bank code, then digits
        ("Simply use the GB150012345678901234 to pay", ["GB150012345678901234"]),  # a word after it is no group
    ],
)
def test_finds_iban_shape_when_checksum_or_length_fails(text, expected):
    # Test and synthetic data write IBANs so; a registry country, check digits, a bank code and 10+ digits
    # are written so by nothing else.
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("IBAN GB40ZZZZ55021987301234567", ["GB40ZZZZ55021987301234567"]),  # too long for Britain
        ("bank account IBAN 'IN60 ABCD000000000000XA' used", ["IN60 ABCD000000000000XA"]),  # no registry country
        ("iban: de12 3456 7890 1234 5678 9", ["de12 3456 7890 1234 5678 9"]),  # lower case, odd groups
    ],
)
def test_finds_any_iban_shape_when_iban_cue_precedes(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "DE89 3704 0044 0532 0130 01X7",  # no shape: letters after the digits, and fails mod 97
        "XX89 3704 0044 0532 0130 00",  # unknown country
        "sha AB12CDEF3456GH7890",  # id-shaped, fails mod 97
        "part of x-DE89370400440532013000",  # glued to an identifier
        "the IBAN field is required",  # a cue without a value
        "IBAN GB12 is short",  # too short after the cue
    ],
)
def test_finds_nothing_when_not_an_iban(text):
    assert found(text) == []


def test_checks_mod97_when_spaces_present():
    assert iban_valid("GB29 NWBK 6016 1331 9268 19") and not iban_valid("GB29 NWBK 6016 1331 9268 18")
