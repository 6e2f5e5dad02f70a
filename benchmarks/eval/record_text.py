"""The text of a record as a reader sees it: every string, with JSON-in-a-string decoded too.

Shared by the generator's self-check, the test and the scorer, so "occurs verbatim in the record" means
the same thing everywhere. Tool-call `arguments` are JSON strings: a value inside them is escaped in the
outer string (a PEM block's newlines become `\\n`), so such strings are decoded and walked as well.
"""

import json
import re
from collections.abc import Iterator
from typing import Any


def iter_strings(value: Any) -> Iterator[str]:
    """Yield every string in a JSON value (dict values, list items), recursively; keys are skipped."""
    if isinstance(value, str):
        yield value
        decoded = _maybe_json(value)
        if decoded is not None:
            yield from iter_strings(decoded)
    elif isinstance(value, dict):
        for item in value.values():
            yield from iter_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from iter_strings(item)


def _maybe_json(text: str) -> Any:
    """The decoded JSON object/array a string holds, or None."""
    stripped = text.strip()
    if not stripped or stripped[0] not in "{[":
        return None
    try:
        decoded = json.loads(stripped)
    except ValueError:
        return None
    return decoded if isinstance(decoded, (dict, list)) else None


def record_haystack(record: Any) -> str:
    """All strings of a record joined by a separator no planted value contains."""
    return "\x00".join(iter_strings(record))


def contains_value(haystack: str, value: str, word_bounded: bool) -> bool:
    """True when `value` occurs in `haystack`.

    With `word_bounded`, an occurrence must not sit inside a longer word: a first name "Ana" is not
    found in "Analytics". Secrets use plain substring search, which is stricter.
    """
    if not word_bounded:
        return value in haystack
    left = r"(?<![\w])" if value[:1].isalnum() else ""
    right = r"(?![\w])" if value[-1:].isalnum() else ""
    return re.search(left + re.escape(value) + right, haystack) is not None
