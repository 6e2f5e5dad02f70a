import pytest

from sanitizers.recognizers.ip_address_recognizer import IpAddressRecognizer, is_public_ip

REC = IpAddressRecognizer()


def found(text: str, rec: IpAddressRecognizer = REC) -> list[str]:
    return [text[r.start : r.end] for r in rec.analyze(text, ["IP_ADDRESS"])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my ip is 81.2.69.160", ["81.2.69.160"]),  # public IPv4
        ("blocked 81.2.69.0/24.", ["81.2.69.0/24"]),  # CIDR, sentence end
        ("from 2a00:1450:4009:81a::200e today", ["2a00:1450:4009:81a::200e"]),  # compressed public IPv6
        ('{"client_ip":"8.8.4.4"}', ["8.8.4.4"]),  # inside JSON
        ("ssh root@81.2.69.160", ["81.2.69.160"]),  # after user@
    ],
)
def test_finds_public_address_when_present(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "router at 192.168.1.1",  # private
        "curl 127.0.0.1:8080",  # loopback
        "docs use 203.0.113.7 and 2001:db8::1",  # documentation ranges
        "upgrade to version 10.2.0.1",  # version string
        "requests v2.31.0.1 fixed it",  # v-prefixed version
        "OID 1.3.6.1.4.1 is dotted",  # longer dotted run
        "999.1.1.1 is not an address",  # octet out of range
        "std::vector and Foo::Bar",  # C++/Ruby scope operators
        "mac 00:1A:2B:3C:4D:5E",  # MAC address
    ],
)
def test_finds_nothing_when_not_a_public_address(text):
    assert found(text) == []


def test_finds_private_address_when_public_only_off():
    assert found("router at 192.168.1.1", IpAddressRecognizer(public_only=False)) == ["192.168.1.1"]


def test_treats_unparseable_as_public_when_asked():
    assert is_public_ip("not-an-ip") and not is_public_ip("10.0.0.1")


@pytest.mark.parametrize(
    "text",
    ["81.2.69.160", "81.2.69.0/24", "2a00:1450:4009:81a::200e", "::ffff:81.2.69.160", "::1", "fe80::1%eth0",
     "64:ff9b::81.2.69.160", "1:2:3:4:5:6:81.2.69.160", "1:2:3:4:5:6:7:8", "1::"],
)
def test_passes_each_pattern_gate_when_the_pattern_matches(text):
    # A gate is a necessary condition: false where its pattern matches would hide an address.
    matched = [(pattern, gate) for pattern, compiled, gate in REC._compiled if compiled.search(text)]
    assert matched
    for pattern, gate in matched:
        assert gate is None or gate(text), f"gate of {pattern.name} rejects a text the pattern matches"
