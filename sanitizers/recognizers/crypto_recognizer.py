"""Cryptocurrency addresses: Bitcoin and Litecoin (base58 and bech32) and Ethereum (0x + 40 hex).

An address is a pseudonym that links a person to every payment on a public ledger. Bare, a base58
address is taken when its base58check checksum holds, or when it reads as one (1, 3, L or M, 26-35
letters and digits mixing capitals, small letters and digits: no hex digest, word or number is
written so); a bech32 address ("bc1q...", "ltc1q...") by its checksum or its exact
witness length; an Ethereum address by its shape, in code too (a contract's address is an account
on a public ledger, like anyone's: the shape cannot tell them apart), except the zero address and
other fillers. After a cue ("Bitcoin address", "BTC wallet", "wallet address:") any address shape is
taken, checksum or not: synthetic data write addresses that fail it. Entity name as presidio's.
"""

import hashlib
import re
from collections.abc import Callable
from typing import ClassVar

from sanitizers.code_cues import cued_regex
from sanitizers.pattern import Pattern
from sanitizers.value_group import ValueGroupRecognizer

_BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_BASE58_INDEX = {ch: i for i, ch in enumerate(_BASE58)}
_BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_BECH32_INDEX = {ch: i for i, ch in enumerate(_BECH32)}
_BECH32_CONSTANTS = (1, 0x2BC830A3)  # bech32 (BIP 173) and bech32m (BIP 350)
_EDGE_BEFORE = r"(?<![\w/+=.$-])"
_EDGE_AFTER = r"(?![\w/+=-]|\.\w)"
# A random token given to a credential's name ("access-token: LH4B...") is the secret scanner's, not an address.
_NOT_A_CREDENTIAL = r"(?<!(?:token|key|secret|password|passwd|pass|pwd|auth|bearer|basic)[\"']?\s{0,3}[:=]?\s{0,3}[\"']?)"
# Bitcoin (1, 3), Litecoin (L, M) and Dogecoin (D) base58 addresses.
# Base58 by its checksum; generated data write 0, O, I and l too, so the run takes any letter and digit.
_BASE58_ADDRESS = r"(?-i:[13LMD][0-9A-Za-z]{25,34})"
_BECH32_ADDRESS = r"(?:bc|tb|ltc)1[02-9ac-hj-np-z]{11,71}"
_ETH_ADDRESS = r"0x[0-9a-f]{40}"
# After a cue: any letters and digits in an address's length, or one of the shapes above.
_CUED_ADDRESS = rf"(?:{_ETH_ADDRESS}|{_BECH32_ADDRESS}|(?-i:[13LMD][0-9A-Za-z]{{25,34}}))"
# Every address holds a run of 26+ letters and digits (base58, Ethereum) or a bech32 prefix ("bc1", "tb1",
# "ltc1": c1 or b1) and 11 more; two plain regexes, as an alternation is slower (0.051 -> 0.028 s per 1.3 MB).
_ADDRESS_RUN = re.compile(r"[0-9A-Za-z]{26}")
_BECH32_RUN = re.compile(r"[bBcC]1[0-9a-zA-Z]{11}")


def may_hold_crypto(text: str, digits: int) -> bool:
    """The PiiAnalyzer prefilter: a digit and a run of letters and digits as long as an address."""
    return digits >= 1 and (not text.isascii() or _ADDRESS_RUN.search(text) is not None
                            or _BECH32_RUN.search(text) is not None)


def base58check_ok(address: str) -> bool:
    """True when the last 4 bytes of the decoded address are the double-SHA-256 of the rest."""
    number = 0
    for ch in address:
        index = _BASE58_INDEX.get(ch)
        if index is None:
            return False
        number = number * 58 + index
    raw = number.to_bytes((number.bit_length() + 7) // 8, "big")
    raw = b"\x00" * (len(address) - len(address.lstrip("1"))) + raw
    if len(raw) < 5:
        return False
    payload, checksum = raw[:-4], raw[-4:]
    return hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4] == checksum


def bech32_ok(address: str) -> bool:
    """True when the BIP 173 / BIP 350 checksum of a bech32 or bech32m address holds."""
    lowered = address.lower()
    hrp, _, data = lowered.rpartition("1")
    if not hrp or len(data) < 6 or any(ch not in _BECH32_INDEX for ch in data):
        return False
    values = [ord(ch) >> 5 for ch in hrp] + [0] + [ord(ch) & 31 for ch in hrp] + [_BECH32_INDEX[ch] for ch in data]
    check = 1
    for value in values:
        top = check >> 25
        check = (check & 0x1FFFFFF) << 5 ^ value
        for i, generator in enumerate((0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)):
            if top >> i & 1:
                check ^= generator
    return check in _BECH32_CONSTANTS


def base58_address_ok(value: str) -> bool:
    """A bare base58 address: its checksum, or (Bitcoin 1/3, Litecoin L/M) 3+ capitals, 3+ small letters and
    2+ digits mixed as a random address is (no word, hex digest or number is written so)."""
    if base58check_ok(value):
        return True
    return (value[0] in "13LM" and sum(ch.isupper() for ch in value) >= 3 and sum(ch.islower() for ch in value) >= 3
            and sum(ch.isdigit() for ch in value) >= 2)


def bech32_address_ok(value: str) -> bool:
    """A bare bech32 address: its checksum, or a segwit v0/v1 address of a witness program's exact length."""
    if value.lower() != value and value.upper() != value:
        return False  # bech32 is written in one case
    lowered = value.lower()
    return bech32_ok(value) or (lowered.startswith(("bc1q", "bc1p", "ltc1q", "tb1q"))
                                and len(lowered.split("1", 1)[1]) in (39, 59))


def eth_address_ok(value: str) -> bool:
    """An Ethereum address that is no filler: not the zero address or a run of one character with few others."""
    body = value[2:].lower()
    return max(body.count(ch) for ch in set(body)) < 24


def cued_address_ok(value: str) -> bool:
    """Any address shape after a cue, with a digit and a letter."""
    return any(ch.isdigit() for ch in value) and any(ch.isalpha() for ch in value)


class CryptoRecognizer(ValueGroupRecognizer):
    """Bitcoin, Litecoin and Dogecoin base58 addresses, bech32 addresses and Ethereum addresses.

    Limits: a base58 address that fails its checksum and has no cue is missed when it starts with D, or
    lacks capitals, small letters or digits; a random mixed-case token of 26-35 characters starting with
    1, 3, L or M is taken for an address; addresses of other chains (Solana, Monero, XRP)
    are missed without a cue.
    """

    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("base58_address", rf"{_EDGE_BEFORE}{_NOT_A_CREDENTIAL}{_BASE58_ADDRESS}{_EDGE_AFTER}", 0.7),
        Pattern("bech32_address", rf"{_EDGE_BEFORE}{_BECH32_ADDRESS}{_EDGE_AFTER}", 0.8),
        Pattern("eth_address", rf"{_EDGE_BEFORE}{_ETH_ADDRESS}(?![0-9a-z])", 0.8),
        Pattern("address_after_cue", cued_regex("CRYPTO", _CUED_ADDRESS) + _EDGE_AFTER, 0.85),
    ]
    CONTEXT: ClassVar[list[str]] = ["bitcoin", "btc", "wallet", "ethereum", "crypto", "address"]
    PATTERN_GATES: ClassVar[dict[str, Callable[[str], bool]]] = {
        "eth_address": lambda text: "0x" in text or "0X" in text,
    }
    CUED_PATTERNS: ClassVar[dict[str, Callable[[str], bool]]] = {
        "base58_address": base58_address_ok,
        "bech32_address": bech32_address_ok,
        "eth_address": eth_address_ok,
        "address_after_cue": cued_address_ok,
    }

    def __init__(self, patterns: list[Pattern] | None = None, supported_entity: str = "CRYPTO"):
        super().__init__(supported_entity, patterns or self.PATTERNS, name="CryptoRecognizer",
                         context=self.CONTEXT)
