"""Values of personal columns in SQL INSERT statements pasted in text: rows of a table written as SQL.

`INSERT INTO customers (first_name, email) VALUES ('Ann', 'ann@example.org'), ('Bo', ...);` names its
columns once and gives each row's values in that order. A column is read as a header
(`table_columns.column_entity`) and each value in it, in quotes (or a bare number for the types that are
numbers), is a finding of that type when it has the type's shape; name columns are judged as a table's
(`table_columns.name_column_values`).
"""

import re
from collections import defaultdict

from sanitizers.table_columns import NameEvidence, column_entity, is_cell_value, name_column_values

_INSERT = re.compile(
    r"\binsert\s+(?:ignore\s+)?into\s+[\w.\"`\[\]]+\s*\((?P<columns>[^()]{1,2000})\)\s*values\s*", re.IGNORECASE)
# One value of a row: a quoted string ('' inside doubles a quote) or a bare token (number, NULL, function).
_VALUE = re.compile(r"\s*(?:'(?P<quoted>(?:[^'\\\n]|'')*)'|(?P<bare>[^,()'\s][^,()']*?))\s*(?=[,)])")
_MAX_ROWS = 10_000


def may_hold_sql_rows(text: str) -> bool:
    """Whether `text` may hold an INSERT statement (the cheap test before any regex runs)."""
    return "insert" in text or "INSERT" in text or "Insert" in text


def sql_row_values(text: str, wanted: frozenset[str], names: NameEvidence) -> list[tuple[str, int, int]]:
    """(entity type, start, end) of the values of personal columns of the INSERT statements in `text`, for the
    types in `wanted`; `names` tells people from things (for a column such as "name")."""
    if not may_hold_sql_rows(text):
        return []
    found: list[tuple[str, int, int]] = []
    for statement in _INSERT.finditer(text):
        columns = [column_entity(c.strip().strip("\"`[]")) for c in statement.group("columns").split(",")]
        if not any(kind is not None and kind[0] in wanted for kind in columns):
            continue
        by_column: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for row in _rows(text, statement.end()):
            if len(row) != len(columns):
                continue
            for index, (start, end, quoted) in enumerate(row):
                kind = columns[index]
                if kind is None or kind[0] not in wanted or (kind[0] == "PERSON" and not quoted):
                    continue
                if is_cell_value(kind[0], text[start:end].replace("''", "'")):  # 'O''Neill' is O'Neill
                    by_column[index].append((start, end))
        for index, spans in by_column.items():
            entity, strength = columns[index]
            if entity == "PERSON":
                spans = name_column_values(text, spans, strength, names)
            found.extend((entity, start, end) for start, end in spans)
    return sorted(found, key=lambda f: (f[1], f[2]))


def _rows(text: str, pos: int) -> list[list[tuple[int, int, bool]]]:
    """The value tuples after VALUES at `pos`: per row, (start, end, quoted) of each value."""
    rows = []
    while len(rows) < _MAX_ROWS:
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        if pos >= len(text) or text[pos] != "(":
            return rows
        pos += 1
        row = []
        while True:
            match = _VALUE.match(text, pos)
            if match is None:
                return rows  # not a row of plain values (a sub-query, an unclosed quote): stop here
            group = "quoted" if match.group("quoted") is not None else "bare"
            row.append((match.start(group), match.end(group), group == "quoted"))
            pos = match.end()
            if text[pos] == ")":
                pos += 1
                break
            pos += 1  # the comma
        rows.append(row)
    return rows
