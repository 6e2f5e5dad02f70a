"""Personal columns of tables pasted in text, found by their header.

Fine-tuning data holds pasted tables: CSV or TSV with a header row, Markdown pipe tables, fixed columns
parted by two or more spaces. A cell alone ("Lopez", "Tom") gives NER no context, so it finds some cells
of a column and misses others; the header says what the whole column holds. A column whose header names
personal data (`COLUMN_ENTITIES`: "Last Name", "customer_email", "Phone #", "DOB", "IBAN") gives each of
its non-empty cells as a finding of that entity type, when the cell has the type's shape (`CELL_SHAPES`: a
name cell is 1-4 words of letters, an e-mail cell looks like one). Columns such as city, country,
company, product, status, amount or date stay.

A header that only may name people ("Name", "Owner", "Customer": products, companies and accounts have
names and owners too) keeps its column only when most of its name-shaped cells hold a known given name or
family name (`is_name`, the caller's name lists).

Cheap by construction: a text needs a line break and a line holding both a header word and a column
separator before any line is split (`may_hold_table`).
"""

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sanitizers.english_words import word_set

# One header, normalised by `header_key` ("Contact First Name" -> "contact first name", "customerEmail"
# -> "customer email", "Phone #" -> "phone no"), against these patterns in order; the first that matches
# the whole key gives the column's entity. Rules as data: extend the tables, not the code.
_PERSON_NOUNS = (
    "customer|client|employee|staff|contact|patient|holder|accountholder|cardholder|policyholder|"
    "recipient|beneficiary|payee|payer|sender|applicant|candidate|student|pupil|guest|passenger|tenant|"
    "member|owner|manager|supervisor|agent|assignee|signatory|spouse|guardian|parent|insured|subscriber|"
    "borrower|landlord|doctor|physician|nurse|teacher|buyer|requester|approver|attendee|participant|"
    "volunteer|donor|person|individual|representative|author|reviewer|caregiver|emergency contact|"
    "next of kin|kin|beneficial owner|account holder|card holder|policy holder|physician|referrer"
)
_NAME_PARTS = (
    "first|last|given|family|middle|full|legal|maiden|sur|fore|christian|display|preferred|birth|contact|"
    + _PERSON_NOUNS
)
_NUMBER = r"(?: (?:number|no|nr|num|code|id))?"
# Words of a header that make an address something other than a postal one.
_NOT_POSTAL = r"(?!(?:.* )?(?:ip|ipv4|ipv6|mac|web|website|url|wallet|bitcoin|btc|eth|crypto|server|host|memory|contract|e ?mail)\b)"

STRONG = "strong"  # the header alone says the column is personal
WEAK = "weak"  # names only when most cells hold known names

COLUMN_ENTITIES: tuple[tuple[str, str, str], ...] = (
    # (pattern over the whole normalised header, entity type, strength)
    (r"(?:.* )?(?:e ?mail|e ?mail address|mail address|email id)", "EMAIL_ADDRESS", STRONG),
    ((r"(?:.* )?(?:phone|telephone|tel|mobile|cell|cellphone|cell phone|fax|contact number|whatsapp)"
     r"(?: (?:number|no|nr|num))?"), "PHONE_NUMBER", STRONG),
    (_NOT_POSTAL + r"(?:.* )?(?:address|addr|street|street address|address line)(?: line)?(?: \d)?",
     "STREET_ADDRESS", STRONG),
    (r"(?:.* )?(?:ssn|social security|social security number|social security no|ss no|ss number)",
     "US_SSN", STRONG),
    (r"(?:.* )?(?:dob|d o b|date of birth|birth ?date|birthday|born|born on)", "DATE_OF_BIRTH", STRONG),
    (r"(?:.* )?passport" + _NUMBER, "PASSPORT", STRONG),
    (r"(?:.* )?iban" + _NUMBER, "IBAN_CODE", STRONG),
    ((r"(?:bank |checking |savings |customer |client )?(?:account|acct|acc|bank account)"
     r"(?: (?:number|no|nr|num))?"), "US_BANK_NUMBER", STRONG),
    (r"(?:credit |debit |payment )?(?:card|cc|credit card)(?: (?:number|no|nr|num))", "CREDIT_CARD", STRONG),
    (r"(?:credit card|debit card)", "CREDIT_CARD", STRONG),
    (r"(?:.* )?(?:driver ?s |drivers |driving )?licen[cs]e" + _NUMBER + r"|dl(?: number| no)?",
     "DRIVER_LICENSE", STRONG),
    ((r"(?:.* )?(?:firstname|lastname|surname|forename|fullname|givenname|familyname|fname|lname|"
     r"middlename|maidenname)"), "PERSON", STRONG),
    (r"(?:.* )?(?:" + _NAME_PARTS + r") names?", "PERSON", STRONG),
    (r"names?|who", "PERSON", WEAK),
    (r"(?:.* )?(?:" + _PERSON_NOUNS + r")s?", "PERSON", WEAK),
)
_COMPILED = tuple((re.compile(pattern), entity, strength) for pattern, entity, strength in COLUMN_ENTITIES)

# Header words that may start a personal header (a cheap test of a whole text before any line is split):
# every pattern above needs one of them.
_HEADER_WORD = re.compile(
    r"(?i)(?:name|mail|phone|tel|mobile|cell|fax|whatsapp|addr|street|ssn|social|s\.?s\.? ?n|dob|d\.o\.b|birth|"
    r"born|passport|iban|acc|card|cc|licen|\bdl\b|who|" + _PERSON_NOUNS.replace(" ", r"[ _-]?") + ")"
)
# A line that may be a header row: it holds a separator of columns.
_SEPARATORS = ("|", "\t", ",", ";")
_SPACE_RUN = re.compile(r"\S(?: {2,}|\t)\S")

# Cells that are no value: empty markers, totals.
_NO_VALUE = word_set(
    """n/a na n.a. none null nil unknown - -- --- tbd tba redacted anonymous anon total totals sum
    subtotal average avg ... … x xx xxx ? yes no true false"""
)
_NAME_CELL = re.compile(r"[^\W\d_]+(?:[.'’-][^\W\d_]*)*\.?(?:,? +[^\W\d_]+(?:[.'’-][^\W\d_]*)*\.?){0,3}")
_EMAIL_CELL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
_PHONE_CELL = re.compile(r"\+?[\d\s().\-/]{7,24}(?:\s*(?:x|ext\.?)\s*\d{1,6})?", re.IGNORECASE)
_SSN_CELL = re.compile(r"\d{3}[- .]?\d{2}[- .]?\d{4}")
_DATE_CELL = re.compile(r"(?=.*\d)[\w ,./-]{6,30}")
_CODE_CELL = re.compile(r"(?=(?:.*\d){2})[A-Za-z0-9][A-Za-z0-9 -]{3,22}[A-Za-z0-9]")
_IBAN_CELL = re.compile(r"[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){8,30}")
_ACCOUNT_CELL = re.compile(r"(?=(?:.*\d){6})[A-Za-z0-9][A-Za-z0-9 -]{4,32}[A-Za-z0-9]")
_CARD_CELL = re.compile(r"(?:\d[ -]?){11,18}\d")
_ADDRESS_CELL = re.compile(r"(?=.*[^\W\d_])[^@<>{}\[\]|]{4,120}")


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
    "IBAN_CODE": lambda cell: _IBAN_CELL.fullmatch(cell) is not None,
    "US_BANK_NUMBER": lambda cell: _ACCOUNT_CELL.fullmatch(cell) is not None,
    "CREDIT_CARD": lambda cell: _CARD_CELL.fullmatch(cell) is not None,
}
ENTITIES: tuple[str, ...] = tuple(CELL_SHAPES)
# A header cell is a short label: words, maybe a unit or format in brackets, maybe a number at the end.
_LABEL = re.compile(r"[^\W\d_][^\W\d]*(?:[ .'’/&+#-]+[^\W\d]+)*\.?(?: ?#| ?\d{1,2})?:?(?: ?\([^()]{1,20}\))?|#|\d{1,4}")
_MAX_HEADER_CHARS = 40
_MAX_HEADER_WORDS = 5
# Most name-shaped cells of a WEAK column must hold a known name.
_KNOWN_SHARE = 0.5


@dataclass(frozen=True)
class Cell:
    """A cell's value at [start, end) of the text, in column `column`."""

    column: int
    start: int
    end: int


def header_key(cell: str) -> str:
    """A header cell as lower-case words: "Contact First Name" -> "contact first name", "customerEmail" ->
    "customer email", "Phone #" -> "phone no", "e-mail" -> "e mail", "Address 1" -> "address 1"."""
    cell = re.sub(r"([a-z])([A-Z])", r"\1 \2", cell.strip().strip("*_`\"'"))
    cell = cell.replace("#", " no ").replace("’", "").replace("'", "")
    return " ".join(re.findall(r"[a-z]+|\d+", cell.lower()))


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
    return None


def may_hold_table(text: str) -> bool:
    """Whether `text` may hold a table with a personal column: a line break, and a header word on a line
    with a column separator. True of every text `table_cells` finds something in."""
    if "\n" not in text:
        return False
    pos = 0
    while (match := _HEADER_WORD.search(text, pos)) is not None:
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.end())
        if end < 0:
            return False  # the last line: no row under it
        below = text.find("\n", end + 1)
        line, row = text[start:end], text[end + 1 : below if below >= 0 else len(text)]
        if line.rstrip().endswith(("?", "!")) or line.rstrip().endswith(".") and line.count(" ") > _MAX_HEADER_WORDS:
            pass  # a sentence, no header row
        elif any(sep in line and sep in row for sep in _SEPARATORS) or (_SPACE_RUN.search(line) and _SPACE_RUN.search(row)):
            return True
        pos = end + 1
    return False


def table_cells(text: str, wanted: frozenset[str], is_name: Callable[[str], bool]) -> list[tuple[str, int, int]]:
    """(entity type, start, end) of every personal cell of the tables in `text`, for the entity types in
    `wanted`; `is_name` tells a known given or family name (for columns a WEAK header names)."""
    if not may_hold_table(text):
        return []
    found: list[tuple[str, int, int]] = []
    lines = list(_lines(text))
    i = 0
    while i < len(lines):
        table = _table_at(text, lines, i)
        if table is None:
            i += 1
            continue
        columns, rows, used = table
        for column, (entity, strength) in columns.items():
            if entity not in wanted:
                continue
            cells = [cell for row in rows for cell in row if cell.column == column]
            found.extend((entity, c.start, c.end) for c in _column_values(text, cells, entity, strength, is_name))
        i += used
    return found


def _column_values(text: str, cells: list[Cell], entity: str, strength: str,
                   is_name: Callable[[str], bool]) -> list[Cell]:
    shaped = CELL_SHAPES[entity]
    values = [c for c in cells if _is_value(text[c.start : c.end]) and shaped(text[c.start : c.end])]
    if strength == WEAK and values:
        known = sum(any(is_name(word) for word in re.findall(r"[^\W\d_]+", text[c.start : c.end])) for c in values)
        if known < _KNOWN_SHARE * len(values):
            return []
    return values


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
    if not _HEADER_WORD.search(line):
        return None
    for separator in _line_separators(line):
        header = _split(text, start, end, separator)
        if len(header) < 2 or not all(_is_label(text[c.start : c.end]) for c in header):
            continue
        columns = {}
        for c in header:
            kind = column_entity(text[c.start : c.end])
            if kind is not None:
                columns[c.column] = kind
        if not columns:
            continue
        rows: list[list[Cell]] = []
        j = i + 1
        if separator == "|" and j < len(lines) and _is_rule(text[lines[j][0] : lines[j][1]]):
            j += 1  # the |---|---| line under a Markdown header
        while j < len(lines) and _holds(text[lines[j][0] : lines[j][1]], separator):
            row = _split(text, *lines[j], separator)
            if len(row) == len(header):
                rows.append(row)  # a row with a stray separator in a value is skipped, not guessed
            j += 1
        if rows:
            return columns, rows, j - i
    return None


def _line_separators(line: str) -> list[str]:
    """The column separators a header line may use, likeliest first ("  " for fixed columns)."""
    out = [sep for sep in _SEPARATORS if sep in line]
    if _SPACE_RUN.search(line):
        out.append("  ")
    return out


def _holds(line: str, separator: str) -> bool:
    """Whether a line can be a row of a table whose columns `separator` parts."""
    return _SPACE_RUN.search(line) is not None if separator == "  " else separator in line


def _is_label(cell: str) -> bool:
    """A header cell: a short label ("First Name", "e-mail", "Phone #", "Address 2", "DOB (yyyy-mm-dd)"), or
    empty (a row-number column); no "Key: value" pair, no sentence."""
    return not cell or len(cell) <= _MAX_HEADER_CHARS and _LABEL.fullmatch(cell) is not None


def _is_rule(line: str) -> bool:
    """A Markdown table's rule line: "|---|:---:|"."""
    stripped = line.strip()
    return "-" in stripped and not stripped.strip("|-: \t")


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
