"""Personal columns of tables pasted in text, found by their header.

Fine-tuning data holds pasted tables: CSV or TSV with a header row, Markdown pipe tables, psql and MySQL
output, fixed columns parted by two or more spaces, data frames printed with right-aligned cells. A cell
alone ("Lopez", "Tom") gives NER no context, so it finds some cells of a column and misses others; the
header says what the whole column holds. A column whose header names personal data (`COLUMN_ENTITIES`:
"Last Name", "Phone #", "DOB", "IBAN"; the identifier cues: "Employee ID") gives each of its non-empty
cells as a finding of that entity type, when the cell has the type's shape (`CELL_SHAPES`: a name cell is
1-4 words of letters, no function word). An e-mail column is known, its cells left to the e-mail
recognizer (`FOUND_ANYWHERE`). Columns such as city, country, company, product, status, amount or date
stay.

A header that only may name people ("Name", "Owner", "Customer": products, companies, places and accounts
have names and owners too) keeps its column only when most of its name-shaped cells hold a known given name
or family name and no common English word that is no name ("Baldwin County", "Billing Queue"), and then
only such cells (`NameEvidence`: the caller's name lists and English words).

Cheap by construction: a text needs a line break, a column separator and a header word (`HEADER_WORDS`, a
set lookup) before any line is split (`may_hold_table`), and a line is read as a header only when it holds
a header word itself.
"""

import bisect
import functools
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import regex

from sanitizers.english_words import english_words, word_set
from sanitizers.identifier_cues import IDENTIFIER_CUES, cued_iban_ok, cued_value_ok
from sanitizers.name_lists import name_lists

# One header, normalised by `header_key` ("Contact First Name" -> "contact first name", "customerEmail"
# -> "customer email", "Phone #" -> "phone no", "Prénom" -> "prenom"), against these patterns in order; the
# first that matches the whole key gives the column's entity; then the identifier cue words of
# `identifier_cues` ("Tax ID", "Patient ID", "MRN", "Policy Number"). Rules as data: extend the tables.
_PERSON_NOUNS = (
    "customer|client|employee|staff|contact|patient|holder|accountholder|cardholder|policyholder|"
    "recipient|beneficiary|payee|payer|sender|applicant|candidate|student|pupil|guest|passenger|tenant|"
    "member|owner|manager|supervisor|agent|assignee|signatory|spouse|guardian|parent|insured|subscriber|"
    "borrower|landlord|doctor|physician|nurse|teacher|buyer|requester|approver|attendee|participant|"
    "volunteer|donor|person|individual|representative|author|reviewer|caregiver|emergency contact|"
    "next of kin|kin|beneficial owner|account holder|card holder|policy holder|referrer"
)
# Columns of who did something to a record: "Assigned To", "Reported By", "Approved by".
_DONE_BY = (
    r"(?:assigned|reported|created|approved|submitted|requested|prepared|signed|reviewed|authored|handled|owned|"
    r"referred|raised|logged|entered|verified|issued) (?:by|to)"
)
# Name headers in other languages (accents folded): given, family and full names.
_FOREIGN_NAMES = (
    "vorname|nachname|familienname|prenom|nom de famille|nombre|nombres|apellido|apellidos|nome|cognome|"
    "voornaam|achternaam|imie|nazwisko|fornavn|efternavn|etternavn|fornamn|efternamn|etunimi|sukunimi|"
    "primeiro nome|sobrenome|nombre completo|nome completo|vollstandiger name"
)
_NAME_PARTS = (
    "first|last|given|family|middle|full|legal|maiden|sur|fore|christian|preferred|birth|contact|"
    + _PERSON_NOUNS
)
_NUMBER = r"(?: (?:number|no|nr|num|code|id))?"
# Up to two words before the head of a header: "Contact First Name", "Emergency Contact Phone".
_PREFIX = r"(?:[a-z]+ ){0,2}"
# Words of a header that make an address something other than a postal one.
_NOT_POSTAL = r"(?!(?:.* )?(?:ip|ipv4|ipv6|mac|web|website|url|wallet|bitcoin|btc|eth|crypto|server|host|memory|contract|e ?mail)\b)"

STRONG = "strong"  # the header alone says the column is personal
WEAK = "weak"  # names only when most cells hold known names

COLUMN_ENTITIES: tuple[tuple[str, str, str], ...] = (
    # (pattern over the whole normalised header, entity type, strength)
    (_PREFIX + r"(?:e ?mail|e ?mail address|mail address|email id|correo|correo electronico|courriel)",
     "EMAIL_ADDRESS", STRONG),
    ((_PREFIX + r"(?:phone|telephone|tel|mobile|cell|cellphone|cell phone|fax|contact number|whatsapp|"
      r"telefon|telefono|handy|movil|celular|portable)(?: (?:number|no|nr|num|nummer|numero))?"),
     "PHONE_NUMBER", STRONG),
    (_NOT_POSTAL + (_PREFIX + r"(?:address|addr|street|street address|address line|adresse|anschrift|strasse|"
                    r"direccion|indirizzo|endereco|adres)(?: line)?(?: \d)?"), "STREET_ADDRESS", STRONG),
    (_PREFIX + r"(?:ssn|social security|social security number|social security no|ss no|ss number)",
     "US_SSN", STRONG),
    ((_PREFIX + r"(?:dob|d o b|date of birth|birth ?date|birthday|born|born on|geburtsdatum|fecha de nacimiento|"
      r"date de naissance|data di nascita|data de nascimento|geboortedatum)"), "DATE_OF_BIRTH", STRONG),
    (_PREFIX + r"passport" + _NUMBER, "PASSPORT", STRONG),
    (_PREFIX + r"iban" + _NUMBER, "IBAN_CODE", STRONG),
    ((r"(?:bank |checking |savings |customer |client )?(?:account|acct|acc|bank account)"
     r"(?: (?:number|no|nr|num))?"), "US_BANK_NUMBER", STRONG),
    (r"(?:credit |debit |payment )?(?:card|cc|credit card)(?: (?:number|no|nr|num))", "CREDIT_CARD", STRONG),
    (r"(?:credit card|debit card)", "CREDIT_CARD", STRONG),
    (_PREFIX + r"(?:driver ?s |drivers |driving )?licen[cs]e" + _NUMBER + r"|dl(?: number| no)?",
     "DRIVER_LICENSE", STRONG),
    ((_PREFIX + r"(?:firstname|lastname|surname|forename|fullname|givenname|familyname|fname|lname|"
     r"middlename|maidenname)"), "PERSON", STRONG),
    (_PREFIX + r"(?:" + _NAME_PARTS + r") names?", "PERSON", STRONG),
    (_PREFIX + r"(?:" + _FOREIGN_NAMES + r")", "PERSON", STRONG),
    (r"names?|who|nom|display names?|" + _DONE_BY, "PERSON", WEAK),  # "displayName" of configs and apps
    (_PREFIX + r"(?:" + _PERSON_NOUNS + r")s?", "PERSON", WEAK),
)
_COMPILED = tuple((re.compile(pattern), entity, strength) for pattern, entity, strength in COLUMN_ENTITIES)
# The identifier cue words as whole headers ("Employee ID", "Tax ID", "NHS Number", "MRN"), in their case.
_CUED_HEADERS = tuple(
    (regex.compile(rf"(?:{'|'.join(cues)})(?:'s)?(?:[\s-]*(?:number|num|no\.?|nr\.?|#|id|code))*", regex.IGNORECASE),
     entity) for entity, cues in IDENTIFIER_CUES.items())

# The words a personal header holds, at least one of them (lower case, accents folded, camelCase split):
# the cheap test of a text, and of a line, before any line is split. A header without one is not read.
HEADER_WORDS = word_set(
    """
    name names firstname lastname surname forename fullname givenname familyname fname lname middlename
    maidenname who nom prenom vorname nachname familienname nombre nombres apellido apellidos nome cognome
    voornaam achternaam imie nazwisko fornavn efternavn etternavn fornamn efternamn etunimi sukunimi sobrenome
    email emails mail emailaddress correo courriel
    phone phones phonenumber telephone tel mobile cell cellphone fax whatsapp telefon telefono handy movil
    celular portable
    address addresses addr street adresse anschrift strasse direccion indirizzo endereco adres
    ssn social dob birth birthdate birthday born dateofbirth geburtsdatum nacimiento naissance nascita
    nascimento geboortedatum
    passport iban account acct acc card cc licence license dl
    assigned reported created approved submitted requested prepared signed reviewed authored handled owned
    referred raised logged entered verified issued
    id tax taxpayer tin ein itin atin utr tfn pan nino nin sin dni nie nif cpf bsn pps ppsn mrn nhi pesel curp
    nric hkid aadhaar aadhar voter national citizen identity identification personnummer nhs medicare
    medicaid insurance policy medical health chart routing bban
    customer client employee staff contact patient holder accountholder cardholder policyholder recipient
    beneficiary payee payer sender applicant candidate student pupil guest passenger tenant member owner
    manager supervisor agent assignee signatory spouse guardian parent insured subscriber borrower landlord
    doctor physician nurse teacher buyer requester approver attendee participant volunteer donor person
    individual representative author reviewer caregiver kin referrer
    customers clients employees contacts patients holders recipients beneficiaries members owners managers
    agents authors students guests passengers tenants
    """
)
# Words of a text or line: camelCase parts ("customerEmail"), runs of capitals ("DOB"), other letters.
_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[^\W\d_]+")
# A line that may be a header row: it holds a separator of columns.
_SEPARATORS = ("|", "\t", ",", ";")
_SPACE_RUN = re.compile(r"\S(?: {2,}|\t)\S")

# Cells that are no value: empty markers, totals.
_NO_VALUE = word_set(
    """n/a na n.a. none null nil unknown - -- --- tbd tba redacted anonymous anon total totals sum
    subtotal average avg ... … x xx xxx ? yes no true false"""
)
# A word of a name: "O'Neil", "Wrobel-Nash", an initial or short title with its dot ("J.", "J.R.", "Jr.").
_NAME_WORD = r"(?:(?:[^\W\d_]\.){2,3}|[^\W\d_]{1,3}\.|[^\W\d_]+(?:['’-][^\W\d_]+)*)"
_NAME_CELL = re.compile(rf"{_NAME_WORD}(?:,? +{_NAME_WORD}){{0,3}}")
_EMAIL_CELL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
_PHONE_CELL = re.compile(r"\+?[\d\s().\-/]{7,24}(?:\s*(?:x|ext\.?)\s*\d{1,6})?", re.IGNORECASE)
_SSN_CELL = re.compile(r"\d{3}[- .]?\d{2}[- .]?\d{4}")
_DATE_CELL = re.compile(r"(?=.*\d)[\w ,./-]{6,30}")
_CODE_CELL = re.compile(r"(?=(?:.*\d){2})[A-Za-z0-9][A-Za-z0-9 -]{3,22}[A-Za-z0-9]")
_IBAN_CELL = re.compile(r"[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){8,30}")
_ACCOUNT_CELL = re.compile(r"(?=(?:.*\d){6})[A-Za-z0-9][A-Za-z0-9 -]{4,32}[A-Za-z0-9]")
_CARD_CELL = re.compile(r"(?:\d[ -]?){11,18}\d")
# An address holds words ("12 Elm St"), a house number or postcode or a comma before its town, and no code
# characters: an IPv6 or memory address, "tcp://host:8786" are no postal addresses.
_ADDRESS_CELL = re.compile(r"(?=.*[^\W\d_]{2})(?=.*[\d,])(?=\S+ )(?!.*://)[^@<>{}\[\]|`_=;()]{4,120}")


def _digits(cell: str, low: int, high: int) -> bool:
    count = sum(c.isdigit() for c in cell)
    return low <= count <= high


# Words of a phrase, never of a name: a cell holding one is prose that happens to sit under a name header.
_FUNCTION_WORDS = word_set(
    """a an the and or but nor not no yes is are was were be been am of to in on at by for with from as if it its
    this that these those i me my mine you your yours we us our he him his she her they them their who what
    which when where why how all any some none each every"""
)


def _is_name_cell(cell: str) -> bool:
    return _NAME_CELL.fullmatch(cell) is not None and not any(
        word.casefold() in _FUNCTION_WORDS for word in re.findall(r"[^\W\d_]+", cell))


# The shape each entity's cells must have.
CELL_SHAPES: dict[str, Callable[[str], bool]] = {
    "PERSON": _is_name_cell,
    "EMAIL_ADDRESS": lambda cell: _EMAIL_CELL.fullmatch(cell) is not None,
    "PHONE_NUMBER": lambda cell: _PHONE_CELL.fullmatch(cell) is not None and _digits(cell, 7, 18),
    "STREET_ADDRESS": lambda cell: _ADDRESS_CELL.fullmatch(cell) is not None,
    "US_SSN": lambda cell: _SSN_CELL.fullmatch(cell) is not None,
    "DATE_OF_BIRTH": lambda cell: _DATE_CELL.fullmatch(cell) is not None,
    "PASSPORT": lambda cell: _CODE_CELL.fullmatch(cell) is not None,
    "DRIVER_LICENSE": lambda cell: _CODE_CELL.fullmatch(cell) is not None,
    "IBAN_CODE": lambda cell: _IBAN_CELL.fullmatch(cell) is not None and cued_iban_ok(cell),
    "US_BANK_NUMBER": lambda cell: _ACCOUNT_CELL.fullmatch(cell) is not None,
    "ID_NUMBER": lambda cell: _CODE_CELL.fullmatch(cell) is not None and cued_value_ok(cell),
    "CREDIT_CARD": lambda cell: _CARD_CELL.fullmatch(cell) is not None,
}
# Types whose own recognizer finds every value whatever the column, and knows which are no one's
# ("noreply@...", "your-service@your-project..."): a header adds nothing, it only tells a personal column.
FOUND_ANYWHERE = frozenset({"EMAIL_ADDRESS"})
# The types of the cells this module gives.
ENTITIES: tuple[str, ...] = tuple(entity for entity in CELL_SHAPES if entity not in FOUND_ANYWHERE)
# A dotted name of code inside a cell ("os.path", "Socket.prototype"); "D.O.B." has one letter per part.
_CODE_PATH = re.compile(r"[^\W\d]{2}\.[^\W\d]|\.[^\W\d]{2}")
# A header cell is a short label: words, maybe a unit or format in brackets, maybe a number at the end.
_LABEL = re.compile(r"[^\W\d_][^\W\d]*(?:[ .'’/&+#-]+[^\W\d]+)*\.?(?: ?#| ?\d{1,2})?:?(?: ?\([\w %$€£/.,-]{1,20}\))?|#|\d{1,4}")
_MAX_HEADER_CHARS = 40
_MAX_HEADER_WORDS = 5
# Share of a name column's cells that must hold a known given or family name under a WEAK header.
_KNOWN_SHARE = 0.5


@dataclass(frozen=True)
class NameEvidence:
    """What tells a person's name from a thing's: a known given or family name ("Maria", "Baldwin"), and a
    common English word that is no name ("County", "Support")."""

    is_name: Callable[[str], bool]
    is_thing_word: Callable[[str], bool]

    @classmethod
    def from_word_lists(cls) -> "NameEvidence":
        """From the name lists of Faker's locales and the English word lists (each read once per process)."""
        names, words = name_lists(), english_words()
        return cls(names.is_name, lambda word: words.is_common(word) and not names.is_name(word))

    def counts_as_name(self, cell: str) -> bool:
        words = re.findall(r"[^\W\d_]+", cell)
        return any(map(self.is_name, words)) and not self.holds_thing_word(cell)

    def holds_thing_word(self, cell: str) -> bool:
        """A word of two letters or more that is a thing's (one letter is an initial: "J.", the O of O'Malley)."""
        return any(len(word) > 1 and self.is_thing_word(word) for word in re.findall(r"[^\W\d_]+", cell))


@dataclass(frozen=True)
class Cell:
    """A cell's value at [start, end) of the text, in column `column`."""

    column: int
    start: int
    end: int


def header_key(cell: str) -> str:
    """A header cell as lower-case words: "Contact First Name" -> "contact first name", "customerEmail" ->
    "customer email", "Phone #" -> "phone no", "e-mail" -> "e mail", "Address 1" -> "address 1", "Prénom" ->
    "prenom"."""
    cell = re.sub(r"([a-z])([A-Z])", r"\1 \2", _words_of(cell))
    cell = cell.replace("#", " no ").replace("’", "").replace("'", "")
    return " ".join(re.findall(r"[a-z]+|\d+", _fold(cell.lower())))


def _words_of(cell: str) -> str:
    """A header cell without its emphasis, quotes and trailing colon, "_" read as a space."""
    return cell.strip().strip("*_`\"'").rstrip(":").strip().replace("_", " ")


def column_entity(header: str) -> tuple[str, str] | None:
    """(entity type, strength) of a column from its header cell, or None when the column is not personal."""
    if len(header) > _MAX_HEADER_CHARS:
        return None
    key = header_key(header)
    if not key or len(key.split()) > _MAX_HEADER_WORDS:
        return None
    for pattern, entity, strength in _COMPILED:
        if pattern.fullmatch(key):
            return entity, strength
    words = re.sub(r"([a-z])([A-Z])", r"\1 \2", _words_of(header))
    for cue, entity in _CUED_HEADERS:
        if cue.fullmatch(words):
            return entity, STRONG
    return None


def may_hold_table(text: str) -> bool:
    """Whether `text` may hold a table with a personal column: a line break, a column separator and a header
    word. True of every text `table_cells` finds something in."""
    return "\n" in text and (any(sep in text for sep in _SEPARATORS) or "  " in text) and has_header_word(text)


@functools.lru_cache(maxsize=4)  # the table, keyed-value and row gates ask it of the same text in turn
def has_header_word(text: str) -> bool:
    """Whether `text` holds one of `HEADER_WORDS` (in any case, camelCase split, accents folded)."""
    words = {word.lower() for word in set(_WORD.findall(text))}
    if not HEADER_WORDS.isdisjoint(words):
        return True
    return not HEADER_WORDS.isdisjoint(_fold(word) for word in words if not word.isascii())


def _fold(word: str) -> str:
    """A word without its accents: "prénom" -> "prenom"."""
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()


def table_cells(text: str, wanted: frozenset[str], names: NameEvidence) -> list[tuple[str, int, int]]:
    """(entity type, start, end) of every personal cell of the tables in `text`, for the entity types in
    `wanted`; `names` tells people from things (for columns a WEAK header names)."""
    if not may_hold_table(text):
        return []
    found: list[tuple[str, int, int]] = []
    lines = list(_lines(text))
    i = 0
    while i < len(lines):
        row_value = _label_row_value(text, *lines[i], wanted, names)
        if row_value:
            found.extend(row_value)
            i += 1
            continue
        table = _table_at(text, lines, i)
        if table is None:
            i += 1
            continue
        columns, rows, used = table
        found.extend(personal_cells(text, columns, rows, wanted, names))
        i += used
    return found


def _label_row_value(text: str, start: int, end: int, wanted: frozenset[str],
                     names: NameEvidence) -> list[tuple[str, int, int]]:
    """The value of a row of a vertical (field | value) table whose field names a personal column:
    "| Last Name | Okafor |", "| Medical Record Number | 4471-0932 |", as forms lay out one record. A value
    that is itself a personal column's label ("| First Name | Last Name |") makes the row a header."""
    if "|" not in text[start:end]:
        return []
    row = _split(text, start, end, "|")
    if len(row) != 2:
        return []
    label, value = text[row[0].start : row[0].end], row[1]
    kind = column_entity(label) if _is_label(label) else None
    if kind is not None and column_entity(text[value.start : value.end]) is not None:
        return []
    if kind is None or kind[0] not in wanted or not is_cell_value(kind[0], text[value.start : value.end]):
        return []
    spans = [(value.start, value.end)]
    if kind[0] == "PERSON":
        spans = name_column_values(text, spans, kind[1], names)
    return [(kind[0], s, e) for s, e in spans]


def header_columns(labels: list[str]) -> dict[int, tuple[str, str]] | None:
    """The personal columns of a header row, by index: (entity type, strength); None when the row is no
    header (fewer than two named columns, a cell that is no label) or names no personal column."""
    if sum(map(bool, labels)) < 2 or not all(map(_is_label, labels)):
        return None  # a table has two named columns at least (a JSON list of strings has one)
    columns = {index: kind for index, label in enumerate(labels) if (kind := column_entity(label)) is not None}
    return columns or None


def personal_cells(text: str, columns: dict[int, tuple[str, str]], rows: list[list[Cell]], wanted: frozenset[str],
                   names: NameEvidence) -> list[tuple[str, int, int]]:
    """(entity type, start, end) of the cells of `rows` in the personal `columns` whose type is wanted."""
    found = []
    for column, (entity, strength) in columns.items():
        if entity in wanted:
            cells = [cell for row in rows for cell in row if cell.column == column]
            found.extend((entity, s, e) for s, e in _column_values(text, cells, entity, strength, names))
    return found


def _column_values(text: str, cells: list[Cell], entity: str, strength: str,
                   names: NameEvidence) -> list[tuple[int, int]]:
    values = [(c.start, c.end) for c in cells if is_cell_value(entity, text[c.start : c.end])]
    return name_column_values(text, values, strength, names) if entity == "PERSON" else values


def is_cell_value(entity: str, cell: str) -> bool:
    """Whether a cell under a column of `entity` is a value of that type: not empty or a marker ("n/a",
    "Total"), and in the type's shape."""
    return _is_value(cell) and CELL_SHAPES[entity](cell)


def name_column_values(text: str, values: list[tuple[int, int]], strength: str,
                       names: NameEvidence) -> list[tuple[int, int]]:
    """The name-shaped cells (spans of `text`) of one name column that name people, or [] when the column
    does not hold people. Under a STRONG header a column with a capitalised cell holds people; under a WEAK
    header, or a STRONG one over lower-case cells ("fname" in code documentation heads a column of variable
    names), most cells must read as names (`NameEvidence.counts_as_name`). A cell with a common English word
    that is no name stays either way ("Support Team", "Bug Importer")."""
    if not values:
        return values
    if not (strength == STRONG and any(text[start].isupper() for start, _ in values)):
        known = sum(names.counts_as_name(text[s:e]) for s, e in values)
        if known < _KNOWN_SHARE * len(values):
            return []
    return [(s, e) for s, e in values if not names.holds_thing_word(text[s:e])]


def _is_value(cell: str) -> bool:
    return bool(cell) and cell.casefold() not in _NO_VALUE


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line, without its line break."""
    start = 0
    for match in re.finditer(r"\r?\n", text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def _table_at(text: str, lines: list[tuple[int, int]], i: int
              ) -> tuple[dict[int, tuple[str, str]], list[list[Cell]], int] | None:
    """The table whose header row is line `i`: (personal columns by index, rows of cells, lines used), or
    None when line `i` is no header of a table with a personal column."""
    start, end = lines[i]
    line = text[start:end]
    separators = _line_separators(line)
    if not (separators or " " in line.strip()) or i + 1 == len(lines) or _is_sentence(line) or not has_header_word(line):
        return None
    for separator in separators:
        header = _split(text, start, end, separator)
        columns = header_columns([text[c.start : c.end] for c in header])
        if columns is None:
            continue
        rows: list[list[Cell]] = []
        j = i + 1
        while j < len(lines):
            row_line = text[lines[j][0] : lines[j][1]]
            if _is_rule(row_line):
                j += 1  # "|---|---|" under a Markdown header, "----+----" of psql, "+----+" of MySQL, "-----  ---"
                continue
            if not _holds(row_line, separator):
                break
            row = _split(text, *lines[j], separator)
            if len(row) != len(header) and separator == "  ":
                row = _by_position(row, header, lines[j][0] - start)
            if len(row) == len(header):
                rows.append(row)
            elif not rows:
                break  # the line under the header is no row of it: no table (and no scan to the text's end)
            j += 1  # a later row with a stray separator in a value is skipped, not guessed
        if rows:
            return columns, rows, j - i
    return _right_aligned_table(text, lines, i)


def _right_aligned_table(text: str, lines: list[tuple[int, int]], i: int
                         ) -> tuple[dict[int, tuple[str, str]], list[list[Cell]], int] | None:
    """A table printed with its cells right-aligned under one-word headers, as pandas and R print a data frame:
    "  first_name last_name  age" over "0       Ann     Byrne   35". Each cell ends where its header ends; a
    header line indented by spaces has an index column first."""
    start, end = lines[i]
    tokens = [m.span() for m in re.finditer(r"\S+", text[start:end])]
    if len(tokens) < 2 or "\t" in text[start:end]:
        return None
    edges = [b for _, b in tokens]
    indexed = tokens[0][0] > 0
    if _right_aligned_row(text, *lines[i + 1], edges, indexed) is None:
        return None  # positions first: most lines are no header, and reading a header costs more
    columns = header_columns([text[start + a : start + b] for a, b in tokens])
    if columns is None:
        return None
    rows: list[list[Cell]] = []
    j = i + 1
    while j < len(lines) and (row := _right_aligned_row(text, *lines[j], edges, indexed)) is not None:
        rows.append(row)
        j += 1
    return (columns, rows, j - i) if rows else None


def _right_aligned_row(text: str, start: int, end: int, edges: list[int], indexed: bool) -> list[Cell] | None:
    """The cells of a row whose every cell ends at its header's end (`edges`, from the line's start), or None."""
    line = text[start:end]
    previous = re.match(r"\s*\S+", line).end() if indexed and line.strip() else 0  # the index ("0", "row_3")
    cells = []
    for column, edge in enumerate(edges):
        if edge > len(line) or line[edge - 1] == " " or edge < len(line) and line[edge] != " " or previous >= edge:
            return None
        cell_start, cell_end = _trim(text, start + previous, start + edge)
        if cell_start == cell_end:
            return None
        cells.append(Cell(column, cell_start, cell_end))
        previous = edge
    return cells


def _line_separators(line: str) -> list[str]:
    """The column separators a header line may use, likeliest first ("  " for fixed columns)."""
    out = [sep for sep in _SEPARATORS if sep in line]
    if _SPACE_RUN.search(line):
        out.append("  ")
    return out


def _is_sentence(line: str) -> bool:
    stripped = line.rstrip()
    return stripped.endswith(("?", "!")) or stripped.endswith(".") and stripped.count(" ") > _MAX_HEADER_WORDS


def _holds(line: str, separator: str) -> bool:
    """Whether a line can be a row of a table whose columns `separator` parts."""
    return _SPACE_RUN.search(line) is not None if separator == "  " else separator in line


def _is_label(cell: str) -> bool:
    """A header cell: a short label ("First Name", "e-mail", "Phone #", "Address 2", "DOB (yyyy-mm-dd)"), or
    empty (a row-number column); no "Key: value" pair, no sentence, no code ("Socket.prototype._reuseAddr")."""
    return not cell or (len(cell) <= _MAX_HEADER_CHARS and len(cell.split()) <= _MAX_HEADER_WORDS
                        and _LABEL.fullmatch(cell) is not None and not _CODE_PATH.search(cell))


def _is_rule(line: str) -> bool:
    """A rule line of a table: "|---|:---:|", "----+----", "+----+----+", "=====  ====="."""
    stripped = line.strip()
    return ("-" in stripped or "=" in stripped) and not stripped.strip("|-=+: \t")


def _by_position(row: list[Cell], header: list[Cell], shift: int) -> list[Cell]:
    """A fixed-column row with empty cells, its cells put under the header cell each starts in (`shift`: where the
    row's line starts, counted from the header line's start); [] when two cells fall under one header."""
    starts = [c.start for c in header]
    placed: dict[int, Cell] = {}
    for cell in row:
        column = max(bisect.bisect_right(starts, cell.start - shift) - 1, 0)
        if column in placed:
            return []
        placed[column] = Cell(column, cell.start, cell.end)
    return list(placed.values()) + [Cell(k, 0, 0) for k in range(len(header)) if k not in placed]


def _split(text: str, start: int, end: int, separator: str) -> list[Cell]:
    """The cells of the line text[start:end] under `separator`, each as its value's span: quotes, spaces
    and Markdown emphasis around it are left out."""
    if separator == "|":
        spans = _pipe_spans(text, start, end)
    elif separator == "  ":
        spans = [(start + m.start(), start + m.end()) for m in re.finditer(r"\S+(?: \S+)*", text[start:end])]
    else:
        spans = _delimited_spans(text, start, end, separator)
    return [Cell(column, *_trim(text, s, e)) for column, (s, e) in enumerate(spans)]


def _pipe_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    line = text[start:end]
    cuts = [m.start() for m in re.finditer(r"(?<!\\)\|", line)]
    bounds = [-1, *cuts, len(line)]
    spans = [(start + a + 1, start + b) for a, b in itertools.pairwise(bounds)]
    if line.strip().startswith("|"):
        spans = spans[1:]
    if line.strip().endswith("|") and spans:
        spans = spans[:-1]
    return spans


def _delimited_spans(text: str, start: int, end: int, separator: str) -> list[tuple[int, int]]:
    """Cells of a CSV/TSV line; a cell in double quotes may hold the separator ("Lee, Ann")."""
    spans = []
    pos = start
    while True:
        cell_start = pos
        while pos < end and text[pos] in " \t" and text[pos] != separator:
            pos += 1
        if pos < end and text[pos] == '"':
            close = pos + 1
            while True:
                close = text.find('"', close, end)
                if close < 0 or close + 1 >= end or text[close + 1] != '"':
                    break
                close += 2  # "" inside a quoted cell
            if close < 0:
                return []  # an unclosed quote: not a CSV line
            pos = close + 1
        cut = text.find(separator, pos, end)
        if cut < 0:
            spans.append((cell_start, end))
            return spans
        spans.append((cell_start, cut))
        pos = cut + 1


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\"'*_`":
        start += 1
    while end > start and text[end - 1] in " \t\"'*_`":
        end -= 1
    return start, end
