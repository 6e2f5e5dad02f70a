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
        "number 4111 1111 1111 1112",  # Luhn fails by one digit, and no card cue
        "order 4444444444444444",  # all one digit
        "id 1234567812345678",  # starts with 1: no network
        "call +44 20 7946 0958 now",  # phone number with country code
        "version 4.111.1111.1111",  # dotted version-like string
        "uuid 4111111-1111-1111-1111-111111111111",  # part of a longer dashed id
        "amount 4111 1111-1111 1111",  # mixed separators
        "ts 1700000000123",  # 13-digit epoch millis start with 1
        "arn:aws:iam::492869131416:user/deploy-bot",  # AWS account id inside an ARN (Luhn-valid by chance)
        "see 491234567809 below",  # 12 digits, Luhn-valid, but no Maestro prefix
    ],
)
def test_finds_nothing_when_not_a_card(text):
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("please block card 213112345678901", ["213112345678901"]),  # JCB 15 digits, Luhn fails
        ("Card no.: 5018 2426 4623 please cancel it", ["5018 2426 4623"]),  # 12-digit Maestro, grouped
        ("I lost my Visa 4000 1234 5678 9010, can you freeze it?", ["4000 1234 5678 9010"]),  # network name as cue
        ("my credit card number is 3530-1113-3330-0001", ["3530-1113-3330-0001"]),  # "number is" after the cue
        ("Bitte sperren Sie meine Kreditkarte 5500 0000 0000 0010", ["5500 0000 0000 0010"]),  # German
        ("numéro de carte : 4970 1012 3456 7890", ["4970 1012 3456 7890"]),  # French, cue after "numéro de"
        ("cc# 060426502013", ["060426502013"]),  # Maestro 0604, "cc#" cue
        ("to upgrade my debit card, 5219 8830 1174 2265, to gold", ["5219 8830 1174 2265"]),  # a comma after the cue
        ("the debit card ending in 4421 was declined", []),  # the last four digits are no card number
        ("card 12345678901", []),  # 11 digits: too short for any card
        ("card 1 of 3 arrived, order 4111111111111111", []),  # the order number is not after the cue
    ],
)
def test_finds_any_card_length_number_when_after_a_card_cue(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        f"order {VISA} shipped",  # Luhn-valid, but an order number
        f"Tracking number {VISA}",  # idem, a tracking number
        f"ticket #{VISA}",  # idem, a ticket id
        f"transaction id: {VISA}",  # idem
        f"customer ID is {VISA}",  # label words between the id cue and the number
    ],
)
def test_finds_nothing_when_an_id_cue_comes_first(text):
    assert found(text) == []


def test_finds_card_when_an_id_word_only_labels_the_speaker():
    text = f"Customer: i entered {VISA} and the code on the back"
    assert [text[r.start : r.end] for r in REC.analyze(text, ["CREDIT_CARD"])] == [VISA]


def test_finds_card_when_luhn_valid_and_network_prefix_without_cue():
    # JCB 15 (2131 / 1800) and Maestro 0604 prefixes, found on their own when Luhn-valid.
    assert found("refund to 2131 0401 1980 367 please") == ["2131 0401 1980 367"]
    assert found("refund to 060426502013 please") == ["060426502013"]


def test_finds_cards_in_linear_time_when_digit_groups_repeat():
    # A long run of digit groups must not make the pattern backtrack (no timing: the result is checked).
    text = "card " + "4111 " * 20_000 + "x"
    assert found(text) == []


def test_checks_luhn_when_digits_given():
    assert luhn_valid("79927398713") and not luhn_valid("79927398710")
