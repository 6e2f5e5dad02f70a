import pytest

from sanitizers.recognizers.us_bank_number_recognizer import UsBankNumberRecognizer

REC = UsBankNumberRecognizer()


def found(text: str) -> list[str]:
    return [text[r.start : r.end] for r in REC.analyze(text, ["US_BANK_NUMBER"])]


FOUND = [
    ("my account number is 000123456789", ["000123456789"]),  # 12 digits after the cue
    ("checking acct #12345678", ["12345678"]),  # short cue with #
    ("routing number: 021000021", ["021000021"]),  # ABA routing number
    ("Bank account: 9876543210123", ["9876543210123"]),  # capitalised cue
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
        "account number is 12345678901234567890",  # too long for a bank account
    ],
)
def test_finds_nothing_when_no_account_number(text):
    assert found(text) == []


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_passes_each_pattern_gate_when_the_pattern_matches(text, expected):
    # A gate is a necessary condition: false where its pattern matches would hide a value.
    for pattern, compiled, gate in REC._compiled:
        if gate is not None and compiled.search(text):
            assert gate(text), f"gate of {pattern.name} rejects a text the pattern matches"
