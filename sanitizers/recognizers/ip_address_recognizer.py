"""IP addresses; by default only globally routable ones, since private and documentation ranges identify no one."""

import ipaddress
from collections.abc import Callable
from typing import ClassVar

from presidio_analyzer.predefined_recognizers import IpRecognizer as PresidioIpRecognizer

from sanitizers.pattern import Pattern
from sanitizers.value_group import ValueGroupRecognizer

_PRESIDIO = {p.name: p for p in PresidioIpRecognizer.PATTERNS}
_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"


def is_public_ip(value: str) -> bool:
    """True for globally routable addresses; private, loopback, link-local and documentation ranges are not."""
    try:
        return ipaddress.ip_interface(value.strip("[]")).ip.is_global
    except ValueError:
        return True  # matched but unparseable: err on the side of removing it


class IpAddressRecognizer(ValueGroupRecognizer):
    """IPv4 and IPv6 addresses (with an optional /prefix), public ones only unless `public_only=False`.

    A dotted quad after "version", "v" or "build" is a version string, not an address.
    """

    PATTERNS: ClassVar[list[Pattern]] = [
        # Dotted quad with an optional CIDR suffix; not inside a longer dotted run (1.2.3.4.5).
        Pattern(
            "ipv4",
            rf"(?<![\w.:/-])(?<!\b(?:version|ver|release|build|v)\.?\s{{0,2}})"
            rf"{_OCTET}(?:\.{_OCTET}){{3}}(?:/(?:3[0-2]|[12]?\d))?(?!\w|\.\d)",
            0.6,
        ),
        # Presidio's IPv6 patterns (full, compressed, IPv4-mapped and -embedded forms).
        _PRESIDIO["IPv6"],
        _PRESIDIO["IPv4_mapped"],
        _PRESIDIO["IPv4_embedded"],
    ]
    CONTEXT: ClassVar[list[str]] = ["ip", "ipv4", "ipv6", "address"]
    # A dotted quad has three dots; every IPv6 form has two colons ("::" or more groups).
    PATTERN_GATES: ClassVar[dict[str, Callable[[str], bool]]] = {
        "ipv4": lambda text: text.count(".") >= 3,
        "IPv6": lambda text: text.count(":") >= 2,
        "IPv4_mapped": lambda text: "::" in text,
        "IPv4_embedded": lambda text: text.count(":") >= 2 and text.count(".") >= 3,
    }

    def __init__(self, patterns: list[Pattern] | None = None, supported_entity: str = "IP_ADDRESS",
                 public_only: bool = True):
        self.public_only = public_only
        super().__init__(supported_entity, patterns or self.PATTERNS, name="IpAddressRecognizer",
                         context=self.CONTEXT)

    def invalidate_result(self, pattern_text: str) -> bool:
        """Not an address at all, or (when `public_only`) an address that identifies no one."""
        try:
            address = ipaddress.ip_interface(pattern_text.strip("[]"))
        except ValueError:
            return True
        return self.public_only and not address.ip.is_global
