"""The parts of a postal address around a street line: unit, postcode, city, region, country.

A street found by `StreetAddressRecognizer` is grown over the parts that follow it on the same line
(", Suite 501, Springfield, IL 62704, USA") or on the next lines of an address block
("Lossi 12\nSuite 4\nTartu\nEstonia 51003"), and over a unit or street line right above it
("Apt. 841\n77 Scott Avenue"). Growing stops at the first text that is no address part, so "12 Oak St,
thanks!" keeps its "thanks". Every pattern is anchored at one position and bounded: growing costs a few
regex steps per part, whatever the text.
"""

import regex as re
from spacy.lang.en.stop_words import STOP_WORDS

from sanitizers.english_words import NOT_NAMES

# Unit and floor words ("Suite 501", "Apt. 4B", "Flat 2", "Piso 3", "Top 5", "lgh 1102", "Bl. 76 Sc. 13").
UNIT_WORDS = (
    "apartment", "apt", "appartement", "appt", "app", "suite", "ste", "unit", "flat", "floor", "fl", "room", "rm",
    "building", "bldg", "block", "blk", "studio", "penthouse", "dept", "department", "level", "lvl",
    "piso", "planta", "puerta", "pta", "escalera", "esc", "dpto", "depto", "departamento", "andar", "bloco",
    "étage", "etage", "bâtiment", "bât", "interno", "scala", "wohnung", "whg", "og", "top", "stiege", "stg",
    "tür", "lgh", "lägenhet", "leilighet", "lejlighed", "mieszkanie", "lok", "lokal", "byt", "ap", "bl", "sc",
    "etaj", "h.no", "house no", "no", "nr", "n°", "nº", "#",
)
_UNIT_WORD = "|".join(re.escape(w) for w in sorted(UNIT_WORDS, key=len, reverse=True))
# A unit: a unit word then its number or letter ("Suite 501", "Apt 4B", "#12", "Bl. 76 Sc. 13 Ap. 644"),
# or an ordinal floor ("2nd floor", "3e étage", "2. OG", "3º 2ª"). A letter is set apart from its word
# ("Apt B", "Flat C2"): glued, "no" + "w" and "no" + "t" read "now" and "not" as units.
UNIT = (
    rf"(?:(?:(?<![\p{{L}}])(?:{_UNIT_WORD})\.?[ ]?(?:no\.?[ ]?|nr\.?[ ]?|#[ ]?)?(?:\d{{1,5}}[\p{{L}}]?|(?<![\p{{L}}])[\p{{L}}]\d{{0,3}})"
    rf"(?![\p{{L}}\d]))(?:[ ,]{{1,2}}(?:{_UNIT_WORD})\.?[ ]?\d{{1,5}}[\p{{L}}]?(?![\p{{L}}\d])){{0,3}}"
    r"|\d{1,2}(?:st|nd|rd|th|e|er|\.|º|ª)?[ ](?:floor|fl|étage|etage|og|stock|piso|andar|etaj|tv|th|mf|sal)\b"
    r"|m\.[ ]?\d{1,4}(?![\p{L}\d])"  # Polish/Baltic "m. 5" (mieszkanie)
    r"|\d{1,2}[º°ª][ ]?\d{0,2}[º°ª]?)"
)
# USPS Publication 28 street suffixes and the Commonwealth ones that are rarely anything else in a
# Title-case phrase after a house number ("17 Kennedy Laneway", "629 Chelsea Stravenue", "1/1 Carter Retreat").
ENGLISH_STREET_TYPES = (
    r"Ville|Villes|Fords|Glens|Forge|Forges|Crossroad|Crossroads|Curve|Divide|Inlet|Isle|Motorway|Overpass|"
    r"Passage|Radial|Rapids|Shoals|Stravenue|Throughway|Trafficway|Underpass|Circuit|Laneway|Retreat|Burg|"
    r"Burgs|Harbors|Centers|Drives|Courts|Coves|Crests|Greens|Groves|Knolls|Manors|Ridges|Squares|Streets|"
    r"Roads|Views|Vistas|Walks|Ways|Villages|Valleys|Junctions|Mountains|Parkways|Fields|Gardens|Heights|"
    r"Esplanade|Boulevard|Bowl|Brae|Concourse|Grange|Outlook|Rest|Strand|Terrace|Wynd|Falls|Island|Islands|"
    r"Cape|Spur|Spurs|Rapids|Shoals|Wells|Dam|Fort|Forks"
)
# Units that only apartments and offices have: evidence that "Word 12" before them is a street.
EVIDENCE_UNIT = (
    r"(?:apartment|apt|appartement|appt|suite|ste|flat|piso|puerta|dpto|depto|wohnung|whg|lgh|lägenhet|"
    r"leilighet|lejlighed|mieszkanie|étage|etage|stiege|level|bl|ap)\.?[ ]?(?:no\.?[ ]?|nr\.?[ ]?|#[ ]?)?\d{1,5}[\p{L}]?"
    r"(?![\p{L}\d])"
)
# Postcodes of the common countries, most specific first.
POSTCODE = (
    r"(?:[A-Z]{1,2}\d[A-Z\d]?[ ]?\d[ABD-HJLNP-UW-Z]{2}"  # UK
    r"|[A-Z]\d[A-Z][ ]?\d[A-Z]\d"  # Canada
    r"|[A-Z]\d{2}[ ]?[A-Z\d]{4}"  # Ireland (Eircode)
    r"|\d{4}[ ]?[A-Z]{2}(?![\p{L}])"  # Netherlands
    r"|(?:[A-Z]{1,3}-[ ]?)?\d{5}-\d{4}"  # US ZIP+4
    r"|\d{5}-?\d{3}(?!\d)"  # Brazil CEP
    r"|\d{4}-\d{3}"  # Portugal
    r"|\d{3}-\d{4}"  # Japan
    r"|\d{2}-\d{3}"  # Poland
    r"|\d{3}[ ]\d{2}(?!\d)"  # Czechia, Slovakia, Sweden, Greece
    r"|(?:[A-Z]{1,3}-[ ]?)?\d{4,6})"  # 4-6 digits, with an optional country prefix (D-, CH-, H-, LV-)
)
# A city or town: capitalised words, with the particles of place names ("Frankfurt am Main",
# "Saint-Denis", "Stratford-upon-Avon", "'s-Hertogenbosch", "da Mata de Silveira").
_PARTICLE = r"(?:de|da|do|dos|das|di|del|della|la|le|les|sur|sous|am|an|der|im|in|upon|on|pri|nad|pod|na|en|bei|ob|y|i|e)"
# Words that start a line or a part but never a city: contact labels, dates, ids ("Tel. 0171 ...").
_NOT_CITY = (
    r"(?!(?:tel|tél|fax|phone|mobile|mob|cell|email|e-mail|mail|web|www|iban|bic|swift|vat|ust|tax|ssn|dob|"
    r"ref|order|invoice|ticket|account|card|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|"
    r"february|march|april|june|july|august|september|october|november|december|mon|tue|wed|thu|fri|sat|sun|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|p\.s)(?![\p{L}]))"
)
# One word of a city: letters, apostrophes and inner dots; a final dot only as a short abbreviation ("St.
# Albans"): after a longer word it ends a sentence ("10115 Berlin. Danke").
_CITY_WORD = r"\p{Lu}[\p{L}'’]*(?:\.[\p{L}]+)*(?:(?<!\p{L}{4})\.(?=[ ]\p{Lu}))?(?:-[\p{L}'’]+){0,3}"
CITY = (
    rf"(?i:{_NOT_CITY})(?:(?:{_PARTICLE}|'s|l')[ -])?{_CITY_WORD}"
    rf"(?:[ ](?:{_PARTICLE}[ ])?(?i:{_NOT_CITY}){_CITY_WORD}){{0,3}}"
)
# Lower-case typing ("springfield, il 62704"): any letters, only where a postcode follows or precedes.
_ANY_CITY = _NOT_CITY + r"[\p{L}][\p{L}'’.]*(?:-[\p{L}'’.]+){0,3}(?:[ ][\p{L}][\p{L}'’.]*(?:-[\p{L}'’.]+){0,3}){0,2}"
# States, provinces and regions as codes: "IL", "NSW", "(PI)", "/ MG".
REGION = r"\(?[A-Z]{2,3}\)?"
# Countries, in English and in their own languages, as written at the end of an address.
COUNTRIES = (
    "United States of America", "United States", "USA", "U.S.A.", "US", "U.S.", "United Kingdom", "UK", "U.K.",
    "Great Britain", "England", "Scotland", "Wales", "Northern Ireland", "Ireland", "Éire", "Canada",
    "Australia", "New Zealand", "India", "Germany", "Deutschland", "Austria", "Österreich", "Switzerland",
    "Schweiz", "Suisse", "Svizzera", "France", "Belgium", "Belgique", "België", "Netherlands",
    "The Netherlands", "Nederland", "Holland", "Luxembourg", "Spain", "España", "Portugal", "Italy", "Italia",
    "Poland", "Polska", "Czech Republic", "Czechia", "Česko", "Česká republika", "Slovakia", "Slovensko",
    "Hungary", "Magyarország", "Slovenia", "Slovenija", "Croatia", "Hrvatska", "Romania", "România",
    "Bulgaria", "Greece", "Denmark", "Danmark", "Sweden", "Sverige", "Norway", "Norge", "Finland", "Suomi",
    "Iceland", "Estonia", "Eesti", "Latvia", "Latvija", "Lithuania", "Lietuva", "Brazil", "Brasil", "Mexico",
    "México", "Argentina", "Chile", "Colombia", "Peru", "Perú", "Japan", "China", "South Korea", "Korea",
    "Singapore", "Philippines", "Turkey", "Türkiye", "Ukraine", "Israel", "South Africa", "UAE",
    "United Arab Emirates", "Vietnam", "Viet Nam", "Malaysia", "Indonesia", "Thailand", "Nigeria", "Kenya",
    "Egypt", "Morocco", "Serbia", "Bosnia and Herzegovina", "Cyprus", "Malta", "Monaco", "Liechtenstein",
)
COUNTRY = "(?:" + "|".join(re.escape(c) for c in sorted(COUNTRIES, key=len, reverse=True)) + r")(?![\p{L}])"

# Between two parts: a comma or semicolon, a line break, or a spaced slash, bar or dash ("Lossi 12 / Tartu").
_SEP = r"(?:[ \t]*[,;][ \t]*(?:\n[ \t]*)?|[ \t]*\r?\n[ \t]*|[ \t]+[/|·–-][ \t]+)"
_SPACE = r"[ \t]+"

# Part kinds, tried in this order at the current end of the address.
_STRONG_PARTS = (
    ("unit", re.compile(rf"(?:{_SEP}|{_SPACE})(?:{UNIT})", re.IGNORECASE)),
    ("postcode_city", re.compile(
        rf"(?:{_SEP}|{_SPACE})(?:{POSTCODE}),?{_SPACE}{CITY}(?:(?:[ \t]*[,/][ \t]*|[ \t]+){REGION}(?![\p{{L}}]))?")),
    ("city_postcode", re.compile(
        rf"(?:{_SEP}|{_SPACE}){CITY}(?:(?:,[ \t]*|[ \t]+){REGION})?(?:,?[ \t]+|,[ \t]*|-)(?:{POSTCODE})(?![\p{{L}}\d])")),
    ("country_postcode", re.compile(rf"{_SEP}{COUNTRY}(?:,?[ \t]*(?:{POSTCODE}))?(?![\p{{L}}\d])")),
    ("postcode", re.compile(rf"{_SEP}(?:{POSTCODE})(?![\p{{L}}\d])")),
    # After a plain space only the unmistakable forms: "Elm St 62704", "High St SW1A 2AA".
    ("postcode", re.compile(r"[ \t]+(?:\d{5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?[ ]\d[A-Z]{2}|[A-Z]\d[A-Z][ ]\d[A-Z]\d)"
                            r"(?![\p{L}\d])")),
    ("region", re.compile(rf"{_SEP}{REGION}(?![\p{{L}}\d])")),
    ("region", re.compile(r"[ \t]*\([A-Z]{2,3}\)")),  # "00184 Roma (RM)"
)
_LOWER_PARTS = (
    ("postcode_city", re.compile(rf"(?:{_SEP}|{_SPACE})(?:{POSTCODE}),?{_SPACE}{_ANY_CITY}", re.IGNORECASE)),
    ("city_postcode", re.compile(
        rf"{_SEP}{_ANY_CITY}(?:,?[ \t]*[a-z]{{2,3}})?(?:,?[ \t]+|,[ \t]*)(?:{POSTCODE})(?![\p{{L}}\d])",
        re.IGNORECASE)),
)
# A city alone: kept only when a stronger part follows it, or when the address ends with it.
_CITY_ALONE = re.compile(rf"{_SEP}{CITY}(?![\p{{L}}\d])")
# Where an address may end after a city alone: the end of the line, the text, or the sentence.
_ENDS_ADDRESS = re.compile(r"[ \t]*(?:$|\r?\n|[.!?)\]\"'](?:\s|$))", re.MULTILINE)
MAX_PARTS = 8

# A unit written before the street on its line ("Flat 2, 12 High St") or alone on the line above it.
_UNIT_BEFORE = re.compile(rf"(?<![\p{{L}}\d])(?:{UNIT})[ \t]*,?[ \t]*$", re.IGNORECASE)
_UNIT_LINE = re.compile(rf"[ \t]*(?:{UNIT})[ \t]*,?[ \t]*", re.IGNORECASE)


# Words of the address cues that may stand before a street without a house number ("I live on Elm Street").
ADDRESS_CUE_WORD = re.compile(
    r"live|living|reside|located|situated|based|moved|address|street|ship|send|deliver|mail|post", re.IGNORECASE
)


SHORT_TEXT = 60  # a field value: may be a street name on its own ("rue de Toussaint")


def may_hold_address(text: str, digits: int) -> bool:
    """Prefilter: an address needs a digit (house number, postcode), an address cue word, or a short text."""
    return digits >= 1 or len(text) <= SHORT_TEXT or ADDRESS_CUE_WORD.search(text) is not None


def grow_address(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the whole address whose street line is text[start:end]."""
    return _grow_back(text, start), grow_forward(text, end, text[start:end].islower())[0]


def grow_forward(text: str, end: int, lower: bool = False) -> tuple[int, int]:
    """(new end, number of strong parts taken): the address parts that follow position `end`."""
    strong = 0
    pending = end  # a city alone is taken once a stronger part follows it
    for _ in range(MAX_PARTS):
        step = _next_part(text, pending, lower)
        if step is None:
            break
        kind, part_end = step
        if kind == "city":
            pending = part_end
            continue
        strong += 1
        end = pending = part_end
    if pending > end and _ENDS_ADDRESS.match(text, pending) and not _common_word(text, end, pending):
        end = pending
    return end, strong


def _next_part(text: str, pos: int, lower: bool) -> tuple[str, int] | None:
    parts = _STRONG_PARTS + (_LOWER_PARTS if lower else ())
    for kind, pattern in parts:
        match = pattern.match(text, pos)
        if match and match.end() > pos:
            return kind, match.end()
    match = _CITY_ALONE.match(text, pos)
    if match:
        return "city", match.end()
    return None


def _common_word(text: str, start: int, end: int) -> bool:
    """True when the city-like words are a greeting, weekday, month or function word ("Thanks", "Monday")."""
    words = re.findall(r"[\p{L}'’]+", text[start:end])
    return not words or any(w.casefold() in STOP_WORDS or w.casefold() in NOT_NAMES for w in words)


def _grow_back(text: str, start: int) -> int:
    """Take a unit written before the street, on its line ("Flat 2, ") or on the line above ("Apt. 841")."""
    line_start = text.rfind("\n", 0, start) + 1
    before_start = max(line_start, start - 40)
    match = _UNIT_BEFORE.search(text, before_start, start)
    if match:
        return match.start()
    if line_start == 0 or text[line_start:start].strip():
        return start
    above_start = text.rfind("\n", 0, line_start - 1) + 1
    above_end = line_start - 1
    if above_end - above_start <= 40 and _UNIT_LINE.fullmatch(text, above_start, above_end):
        return above_start + len(text[above_start:above_end]) - len(text[above_start:above_end].lstrip())
    return start


# A building number written before a street line that has its own ("at 317 85402 Hector Forge", as
# synthetic data sets write a building number and a street), after a preposition; a year is none.
_HOUSE_NUMBER_BEFORE = re.compile(
    r"\b(?:at|to|on|from|near|of)[ ]+(?!(?:1[89]|20)\d\d[ ])(\d{1,5}[\p{L}]?)[ ]+$", re.IGNORECASE
)


def grow_back_over_house_number(text: str, start: int) -> int:
    """Take a building number left before a street that starts with a number ("at 317 <street>")."""
    if not text[start : start + 1].isdigit():
        return start
    match = _HOUSE_NUMBER_BEFORE.search(text, max(0, start - 20), start)
    return match.start(1) if match else start


# Street words of many languages, as a word or a word's ending: what makes a line above a postcode a street.
_STREET_WORD = re.compile(
    r"(?:street|st\.?|avenue|ave|road|rd|lane|ln|drive|dr|court|ct|way|place|pl|terrace|close|crescent|square|"
    r"boulevard|blvd|highway|hwy|parkway|pkwy|circle|cir|trail|row|walk|gardens|mews|grove|hill|loop|alley|"
    r"plaza|rise|vale|green|wharf|quay|parade|chase|park|view|gate|path|pike|ridge|wynd|broadway|"
    rf"{ENGLISH_STREET_TYPES}|"
    r"rue|calle|avenida|avda|carrer|rua|via|viale|piazza|corso|largo|vicolo|strada|chemin|impasse|quai|allée|"
    r"travessa|paseo|ulica|ul\.|utca|út|tér|cesta|trg|ulice|náměstí|iela|gatve|tänav|tee|bulevardul|aleea|"
    r"intrarea|str\.|sokak|sok\.|caddesi|cad\.)(?![\p{L}])"
    r"|(?:straße|strasse|str\.|gasse|platz|allee|damm|ufer|weg|pfad|markt|gracht|straat|laan|plein|kade|steeg|"
    r"singel|vej|gade|plads|gatan|vägen|väg|gränd|torget|torg|veien|vei|veg|gata|katu|tie|kuja|polku|tanav)"
    r"(?![\p{L}])",
    re.IGNORECASE,
)
_HOUSE_NUMBER = re.compile(r"(?<![\p{L}\d])\d{1,5}[\p{L}]?(?:[/-]\d{1,4}[\p{L}]?)?\.?(?![\p{L}\d])")
_NOT_ADDRESS_LINE = re.compile(r"@|://|[!?:;]\s*$|\b(?:order|invoice|ticket|ref|tel|phone|fax|mobile)\b", re.IGNORECASE)
MAX_LINES_ABOVE = 4
MAX_LINE_CHARS = 60


def grow_back_over_lines(text: str, start: int, city_above: bool = True) -> int:
    """Take the street and unit lines above a postal block's last line ("Studio 0\nMandy Forges\nLA1 3GD").

    A line is taken when it is a unit, holds a street word or a house number, and is short; a line of
    capitalised words only (a city) is taken right above the last line when `city_above`. A name or a
    sentence stops it.
    """
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return start
    for taken in range(MAX_LINES_ABOVE):
        if line_start == 0:
            break
        above_start = text.rfind("\n", 0, line_start - 1) + 1
        line = text[above_start : line_start - 1]
        if not _address_line(line, city_allowed=city_above and taken == 0):
            break
        start = line_start = above_start + len(line) - len(line.lstrip())
    return start


def _address_line(line: str, city_allowed: bool) -> bool:
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_LINE_CHARS or _NOT_ADDRESS_LINE.search(stripped):
        return False
    if _UNIT_LINE.fullmatch(stripped):
        return True
    words = stripped.split()
    if len(words) > 6:
        return False
    if _STREET_WORD.search(stripped) or _HOUSE_NUMBER.search(stripped):
        return True
    return city_allowed and re.fullmatch(CITY, stripped.rstrip(",")) is not None and not _common_word(stripped, 0, len(stripped))
