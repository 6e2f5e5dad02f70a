"""Realistic fake values in place of PII, the same fake for the same value across a whole dataset.

Each surrogate is drawn from Faker (en_US, offline) seeded with HMAC-SHA256(key, entity type + the
normalised value), so no mapping is stored and nobody without the key can tell which value a fake
stands for. Fakes are well-formed but unusable: e-mail domains are the reserved example.com/.org/.net,
phone numbers are in the ranges set aside for fiction (555-01xx, UK 020 7946 0xxx), SSNs use area
9xx (never issued), IPs come from the documentation ranges, cards carry a test-range prefix.
Entity types without a generator get a placeholder; secrets never reach this operator.
"""

import hashlib
import hmac
import random
import threading

import regex as re
from faker import Faker
from presidio_anonymizer.operators import Operator, OperatorType
from pydantic import BaseModel, ConfigDict, Field, SecretStr

from sanitizers.operators.placeholder import Placeholder
from sanitizers.recognizers.credit_card_recognizer import luhn_valid
from sanitizers.recognizers.iban_recognizer import IBAN_LENGTHS
from sanitizers.surrogate_key import read_hmac_key

_DIGIT_GROUPS = re.compile(r"\d+")
_COORDINATE = re.compile(r"\d+(?:\.\d+)?")
_PLACEHOLDER = Placeholder()


class SurrogateParams(BaseModel):
    """Which entity type and which number within the record (the number is used by the placeholder fallback)."""

    model_config = ConfigDict(extra="forbid", hide_input_in_errors=True)
    entity_type: str = Field(pattern=r"^[A-Z][A-Z0-9_]*$")
    index: int = Field(ge=1)


class Surrogate(Operator):
    """Replaces a PII value by a fake of the same type, keyed by FT_SANITIZER_HMAC_KEY.

    Limits: a fake name can be re-detected as a name by a later scan (the re-scan skips our own
    replacements); two different values can, rarely, get the same fake.
    """

    def __init__(self, key: SecretStr | None = None):
        self._key = key if key is not None else read_hmac_key()
        self._faker = Faker("en_US")
        self._lock = threading.Lock()  # Faker's seeded generator is shared state

    def __repr__(self) -> str:
        return "Surrogate(key=**********)"

    def operate(self, text: str | None = None, params: dict | None = None) -> str:
        """The fake for `text` (already normalised by the caller) of `params["entity_type"]`."""
        p = SurrogateParams.model_validate(params or {})
        generator = _GENERATORS.get(p.entity_type)
        value = text or ""
        if generator is None:
            return _PLACEHOLDER.operate(value, {"entity_type": p.entity_type, "index": p.index})
        seed = self.seed(p.entity_type, value)
        with self._lock:
            self._faker.seed_instance(seed)
            return generator(self._faker, random.Random(seed), value)

    def seed(self, entity_type: str, value: str) -> int:
        """A 64-bit seed from HMAC-SHA256(key, entity_type NUL value)."""
        message = f"{entity_type}\x00{value}".encode()
        digest = hmac.new(self._key.get_secret_value().encode(), message, hashlib.sha256).digest()
        return int.from_bytes(digest[:8], "big")

    def validate(self, params: dict | None = None) -> None:
        """Check the parameters; the key is no parameter and is never checked here."""
        SurrogateParams.model_validate(params or {})

    def operator_name(self) -> str:
        return "surrogate"

    def operator_type(self) -> OperatorType:
        return OperatorType.Anonymize


def _person(fake: Faker, rng: random.Random, value: str) -> str:
    # Keep the shape: a lone given name stays a lone given name.
    return fake.first_name() if len(value.split()) == 1 else fake.name()


def _email(fake: Faker, rng: random.Random, value: str) -> str:
    # RFC 2606 reserves example.com/.org/.net: never deliverable, never someone's address.
    return f"{fake.user_name()}@example.{rng.choice(('com', 'org', 'net'))}"


def _phone(fake: Faker, rng: random.Random, value: str) -> str:
    compact = value.replace(" ", "")
    if compact.startswith(("+44", "0044")):
        return f"+44 20 7946 0{rng.randint(0, 999):03d}"  # Ofcom range reserved for drama
    # NANP 555-0100..0199 is reserved for fictional use in every area code.
    return f"({rng.randint(201, 989)}) 555-01{rng.randint(0, 99):02d}"


def _street_address(fake: Faker, rng: random.Random, value: str) -> str:
    return fake.street_address()


def _credit_card(fake: Faker, rng: random.Random, value: str) -> str:
    # Visa's 4000 00.. test range, Luhn-valid so it reads as a card, in the original's grouping.
    body = "400000" + "".join(str(rng.randint(0, 9)) for _ in range(9))
    check = next(d for d in "0123456789" if luhn_valid(body + d))
    digits = body + check
    separator = "-" if "-" in value else " " if " " in value else ""
    return separator.join(digits[i : i + 4] for i in range(0, 16, 4))


def _iban(fake: Faker, rng: random.Random, value: str) -> str:
    country = value.replace(" ", "")[:2].upper()
    length = IBAN_LENGTHS.get(country)
    if length is None:
        country, length = "DE", IBAN_LENGTHS["DE"]
    bban = "".join(str(rng.randint(0, 9)) for _ in range(length - 4))
    numeric = "".join(str(int(ch, 36)) for ch in bban + country + "00")
    iban = f"{country}{98 - int(numeric) % 97:02d}{bban}"
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4)) if " " in value else iban


def _ssn(fake: Faker, rng: random.Random, value: str) -> str:
    # Area numbers 900-999 are never issued (SSA), so the fake is no one's number.
    return f"9{rng.randint(0, 99):02d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"


def _ip(fake: Faker, rng: random.Random, value: str) -> str:
    if ":" in value and "." not in value:
        return f"2001:db8::{rng.randint(1, 0xFFFF):x}"  # RFC 3849 documentation prefix
    # RFC 5737 TEST-NET-1/2/3.
    return f"{rng.choice(('192.0.2', '198.51.100', '203.0.113'))}.{rng.randint(1, 254)}"


def _date_of_birth(fake: Faker, rng: random.Random, value: str) -> str:
    born = fake.date_of_birth(minimum_age=18, maximum_age=90)
    if any(ch.isalpha() for ch in value):
        return f"{born:%B} {born.day}, {born.year}"
    groups = _DIGIT_GROUPS.findall(value)
    if len(groups) == 1:
        return str(born.year)
    # Same layout as the original. The year goes where a 4-digit group is (or a final 2-digit one,
    # "4.3.88"); the other groups get two numbers that are both valid as a day or a month.
    two_digit_year = not any(len(g) == 4 for g in groups)
    small = iter((born.day if born.day <= 12 else born.month, born.month))

    def swap(match: re.Match) -> str:
        group = match.group()
        if len(group) == 4:
            return str(born.year)
        if two_digit_year and match.end() == len(value.rstrip()):
            return f"{born.year % 100:02d}"
        return f"{next(small, 1):0{len(group)}d}"

    return _DIGIT_GROUPS.sub(swap, value)


def _passport(fake: Faker, rng: random.Random, value: str) -> str:
    return rng.choice("CEKLNPX") + "".join(str(rng.randint(0, 9)) for _ in range(8))


def _driver_license(fake: Faker, rng: random.Random, value: str) -> str:
    return rng.choice("ABDFGHKMS") + "".join(str(rng.randint(0, 9)) for _ in range(7))


def _id_number(fake: Faker, rng: random.Random, value: str) -> str:
    # The value's shape, letter for letter and digit for digit ("EMP-123456" -> "QKT-804215").
    return "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") if ch.isalpha() else str(rng.randint(0, 9)) if ch.isdigit()
                   else ch for ch in value)


def _bank_number(fake: Faker, rng: random.Random, value: str) -> str:
    digits = sum(ch.isdigit() for ch in value) or 10
    return "".join(str(rng.randint(0, 9)) for _ in range(digits))


def _same_shape(fake: Faker, rng: random.Random, value: str) -> str:
    # Each letter and digit redrawn, case, hex range and separators kept ("1BvB...", "0x5F1f...", "7ABC-123").
    hexish = all(ch in "0123456789abcdefABCDEFx" for ch in value)
    def redraw(ch: str) -> str:
        if ch.isdigit():
            return str(rng.randint(0, 9))
        if not ch.isalpha():
            return ch
        letters = "abcdef" if hexish else "abcdefghjkmnprstuvwxyz"
        drawn = rng.choice(letters)
        return drawn.upper() if ch.isupper() else drawn
    prefix = next((p for p in ("0x", "bc1", "ltc1", "tb1") if value.lower().startswith(p)), value[:1])
    return prefix + "".join(redraw(ch) for ch in value[len(prefix):])


def _device_id(fake: Faker, rng: random.Random, value: str) -> str:
    compact = value.replace(":", "").replace("-", "").replace(".", "")
    if len(compact) == 12 and not compact.isdigit():
        # RFC 7042's documentation block 00-00-5E-00-53-xx, in the original's separators and case.
        mac = f"00005e0053{rng.randint(0, 255):02x}"
        mac = mac.upper() if value.isupper() else mac
        if "." in value:
            return ".".join(mac[i : i + 4] for i in range(0, 12, 4))
        return (":" if ":" in value else "-").join(mac[i : i + 2] for i in range(0, 12, 2))
    return _same_shape(fake, rng, value)


def _gps_coordinates(fake: Faker, rng: random.Random, value: str) -> str:
    # Random digits in the original's layout: sign, separators and decimals kept, degrees redrawn in range.
    def redraw(match: re.Match) -> str:
        whole, _, decimals = match.group().partition(".")
        top = 89 if len(whole) <= 2 else 179
        degrees = str(rng.randint(0, top)).zfill(len(whole)) if len(whole) <= 2 else str(rng.randint(100, top))
        return degrees + ("." + "".join(str(rng.randint(0, 9)) for _ in decimals) if decimals else "")
    return _COORDINATE.sub(redraw, value)


def _user_agent(fake: Faker, rng: random.Random, value: str) -> str:
    return fake.user_agent()


_GENERATORS = {
    "PERSON": _person,
    "EMAIL_ADDRESS": _email,
    "PHONE_NUMBER": _phone,
    "STREET_ADDRESS": _street_address,
    "CREDIT_CARD": _credit_card,
    "IBAN_CODE": _iban,
    "US_SSN": _ssn,
    "IP_ADDRESS": _ip,
    "DATE_OF_BIRTH": _date_of_birth,
    "PASSPORT": _passport,
    "DRIVER_LICENSE": _driver_license,
    "US_BANK_NUMBER": _bank_number,
    "ID_NUMBER": _id_number,
    "DEVICE_ID": _device_id,
    "VEHICLE_ID": _same_shape,
    "CRYPTO": _same_shape,
    "GPS_COORDINATES": _gps_coordinates,
    "SECURITY_CODE": _same_shape,
    "USER_AGENT": _user_agent,
}
