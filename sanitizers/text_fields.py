"""Every text-bearing place of a valid record (a "slot"), and how to put new texts back.

Slots, per docs/together-api.md: message `content` strings and text parts, `reasoning`,
`reasoning_content`, `prompt`, `completion`, `text`, tool results, each string value inside tool-call
`arguments` (a JSON text), and every `description` string under `tools`. Never slots: roles, keys, ids,
names, `tool_call_id`, `type`s, weights, image data URLs. Limits: JSON-schema strings other than
`description` under `tools` (`enum`, `default`, `examples`, `title`) and object keys inside `arguments`
are not slots.

`iter_text_slots` and `apply_replacements` share one walker, so slot i of one is slot i of the other.
`slot_texts` lists the same texts without building slots (most records have no finding, so their paths
are never needed). Plain chat records (string contents only) skip the walker in all three.

Every other string of a record (ids, names, JSON-schema values, keys, image data) is structure:
`sanitizers.structure_strings` lists it, following the same rules.
"""

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from schemas.formats import RecordFormat
from schemas.problems import safe_key
from schemas.strict_json import StrictJsonError, loads_strict

SlotKind = Literal["text", "json_value"]


@dataclass(frozen=True, slots=True)
class TextSlot:
    """One text in a record: its field path, the speaking role (None outside messages), the text."""

    path: str
    role: str | None
    text: str
    kind: SlotKind


@dataclass(slots=True)
class _Site:
    """Where a slot's text lives: `holder[key]`; `doc` is set when that is inside parsed arguments."""

    slot: TextSlot
    holder: Any
    key: str | int
    doc: "_ArgumentsDoc | None" = None


@dataclass(slots=True)
class _ArgumentsDoc:
    """Parsed tool-call arguments: written back to `function["arguments"]` if a value changed."""

    function: dict[str, Any]
    box: list[Any]
    changed: bool = False


def iter_text_slots(record: dict[str, Any], fmt: RecordFormat) -> list[TextSlot]:
    """Return the record's text slots in a fixed order (the order `apply_replacements` expects)."""
    if _plain_texts(record, fmt) is not None:
        return [
            TextSlot(f"messages[{i}].content", _role(message), message["content"], "text")
            for i, message in enumerate(record["messages"])
            if type(message.get("content")) is str
        ]
    return [site.slot for site in _walk(record, fmt)]


def slot_texts(record: dict[str, Any], fmt: RecordFormat) -> list[str]:
    """Return `[slot.text for slot in iter_text_slots(record, fmt)]` without building the slots."""
    texts = _plain_texts(record, fmt)
    if texts is not None:
        return texts
    return [site.slot.text for site in _walk(record, fmt)]


def apply_replacements(record: dict[str, Any], fmt: RecordFormat, new_texts: Sequence[str]) -> dict[str, Any]:
    """Return a copy of `record` with slot i's text replaced by `new_texts[i]`; `record` is not changed.

    Tool-call arguments are re-serialised (`json.dumps(..., ensure_ascii=False)`) only when one of their
    values changed, so untouched arguments keep their exact text.

    Raises:
        ValueError: `new_texts` does not have one text per slot.
    """
    if _plain_texts(record, fmt) is not None:
        # Plain chat: only the messages' `content` strings are replaced, so copying the record and its
        # messages one level deep leaves `record` untouched (a deep copy cost ~5% of a secrets-only run).
        messages = [dict(message) for message in record["messages"]]
        holders = [message for message in messages if type(message.get("content")) is str]
        _check_count(len(holders), new_texts)
        for message, new in zip(holders, new_texts):
            message["content"] = new
        return {**record, "messages": messages}
    copy = _copy_json(record)
    sites = list(_walk(copy, fmt))
    _check_count(len(sites), new_texts)
    docs: list[_ArgumentsDoc] = []
    for site, new in zip(sites, new_texts, strict=True):
        if new == site.slot.text:
            continue
        site.holder[site.key] = new
        if site.doc is not None and not site.doc.changed:
            site.doc.changed = True
            docs.append(site.doc)
    for doc in docs:
        doc.function["arguments"] = _dumps(doc.box[0])
    return copy


def _check_count(slots: int, new_texts: Sequence[str]) -> None:
    if slots != len(new_texts):
        raise ValueError(
            f"apply_replacements got {len(new_texts)} texts for {slots} slots; pass one text per slot, "
            "in iter_text_slots order"
        )


# Keys a message may have when its only text is a string `content` (no parts, reasoning or tool calls).
_PLAIN_MESSAGE_KEYS = frozenset({"role", "content", "weight", "tool_call_id"})


def _plain_texts(record: dict[str, Any], fmt: RecordFormat) -> list[str] | None:
    """The string contents of the messages, if those are the record's only slots; else None.

    That is most chat records: no tools, and no message with content parts, reasoning or tool calls
    (a message's content may be missing or null). For every other record `_walk` finds the slots.
    """
    if fmt is not RecordFormat.CONVERSATIONAL or "tools" in record:
        return None
    messages = record.get("messages")
    if type(messages) is not list:
        return None
    texts: list[str] = []
    for message in messages:
        if type(message) is not dict:
            return None
        content = message.get("content")
        # {"role", "content"} is by far the most common message: skip the key-set comparison for it.
        if not (len(message) == 2 and content is not None and "role" in message) and not (
            message.keys() <= _PLAIN_MESSAGE_KEYS
        ):
            return None
        if type(content) is str:
            texts.append(content)
        elif content is not None:
            return None
    return texts


def _role(message: dict[str, Any]) -> str | None:
    role = message.get("role")
    return role if isinstance(role, str) else None


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _walk(record: dict[str, Any], fmt: RecordFormat) -> Iterator[_Site]:
    if fmt is RecordFormat.CONVERSATIONAL:
        yield from _messages(record.get("messages"), "messages")
        yield from _tools(record.get("tools"), "tools")
    elif fmt is RecordFormat.INSTRUCTION:
        yield from _content(record, "prompt", "prompt", None)
        yield from _content(record, "completion", "completion", None)
    elif fmt is RecordFormat.TEXT:
        yield from _string(record, "text", "text", None)
    elif fmt is RecordFormat.PREFERENCE:
        given = record.get("input")
        if isinstance(given, dict):
            yield from _messages(given.get("messages"), "input.messages")
            yield from _tools(given.get("tools"), "input.tools")
        for key in ("preferred_output", "non_preferred_output"):
            yield from _messages(record.get(key), key)


def _string(holder: dict[str, Any], key: str, path: str, role: str | None) -> Iterator[_Site]:
    value = holder.get(key)
    if isinstance(value, str):
        yield _Site(TextSlot(path, role, value, "text"), holder, key)


def _content(holder: dict[str, Any], key: str, path: str, role: str | None) -> Iterator[_Site]:
    value = holder.get(key)
    if isinstance(value, str):
        yield _Site(TextSlot(path, role, value, "text"), holder, key)
    elif isinstance(value, list):
        for j, part in enumerate(value):
            # Only text parts: an image part's data URL is not text.
            if isinstance(part, dict) and part.get("type") == "text" and isinstance(part.get("text"), str):
                yield _Site(TextSlot(f"{path}[{j}].text", role, part["text"], "text"), part, "text")


def _messages(messages: Any, prefix: str) -> Iterator[_Site]:
    if not isinstance(messages, list):
        return
    for i, message in enumerate(messages):
        if not isinstance(message, dict):
            continue
        path = f"{prefix}[{i}]"
        role = _role(message)
        yield from _content(message, "content", f"{path}.content", role)
        yield from _string(message, "reasoning", f"{path}.reasoning", role)
        yield from _string(message, "reasoning_content", f"{path}.reasoning_content", role)
        calls = message.get("tool_calls")
        if isinstance(calls, list):
            for k, call in enumerate(calls):
                function = call.get("function") if isinstance(call, dict) else None
                if isinstance(function, dict):
                    yield from _arguments(function, f"{path}.tool_calls[{k}].function.arguments", role)


def _arguments(function: dict[str, Any], path: str, role: str | None) -> Iterator[_Site]:
    text = function.get("arguments")
    if not isinstance(text, str):
        return
    try:
        parsed = loads_strict(text)
    except StrictJsonError:
        # Not JSON (a record that skipped validation): scan the whole text rather than nothing.
        yield _Site(TextSlot(path, role, text, "text"), function, "arguments")
        return
    doc = _ArgumentsDoc(function, [parsed])
    for holder, key, sub in _json_strings(doc.box, 0, path):
        yield _Site(TextSlot(sub, role, holder[key], "json_value"), holder, key, doc)


def _json_strings(holder: Any, key: str | int, path: str) -> Iterator[tuple[Any, str | int, str]]:
    """Yield (container, key, path) for every string value under holder[key], in document order.

    Iterative, so a deeply nested (but parseable) arguments text cannot exhaust the call stack.
    """
    stack: list[tuple[Any, str | int, str]] = [(holder, key, path)]
    while stack:
        parent, name, where = stack.pop()
        value = parent[name]
        if isinstance(value, str):
            yield parent, name, where
        elif isinstance(value, dict):
            stack.extend((value, k, f"{where}.{safe_key(k)}") for k in reversed(list(value)))
        elif isinstance(value, list):
            stack.extend((value, j, f"{where}[{j}]") for j in range(len(value) - 1, -1, -1))


def _tools(tools: Any, prefix: str) -> Iterator[_Site]:
    """Yield every string stored under a key named `description`, at any depth under `tools`."""
    if not isinstance(tools, list):
        return
    stack: list[tuple[Any, str]] = [(tools, prefix)]
    while stack:
        node, where = stack.pop()
        if isinstance(node, list):
            stack.extend(
                (node[j], f"{where}[{j}]")
                for j in range(len(node) - 1, -1, -1)
                if isinstance(node[j], (dict, list))
            )
            continue
        children: list[tuple[Any, str]] = []
        for key, child in node.items():
            sub = f"{where}.{safe_key(key)}"
            if key == "description" and isinstance(child, str):
                yield _Site(TextSlot(sub, None, child, "text"), node, key)
            elif isinstance(child, (dict, list)):
                children.append((child, sub))
        stack.extend(reversed(children))


def _copy_json(value: Any) -> Any:
    """Copy dicts and lists (iteratively, for deep records); strings and numbers are shared, immutably."""
    if not isinstance(value, (dict, list)):
        return value
    root: Any = {} if isinstance(value, dict) else []
    stack: list[tuple[Any, Any]] = [(value, root)]
    while stack:
        source, target = stack.pop()
        items = source.items() if isinstance(source, dict) else enumerate(source)
        for k, child in items:
            if isinstance(child, (dict, list)):
                copy: Any = {} if isinstance(child, dict) else []
                stack.append((child, copy))
            else:
                copy = child
            if isinstance(target, dict):
                target[k] = copy
            else:
                target.append(copy)
    return root
