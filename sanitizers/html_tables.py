"""Personal columns of HTML tables pasted in text, by their header row (`table_columns`).

`<tr><th>Name</th><th>Email</th></tr><tr><td>Ann Lee</td><td>ann@example.org</td></tr>`: the first row of
each table is its header; the cells under a personal header are findings as in a CSV or Markdown table.
A cell whose text holds markup inside it ("<b>Ann</b> Lee") is left to the other detectors.
"""

import re

from sanitizers.table_columns import Cell, NameEvidence, header_columns, personal_cells

_TABLE_START = re.compile(r"<table\b", re.IGNORECASE)
_ROW = re.compile(r"<tr\b[^>]*>(.*?)(?:</tr\s*>|(?=<tr\b|</table\s*>)|\Z)", re.IGNORECASE | re.DOTALL)
# A cell's content never runs into another cell's or row's tag (an unclosed <td> ends no later than the next).
_CELL = re.compile(r"<t([hd])\b[^>]*>([^<]*(?:<(?!/?t[dhr]\b)[^<]*)*)</t\1\s*>", re.IGNORECASE)
# Markup and blanks around a cell's text: "<td> <b>Ann Lee</b> </td>".
_EDGE = re.compile(r"(?:\s|<[^<>]*>|&nbsp;)*")
_MAX_ROWS = 10_000


def may_hold_html_table(text: str) -> bool:
    """Whether `text` may hold an HTML table row with a cell."""
    return ("<td" in text or "<TD" in text or "<th" in text or "<TH" in text) and ("<tr" in text or "<TR" in text)


def html_table_cells(text: str, wanted: frozenset[str], names: NameEvidence) -> list[tuple[str, int, int]]:
    """(entity type, start, end) of the cells of personal columns of the HTML tables in `text`, for the types
    in `wanted`; `names` tells people from things (for a column such as "Name")."""
    if not may_hold_html_table(text):
        return []
    found: list[tuple[str, int, int]] = []
    starts = [m.start() for m in _TABLE_START.finditer(text)] or [0]
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        rows = [_cells(text, row) for row in _ROW.finditer(text, start, end)][:_MAX_ROWS]
        if len(rows) < 2:
            continue
        header, body = rows[0], rows[1:]
        columns = header_columns([text[c.start : c.end] for c in header])
        if columns is not None:
            found.extend(personal_cells(text, columns, [row for row in body if len(row) == len(header)], wanted, names))
    return sorted(found, key=lambda f: (f[1], f[2]))


def _cells(text: str, row: re.Match[str]) -> list[Cell]:
    """The cells of one row, each as the span of its text without the markup around it."""
    cells = []
    for column, cell in enumerate(_CELL.finditer(text, row.start(1), row.end(1))):
        start, end = _EDGE.match(text, cell.start(2), cell.end(2)).end(), cell.end(2)
        while end > start and (text[end - 1].isspace() or text[end - 1] == ">"):
            end = max(text.rfind("<", start, end), start) if text[end - 1] == ">" else end - 1
        inner = text[start:end]
        cells.append(Cell(column, start, end) if "<" not in inner and "&" not in inner else Cell(column, start, start))
    return cells
