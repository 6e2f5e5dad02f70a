import pytest

from sanitizers.recognizers.us_bank_number_recognizer import UsBankNumberRecognizer
from tests.sanitizers.recognizers.gates import rejecting_gates

REC = UsBankNumberRecognizer()


def found(text: str) -> list[str]:
    return [text[r.start : r.end] for r in REC.analyze(text, ["US_BANK_NUMBER"])]


FOUND = [
    ("my account number is 000123456789", ["000123456789"]),  # 12 digits after the cue
    ("checking acct #12345678", ["12345678"]),  # short cue with #
    ("routing number: 021000021", ["021000021"]),  # ABA routing number
    ("Bank account: 9876543210123", ["9876543210123"]),  # capitalised cue
    ("Account Number 'QWBK012345678901', IFSC", ["QWBK012345678901"]),  # letters and digits, quoted
    ("deposit (ACC: QWE5502198765) and", ["QWE5502198765"]),  # ACC: label
    ("his pension (ACCNUM: QWERTYU7890123456).", ["QWERTYU7890123456"]),  # ACCNUM: label
    ("visible in account number 55021987X were", ["55021987X"]),  # digits and a letter
    ("BBAN: QWER55021987301234\n", ["QWER55021987301234"]),  # BBAN
    ("sort code 55-02-19, account", ["55-02-19"]),  # UK sort code
    ("your account Jo Doe ending in 5502198765. I", ["5502198765"]),  # the tail of an account number
    ("the account number ending in *456 for", ["*456"]),  # a masked tail
    ("A/C no. 55021987301", ["55021987301"]),  # A/C
    ("Loan Number: LN-55021987", ["LN-55021987"]),  # a loan account
    ("mortgage account no. 5502198730", ["5502198730"]),  # a mortgage
    ("CIF 55021987", ["55021987"]),  # a bank's customer file number
    ("UPI ID: asha.k99@oksbi, thanks", ["asha.k99@oksbi"]),  # India's UPI ID after its cue
    ("an attempted UPI payment from 'ravi.m@ybl' failed", ["ravi.m@ybl"]),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_finds_number_when_account_cue_precedes(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "order 123456789012 shipped",  # no account cue
        "account 1234567",  # too short
        "my account was locked 3 times",  # no number
        "account number is 123456789012345678901",  # too long for a bank account
        "the fiscal year ending in 2024",  # no account before "ending in"
        "AWS account ID 123456789012",  # an account ID is a cloud account's
        "account number format: 2023-04-01",  # a date
        "account #12 is closed",  # too short
        "the A/C unit 12000 BTU",  # air conditioning: "A/C" needs a number word or a colon
        "acct unit 12000",  # a word is no first group of spaced digits
        "UPI help: write to care@upi-help.example",  # an e-mail address: the e-mail recognizer's
        "mail ravi.m@ybl about it",  # no UPI cue
    ],
)
def test_finds_nothing_when_no_account_number(text):
    assert found(text) == []


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_passes_each_pattern_gate_when_the_pattern_matches(text, expected):
    assert rejecting_gates(REC, text) == []
