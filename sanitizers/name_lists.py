"""Given names and family names of many countries: the person-name lists that ship with Faker.

Faker (already a dependency, for surrogates) carries the given and family names of about 80 locales,
collected from national statistics offices and name registers: about 25,000 given names and 24,000 family
names in Latin script alone. The detectors use them as evidence, never as the only test: a span that
spaCy labels ORG or GPE but is made of a known given name and a family name ("Paris Hilton", "Nikita
Mikhalkov") is a person; a capitalised word that spaCy missed is a name when it is a known given name
in a place where people are named. They are read from Faker's modules once per process (about 0.1 s).

Which names are written only as names: the given and family names that two English dictionaries (Webster's
Second International and GCIDE, as the `english-words` package ships them) do not list in lower case
("sarah", "kevin", "marley"; not "mark", "rose", "will", "swift"). WordNet lists many given names among its
nouns ("sarah", "john"), so a lower-case "sarah" in a chat reads as a word unless this says it is a name only.
"""

import functools
import importlib
import pkgutil
from dataclasses import dataclass

from sanitizers.list_cache import cached

# Faker's person providers keep their lists under these attributes (a list, a tuple or a weighted dict).
_GIVEN_ATTRS = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")
_FAMILY_ATTRS = ("last_names", "last_names_male", "last_names_female")
MIN_NAME_CHARS = 2


@dataclass(frozen=True)
class NameLists:
    """Casefolded given names and family names."""

    given: frozenset[str]
    family: frozenset[str]
    worded: frozenset[str] = frozenset()  # the names that English dictionaries also list in lower case

    def is_given(self, word: str) -> bool:
        """A known given name ("Maria", "Kenji", "Oksana"), in any case."""
        return word.casefold() in self.given

    def is_family(self, word: str) -> bool:
        """A known family name ("Gonzalez", "Tanaka", "Derevyanko"), in any case."""
        return word.casefold() in self.family

    def is_only_name(self, word: str) -> bool:
        """A known given or family name that English dictionaries do not list in lower case ("Sarah", "Kevin",
        "Marley"; not "Will", "Power"), in any case."""
        folded = word.casefold()
        return (folded in self.given or folded in self.family) and folded not in self.worded

    def is_name(self, word: str) -> bool:
        """A known given or family name."""
        folded = word.casefold()
        return folded in self.given or folded in self.family


def _collect(provider: type, attrs: tuple[str, ...], into: set[str]) -> None:
    for attr in attrs:
        listed = provider.__dict__.get(attr)
        if not isinstance(listed, (dict, list, tuple, set, frozenset)):
            continue
        for name in listed:
            # Latin, Cyrillic, Greek... names with a capital; scripts without case (CJK) are NER's job.
            if isinstance(name, str) and len(name) >= MIN_NAME_CHARS and name[:1].isupper():
                into.add(name.casefold())


@functools.lru_cache(maxsize=1)
def name_lists() -> NameLists:
    """The given and family names of every Faker locale, read once per process (built once per machine and
    code version, `list_cache`)."""
    return cached("name_lists", _build_name_lists)


def _build_name_lists() -> NameLists:
    import faker.providers.person as person_providers

    given: set[str] = set()
    family: set[str] = set()
    for module_info in pkgutil.iter_modules(person_providers.__path__):
        module = importlib.import_module(f"{person_providers.__name__}.{module_info.name}")
        for klass in type.mro(getattr(module, "Provider", object)):
            _collect(klass, _GIVEN_ATTRS, given)
            _collect(klass, _FAMILY_ATTRS, family)
    return NameLists(frozenset(given), frozenset(family), _worded_names(given | family))


def _worded_names(names: set[str]) -> frozenset[str]:
    """The names that the dictionaries of `english-words` list in lower case: ordinary words too."""
    from english_words import get_english_words_set

    return frozenset(word for word in get_english_words_set(["web2", "gcide"]) if word.islower() and word in names)
