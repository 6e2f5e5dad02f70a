"""The text of a typed placeholder, `<EMAIL_ADDRESS_2>`: shared by the Placeholder operator and the
replacement book, which writes secrets' placeholders without importing presidio."""

import re

_ENTITY = re.compile(r"[A-Z][A-Z0-9_]*")


def placeholder_text(entity_type: str, index: int) -> str:
    """`<TYPE_n>` for the `index`-th distinct value (from 1) of `entity_type` in a record."""
    if not _ENTITY.fullmatch(entity_type) or index < 1:
        raise ValueError("placeholder: entity type must be UPPER_SNAKE_CASE and index at least 1")
    return f"<{entity_type}_{index}>"
