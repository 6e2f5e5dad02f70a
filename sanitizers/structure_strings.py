"""Every string of a record outside its text slots: ids, names, roles, schema values, keys, image text.

The text slots (`sanitizers.text_fields`) are what detection reads and replacement rewrites. Everything
else is structure: tool-call ids and the tool messages' references to them, function names, tool
definitions' `name`, `enum`, `default`, `examples` and `title`, object keys (those inside tool-call
`arguments` included), and image data URLs, whose bytes may carry text (`sanitizers.image_text`).
Structure is scanned for secrets but never rewritten: changing an id, a name or a key would break the
record, so a secret there quarantines it.

The walk mirrors `text_fields`' slot walker rule for rule (a test checks that every string of a record
is a slot or listed here, never both) but builds no field paths: most records hold no secret, so a
string's path (`StructureString.path`) is only rendered when asked for.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from schemas.formats import RecordFormat
from schemas.problems import MASKED_KEY, safe_key
from schemas.strict_json import StrictJsonError, loads_strict

StructureKind = Literal["key", "value", "image"]
# Where a string is: (parent, key or index) links up to the record, (None, name) at the top.
Where = tuple[Any, str | int]

# Keys of Together's formats and of JSON schema: vocabulary, never data, so never scanned.
SCHEMA_KEYS = frozenset({
    "messages", "role", "content", "type", "text", "image_url", "url", "tool_calls", "id", "function",
    "name", "arguments", "tool_call_id", "reasoning", "reasoning_content", "weight", "tools", "prompt",
    "completion", "input", "preferred_output", "non_preferred_output", "description", "parameters",
    "properties", "required", "enum", "default", "examples", "title", "items", "strict", "format",
    "additionalProperties", "anyOf", "oneOf", "allOf", "const", "minimum", "maximum", "minLength",
    "maxLength", "pattern", "nullable", "$ref", "$defs", "definitions", "$schema",
})
# Values of the formats' and JSON schema's own vocabulary (roles, part and tool types): never data.
SCHEMA_WORDS = frozenset({"assistant", "function", "image_url", "boolean", "integer", "object", "string",
                          "number", "array", "null"})
MIN_STRUCTURE_CHARS = 8  # no secret any recognizer finds is shorter; roles, types and short ids are skipped
_REASONING = ("reasoning", "reasoning_content")


@dataclass(frozen=True, slots=True)
class StructureString:
    """A string of a record that is not a text slot: an object key, another value, or an image's text."""

    where: Where
    text: str
    kind: StructureKind

    @property
    def path(self) -> str:
        """The field path (`messages[1].tool_calls[0].id`); a key is named `<key>`, never itself."""
        return render_path(self.where)


def iter_structure_strings(record: dict[str, Any], fmt: RecordFormat, *, skip_tools: bool = False
                           ) -> list[StructureString]:
    """Every string of `record` outside its text slots, at least `MIN_STRUCTURE_CHARS` long, in record order.

    Keys in `SCHEMA_KEYS` and values in `SCHEMA_WORDS` are skipped; so is a conversation's top-level
    `tools` list with `skip_tools` (the caller has already checked an equal one).
    """
    out: list[StructureString] = []
    add = out.append
    for key, value in record.items():
        where = (None, key)
        _key(key, None, add)
        if (fmt is RecordFormat.CONVERSATIONAL and key == "messages") or (
            fmt is RecordFormat.PREFERENCE and key in ("preferred_output", "non_preferred_output")
        ):
            _messages(value, where, add)
        elif fmt is RecordFormat.CONVERSATIONAL and key == "tools":
            if not skip_tools:
                _tools(value, where, add)
        elif fmt is RecordFormat.PREFERENCE and key == "input" and isinstance(value, dict):
            for k, v in value.items():
                _key(k, where, add)
                if k == "messages":
                    _messages(v, (where, k), add)
                elif k == "tools":
                    _tools(v, (where, k), add)
                else:
                    _any(v, (where, k), add)
        elif fmt is RecordFormat.INSTRUCTION and key in ("prompt", "completion"):
            _content(value, where, add)
        elif not (fmt is RecordFormat.TEXT and key == "text" and isinstance(value, str)):
            _any(value, where, add)
    return out


def render_path(where: Where) -> str:
    """`(((None, "messages"), 1), "tool_calls")...` as `messages[1].tool_calls...`."""
    parts: list[str | int] = []
    node: Any = where
    while node is not None:
        node, part = node
        parts.append(part)
    out: list[str] = []
    for part in reversed(parts):
        if isinstance(part, int):
            out.append(f"[{part}]")
        else:
            name = part if part is MASKED_KEY else safe_key(part)
            out.append(f".{name}" if out else name)
    return "".join(out)


Add = Callable[[StructureString], None]


def _key(key: Any, parent: Where | None, add: Add) -> None:
    if isinstance(key, str) and len(key) >= MIN_STRUCTURE_CHARS and key not in SCHEMA_KEYS:
        add(StructureString((parent, MASKED_KEY), key, "key"))


def _value(text: str, key: str | int, where: Where, add: Add) -> None:
    """Add `text` (at least MIN_STRUCTURE_CHARS long: callers check), or for an image URL its inner text."""
    if key == "url" and text.startswith("data:"):
        from sanitizers.image_text import image_text  # only records with images pay for it

        inside = image_text(text)
        if len(inside) >= MIN_STRUCTURE_CHARS:
            add(StructureString(where, inside, "image"))
    elif text not in SCHEMA_WORDS:
        add(StructureString(where, text, "value"))


def _any(value: Any, where: Where, add: Add, slot_key: str | None = None) -> None:
    """Every key and string under `value`, except strings stored under `slot_key` (tools' descriptions).

    Iterative, so a deeply nested tool schema cannot exhaust the call stack.
    """
    if type(value) is str:
        if len(value) >= MIN_STRUCTURE_CHARS:
            _value(value, where[1], where, add)
        return
    if not isinstance(value, (dict, list)):
        return  # numbers, booleans, null
    stack: list[tuple[Any, Where]] = [(value, where)]
    while stack:
        node, at = stack.pop()
        if isinstance(node, dict):
            items = node.items()
            for k in node:
                if len(k) >= MIN_STRUCTURE_CHARS and k not in SCHEMA_KEYS:  # JSON keys are strings
                    add(StructureString((at, MASKED_KEY), k, "key"))
        else:
            items = enumerate(node)
        children: list[tuple[Any, Where]] = []
        for k, child in items:
            if type(child) is str:
                if len(child) >= MIN_STRUCTURE_CHARS and (slot_key is None or k != slot_key):
                    _value(child, k, (at, k), add)
            elif isinstance(child, (dict, list)):
                children.append((child, (at, k)))
        stack.extend(reversed(children))


def _tools(tools: Any, where: Where, add: Add) -> None:
    # As text_fields._tools: under a `tools` list, every string stored under a key named "description"
    # is a slot; the rest is structure.
    _any(tools, where, add, slot_key="description" if isinstance(tools, list) else None)


def _content(content: Any, where: Where, add: Add) -> None:
    if isinstance(content, str):
        return  # the content string is a slot
    if not isinstance(content, list):
        _any(content, where, add)
        return
    for j, part in enumerate(content):
        at = (where, j)
        if not isinstance(part, dict):
            _any(part, at, add)
            continue
        is_text = part.get("type") == "text" and isinstance(part.get("text"), str)
        for k, v in part.items():
            _key(k, at, add)
            if not (k == "text" and is_text):
                _any(v, (at, k), add)


def _messages(messages: Any, where: Where, add: Add) -> None:
    if not isinstance(messages, list):
        _any(messages, where, add)
        return
    for i, message in enumerate(messages):
        at = (where, i)
        if not isinstance(message, dict):
            _any(message, at, add)
            continue
        for k, v in message.items():
            if len(k) >= MIN_STRUCTURE_CHARS and k not in SCHEMA_KEYS:
                add(StructureString((at, MASKED_KEY), k, "key"))
            if k == "content":
                if type(v) is not str and v is not None:  # a string is a slot
                    _content(v, (at, k), add)
            elif type(v) is str:
                if k not in _REASONING and len(v) >= MIN_STRUCTURE_CHARS:  # reasoning texts are slots
                    _value(v, k, (at, k), add)
            elif k == "tool_calls" and isinstance(v, list):
                _calls(v, (at, k), add)
            else:
                _any(v, (at, k), add)


def _calls(calls: list[Any], where: Where, add: Add) -> None:
    for j, call in enumerate(calls):
        at = (where, j)
        if not isinstance(call, dict):
            _any(call, at, add)
            continue
        for k, v in call.items():
            _key(k, at, add)
            if k != "function" or not isinstance(v, dict):
                _any(v, (at, k), add)
                continue
            for fk, fv in v.items():
                _key(fk, (at, k), add)
                if fk == "arguments" and isinstance(fv, str):
                    _argument_keys(fv, ((at, k), fk), add)
                else:
                    _any(fv, ((at, k), fk), add)


def _argument_keys(text: str, where: Where, add: Add) -> None:
    """The object keys inside a tool call's JSON arguments (their string values are slots)."""
    try:
        parsed = loads_strict(text)
    except StrictJsonError:
        return  # not JSON: the whole text is a slot
    stack: list[tuple[Any, Where]] = [(parsed, where)]
    while stack:
        node, at = stack.pop()
        if isinstance(node, dict):
            for k, v in node.items():
                _key(k, at, add)
                if isinstance(v, (dict, list)):
                    stack.append((v, (at, k)))
        elif isinstance(node, list):
            stack.extend((v, (at, j)) for j, v in enumerate(node) if isinstance(v, (dict, list)))
