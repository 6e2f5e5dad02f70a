import hashlib
import random

import pytest

from sanitizers.recognizers.crypto_recognizer import (
    CryptoRecognizer,
    base58check_ok,
    bech32_ok,
    may_hold_crypto,
)
from tests.sanitizers.recognizers.fakes import HEX, fake, found
from tests.sanitizers.recognizers.gates import rejecting_gates

REC = CryptoRecognizer()
_BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def _base58check(version: int, seed: int) -> str:
    """A made-up address: a random 20-byte payload with its version byte and checksum, base58-encoded."""
    payload = bytes([version]) + random.Random(seed).randbytes(20)
    raw = payload + hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
    number, out = int.from_bytes(raw, "big"), ""
    while number:
        number, rest = divmod(number, 58)
        out = _BASE58[rest] + out
    return "1" * (len(raw) - len(raw.lstrip(b"\0"))) + out


def _bech32(hrp: str, seed: int) -> str:
    """A made-up segwit v0 address (20-byte program) with its BIP 173 checksum."""
    rng = random.Random(seed)
    data = [0] + [rng.randrange(32) for _ in range(32)]

    def polymod(values):
        check = 1
        for value in values:
            top = check >> 25
            check = (check & 0x1FFFFFF) << 5 ^ value
            for i, g in enumerate((0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)):
                if top >> i & 1:
                    check ^= g
        return check

    expanded = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    mod = polymod(expanded + data + [0] * 6) ^ 1
    checksum = [(mod >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(_BECH32[d] for d in data + checksum)


BTC = _base58check(0, 1)
P2SH = _base58check(5, 2)
LTC = _base58check(48, 3)
BECH = _bech32("bc", 4)
SHAPED = "1" + fake(33, "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz", seed=5)[:30] + "7k2"  # no checksum
ANY_CASE = "3" + fake(33, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", seed=6)
ETH = "0x" + "".join(ch.upper() if i % 3 == 0 else ch for i, ch in enumerate(fake(40, HEX, seed=7)))


def test_made_up_addresses_carry_valid_checksums():
    assert base58check_ok(BTC) and base58check_ok(P2SH) and base58check_ok(LTC)
    assert bech32_ok(BECH)
    assert not base58check_ok(SHAPED)


FOUND = [
    (f"refund went to {BTC}. Sorry", [BTC]),  # checksum
    (f"send it to {P2SH}", [P2SH]),
    (f"my LTC payout goes to {LTC}", [LTC]),
    (f"segwit {BECH} works", [BECH]),
    (f"tip jar: {SHAPED}. Cheers", [SHAPED]),  # base58 shape, mixed case and digits, no checksum
    (f"donations: {ANY_CASE}", [ANY_CASE]),  # generated: any letters, mixed case and digits, no checksum
    (f"my Bitcoin address {ANY_CASE}. Cheers", [ANY_CASE]),  # cue: any alphabet
    (f"Receiving Wallet Address: {BTC}\n", [BTC]),
    (f"funds sent from {ETH} last week", [ETH]),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_finds_wallet_address(text, expected):
    assert found(REC, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        f"commit {fake(40, HEX, seed=8)} fixed it",  # a git sha: no 0x
        f"digest sha256:{fake(64, HEX, seed=9)}",  # a sha256 digest
        "burn to 0x0000000000000000000000000000000000000000",  # the zero address
        f"hash 0x{fake(64, HEX, seed=10)} of the block",  # 32 bytes: a hash, no address
        "uuid 123e4567-e89b-12d3-a456-426614174000",
        f"token 3{fake(33, 'abcdefghijklmnopqrstuvwxyz0123456789', seed=11)} in lower case only",
        "my wallet is in the car",  # the cue with no address
        f"My config: access-token: {ANY_CASE}",  # a credential's value: the secret scanner's
        f"https://example.com/{SHAPED}",  # inside a URL path
    ],
)
def test_keeps_hashes_ids_and_fillers(text):
    assert found(REC, text) == []


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_passes_each_pattern_gate_when_the_pattern_matches(text, expected):
    assert rejecting_gates(REC, text) == []


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_passes_the_analyzer_prefilter_when_a_value_is_found(text, expected):
    # PiiAnalyzer runs the recognizer only on texts its prefilter passes: false here would hide a value.
    assert may_hold_crypto(text, sum(ch.isdigit() for ch in text))
