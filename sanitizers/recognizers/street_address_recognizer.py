"""Street addresses: house number + street name + street type, in English, German/Dutch/Nordic and
Romance word orders; a street name and number of any language when a unit or a postcode and city follows
("Lossi 12, Suite 4", "Sreznevského 525, 916 18 Vajkovce"); a street after an address cue, with or without
a number ("I live on Elm Street"); a postal block ending in a UK/Canadian/US postcode line; PO boxes;
postcodes after a cue ("zip code 94043"). Each street found is grown over the unit, postcode, city,
region and country parts around it (`sanitizers.address_parts`), on its line or on the next lines.
"""

from collections.abc import Callable
from typing import ClassVar

import regex as re
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from sanitizers.address_parts import (
    ADDRESS_CUE_WORD,
    CITY,
    ENGLISH_STREET_TYPES,
    EVIDENCE_UNIT,
    POSTCODE,
    REGION,
    SHORT_TEXT,
    UNIT,
    grow_address,
    grow_back_over_house_number,
    grow_back_over_lines,
)
from sanitizers.english_words import english_words, word_set
from sanitizers.pattern import Pattern
from sanitizers.value_group import ValueGroupRecognizer, holds_any

_NUM = r"\d{1,5}[a-z]?(?:[-/]\d{1,4}[a-z]?)?"
_WORD = r"(?:\d{1,3}(?:st|nd|rd|th)|[\p{L}][\p{L}'’.-]*)"
# Words that never sit between a house number and a street type: "3 hours on the road" is no address.
_NOT_STREET_WORD = (
    r"(?!(?:the|a|an|on|in|at|to|for|and|or|of|my|your|our|his|her|their|its|is|are|was|were|it|this|that|"
    r"with|from|by|i|we|you|he|she|they|me|us|hours?|minutes?|days?|weeks?|months?|years?|times?|miles?|"
    r"km|items?|people|new|more|than|per|via|into|onto|down|up)\b)"
)
# Street types read case-insensitively; these are rarely anything else in chat text.
_SUFFIX_ANY_CASE = r"street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|highway|hwy|parkway|pkwy|straße|strasse"
# Street types that are ordinary words in lower case ("hard drive", "2 windows close"): Title-case only.
# USPS Publication 28 (Appendix C1) street suffixes and common UK/Commonwealth ones.
_SUFFIX_TITLE = (
    r"Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Close|Crescent|Cres|Square|Sq|Circle|Cir|Trail|Trl|Row|"
    r"Walk|Gardens|Gdns|Mews|Grove|Hill|Hills|Loop|Alley|Aly|Plaza|Esplanade|Promenade|Rise|Vale|Green|"
    r"Wharf|Quay|Brook|Bypass|Canyon|Causeway|Cove|Creek|Crest|Crossing|Xing|Dale|Estates|Expressway|Expy|"
    r"Ferry|Ford|Forest|Freeway|Fwy|Glen|Harbor|Harbour|Haven|Heights|Hts|Hollow|Junction|Jct|Knoll|Lake|"
    r"Lakes|Landing|Manor|Meadow|Meadows|Mill|Mills|Mountain|Orchard|Oval|Path|Pike|Pines|Plains|Prairie|"
    r"Ranch|Ridge|Shore|Shores|Skyway|Summit|Trace|Turnpike|Tpke|Valley|Viaduct|Village|Vista|Parade|Chase|"
    rf"Bend|Bluff|Cliff|Cswy|Pkwy|Ln|Ave|Blvd|Rd|St|{ENGLISH_STREET_TYPES}|"
    # The rest of Publication 28's suffixes that are no common noun in Title case after a number (Faker's en_US
    # street suffixes are that list: "3397 Mullins Locks", "1264 Stephanie Flats", "51 Marshall Keys").
    r"Anex|Arcade|Bayou|Brooks|Cliffs|Neck|Rue|Unions|Keys|Locks|Flats|Extensions|Circles"
)
# Suffixes that also end product and tech phrases ("3 Access Point", "2 Serial Port", "4 Docking
# Station"): street types only after an address cue.
_SUFFIX_AFTER_CUE = (
    r"Park|Point|Pt|Port|Field|Fields|Station|Track|Pass|Run|Course|Center|Centre|View|Bridge|Gate|Route|Rte|"
    r"Spring|Springs|Mount|Lodge|Mall|Common|Commons|Extension|Corner|Corners|Island|Estate|Yard|Gateway|Fork|"
    # Publication 28 suffixes that are common nouns after a number ("2 Caps Lock", "3 European Union", "3 Boot Camp").
    r"Key|Beach|River|Club|Lock|Wall|Land|Branch|Lights|Plain|Points|Ports|Union|Trailer|Mission|Loaf|Flat|Camp|"
    r"Stream|Tunnel|Bottom|Ramp"
)
# "In 2007 Bowling Green won": a year after a preposition is no house number.
_YEAR_AFTER_PREPOSITION = (
    r"(?<=\b(?:in|since|by|from|until|till|during|after|before|of|around|circa|the|a|its|their|his|her)\s)"
    r"(?:1[89]|20)\d{2}\s"
)
_DIRECTION = r"(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?"
_UNIT = r"(?:,?\s+(?:apt|apartment|suite|ste|unit|flat|floor|fl|room|rm|bldg|building|#)\.?\s*#?\s*\d{1,5}[a-z]?\b)"
# A unit written first: "Flat 3, 12 High Street", "Apt 4B 221 Elm St".
_UNIT_FIRST = r"(?:(?:apt|apartment|suite|unit|flat)\.?\s*#?\s*\d{1,5}[a-z]?,?\s+)?"
_ZIP = r"\d{5}(?:-\d{4})?"
_UK_POSTCODE = r"[a-z]{1,2}\d[a-z\d]?\s?\d[a-z]{2}"
_CA_POSTCODE = r"[a-z]\d[a-z]\s?\d[a-z]\d"
# Up to three words of a city; a dot only closes a short abbreviation ("St. Albans", "Mt. Pleasant"), so a
# sentence after the city is no part of it ("75011 Paris. Please update").
_CITY_WORD = r"(?:[\p{L}]{1,3}\.|[\p{L}][\p{L}'’-]*)"
_CITY = rf"{_CITY_WORD}(?:[ ]{_CITY_WORD}){{0,2}}"
# A city after a postcode, where nothing bounds it: its words are all capitalised ("10115 Berlin", "Frankfurt
# am Main") or all in lower case as typed ("bn1 2ab brighton"), so "10115 Berlin please" and "75004 Paris last
# month" end at the city.
_CITY_PARTICLE = r"(?:am|an|de|del|la|le|les|sur|upon|on|en|im|in|der|di|da)"
_TITLE_CITY_WORD = r"(?:\p{Lu}\p{L}{0,2}\.|\p{Lu}[\p{L}'’-]*)"
_CITY_AFTER_POSTCODE = (
    rf"(?-i:{_TITLE_CITY_WORD}(?:[ ](?:{_CITY_PARTICLE}[ ])?{_TITLE_CITY_WORD}){{0,2}}"
    r"|\p{Ll}[\p{L}'’-]*(?:[ ]\p{Ll}[\p{L}'’-]*){0,2})"
)
# ", Mountain View, CA 94043" / ", London NW1 6XE" / ", 10115 Berlin" / ", 1012 AB Amsterdam".
# The postcode/city part, on the same line or the next (a postal address written on two lines):
# ", Mountain View, CA 94043" / "\nSpringfield, IL 62704" / ", London NW1 6XE" / ", Toronto, ON M5V 2T6" /
# ", Sydney NSW 2000" / ", 10115 Berlin" / ", 1012 AB Amsterdam".
_TAIL = (
    rf"(?:(?:,?[ ]+|,?[ ]*\n[ ]*)(?:{_CITY},?[ ]+[a-z]{{2,3}}\.?[ ]+(?:{_ZIP}|\d{{4}}|{_CA_POSTCODE})"
    rf"|{_CITY}[ ]+{_ZIP}|{_CITY},?[ ]+{_UK_POSTCODE}|{_UK_POSTCODE}"
    rf"|(?:[a-z]{{1,2}}-)?\d{{4,5}}(?:[ ][a-z]{{2}})?[ ]+{_CITY_AFTER_POSTCODE}))?"
)
# German, Dutch, Nordic and Finnish street words, written joined to the name: "Hauptstraße", "Storgata".
# In this order in the pattern (alternatives are tried in turn).
_GERMANIC_STREET_WORDS = (
    "straße", "strasse", "str.", "gasse", "platz", "allee", "damm", "ufer", "chaussee", "weg", "steig", "pfad",
    "markt", "gracht", "straat", "laan", "plein", "kade", "steeg", "singel", "vej", "gade", "plads", "allé",
    "gatan", "vägen", "väg", "gränd", "torget", "torg", "veien", "vei", "veg", "gata", "katu", "tie", "kuja",
    "polku",
)
_GERMANIC = "(?:" + "|".join(map(re.escape, _GERMANIC_STREET_WORDS)) + ")"
# The Germanic street words casefolded, for the pattern's gate.
_GERMANIC_WORDS = tuple(sorted({w.casefold() for w in _GERMANIC_STREET_WORDS}))
# Characters to look back from the number: the longest word, plus room for letters that fold longer.
_GERMANIC_REACH = max(map(len, _GERMANIC_WORDS)) + 2
# Whitespace then a digit, after a letter or a dot: where a Germanic street word meets its number.
_WORD_THEN_NUMBER = re.compile(r"(?<=[\p{L}.])\s+\d")


def _germanic_word_before_number(text: str) -> bool:
    r"""Gate of `germanic_street_number`: some Germanic street word directly precedes spaces and a digit.

    Much cheaper than the pattern, whose `[\p{L}-]*` prefix is tried at every letter of the text.
    """
    for match in _WORD_THEN_NUMBER.finditer(text):
        if text[max(0, match.start() - _GERMANIC_REACH) : match.start()].casefold().endswith(_GERMANIC_WORDS):
            return True
    return False


# Gate of `postcode_line`: a UK or Canadian postcode, or a US state code and ZIP, somewhere in the text.
_POSTCODE_LINE_SHAPE = re.compile(r"\d[A-Z]{2}(?![\p{L}\d])|[A-Z]\d[A-Z] ?\d[A-Z]\d|[A-Z]{2},?[ \t]+\d{5}")


def _postcode_line_gate(text: str) -> bool:
    return _POSTCODE_LINE_SHAPE.search(text) is not None


def _address_cue_gate(text: str) -> bool:
    """Gate of `street_name_after_cue`: one of its cue words, in any case."""
    return ADDRESS_CUE_WORD.search(text) is not None


def _short_text(text: str) -> bool:
    """Gate of `street_name_alone`: a field value, not a message."""
    return len(text) <= SHORT_TEXT


_DIGIT = re.compile(r"\d")


def _has_digit(text: str) -> bool:
    """Gate of every pattern that needs a house number or a postcode."""
    return _DIGIT.search(text) is not None


def _both(first: Callable[[str], bool], second: Callable[[str], bool]) -> Callable[[str], bool]:
    return lambda text: first(text) and second(text)


# The street types of `number_street_type`, whole words in any match (a space before, a word end after).
_SUFFIX_WORDS_ANY_CASE = frozenset(_SUFFIX_ANY_CASE.split("|"))
_SUFFIX_WORDS_TITLE = frozenset(_SUFFIX_TITLE.split("|")) | {"Broadway"}
_WORD_RUN = re.compile(r"\w+")


def _street_type_word(text: str) -> bool:
    """Gate of `number_street_type`: a street type as a whole word ("St", "avenue", "Broadway")."""
    runs = set(_WORD_RUN.findall(text))
    if not runs.isdisjoint(_SUFFIX_WORDS_TITLE):
        return True
    # Any-case types: on a text that is not ASCII, case folding has more forms than lower(): run it.
    return not text.isascii() or not _SUFFIX_WORDS_ANY_CASE.isdisjoint(map(str.lower, runs))


_ROMANCE_ANY_CASE = r"calle|c/|avenida|avda\.?|carrer|rua|rue|viale|piazza|ulica|ul\.|boulevard|bd\.?|chemin|impasse|quai|allée|travessa|paseo"
# Title-case only; not "Avenue", "Place" or "Route", which start English phrases ("Avenue in Cork on October 9").
_ROMANCE_TITLE = r"Via|Av\.|Plaza|Corso|Largo|Vicolo"
_PARTICLES = r"(?:(?:de|del|de la|de los|de las|los|las|el|di|da|do|dos|das|du|des|la|le|l'|d'|della|degli|dei)\s+)?"
# Street words of Central and Eastern Europe written as their own word ("Szabadság utca 81", "Západný rad 6").
_OWN_WORD_STREET = (
    r"utca|út|útja|tér|körút|rad|ulica|ulice|cesta|pot|trg|náměstí|námestie|nábřeží|gatve|iela|tänav|tee|puiestee|"
    r"sokak|sokağı|caddesi|bulevar|bulvar|prospekt|pst|mnt|tn|g\.|pr\.|al\."
)
# A street name and house number in the order most of Europe writes them: "Lossi 12", "Louislei 16",
# "Szabadság utca 81.", "Ellingsenmarka 18F"; capitalised words, the last one may be a lower-case street word.
# Month and weekday names: "May 4, 1988" and "10 October 2021" are dates, not streets.
_NOT_DATE_WORD = (
    r"(?!(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|"
    r"august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"\.?(?![\p{L}]))"
)
_NAME_NUMBER = (
    rf"(?i:{_NOT_DATE_WORD})\p{{Lu}}[\p{{L}}'’.-]*(?:[ ](?i:{_NOT_DATE_WORD})\p{{Lu}}[\p{{L}}'’.-]*){{0,3}}"
    rf"(?:[ ](?:{_OWN_WORD_STREET}))?(?:,[ ](?!(?:1[89]|20)\d{{2}}\b)|[ ])"  # "Laws, 2016": a citation
    r"\d{1,5}[\p{L}]?(?:[/-]\d{1,4}[\p{L}]?)?\.?"
)
# A house number then capitalised words: "785, Barrows Glens", "89264 Knight Cape".
_NUMBER_NAME = (
    rf"(?!(?:19|20)\d{{2}}\b)\d{{1,5}}[\p{{L}}]?(?:[/-]\d{{1,4}}[\p{{L}}]?)?,?[ ](?i:{_NOT_DATE_WORD})\p{{Lu}}[\p{{L}}'’.-]*"
    r"(?:[ ]\p{Lu}[\p{L}'’.-]*){0,3}"
)
# What makes such a street an address: an apartment-like unit or a postcode and city right after it.
_PART_SEP = r"(?:[ \t]*[,;/]?[ \t]*\r?\n?[ \t]*)(?<=\s)"  # ends in a space or line break: "31,2007" is a date
_STREET_EVIDENCE = (
    rf"(?:{_PART_SEP}(?i:{UNIT})){{0,2}}{_PART_SEP}(?:(?i:{EVIDENCE_UNIT})"
    rf"|(?:{POSTCODE}),?[ \t]+{CITY}|(?:{POSTCODE})[ \t]*\r?\n[ \t]*{CITY}[ \t]*(?:\r?\n|$)"
    rf"|{CITY}(?:(?:,[ \t]*|[ \t]+){REGION},?[ \t]+|,?[ \t]+(?!(?:19|20)\d{{2}}\b))(?:{POSTCODE})(?![\p{{L}}\d]))"
)
# A street named without a house number: "Elm Street", "Bahnhofstraße", "rue de la Paix".
_STREET_NO_NUMBER = (
    rf"(?:the\s+)?(?-i:(?:\p{{Lu}}[\p{{L}}'’.-]*\s+){{1,3}}(?:{_SUFFIX_TITLE}|Street|Avenue|Road|"
    rf"Boulevard|Lane|Highway|Parkway|{_SUFFIX_AFTER_CUE}))\b|[\p{{L}}-]*{_GERMANIC}(?![\p{{L}}])"
    rf"|(?:{_ROMANCE_ANY_CASE})\s+{_PARTICLES}(?-i:\p{{Lu}}[\p{{L}}'’-]*(?:\s+\p{{Lu}}[\p{{L}}'’-]*){{0,2}})"
)
# Address cues before a street without a house number: "I live on Elm Street", "ship to: Lossi tänav".
_CUE_NO_NUMBER = (
    r"(?:\b(?:live|lives|living)\s+(?:on|at|in)|\b(?:reside|resides|residing)\s+(?:on|at)|\bmoved\s+to|"
    r"\baddress\s*(?:is|:)|\b(?:ship|send|deliver|mail|post)(?:ped|ed|t)?\s+(?:it\s+|them\s+|this\s+)?to|"
    r"[\"'](?:street|street_?address|address(?:_?line)?_?1?|addr)[\"']\s*[:=]\s*[\"']|^[ \t]*street\s*[:=])\s*:?\s*"
)


# Four digits and an English word after "Word 12": "Windows 10, 2023 Edition" and "Score 3, 1000 Points" are no
# "Street 12, PLZ City".
_YEAR_THEN_WORD = re.compile(r"[ \t]*[,;/]?[ \t]*\r?\n?[ \t]*\d{4}[ \t]+(\p{L}+)")
# Words that follow a year in product, release and document names ("2023 Edition", "2024 Release notes").
_AFTER_YEAR_WORDS = word_set(
    """
    edition release releases version versions update updates model models series build notes pro plus max ultra
    mini lite beta alpha preview service pack collection season episode chapter part volume vol issue issues
    report reports survey census budget plan roadmap annual review recap results edition's olympics world cup
    championship tour election elections summit conference expo festival award awards cohort class batch
    """
)
# Patterns that take a street of any language on the evidence after it, which a year and a word can fake.
_EVIDENCE_PATTERNS = frozenset({"street_then_unit_or_postcode"})


class StreetAddressRecognizer(ValueGroupRecognizer):
    """Street addresses with a house number, in the common Western orders.

    Limits: an address without a house number or street type ("the blue house on Elm") is missed;
    a city or country on its own is LOCATION, kept by default.
    """

    PATTERNS: ClassVar[list[Pattern]] = [
        # "221B Baker Street", "1600 Amphitheatre Pkwy, Mountain View, CA 94043", "5th Ave, Apt 4".
        Pattern(
            "number_street_type",
            rf"(?<![\w.,/:-])(?!{_YEAR_AFTER_PREPOSITION})(?P<value>{_UNIT_FIRST}{_NUM}\s+(?:{_DIRECTION}\s+)?"
            rf"(?:(?:{_NOT_STREET_WORD}{_WORD}\s+){{1,3}}"
            rf"(?:(?:{_SUFFIX_ANY_CASE})|(?-i:{_SUFFIX_TITLE}))|(?-i:Broadway))\b\.?(?:\s+{_DIRECTION}(?!\w))?{_UNIT}?{_TAIL})",
            0.75,
        ),
        # "Hauptstraße 5, 10115 Berlin", "Keizersgracht 123", "Drottninggatan 12".
        Pattern(
            "germanic_street_number",
            rf"(?<![\w-])(?P<value>[\p{{L}}-]*{_GERMANIC}\s+{_NUM}\b{_UNIT}?{_TAIL})",
            0.7,
        ),
        # "Calle Mayor 12", "Rua Augusta, 123", "Via Roma 10", "ul. Marszałkowska 1".
        Pattern(
            "romance_type_name_number",
            rf"(?<![\w-])(?P<value>(?:(?:{_ROMANCE_ANY_CASE})|(?-i:{_ROMANCE_TITLE}))\s+{_PARTICLES}"
            rf"(?:[\p{{L}}'’.-]+\s+){{0,3}}?[\p{{L}}'’.-]+,?\s+(?:n[º°o]\.?\s*)?{_NUM}\b{_TAIL})",
            0.7,
        ),
        # "12 rue de la Paix, 75002 Paris", "8 avenue Foch".
        Pattern(
            "number_romance_type_name",
            rf"(?<![\w.,/-])(?P<value>\d{{1,4}}[a-z]?(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|av\.|boulevard|bd|place|allée|"
            rf"chemin|impasse|quai|route|calle|via|rua)\s+{_PARTICLES}(?-i:[\p{{Lu}}][\p{{L}}'’-]*)"
            rf"(?:\s+(?:{_PARTICLES}(?-i:[\p{{Lu}}][\p{{L}}'’-]*))){{0,3}}{_TAIL})",
            0.7,
        ),
        # After an address cue any street type counts, in any case: "i live at 12 oak drive".
        Pattern(
            "number_street_after_cue",
            rf"\b(?:address\s*(?:is|:)|live\s+at|lives\s+at|living\s+at|reside\s+at|residing\s+at|located\s+at|"
            rf"moved\s+to|(?:ship|send|deliver|mail|post)(?:ped|ed|t)?\s+(?:it\s+|them\s+|this\s+)?to)\s*:?\s*"
            rf"(?P<value>{_UNIT_FIRST}{_NUM}\s+(?:{_NOT_STREET_WORD}{_WORD}\s+){{0,3}}"
            rf"(?:{_SUFFIX_ANY_CASE}|{_SUFFIX_TITLE}|{_SUFFIX_AFTER_CUE})\b\.?(?:\s+{_DIRECTION}(?!\w))?{_UNIT}?{_TAIL})",
            0.8,
        ),
        # Whatever follows "address:" up to the end of the line or sentence, when it holds a number and a word.
        Pattern(
            "rest_after_address_label",
            r"(?<!(?:e-?mail|ip|mac|web|wallet|bitcoin|btc|eth|server|memory|url|hardware|network|return|"
            r"forwarding\s+e-?mail|reply-to)\s)\baddress(?:\s+(?:on|for|of|in)\s+(?:my|the|our|this|your)\s+\w+)?"
            r"(?:\s+(?:is|to|as|will\s+be|should\s+be|now))*\s*[:=-]?[ \t]*"
            r"(?P<value>(?=[^\n]{0,60}\d)(?=[^\n]{0,60}\p{L}{3})[\p{L}\d#][^\n;!?<>{}\[\]()\"=@]{3,100}?)"
            r"(?=[ \t]*(?:$|\n|[;!?(]|(?<!\b\d{1,2})\.(?:\s|$)|,\s*(?:and|but|please|thanks|so)\b))",
            0.75,
        ),
        # A postal address block (signatures, letters): a street line with a house number, then a line
        # that starts with a postcode ("10115 Berlin", "00-950 Warszawa", "01310200 São Paulo") or
        # ends with a UK/Canadian one ("London SW1A 2AA").
        Pattern(
            "street_line_above_postcode_line",
            r"^[ \t]*(?P<value>(?=[^\n]{0,60}\p{L}{3})(?![^\n]*\d{6})[^\n\d]{0,40}\b\d{1,5}[a-z]?\b[^\n]{0,40}\n[ \t]*"
            rf"(?:(?:[a-z]{{1,2}}-)?(?:\d{{2}}-?\d{{3}}|\d{{5}}-?\d{{3}})[ \t]+\p{{L}}[^\n]{{1,40}}|\d{{4,5}}(?:[ ][a-z]{{2}})?[ \t]+\p{{L}}[^\n]{{1,40}}"
            rf"|[^\n]{{1,40}}?[ \t]+(?:{_UK_POSTCODE}|{_CA_POSTCODE}|[a-z]{{2}}[ ]{_ZIP})))[ \t]*$",
            0.7,
        ),
        # A street name and number of any language with an apartment or a postcode and city after it:
        # "Lossi 12 / Suite 4", "Sreznevského 525, 916 18 Vajkovce", "785, Barrows Glens, Suite 158".
        Pattern(
            "street_then_unit_or_postcode",
            rf"(?<![\w.,/-])(?P<value>(?-i:{_NAME_NUMBER}|{_NUMBER_NAME}))(?=(?-i:{_STREET_EVIDENCE}))",
            0.7,
        ),
        # After an address cue, a street without a house number: "I live on Elm Street", "ship to: Hauptstraße".
        Pattern(
            "street_name_after_cue",
            rf"{_CUE_NO_NUMBER}(?P<value>{_STREET_NO_NUMBER})",
            0.7,
        ),
        # A text that is only a street name: a JSON or form field's value ("rue de Toussaint").
        Pattern("street_name_alone", rf"\A[ \t]*(?!the\s)(?P<value>{_STREET_NO_NUMBER})[ \t]*\Z", 0.6),
        # A UK, Canadian or US postcode line ends a postal block: the lines above it are grown over.
        Pattern(
            "postcode_line",
            rf"^[ \t]*(?=[\p{{Lu}}'’])(?P<value>(?-i:(?:{CITY},?[ \t]+)?(?:[A-Z]{{1,2}}\d[A-Z\d]?[ ]\d[A-Z]{{2}}|[A-Z]\d[A-Z][ ]\d[A-Z]\d)"
            rf"|{CITY},?[ \t]+[A-Z]{{2}},?[ \t]+\d{{5}}(?:-\d{{4}})?|{CITY},?[ \t]+(?:{REGION},?[ \t]+)?[A-Z]\d[A-Z][ ]?\d[A-Z]\d))"
            r"[ \t]*$",
            0.7,
        ),
        # A street field of JSON, YAML or a form: '"street": "Lossi 12"', 'address_line1: 12 Elm St'.
        Pattern(
            "street_field",
            r"(?:[\"'](?:street|street_?address|address(?:_?line)?_?1?|addr|line_?1)[\"']\s*[:=]\s*[\"']"
            r"|^[ \t]*(?:street|street_?address|address_?line_?1|addr)\s*[:=]\s*)"
            r"(?P<value>(?=[^\"'\n]{0,60}\d)(?=[^\"'\n]{0,60}\p{L}{3})[\p{L}\d#][^\"'\n<>{}\[\]]{2,80}?)(?=[\"'\n]|$)",
            0.7,
        ),
        # An apartment or suite with its number and no street next to it ("at our new Apt. 336 location",
        # "As a Suite 662 resident"): a unit only homes and offices have, in Title case, not after a
        # capitalised word ("Creative Suite 6", "Test Suite 2" name products) nor before a version or amount.
        Pattern(
            "unit_alone",
            r"(?<!(?-i:\p{Lu})[\p{L}'’.-]*[ ]|[\p{L}\d_/#-]|\d[ ])"
            r"(?P<value>(?-i:Apt\.?|Apartment|Suite|Ste\.)[ ]?#?\d{1,5}(?-i:[A-Z])?)(?![\p{L}\d%]|[.,:/-]\d)",
            0.6,
        ),
        # USPS "P.O. Box 1234".
        Pattern("po_box", r"(?<!\w)(?P<value>p\.?\s?o\.?\s*box\s+\d{1,6})\b", 0.75),
        # A postcode after its cue: "zip code 94043", "postcode NW1 6XE", "PLZ 10115".
        Pattern(
            "postcode_after_cue",
            rf"\b(?:zip(?:[\s_]*code)?|post[\s_]?code|postal[\s_]+code|plz|cep|código\s+postal|code\s+postal)\b"
            rf"[\"']?\s*(?:is|:|=|-)?\s*[\"']?"
            rf"(?P<value>{_ZIP}|{_UK_POSTCODE}|{_CA_POSTCODE}|[a-z]\d{{2}}\s?[a-z\d]{{4}}|\d{{5}}-\d{{3}}|\d{{4}}-\d{{3}}|\d{{2}}-\d{{3}}|\d{{3}}\s\d{{2}}"
            rf"|(?:[a-z]{{1,2}}-)?\d{{4,6}}(?:\s?[a-z]{{2}})?)\b",
            0.7,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["address", "street", "live", "ship", "deliver", "zip", "postcode"]
    PATTERN_GATES: ClassVar[dict[str, Callable[[str], bool]]] = {
        **{p.name: _has_digit for p in PATTERNS},  # every pattern but the cue one needs a digit
        "germanic_street_number": _both(_has_digit, _germanic_word_before_number),
        "postcode_line": _both(_has_digit, _postcode_line_gate),
        "street_name_after_cue": _address_cue_gate,
        "street_name_alone": _short_text,
        "number_street_type": _both(_has_digit, _street_type_word),
        "number_street_after_cue": _both(_has_digit, holds_any(
            "address", "live", "living", "resid", "located", "moved", "ship", "send", "deliver", "mail", "post")),
        "rest_after_address_label": _both(_has_digit, holds_any("address")),
        "street_field": _both(_has_digit, holds_any("street", "addr", "line")),
        "po_box": _both(_has_digit, holds_any("box")),
        "unit_alone": _both(_has_digit, holds_any("apt", "apartment", "suite", "ste.")),
        "postcode_after_cue": _both(_has_digit, holds_any("zip", "post", "plz", "cep", "code")),
    }
    # Patterns whose value ends a postal block: the street and unit lines above it are grown over (and a
    # city line right above, for a postcode line).
    BLOCK_END_PATTERNS: ClassVar[frozenset[str]] = frozenset({"postcode_line", "street_line_above_postcode_line"})

    def __init__(self, patterns: list[Pattern] | None = None, supported_entity: str = "STREET_ADDRESS"):
        super().__init__(supported_entity, patterns or self.PATTERNS, name="StreetAddressRecognizer",
                         context=self.CONTEXT)

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None,
                regex_flags: int | None = None) -> list[RecognizerResult]:
        """Streets found by the patterns, each grown over its unit, postcode, city and country parts."""
        return _merge(super().analyze(text, entities, nlp_artifacts, regex_flags))

    def _result(self, pattern: Pattern, match: re.Match) -> RecognizerResult | None:
        """The pattern's value grown to the whole address (before duplicates are dropped, so a short
        value inside another pattern's longer one still grows)."""
        if pattern.name in _EVIDENCE_PATTERNS and _year_and_word_after(match.string, match.end()):
            return None
        result = super()._result(pattern, match)
        if result is None:
            return None
        text = match.string
        result.start, result.end = grow_address(text, result.start, result.end)
        result.start = grow_back_over_house_number(text, result.start)
        if pattern.name in self.BLOCK_END_PATTERNS:
            result.start = grow_back_over_lines(text, result.start, city_above=pattern.name == "postcode_line")
        return result


def _year_and_word_after(text: str, end: int) -> bool:
    """True when what follows `end` is a year and an English word ("…, 2023 Edition"), not a postcode and city."""
    after = _YEAR_THEN_WORD.match(text, end)
    if after is None:
        return False
    word = after.group(1)
    words = english_words()
    return word.casefold() in _AFTER_YEAR_WORDS or words.is_descriptive(word) or words.is_stop(word)


def _merge(results: list[RecognizerResult]) -> list[RecognizerResult]:
    """One result per address: overlapping or touching grown spans become one, with the best score."""
    merged: list[RecognizerResult] = []
    for result in sorted(results, key=lambda r: (r.start, -r.end)):
        if merged and result.start <= merged[-1].end:
            last = merged[-1]
            last.end = max(last.end, result.end)
            last.score = max(last.score, result.score)
            continue
        merged.append(result)
    return merged
