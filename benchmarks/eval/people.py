"""Fake people from Faker locales: names (incl. non-English origin), emails, street addresses.

Faker runs offline from its bundled data. Japanese and Chinese names are the romanised forms; native-
script names are left out of this set (the default spaCy model is English-only). Emails use reserved or
invented domains only (example.*, *.test, *.example).
"""

import random
import unicodedata
from dataclasses import dataclass

from faker import Faker

# (locale, weight): mostly English-speaking customers, a large share of other origins.
LOCALES: tuple[tuple[str, int], ...] = (
    ("en_US", 6), ("en_GB", 3), ("en_IN", 2), ("de_DE", 2), ("es_ES", 2), ("fr_FR", 2), ("it_IT", 1),
    ("pl_PL", 1), ("vi_VN", 1), ("ja_JP", 1), ("zh_CN", 1), ("pt_BR", 1), ("nl_NL", 1), ("tr_TR", 1),
)
EMAIL_DOMAINS = ("example.com", "example.org", "example.net", "mail.example.com", "acme-mail.test",
                 "northwind-traders.test", "contoso.test", "fastpost.example", "correo.example",
                 "uni-campus.example", "globex.test", "kundenmail.example")
_FOLD = str.maketrans({"ł": "l", "Ł": "L", "ß": "ss", "đ": "d", "Đ": "D", "ø": "o", "æ": "ae", "ı": "i"})
# Faker locale -> which street-address source to use; None = the hand-written US/UK maker below.
_ADDRESS_LOCALES = ("en_US", "de_DE", "es_ES", "fr_FR", "it_IT", "pl_PL", "nl_NL", "pt_BR")
_US_STREETS = ("Oak", "Maple", "Pine", "Cedar", "Elm", "Washington", "Lake", "Hill", "Park", "Sunset",
               "Lincoln", "Jefferson", "Madison", "Willow", "River", "Highland", "Franklin", "Church")
_US_SUFFIXES = ("Street", "St.", "Avenue", "Ave", "Road", "Rd", "Boulevard", "Lane", "Drive", "Court", "Way")


# Faker locale -> phone-number country (pii_values.phone); others get a random country.
PHONE_COUNTRY = {"en_US": "US", "en_GB": "GB", "en_IN": "IN", "de_DE": "DE", "es_ES": "ES", "fr_FR": "FR",
                 "pl_PL": "PL", "vi_VN": "VN", "ja_JP": "JP", "pt_BR": "BR", "nl_NL": "NL"}


@dataclass(frozen=True)
class Person:
    """A fake person: names as written in their culture, plus derived contact data."""

    first: str
    last: str
    full: str
    email: str
    locale: str

    @property
    def phone_country(self) -> str | None:
        """The country whose phone format this person most likely uses."""
        return PHONE_COUNTRY.get(self.locale)


@dataclass(frozen=True)
class Address:
    """A street line (the planted value) and the rest of the postal address."""

    street: str
    city_line: str


def fold_ascii(text: str) -> str:
    """ASCII form of a name for an email local part: Müller -> Muller, Łukasz -> Lukasz."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(c for c in decomposed if c.isascii() and (c.isalnum() or c in " -'"))


class People:
    """Makes persons and addresses from seeded Faker instances (one per locale)."""

    def __init__(self, seed: int) -> None:
        self._fakers: dict[str, Faker] = {}
        for i, (locale, _) in enumerate(LOCALES):
            faker = Faker(locale)
            faker.seed_instance(seed * 1000 + i)
            self._fakers[locale] = faker

    def person(self, rng: random.Random) -> Person:
        """A person from a weighted random locale."""
        locale = rng.choices([loc for loc, _ in LOCALES], weights=[w for _, w in LOCALES])[0]
        faker = self._fakers[locale]
        if locale in ("ja_JP", "zh_CN"):
            first, last = faker.first_romanized_name(), faker.last_romanized_name()
        elif locale == "vi_VN":  # Faker's vi_VN first_name() is a stub (John/Jane): build it by parts
            given = faker.first_name_male() if rng.random() < 0.5 else faker.first_name_female()
            first, last = f"{faker.middle_name()} {given}", faker.last_name()
        else:
            first, last = faker.first_name(), faker.last_name()
        full = f"{last} {first}" if locale == "vi_VN" else f"{first} {last}"  # family name first
        first_ascii = fold_ascii(first).lower().replace(" ", "")
        last_ascii = fold_ascii(last).lower().replace(" ", "").replace("'", "")
        local = rng.choice((f"{first_ascii}.{last_ascii}", f"{first_ascii[0]}{last_ascii}",
                            f"{first_ascii}_{last_ascii}{rng.randint(1, 99)}", f"{first_ascii}{last_ascii}",
                            f"{last_ascii}.{first_ascii}{rng.randint(60, 99)}"))
        email = f"{local}@{rng.choice(EMAIL_DOMAINS)}"
        return Person(first, last, full, email, locale)

    def address(self, rng: random.Random, locale: str | None = None) -> Address:
        """A single-line street address and its city line, in `locale` when Faker has one, else random."""
        if locale == "en_GB":
            locale = "uk"
        elif locale == "en_US":
            locale = rng.choice(("en_US", "hand", "hand"))
        elif locale not in _ADDRESS_LOCALES:
            locale = rng.choice(_ADDRESS_LOCALES + ("hand", "hand", "uk"))
        if locale == "hand":
            street = f"{rng.randint(1, 9899)} {rng.choice(_US_STREETS)} {rng.choice(_US_SUFFIXES)}"
            faker = self._fakers["en_US"]
            return Address(street, f"{faker.city()}, {faker.state_abbr()} {faker.postcode()}")
        if locale == "uk":
            faker = self._fakers["en_GB"]
            return Address(f"{rng.randint(1, 240)} {faker.street_name()}", f"{faker.city()} {faker.postcode()}")
        faker = self._fakers[locale]
        street = " ".join(faker.street_address().split())  # one line, no trailing blanks
        if locale == "it_IT":  # it_IT city() draws from a set, whose order changes with PYTHONHASHSEED
            return Address(street, faker.postcode_city_province().replace(", ", " ", 1))
        return Address(street, f"{faker.postcode()} {faker.city()}")
