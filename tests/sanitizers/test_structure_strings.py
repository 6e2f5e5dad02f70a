"""Tests for sanitizers.structure_strings: every string outside the text slots, and only those."""

import json
from collections import Counter
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from sanitizers.structure_strings import (
    MIN_STRUCTURE_CHARS,
    SCHEMA_KEYS,
    SCHEMA_WORDS,
    iter_structure_strings,
    render_path,
)
from sanitizers.text_fields import slot_texts
from schemas.formats import RecordFormat
from tests.image_bytes import data_url, png

C, I, T, P = RecordFormat.CONVERSATIONAL, RecordFormat.INSTRUCTION, RecordFormat.TEXT, RecordFormat.PREFERENCE
LONG = "zq" + "structure" + "marker"  # long enough to be listed, built at run time


def structure(record: dict, fmt: RecordFormat = C) -> list[tuple[str, str, str]]:
    return [(s.path, s.kind, s.text) for s in iter_structure_strings(record, fmt)]


def tool_record() -> dict:
    call = {"id": LONG + "id", "type": "function",
            "function": {"name": LONG + "fn", "arguments": json.dumps({LONG + "arg": "value", "n": {"deep": 1}})}}
    params = {"type": "object", "required": [LONG + "prop"], "properties": {
        LONG + "prop": {"type": "string", "enum": [LONG + "enum"], "default": LONG + "default",
                        "examples": [LONG + "example"], "title": LONG + "title", "description": "kept as a slot"}}}
    return {"messages": [
        {"role": "user", "content": "q"},
        {"role": "assistant", "content": None, "tool_calls": [call]},
        {"role": "tool", "tool_call_id": LONG + "id", "content": "r"},
        {"role": "assistant", "content": "a"},
    ], "tools": [{"type": "function", "function": {"name": LONG + "fn", "description": "d", "parameters": params}}]}


def test_lists_ids_names_keys_and_schema_values_when_they_are_long_enough() -> None:
    found = structure(tool_record())
    texts = [text for _, _, text in found]
    for suffix in ("id", "fn", "arg", "prop", "enum", "default", "example", "title"):
        assert LONG + suffix in texts, suffix
    assert "kept as a slot" not in texts and "value" not in texts  # slots are not structure
    assert ("messages[1].tool_calls[0].function.arguments.<key>", "key", LONG + "arg") in found
    assert ("tools[0].function.parameters.properties.<key>", "key", LONG + "prop") in found
    assert ("messages[2].tool_call_id", "value", LONG + "id") in found
    assert ("tools[0].function.parameters.properties.zqstructuremarkerprop.enum[0]", "value", LONG + "enum") in found


def test_skips_tools_when_caller_checked_them_already() -> None:
    texts = [s.text for s in iter_structure_strings(tool_record(), C, skip_tools=True)]
    assert LONG + "enum" not in texts and LONG + "id" in texts


def test_never_names_the_key_itself_when_a_key_is_listed() -> None:
    record = {"messages": [{"role": "assistant", "tool_calls": [
        {"id": "c", "type": "function", "function": {"name": "f", "arguments": json.dumps({LONG: {LONG: "x"}})}}]}]}
    keys = [s for s in iter_structure_strings(record, C) if s.kind == "key"]
    assert keys[0].path == "messages[0].tool_calls[0].function.arguments.<key>" and LONG not in keys[0].path


def test_lists_image_text_when_image_data_carries_text() -> None:
    image = {"type": "image_url", "image_url": {"url": data_url(png([(b"tEXt", b"Comment\x00" + LONG.encode())]))}}
    record = {"messages": [{"role": "user", "content": [{"type": "text", "text": "see"}, image]}]}
    [(path, kind, text)] = structure(record)
    assert (path, kind) == ("messages[0].content[1].image_url.url", "image") and LONG in text


def test_lists_nothing_when_strings_are_schema_words_or_short() -> None:
    record = {"messages": [{"role": "user", "content": "a long enough content text"},
                           {"role": "assistant", "content": "another long text", "weight": 1}]}
    assert structure(record) == []
    assert structure({"prompt": "a long prompt text", "completion": "a long completion"}, I) == []
    assert structure({"text": "a long text record"}, T) == []


def test_renders_paths_with_indexes_and_masks() -> None:
    where = ((((None, "messages"), 2), "tool_calls"), 0)
    assert render_path(where) == "messages[2].tool_calls[0]"
    assert render_path(((None, "tools"), "<key>")) == "tools.<key>"
    assert render_path(((None, "tools"), "not an identifier!")) == "tools.<key>"


# Every string of a record is a slot or structure, never both -----------------------------------------

KEYS = st.sampled_from(["role", "content", "text", "type", "description", "reasoning", "name", "id",
                        "arguments", "function", "tool_calls", "image_url", "url", "enum", LONG, LONG + "x"])
STRINGS = st.sampled_from(["user", "assistant", "text", "function", "short", LONG, LONG + " value", LONG + "1"])
JSON = st.recursive(
    STRINGS | st.integers() | st.none(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEYS, inner, max_size=4),
    max_leaves=12,
)


@st.composite
def records(draw: st.DrawFn) -> tuple[dict, RecordFormat]:
    fmt = draw(st.sampled_from([C, I, T, P]))
    messages = draw(st.lists(st.dictionaries(KEYS, JSON, max_size=5), max_size=4))
    for message in messages:  # tool calls with JSON arguments, as validation lets through
        if draw(st.booleans()):
            arguments = json.dumps(draw(JSON)) if draw(st.booleans()) else "not json " + LONG
            message["tool_calls"] = [{"id": LONG, "type": "function", "function": {"name": LONG, "arguments": arguments}}]
    top = {C: {"messages": messages, "tools": draw(JSON)}, I: {"prompt": draw(JSON), "completion": draw(JSON)},
           T: {"text": draw(JSON)},
           P: {"input": {"messages": messages, "tools": draw(JSON)}, "preferred_output": messages}}[fmt]
    return top | draw(st.dictionaries(KEYS, JSON, max_size=2)), fmt


def kept(text: str) -> bool:
    return len(text) >= MIN_STRUCTURE_CHARS and text not in SCHEMA_WORDS


def every_string(record: dict) -> tuple[Counter, Counter]:
    """(values, keys) of the whole record, arguments of tool calls read as the JSON they hold."""
    values: Counter = Counter()
    keys: Counter = Counter()
    stack: list[Any] = [record]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            keys.update(k for k in node if len(k) >= MIN_STRUCTURE_CHARS and k not in SCHEMA_KEYS)
            for k, v in node.items():
                if k == "arguments" and isinstance(v, str) and "name" in node:
                    try:
                        stack.append(json.loads(v))
                    except json.JSONDecodeError:
                        if kept(v):  # not JSON: the whole text is a slot (short ones are not listed)
                            values[v] += 1
                    continue
                stack.append(v)
        elif isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, str) and kept(node):
            values[node] += 1
    return values, keys


@settings(max_examples=300, deadline=None)
@given(records())
def test_lists_every_non_slot_string_exactly_once_when_record_has_any_shape(drawn: tuple[dict, RecordFormat]) -> None:
    record, fmt = drawn
    values, keys = every_string(record)
    listed = iter_structure_strings(record, fmt)
    slots = Counter(text for text in slot_texts(record, fmt) if kept(text))
    assert Counter(s.text for s in listed if s.kind == "key") == keys
    assert Counter(s.text for s in listed if s.kind == "value") + slots == values
