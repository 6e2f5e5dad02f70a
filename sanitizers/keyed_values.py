"""Values of personal keys in JSON objects and Python dicts pasted in text: rows of a table written as objects.

`[{"fname": "Ann", "ssn": "123-45-6789"}, ...]` is a table whose header is repeated as keys. A key is read
as a column header (`table_columns.column_entity`: "first_name", "customerEmail", "dob", "Passport No") and
its value, in quotes (or a bare number for the types that are numbers), is a finding of that type when it
has the type's shape (`table_columns.CELL_SHAPES`). Under a key that only may name people ("name",
"owner"), most of the values of that key in the text must read as names (`table_columns.name_column_values`),
and the key must repeat (rows) or sit with a key that surely is personal ("email", "dob", "last_name"): one
`{"name": "John Doe"}`, as in a JWT payload or a config, is left to the other detectors.
"""

import re
from collections import defaultdict

from sanitizers.table_columns import (
    STRONG,
    NameEvidence,
    column_entity,
    has_header_word,
    is_cell_value,
    name_column_values,
)

# "key": "value" / 'key': 'value' / "key": 12345678 (JSON, Python dicts; not YAML, whose keys are unquoted).
_PAIR = re.compile(
    r"""(?P<q>["'])(?P<key>[^\W\d][\w .#-]{0,38})(?P=q)[ \t]*:[ \t]*"""
    r"""(?:(?P<vq>["'])(?P<value>[^"'\\\n]{1,120})(?P=vq)|(?P<number>\+?\d[\d .()-]{3,30}\d)(?=[ \t]*[,}\]\n]))"""
)


def may_hold_keyed_values(text: str) -> bool:
    """Whether `text` may hold a quoted key and its value: a quote before a colon, and a header word."""
    return ('":' in text or "':" in text or '" :' in text or "' :" in text) and has_header_word(text)


def keyed_values(text: str, wanted: frozenset[str], names: NameEvidence) -> list[tuple[str, int, int]]:
    """(entity type, start, end) of the values of personal keys in `text`, for the types in `wanted`;
    `names` tells people from things (for values of a key such as "name")."""
    if not may_hold_keyed_values(text):
        return []
    found: list[tuple[str, int, int]] = []
    by_key: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)  # PERSON values, by key and strength
    personal_record = False  # a STRONG personal key with a value of its shape
    for match in _PAIR.finditer(text):
        kind = column_entity(match.group("key"))
        if kind is None:
            continue
        entity, strength = kind
        group = "value" if match.group("value") is not None else "number"
        if entity == "PERSON" and group == "number":
            continue
        start, end = match.span(group)
        value = text[start:end].strip()
        if not is_cell_value(entity, value):
            continue
        personal_record = personal_record or strength == STRONG
        if entity not in wanted:
            continue
        start = text.index(value, start)
        if entity == "PERSON":
            by_key[(match.group("key").casefold(), strength)].append((start, start + len(value)))
        else:
            found.append((entity, start, start + len(value)))
    for (_, strength), spans in by_key.items():
        if strength == STRONG or len(spans) > 1 or personal_record:
            found.extend(("PERSON", s, e) for s, e in name_column_values(text, spans, strength, names))
    return sorted(found, key=lambda f: (f[1], f[2]))
