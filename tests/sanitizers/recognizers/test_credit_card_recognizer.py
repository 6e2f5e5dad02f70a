import pytest

from sanitizers.recognizers.credit_card_recognizer import CreditCardRecognizer, luhn_valid

REC = CreditCardRecognizer()
# Test card numbers published by the card networks for integration testing (Luhn-valid, never issued).
VISA = "4111" + "1111" + "1111" + "1111"
AMEX = "3782" + "822463" + "10005"


def found(text: str) -> list[str]:
    return [text[r.start : r.end] for r in REC.analyze(text, ["CREDIT_CARD"])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"card {VISA} please", [VISA]),  # plain 16 digits
        ("my card 4111 1111 1111 1111 was charged", ["4111 1111 1111 1111"]),  # grouped by spaces
        ("4111-1111-1111-1111", ["4111-1111-1111-1111"]),  # grouped by dashes
        ("amex 3782 822463 10005.", ["3782 822463 10005"]),  # Amex 4-6-5, sentence end
        ("mc: 5555555555554444", ["5555555555554444"]),  # Mastercard test number
        ("2-series 2223003122003222 ok", ["2223003122003222"]),  # Mastercard 2-series
        ('{"pan":"6011111111111117"}', ["6011111111111117"]),  # Discover inside JSON
    ],
)
def test_finds_card_when_luhn_valid(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "card 4111 1111 1111 1112",  # Luhn fails by one digit
        "order 4444444444444444",  # all one digit
        "id 1234567812345678",  # starts with 1: no network
        "call +44 20 7946 0958 now",  # phone number with country code
        "version 4.111.1111.1111",  # dotted version-like string
        "uuid 4111111-1111-1111-1111-111111111111",  # part of a longer dashed id
        "amount 4111 1111-1111 1111",  # mixed separators
        "ts 1700000000123",  # 13-digit epoch millis start with 1
    ],
)
def test_finds_nothing_when_not_a_card(text):
    assert found(text) == []


def test_checks_luhn_when_digits_given():
    assert luhn_valid("79927398713") and not luhn_valid("79927398710")
