"""Postal addresses in the order each country writes them, as parts: street line, unit, postcode, city, country.

Street names come from Faker's locales where it has them and from the short hand-written lists below
otherwise (Estonia, Latvia, Lithuania). Postcode shapes follow each postal service's published format.
Nothing here is shared with the detectors: the lists and shapes are this package's own.
"""

import random
from dataclasses import dataclass

from faker import Faker

from benchmarks.eval.secret_values import chars

DIGITS = "0123456789"
UPPER = "ABCDEFGHIJKLMNOPRSTUWYZ"
UK_INWARD = "ABDEFGHJLNPQRSTUWXYZ"  # Royal Mail: the last two letters are never C, I, K, M, O or V


@dataclass(frozen=True)
class PostalAddress:
    """One address; `street` holds the house number where the country writes it."""

    country: str  # ISO 3166 code
    street: str
    unit: str | None
    postcode: str
    city: str
    country_name: str
    region: str | None = None

    def city_line(self) -> str:
        """The postcode and city in the country's order ("75002 Paris", "Springfield, IL 62704")."""
        return _CITY_LINE[self.country](self)

    def lines(self, with_country: bool) -> list[str]:
        """The address as the lines of a letter."""
        lines = [self.street] + ([self.unit] if self.unit else []) + [self.city_line()]
        return lines + ([self.country_name] if with_country else [])


def _d(rng: random.Random, n: int) -> str:
    return rng.choice("123456789") + chars(rng, DIGITS, n - 1)


# Country: (Faker locale or None, country name as written in the address, postcode maker).
_COUNTRIES = {
    "US": ("en_US", "USA", lambda r: _d(r, 5)),
    "GB": ("en_GB", "United Kingdom", lambda r: f"{r.choice(('SW', 'NW', 'E', 'M', 'LS', 'B', 'EH'))}"
                                                 f"{r.randint(1, 19)} {r.randint(1, 9)}{chars(r, UK_INWARD, 2)}"),
    "CA": ("en_CA", "Canada", lambda r: f"{r.choice('KLMNPRTV')}{r.randint(1, 9)}{r.choice(UPPER)} "
                                       f"{r.randint(1, 9)}{r.choice(UPPER)}{r.randint(1, 9)}"),
    "AU": ("en_AU", "Australia", lambda r: _d(r, 4)),
    "IE": ("en_IE", "Ireland", lambda r: f"D{r.randint(1, 24):02d} {chars(r, UPPER + DIGITS, 4)}"),
    "DE": ("de_DE", "Germany", lambda r: _d(r, 5)),
    "AT": ("de_AT", "Austria", lambda r: _d(r, 4)),
    "CH": ("de_CH", "Switzerland", lambda r: _d(r, 4)),
    "NL": ("nl_NL", "Netherlands", lambda r: f"{_d(r, 4)} {chars(r, 'ABCEGHJKLMNPRTVWXZ', 2)}"),
    "BE": ("nl_BE", "Belgium", lambda r: _d(r, 4)),
    "FR": ("fr_FR", "France", lambda r: f"{r.randint(1, 95):02d}{chars(r, DIGITS, 3)}"),
    "ES": ("es_ES", "Spain", lambda r: f"{r.randint(1, 52):02d}{chars(r, DIGITS, 3)}"),
    "IT": ("it_IT", "Italy", lambda r: _d(r, 5)),
    "PT": ("pt_PT", "Portugal", lambda r: f"{_d(r, 4)}-{chars(r, DIGITS, 3)}"),
    "PL": ("pl_PL", "Poland", lambda r: f"{chars(r, DIGITS, 2)}-{chars(r, DIGITS, 3)}"),
    "CZ": ("cs_CZ", "Czech Republic", lambda r: f"{_d(r, 3)} {chars(r, DIGITS, 2)}"),
    "SK": ("sk_SK", "Slovakia", lambda r: f"{_d(r, 3)} {chars(r, DIGITS, 2)}"),
    "HU": ("hu_HU", "Hungary", lambda r: _d(r, 4)),
    "SE": ("sv_SE", "Sweden", lambda r: f"{_d(r, 3)} {chars(r, DIGITS, 2)}"),
    "NO": ("no_NO", "Norway", lambda r: chars(r, DIGITS, 4)),
    "DK": ("da_DK", "Denmark", lambda r: _d(r, 4)),
    "FI": ("fi_FI", "Finland", lambda r: chars(r, DIGITS, 5)),
    "EE": (None, "Estonia", lambda r: _d(r, 5)),
    "LV": (None, "Latvia", lambda r: f"LV-{_d(r, 4)}"),
    "LT": (None, "Lithuania", lambda r: f"LT-{_d(r, 5)}"),
    "BR": ("pt_BR", "Brazil", lambda r: f"{_d(r, 5)}-{chars(r, DIGITS, 3)}"),
}
_BALTIC_STREETS = {
    "EE": (("Lossi", "Rüütli", "Pikk", "Narva mnt", "Tartu mnt", "Pärnu mnt", "Vabaduse pst", "Riia"),
           ("Tartu", "Tallinn", "Pärnu", "Narva", "Viljandi")),
    "LV": (("Brīvības iela", "Elizabetes iela", "Tērbatas iela", "Krišjāņa Barona iela"),
           ("Rīga", "Jelgava", "Liepāja", "Daugavpils")),
    "LT": (("Gedimino pr.", "Pilies g.", "Vilniaus g.", "Laisvės al."), ("Vilnius", "Kaunas", "Klaipėda")),
}
_US_STATES = ("CA", "NY", "TX", "IL", "WA", "MA", "FL", "OR", "CO", "GA")
_CA_PROVINCES = ("ON", "QC", "BC", "AB", "MB", "NS")
_AU_STATES = ("NSW", "VIC", "QLD", "WA", "SA", "TAS")
# Unit forms per country group, as people write them.
_UNITS = {
    "en": ("Suite {n}", "Apt {n}", "Apt. {n}B", "Unit {n}", "Flat {n}", "#{n}", "Floor {n}"),
    "de": ("Wohnung {n}", "Top {n}", "{n}. OG", "App. {n}"),
    "fr": ("Appartement {n}", "Bât. B, {n}e étage", "Apt {n}"),
    "es": ("Piso {n}", "{n}º {m}ª", "Puerta {n}"),
    "it": ("Interno {n}", "Scala B, int. {n}"),
    "nordic": ("lgh {n}", "Leilighet {n}", "{n}. tv", "Apt {n}"),
    "other": ("Apt {n}", "Suite {n}", "m. {n}", "Flat {n}"),
}
_UNIT_GROUP = {"US": "en", "GB": "en", "CA": "en", "AU": "en", "IE": "en", "DE": "de", "AT": "de", "CH": "de",
               "FR": "fr", "BE": "fr", "ES": "es", "IT": "it", "SE": "nordic", "NO": "nordic", "DK": "nordic",
               "FI": "nordic"}
# How the postcode and the city are written, per country.
_CITY_LINE = {
    "US": lambda a: f"{a.city}, {a.region} {a.postcode}",
    "CA": lambda a: f"{a.city}, {a.region} {a.postcode}",
    "AU": lambda a: f"{a.city} {a.region} {a.postcode}",
    "GB": lambda a: f"{a.city} {a.postcode}",
    "IE": lambda a: f"{a.city} {a.postcode}",
    "EE": lambda a: f"{a.postcode} {a.city}",
    **{c: (lambda a: f"{a.postcode} {a.city}") for c in ("DE", "AT", "CH", "NL", "BE", "FR", "ES", "IT", "PT",
                                                        "PL", "CZ", "SK", "HU", "SE", "NO", "DK", "FI", "LV",
                                                        "LT", "BR")},
}


def _ordered(faker: Faker) -> Faker:
    """`faker` with its providers' city lists sorted: some locales build them from a set (it_IT), whose
    order, and so the city a seed picks, changes with each process's hash seed."""
    for provider in faker.providers:
        cities = getattr(provider, "cities", None)
        if isinstance(cities, list):
            provider.cities = sorted(cities)
    return faker


class PostalAddresses:
    """Makes `PostalAddress`es from Faker instances (one per locale), reseeded from the caller's rng."""

    def __init__(self) -> None:
        self._fakers: dict[str, Faker] = {}

    def _faker(self, locale: str, rng: random.Random) -> Faker:
        if locale not in self._fakers:
            self._fakers[locale] = _ordered(Faker(locale))
        faker = self._fakers[locale]
        faker.seed_instance(rng.getrandbits(32))  # same rng state, same address: the set stays reproducible
        return faker

    def address(self, rng: random.Random, country: str | None = None, unit_share: float = 0.4) -> PostalAddress:
        """An address in `country` (random when None), with a unit in about `unit_share` of them."""
        country = country or rng.choice(sorted(_COUNTRIES))
        locale, country_name, postcode = _COUNTRIES[country]
        number = str(rng.randint(1, 240)) + (rng.choice(("", "", "", "a", "B")) if country != "US" else "")
        if locale is None:
            streets, cities = _BALTIC_STREETS[country]
            street_name, city = rng.choice(streets), rng.choice(cities)
        else:
            faker = self._faker(locale, rng)
            street_name, city = " ".join(faker.street_name().split()), " ".join(faker.city().split())
        if country in ("US", "CA", "AU", "GB", "IE"):
            street = f"{rng.randint(1, 9899) if country in ('US', 'CA') else number} {street_name}"
        elif country in ("FR",):
            street = f"{number}{rng.choice((',', ''))} {street_name}"
        elif country in ("ES", "IT", "PT", "BR"):
            street = f"{street_name}{rng.choice((',', ''))} {number}"
        else:
            street = f"{street_name} {number}"
        unit = None
        if rng.random() < unit_share:
            form = rng.choice(_UNITS[_UNIT_GROUP.get(country, "other")])
            unit = form.format(n=rng.randint(1, 60), m=rng.randint(1, 4))
        region = {"US": _US_STATES, "CA": _CA_PROVINCES, "AU": _AU_STATES}.get(country)
        return PostalAddress(country, street, unit, postcode(rng), city, country_name,
                             rng.choice(region) if region else None)


def street_without_number(rng: random.Random) -> str:
    """A street named without a house number, as in "I live on Elm Street"."""
    english = (f"{rng.choice(('Elm', 'Maple', 'Cedar', 'Willow', 'Church', 'Mill', 'Station'))} "
               f"{rng.choice(('Street', 'Road', 'Lane', 'Avenue', 'Drive', 'Close'))}")
    german = f"{rng.choice(('Linden', 'Berg', 'Garten', 'Schiller', 'Goethe'))}straße"
    french = f"rue {rng.choice(('Voltaire', 'de la Paix', 'des Lilas', 'Victor Hugo'))}"
    return rng.choice((english, german, french))
