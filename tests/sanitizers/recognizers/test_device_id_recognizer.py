import pytest

from sanitizers.recognizers.credit_card_recognizer import luhn_valid
from sanitizers.recognizers.device_id_recognizer import DeviceIdRecognizer, may_hold_device_id
from tests.sanitizers.recognizers.fakes import found
from tests.sanitizers.recognizers.gates import rejecting_gates

REC = DeviceIdRecognizer()


def _with_check_digit(body: str) -> str:
    return body + next(d for d in "0123456789" if luhn_valid(body + d))


IMEI = _with_check_digit("35120744301928")  # made up, Luhn-valid
GROUPED = f"{IMEI[:2]}-{IMEI[2:8]}-{IMEI[8:14]}-{IMEI[14]}"
SPACED = GROUPED.replace("-", " ")
WRONG_CHECK = IMEI[:14] + str((int(IMEI[14]) + 1) % 10)

FOUND = [
    ("whitelist MAC address: 3c:a9:f4:17:0b:e2. Thanks", ["3c:a9:f4:17:0b:e2"]),
    ("the printer 3C-A9-F4-17-0B-E2 dropped off", ["3C-A9-F4-17-0B-E2"]),
    ("switch port learned 3ca9.f417.0be2 on vlan 10", ["3ca9.f417.0be2"]),
    ("router (a2:11:40:5d:9c:07) and", ["a2:11:40:5d:9c:07"]),
    ("docs example 00:11:22:33:44:55 in colons", ["00:11:22:33:44:55"]),  # digits only, colons
    (f"handset IMEI {IMEI} was blocked", [IMEI]),  # cue, ungrouped
    (f"IMEI number: {GROUPED}.", [GROUPED]),
    (f"IMEI {WRONG_CHECK} (check digit wrong, cue says IMEI)", [WRONG_CHECK]),
    (f"printed on the box: {SPACED} under the barcode", [SPACED]),  # 2-6-6-1 grouping, Luhn-valid
    (f"label {WRONG_CHECK[:2]}-{WRONG_CHECK[2:8]}-{WRONG_CHECK[8:14]}-{WRONG_CHECK[14]} on it",
     [f"{WRONG_CHECK[:2]}-{WRONG_CHECK[2:8]}-{WRONG_CHECK[8:14]}-{WRONG_CHECK[14]}"]),  # dashed 2-6-6-1: any digit
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_finds_device_identifier(text, expected):
    assert found(REC, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "link-local fe80::3c:a9:f4:17:0b:e2 is an IPv6 address",  # pairs inside an IPv6 address
        "fingerprint 3c:a9:f4:17:0b:e2:91:aa:10:5f:c4:d2:7e:08:b1:33",  # a longer run of pairs
        "broadcast to ff:ff:ff:ff:ff:ff and 00:00:00:00:00:00",  # no device
        "the run 2024-05-06-07-08-09 finished",  # digit pairs in dashes: a date-time
        "release 1234.5678.9012 shipped",  # dotted digits: no hex letter
        f"order {IMEI} shipped",  # 15 digits with no IMEI cue or grouping
        f"grouped {WRONG_CHECK[:2]} {WRONG_CHECK[2:8]} {WRONG_CHECK[8:14]} {WRONG_CHECK[14]} in spaces fails Luhn",
        "sha 3ca9f4170be2 of the build",  # no separators: a hex id
    ],
)
def test_keeps_other_hex_and_digit_runs(text):
    assert found(REC, text) == []


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_passes_each_pattern_gate_when_the_pattern_matches(text, expected):
    assert rejecting_gates(REC, text) == []


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_passes_the_analyzer_prefilter_when_a_value_is_found(text, expected):
    # PiiAnalyzer runs the recognizer only on texts its prefilter passes: false here would hide a value.
    assert may_hold_device_id(text, sum(ch.isdigit() for ch in text))
