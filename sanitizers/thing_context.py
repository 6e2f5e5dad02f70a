"""Words around a capitalised span that say it names a thing or a place, not a person.

Recall comes first: these are positive evidence, read from the words next to the span, never from the
span alone. Each kind holds across genres (encyclopedic, academic, fiction, legal, chat):
- a noun of a kind of thing right before it, or "called"/"named" after one: "the band Deadsy",
  "the film Watchmen", "a village called Tarlow", "the project is called Nimbus";
- the head of an institution, a place or a realm before "of": "University of Alberta", "the village of
  Hiram", "Governor of Virginia", "the inhabitants of Mars" (never "son of", "house of", "friend of");
- a kind of thing said of it by a copula: "Tarlow is a village where ...", "Bilka is a Danish chain of";
- a known region after a comma: "Sandy Hook, Maryland", "Santa Rosa, California";
- one word alone in double quotes: a title or a term ('the story "Umoregi"');
- a known place next to it: "São Paulo" (a given name inside a place), "Heydour and Grantham" (a place's mate);
- a step of a player's career right before it and a word of sport near it: "signed for Velmora", "two
  seasons with Ostravia", "on loan at Kestrel Rovers" (a known given name there is a person's).
A person is named after none of these: "my friend Mary", "the poet Byron", "a man called Ove" are
people's nouns, which the tables leave out. So are streets: "avenue Suzanne Faivre" is part of an address.
"""

from collections.abc import Callable

import regex as re

from sanitizers.english_words import word_set
from sanitizers.place_names import PlaceNames

# Nouns of kinds of things, places and groups that name the next capitalised word: "the band Gigi".
THING_KINDS = word_set(
    """band album albums song songs film films movie movies novel novels books poem poems opera musical series
    sitcom episode magazine newspaper journal tabloid company firm brand
    ship vessel steamer steamship yacht schooner frigate submarine boat hurricane cyclone typhoon storm
    tornado town village hamlet city suburb neighbourhood neighborhood district county parish borough region
    province river creek lake island isle peninsula mountain volcano valley planet moon asteroid comet
    mission spacecraft satellite rocket project software app application program programme framework
    library package language dialect festival station airport hotel restaurant pub tavern inn cafe
    shop store chain website site game console product engine building estate
    manor farm ranch plantation castle palace fortress fort temple mosque church cathedral chapel
    monastery abbey school college university academy hospital museum gallery theatre theater stadium
    arena part chapter section volume collection
    anthology painting sculpture statue horse steamboat"""
)
# Capitalised heads that open a thing's or a place's name: "Cyclone Phailin", "Lake George", "Fort Lee".
OPENING_HEADS = word_set("cyclone hurricane typhoon tropical storm lake mount fort port cape isle")
# Words that close a thing's name and never a person's: "Tommy Solomon Statue", "Outland Trophy".
CLOSING_THINGS = word_set(
    """statue statues award awards prize trophy cup league formation recordings records orchestra mosque
    synagogue shrine memorial monument cemetery airport stadium arena gym"""
)
# Heads of institutions, places and realms before "of": what follows is their place or name.
OF_HEADS = word_set(
    """university universities college school institute academy museum library bank ministry department
    council committee society association federation league union church cathedral abbey temple
    mosque palace castle fortress tower city cities town towns village villages county province state
    states kingdom kingdoms republic empire duchy principality isle island islands lake river gulf bay
    port vale valley plains plain desert coast shores streets suburbs outskirts capital battle siege
    treaty governor governors mayor mayors king kings queen queens emperor emperors empress sultan shah
    archbishop bishop president premier citizens inhabitants natives"""
)
_KIND_BEFORE = re.compile(
    r"(?<![\w'’-])(\p{Ll}+)[ \t]+(?:(?:is|was|were|are|be|been)[ \t]+)?"
    r"(?:(?:called|named|titled|dubbed|known[ \t]+as)[ \t]+)?[\"“‘']?$"
)
_HEAD_BEFORE = re.compile(r"(?<![\p{L}'’.-])(\p{Lu}\p{Ll}+)[ \t]$")
# "Tarlow is a village where", "Bilka was a Danish chain of": the kind noun closes the phrase ("Maria is a
# village doctor" goes on with another noun, "a ship's cook" with a possessive).
_KIND_AFTER = re.compile(
    r"[ \t]+(?:is|was)[ \t]+(?:a|an)[ \t]+(?:[\p{L}-]+[ \t]+){0,3}?(\p{Ll}+)"
    r"(?=[ \t]*(?:[,.;:!?)]|$)|[ \t]+(?:where|which|that|in|on|of|near|with|by|for|from|and)(?![\w'’]))"
)
_OF_BEFORE = re.compile(r"(?<![\w'’-])(\p{L}+)[ \t]+of[ \t]+(?:the[ \t]+)?$")
# A region after a comma: ", Maryland", ", New South Wales" (one or two capitalised words).
# It must close the phrase: ", Panama coach" is a role, not a place.
_REGION_AFTER = re.compile(r"[ \t]*,[ \t]*(\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}+)?)(?=[ \t]*(?:[,.;:!?)\n]|$))")
_WINDOW = 60
# Steps of a player's career before a club's or a team's name: "signed for Velmora", "two seasons with
# Ostravia", "was loaned to Kestrel", "drafted by Ashport". Not "played with" or "against" (a partner or an
# opponent may be a player: "played with Ostrava").
_CAREER_BEFORE = re.compile(
    r"(?<![\w'’-])(?:(?:signed|signs|signing|re-signed)[ \t]+(?:for|with|by)|(?:played|plays|playing)[ \t]+for|"
    r"(?:seasons?|appearances|caps|goals)[ \t]+(?:for|with|at)|(?:joined|joins|joining|rejoined|re-joined)|"
    r"(?:moved|moving|transferred|transferring|loaned|sold|traded)[ \t]+(?:out[ \t]+)?to|"
    r"on[ \t]+loan[ \t]+(?:to|at|from|with)|(?:debut|debuts)[ \t]+for|"
    r"(?:drafted|waived|released|claimed)[ \t]+(?:off[ \t]+waivers[ \t]+)?by)[ \t]+$",
    re.IGNORECASE,
)
# Words of sport near it: only with one of them is the step a club's ("joined Ellington in 1940" is a
# bandleader's name, "the deed was signed by Ostrava" a signatory's; "joined Velmora for the season" a club's).
_CLUB_WORDS = re.compile(
    r"(?<![\w'’-])(?:clubs?|teams?|squad|league|seasons?|debut|goals?|appearances|division|draft|waivers|"
    r"roster|franchise|championship|matches|caps|trainee|striker|midfielder|defender|goalkeeper|pitcher|"
    r"quarterback)(?![\w'’-])",
    re.IGNORECASE,
)
_SENTENCE_WINDOW = 160


def names_thing(text: str, start: int, end: int, places: PlaceNames, is_given: Callable[[str], bool]) -> bool:
    """True when the words around text[start:end] say it names a thing or a place, not a person.

    `is_given(word)` tells a known given name: a region after a comma that is one ("Perth, Georgia") could
    be the next item of a list of people and does not count.
    """
    before = text[max(0, start - _WINDOW) : start]
    kind = _KIND_BEFORE.search(before)
    if kind and kind.group(1) in THING_KINDS:
        return True
    opening = _HEAD_BEFORE.search(before)
    if opening and opening.group(1).casefold() in OPENING_HEADS:
        return True  # "Cyclone Phailin", "Lake George" (not "State University Simon Ličen")
    kind_after = _KIND_AFTER.match(text, end)
    if kind_after and kind_after.group(1) in THING_KINDS:
        return True
    head = _OF_BEFORE.search(before)
    if head and head.group(1).casefold() in OF_HEADS:
        return True
    region = _REGION_AFTER.match(text, end)
    if region:
        name = region.group(1)
        if name.casefold() in places.big and not is_given(name.split()[0]):
            return True
    return after_career_step(text, start, end, is_given)


def after_career_step(text: str, start: int, end: int, is_given: Callable[[str], bool]) -> bool:
    """A step of a player's career right before the span, with a word of sport near it, names a club or a team:
    "signed for Velmora in 2012", "two seasons with A.S. Ostravia", "joined Kestrel Rovers on loan". A known
    given name opening it is a person's ("joined Maria at the club")."""
    first = text[start:end].split()
    if not first or is_given(first[0]):
        return False
    if _CAREER_BEFORE.search(text, max(0, start - _WINDOW), start) is None:
        return False
    near = (max(0, start - _SENTENCE_WINDOW), min(len(text), end + _SENTENCE_WINDOW))
    return _CLUB_WORDS.search(text, *near) is not None


# A capitalised word right before or after a quoted word: 'Robert "Bob" Okafor'.
_CAPITALISED_BEFORE = re.compile(r"\p{Lu}[\p{L}'’-]*[ \t]$")
_CAPITALISED_AFTER = re.compile(r"[ \t]\p{Lu}")


def is_quoted_title(text: str, start: int, end: int) -> bool:
    """One word alone in double quotes is a title or a term: 'the story "Umoregi"'. A nickname between a
    given name and a surname is not ('Robert "Bob" Okafor'), nor a word spoken with its own punctuation
    ('"Edith!"', which the quote does not close right after the word)."""
    if start == 0 or end >= len(text) or text[start - 1] not in "\"“" or text[end] not in "\"”":
        return False
    return not (_CAPITALISED_BEFORE.search(text, max(0, start - 41), start - 1)
                and _CAPITALISED_AFTER.match(text, end + 1))


# The capitalised word right before or after a span, one blank between: "São | Paulo", "Santa | Ana".
_LAST_CAPITALISED = re.compile(r"(?<![\p{L}'’-])(\p{Lu}[\p{L}'’-]*)[ \t]$")
_NEXT_CAPITALISED = re.compile(r"[ \t](\p{Lu}[\p{L}'’-]*)")
# The word joined to a span by "and", "or" or a comma, after it or before it.
_MATE_AFTER = re.compile(r"(?:[ \t]*,[ \t]*|[ \t]+(?:and|or)[ \t]+)(\p{Lu}[\p{L}'’-]{1,40})(?![\p{L}'’-])")
_MATE_BEFORE = re.compile(r"(?<![\p{L}'’-])(\p{Lu}[\p{L}'’-]{1,40})(?:[ \t]*,[ \t]*|[ \t]+(?:and|or)[ \t]+)$")


def in_place_name(text: str, start: int, end: int, places: PlaceNames) -> bool:
    """The word with the capitalised word before or after it is a known place: "São Paulo", "Santa Ana"."""
    before = _LAST_CAPITALISED.search(text, max(0, start - 40), start)
    if before and f"{before.group(1)} {text[start:end]}".casefold() in places.all:
        return True
    after = _NEXT_CAPITALISED.match(text, end)
    return after is not None and f"{text[start:end]} {after.group(1)}".casefold() in places.all


def is_place_mate(text: str, start: int, end: int, places: PlaceNames, is_name: Callable[[str], bool]) -> bool:
    """A word joined by "and", "or" or a comma to a known place that is no known name: "Heydour and
    Grantham", "Fareham, Portchester" ("Maria and Jackson": Jackson is a name too)."""
    mates = [m.group(1) for m in (_MATE_AFTER.match(text, end), _MATE_BEFORE.search(text, max(0, start - 40), start)) if m]
    return any(m.casefold() in places.all and not is_name(m) for m in mates)
