"""Identifiers of a person's devices: MAC addresses and IMEIs.

A MAC address is its own evidence ("3c:a9:f4:17:0b:e2", "3C-A9-F4-17-0B-E2", Cisco's "3ca9.f417.0be2"):
six hex pairs are written for nothing else. An IMEI is 15 digits, as common a length as any id, so it
needs its cue ("IMEI 35 120744 301928 x", "Phone IMEI: 35120744301928x") or the 2-6-6-1 grouping IMEIs
are printed in: in dashes, or in spaces with its Luhn check digit.
"""

import re
from collections.abc import Callable
from typing import ClassVar

from sanitizers.code_cues import cued_regex
from sanitizers.pattern import Pattern
from sanitizers.recognizers.credit_card_recognizer import luhn_valid
from sanitizers.value_group import ValueGroupRecognizer, holds_any

_HEX = "0123456789abcdefABCDEF"
# Not a pair of a longer hex run (an IPv6 address, a key fingerprint, a hash written in pairs).
_BEFORE = r"(?<![\w:.-])"
_AFTER = r"(?![\w:-]|\.\w)"
# Addresses that name no device: the broadcast address and the all-zero filler.
_NO_DEVICE = frozenset({"000000000000", "ffffffffffff"})
_CISCO_RUN = re.compile(r"[0-9a-fA-F]{4}\.[0-9a-fA-F]{4}\.[0-9a-fA-F]{4}")


def may_hold_device_id(text: str, digits: int) -> bool:
    """The PiiAnalyzer prefilter: an IMEI's 14+ digits, a MAC's 5 colons or dashes, or Cisco's dotted hex."""
    return (digits >= 14 or text.count(":") >= 5 or text.count("-") >= 5
            or (text.count(".") >= 2 and _CISCO_RUN.search(text) is not None))


def mac_ok(value: str) -> bool:
    """Six hex pairs naming a device: not the broadcast or zero address; dashed and dotted forms hold a
    letter (a run of digit pairs in dashes is a date or a phone number as often)."""
    compact = "".join(ch for ch in value if ch in _HEX).lower()
    if len(compact) != 12 or compact in _NO_DEVICE:
        return False
    return ":" in value or any(ch in "abcdef" for ch in compact)


def imei_grouped_ok(value: str) -> bool:
    """The 2-6-6-1 grouping: in dashes as IMEIs are printed (nothing else is), in spaces with a valid Luhn digit."""
    digits = "".join(ch for ch in value if ch.isdigit())
    return len(digits) == 15 and ("-" in value or luhn_valid(digits))


def imei_cued_ok(value: str) -> bool:
    """14-17 digits after an IMEI cue: IMEI without or with its check digit, IMEISV; checksum or not."""
    return 14 <= sum(ch.isdigit() for ch in value) <= 17


class DeviceIdRecognizer(ValueGroupRecognizer):
    """MAC addresses anywhere; IMEIs after their cue or in their printed grouping with a valid check digit.

    Limits: a MAC written without separators ("3ca9f4170be2") is taken for a hex id and stays; a bare
    15-digit IMEI with no cue is missed (it reads as any other 15-digit number).
    """

    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("mac_colons", rf"{_BEFORE}[0-9a-f]{{2}}(?::[0-9a-f]{{2}}){{5}}{_AFTER}", 0.8),
        Pattern("mac_dashes", rf"{_BEFORE}[0-9a-f]{{2}}(?:-[0-9a-f]{{2}}){{5}}{_AFTER}", 0.8),
        Pattern("mac_cisco", rf"{_BEFORE}[0-9a-f]{{4}}\.[0-9a-f]{{4}}\.[0-9a-f]{{4}}{_AFTER}", 0.8),
        # "IMEI: 35120744301928x", "IMEI number is 35-120744-301928-x" (x its check digit).
        Pattern("imei_after_cue", cued_regex("IMEI", r"\d[\d -]{12,20}\d") + r"(?![\w-])", 0.8),
        # The 2-6-6-1 grouping of a printed IMEI ("35-120744-301928-x", "35 120744 301928 x").
        Pattern("imei_grouped", r"(?<![\w-])\d{2}(?:-\d{6}-\d{6}-|[ ]\d{6}[ ]\d{6}[ ])\d(?![\w-])", 0.7),
    ]
    CONTEXT: ClassVar[list[str]] = ["mac", "imei", "device"]
    PATTERN_GATES: ClassVar[dict[str, Callable[[str], bool]]] = {
        "mac_colons": lambda text: text.count(":") >= 5,
        "mac_dashes": lambda text: text.count("-") >= 5,
        "mac_cisco": lambda text: text.count(".") >= 2,
        "imei_after_cue": holds_any("imei", "meid"),
        "imei_grouped": lambda text: "-" in text or " " in text,
    }
    CUED_PATTERNS: ClassVar[dict[str, Callable[[str], bool]]] = {
        "mac_colons": mac_ok,
        "mac_dashes": mac_ok,
        "mac_cisco": mac_ok,
        "imei_after_cue": imei_cued_ok,
        "imei_grouped": imei_grouped_ok,
    }

    def __init__(self, patterns: list[Pattern] | None = None, supported_entity: str = "DEVICE_ID"):
        super().__init__(supported_entity, patterns or self.PATTERNS, name="DeviceIdRecognizer",
                         context=self.CONTEXT)
