"""Problem: why one record is invalid, as a reason code, a field path and a value-free message.

Also turns pydantic errors into Problems. pydantic's own `msg` texts are not reused: some of them quote
the input (a union tag, for one), so every message here is built from the error type, the field path and
the schema's own constants.
"""

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from schemas.reasons import Reason

# Discriminated unions put their tag into an error's loc; every tag this package uses starts with "#",
# which no schema field does, so a path can drop them.
TAGS = frozenset({"#str", "#list", "#text", "#image_url"})

# Object keys that come from the record (unknown fields, keys inside tool-call arguments) are data.
# `safe_key` shows keys shaped like identifiers (for the detectors' field paths); anything else (an
# e-mail address used as a key, free text) is masked. Quarantine rows and the report go further and show
# only names from the schemas' own vocabulary (`schema_key`): an identifier-shaped key can still be a
# secret or a name.
_SAFE_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]{0,63}")
MASKED_KEY = "<key>"
# JSON Schema keywords that structure a tool definition's `parameters` (not Together's fields, but not
# data either): property names between them are data and masked.
JSON_SCHEMA_WORDS = frozenset({
    "type", "properties", "items", "description", "enum", "default", "examples", "title", "required",
    "additionalProperties", "anyOf", "oneOf", "allOf", "not", "const", "format", "pattern", "minimum",
    "maximum", "minLength", "maxLength", "minItems", "maxItems", "$ref", "$defs", "definitions",
})
# Fields other chat/instruction exports (OpenAI, ShareGPT, Alpaca) write and Together's formats do not
# know: named in a quarantine row because the fix is obvious once named. Matching this table reveals no
# more than that the key is one of these words.
COMMON_EXTRA_FIELDS = frozenset({
    "metadata", "system", "source", "strict", "detail", "lang", "language", "id", "name", "model",
    "created", "object", "usage", "refusal", "audio", "annotations", "function_call", "logprobs",
    "finish_reason", "index", "conversations", "from", "value", "instruction", "output", "response",
    "chosen", "rejected", "label", "score", "timestamp", "user", "tags", "category", "task",
})
# A path is names, `[n]` indices and masks, joined by dots (names containing a dot are never shown).
_PATH_PART = re.compile(r"(\[\d*\]|\.)")


@dataclass(frozen=True, slots=True)
class Problem:
    """Why a record is invalid: never carries a value from the record."""

    reason: Reason
    field: str
    message: str


def safe_key(key: str) -> str:
    """Return `key` if it looks like an identifier, else a fixed mask."""
    return key if _SAFE_KEY.fullmatch(key) else MASKED_KEY


@functools.cache
def _schema_fields() -> frozenset[str]:
    """Every field name of the record schemas (models are imported here: they import this module)."""
    from schemas import content, messages, preference, records  # noqa: F401 - defines every model
    from schemas.strict_model import StrictModel

    names: set[str] = set()
    pending = list(StrictModel.__subclasses__())
    while pending:
        model = pending.pop()
        names.update(model.model_fields)
        names.update(f.alias for f in model.model_fields.values() if f.alias)
        pending.extend(model.__subclasses__())
    return frozenset(names)


def schema_key(key: str) -> str:
    """Return `key` if it is one of our words (schema fields, JSON Schema keywords, common extra fields),
    else a fixed mask: never a key only the record knows."""
    known = key in _schema_fields() or key in JSON_SCHEMA_WORDS or key in COMMON_EXTRA_FIELDS
    return key if known else MASKED_KEY


@functools.lru_cache(maxsize=4096)
def schema_path(path: str) -> str:
    """`path` (e.g. `messages[2].tool_calls[0].function.arguments.city`) with every name that is not a
    schema field masked: `...arguments.<key>`."""
    return "".join(part if not part or part == "." or part[0] == "[" or part == MASKED_KEY else schema_key(part)
                   for part in _PATH_PART.split(path))


def field_path(loc: Iterable[str | int]) -> str:
    """Render a tag-free location such as ('messages', 3, 'role') as `messages[3].role`.

    Names the schemas do not know are masked (`schema_key`): an unknown field's name is the record's data.
    """
    out: list[str] = []
    for part in loc:
        if isinstance(part, int):
            out.append(f"[{part}]")
        else:
            name = schema_key(part)
            out.append(f".{name}" if out else name)
    return "".join(out)


def strip_tags(loc: Sequence[str | int]) -> tuple[str | int, ...]:
    """Drop union tags from a pydantic loc so it indexes the original dict again."""
    return tuple(p for p in loc if not (isinstance(p, str) and p in TAGS))


def problem(reason: Reason, field: str, what: str, fix: str) -> Problem:
    """Build a Problem whose message reads `<field> <what>; <fix>`."""
    where = field or "the line"
    return Problem(reason, field, f"{where} {what}; {fix}")


def reason_for(loc: Sequence[str | int], error_type: str) -> Reason:
    """Pick the most specific reason code for one pydantic error at `loc` (tags included)."""
    if error_type == "extra_forbidden":
        return Reason.UNKNOWN_FIELD
    last = loc[-1] if loc else ""
    names = {p for p in loc if isinstance(p, str)}
    if last == "role":
        return Reason.INVALID_ROLE
    if "tool_calls" in names or last == "tool_call_id":
        return Reason.INVALID_TOOL_CALL
    if last == "weight":
        return Reason.INVALID_WEIGHT
    if "#image_url" in names or "image_url" in names:
        return Reason.INVALID_IMAGE
    if len(loc) == 1 and last in ("preferred_output", "non_preferred_output"):
        return Reason.INVALID_PREFERENCE
    return Reason.SCHEMA_ERROR


def _what(error: dict[str, Any], loc: Sequence[str | int]) -> tuple[str, str]:
    """Return (what is wrong, how to fix it) for one error, from its type and the schema's constants."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    last = loc[-1] if loc else ""
    if kind == "extra_forbidden":
        return "is not a field Together accepts here", "remove it, or run with unknown fields dropped"
    if last == "weight":
        if len(loc) > 1:
            return "must be the integer 0 or 1", "write 0 (do not train on it) or 1"
        return "must be a finite number >= 0", "write a non-negative number"
    if kind == "missing":
        return "is required but missing", "add it"
    if kind == "literal_error":
        # `expected` lists the schema's own allowed values, never the input.
        return f"must be {ctx.get('expected', 'one of the allowed values')}", "use one of the allowed values"
    if kind in ("too_short", "too_long"):
        bound = "at least" if kind == "too_short" else "at most"
        limit = ctx.get("min_length" if kind == "too_short" else "max_length", "the allowed number of")
        return f"must have {bound} {limit} item(s)", "add or remove items"
    expected = _EXPECTED.get(kind)
    if expected is not None:
        return f"must be {expected}", "change the value's type"
    return f"has the wrong type or shape ({kind})", "make it match Together's format (docs/together-api.md)"


_EXPECTED = {
    "string_type": "a string",
    "list_type": "a list",
    "model_type": "a JSON object",
    "model_attributes_type": "a JSON object",
    "dict_type": "a JSON object",
    "int_type": "an integer",
    "float_type": "a number",
    "bool_type": "true or false",
    "content_type": "a string or a list of content parts",
    "part_type": "a content part with type 'text' or 'image_url'",
}


def problems_from_errors(errors: Sequence[dict[str, Any]]) -> list[tuple[Problem, tuple[str | int, ...]]]:
    """Map pydantic errors (from `e.errors(include_input=False, include_url=False)`) to Problems.

    Returns each Problem with the tag-free loc that indexes the original dict (used to drop unknown keys).
    """
    out: list[tuple[Problem, tuple[str | int, ...]]] = []
    for error in errors:
        loc = error["loc"]
        # An unknown key is the last loc item and is the record's own key, even if it looks like a tag.
        plain = strip_tags(loc[:-1]) + loc[-1:] if error["type"] == "extra_forbidden" else strip_tags(loc)
        path = field_path(plain)
        what, fix = _what(error, plain)
        out.append((problem(reason_for(loc, error["type"]), path, what, fix), plain))
    return out
