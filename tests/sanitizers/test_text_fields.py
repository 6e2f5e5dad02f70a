"""Tests for sanitizers.text_fields: which places of a record are text, and putting new texts back."""

import copy
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanitizers.text_fields import apply_replacements, iter_text_slots, slot_texts
from schemas.formats import RecordFormat

C, I, T, P = RecordFormat.CONVERSATIONAL, RecordFormat.INSTRUCTION, RecordFormat.TEXT, RecordFormat.PREFERENCE
IMAGE = {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo="}}
PARAMS = {
    "type": "object",
    "properties": {"city": {"type": "string", "description": "City name", "enum": ["Oslo"]}},
    "required": ["city"],
}
ARGS = json.dumps({"city": "Oslo", "items": ["a", {"note": "b"}], "n": 3, "ok": True, "none": None})
TOOL_RECORD = {
    "messages": [
        {"role": "system", "content": "sys"},
        {"role": "user", "content": [{"type": "text", "text": "look"}, IMAGE]},
        {"role": "assistant", "reasoning": "think", "content": None, "tool_calls": [
            {"id": "call_1", "type": "function", "function": {"name": "weather", "arguments": ARGS}}]},
        {"role": "tool", "tool_call_id": "call_1", "content": "sunny"},
        {"role": "assistant", "content": "It is sunny", "reasoning_content": "easy", "weight": 1},
    ],
    "tools": [{"type": "function", "function": {"name": "weather", "description": "Get weather",
                                                "parameters": PARAMS}}],
}
TOOL_SLOTS = [
    ("messages[0].content", "system", "text", "sys"),
    ("messages[1].content[0].text", "user", "text", "look"),
    ("messages[2].reasoning", "assistant", "text", "think"),
    ("messages[2].tool_calls[0].function.arguments.city", "assistant", "json_value", "Oslo"),
    ("messages[2].tool_calls[0].function.arguments.items[0]", "assistant", "json_value", "a"),
    ("messages[2].tool_calls[0].function.arguments.items[1].note", "assistant", "json_value", "b"),
    ("messages[3].content", "tool", "text", "sunny"),
    ("messages[4].content", "assistant", "text", "It is sunny"),
    ("messages[4].reasoning_content", "assistant", "text", "easy"),
    ("tools[0].function.description", None, "text", "Get weather"),
    ("tools[0].function.parameters.properties.city.description", None, "text", "City name"),
]
PREFERENCE = {
    "input": {"messages": [{"role": "user", "content": "q"}], "tools": [
        {"type": "function", "function": {"name": "f", "description": "does f"}}]},
    "preferred_output": [{"role": "assistant", "content": "good"}],
    "non_preferred_output": [{"role": "assistant", "content": "bad"}],
}


def view(record: dict, fmt: RecordFormat) -> list[tuple]:
    return [(s.path, s.role, s.kind, s.text) for s in iter_text_slots(record, fmt)]


@pytest.mark.parametrize(
    ("record", "fmt", "expected"),
    [
        (TOOL_RECORD, C, TOOL_SLOTS),  # every kind of slot a conversation has
        ({"text": "hello"}, T, [("text", None, "text", "hello")]),
        ({"prompt": "p", "completion": "c", "weight": 1}, I,
         [("prompt", None, "text", "p"), ("completion", None, "text", "c")]),
        ({"prompt": [{"type": "text", "text": "p"}, IMAGE], "completion": [{"type": "text", "text": "c"}]}, I,
         [("prompt[0].text", None, "text", "p"), ("completion[0].text", None, "text", "c")]),  # image skipped
        (PREFERENCE, P, [
            ("input.messages[0].content", "user", "text", "q"),
            ("input.tools[0].function.description", None, "text", "does f"),
            ("preferred_output[0].content", "assistant", "text", "good"),
            ("non_preferred_output[0].content", "assistant", "text", "bad"),
        ]),
        ({"messages": [{"role": "user", "content": [IMAGE]}]}, C, []),  # an image alone holds no text
    ],
)
def test_lists_slots_in_order_when_record_has_text(record: dict, fmt: RecordFormat, expected: list) -> None:
    assert view(record, fmt) == expected


def test_never_lists_identifiers_when_they_hold_text() -> None:
    marker = "zq" + "ident"
    call = {"id": marker, "type": "function", "function": {"name": marker, "arguments": "{}"}}
    record = {"messages": [
        {"role": "user", "content": "q"},
        {"role": "assistant", "content": "", "tool_calls": [call]},
        {"role": "tool", "tool_call_id": marker, "content": "r"},
    ]}
    properties = {marker: {"type": "string", "title": marker}}
    params = {"type": "object", "properties": properties, "required": [marker]}
    record["tools"] = [{"type": "function", "function": {"name": marker, "parameters": params}}]
    assert all(marker not in slot.text for slot in iter_text_slots(record, C))


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ('"just a string"', [("a.arguments", "just a string")]),  # a JSON string value is itself a slot
        ("[1, true, null]", []),  # no strings
        ('{"jane.doe@example.com": "x"}', [("a.arguments.<key>", "x")]),  # data-like keys are masked in paths
        ("not json", [("a.arguments", "not json")]),  # unvalidated input: scanned whole rather than skipped
    ],
)
def test_lists_argument_values_when_arguments_have_given_shape(arguments: str, expected: list) -> None:
    record = {"messages": [{"role": "assistant", "tool_calls": [
        {"id": "c", "type": "function", "function": {"name": "f", "arguments": arguments}}]}]}
    slots = iter_text_slots(record, C)
    found = [(s.path.replace("messages[0].tool_calls[0].function", "a"), s.text) for s in slots]
    assert found == expected


def test_returns_equal_copy_when_texts_are_unchanged() -> None:
    texts = [slot.text for slot in iter_text_slots(TOOL_RECORD, C)]
    result = apply_replacements(TOOL_RECORD, C, texts)
    assert result == TOOL_RECORD and result is not TOOL_RECORD
    assert result["messages"][2]["tool_calls"][0]["function"]["arguments"] == ARGS  # exact text kept


def test_replaces_texts_and_keeps_arguments_json_when_values_change() -> None:
    original = copy.deepcopy(TOOL_RECORD)
    new_texts = [f"<{slot.text}>" for slot in iter_text_slots(TOOL_RECORD, C)]
    result = apply_replacements(TOOL_RECORD, C, new_texts)
    assert TOOL_RECORD == original  # the input is untouched
    arguments = json.loads(result["messages"][2]["tool_calls"][0]["function"]["arguments"])
    assert arguments == {"city": "<Oslo>", "items": ["<a>", {"note": "<b>"}], "n": 3, "ok": True,
                         "none": None}
    assert result["messages"][1]["content"][1] == IMAGE
    assert result["tools"][0]["function"]["parameters"]["properties"]["city"]["enum"] == ["Oslo"]
    assert [s.text for s in iter_text_slots(result, C)] == [f"<{t[3]}>" for t in TOOL_SLOTS]


def test_writes_non_ascii_unescaped_when_arguments_are_re_serialised() -> None:
    record = {"messages": [{"role": "assistant", "tool_calls": [
        {"id": "c", "type": "function", "function": {"name": "f", "arguments": '{"who": "x"}'}}]}]}
    result = apply_replacements(record, C, ["Zoë"])
    assert result["messages"][0]["tool_calls"][0]["function"]["arguments"] == '{"who": "Zoë"}'


def test_raises_value_error_when_text_count_differs_from_slots() -> None:
    with pytest.raises(ValueError, match="1 texts for 11 slots"):
        apply_replacements(TOOL_RECORD, C, ["x"])


def test_walks_without_recursion_error_when_arguments_are_deeply_nested() -> None:
    deep = "[" * 900 + '"leaf"' + "]" * 900
    record = {"messages": [{"role": "assistant", "tool_calls": [
        {"id": "c", "type": "function", "function": {"name": "f", "arguments": deep}}]}]}
    [slot] = iter_text_slots(record, C)
    assert slot.text == "leaf" and slot.path.endswith("arguments" + "[0]" * 900)
    result = apply_replacements(record, C, ["new"])
    assert json.loads(result["messages"][0]["tool_calls"][0]["function"]["arguments"]) == json.loads(
        deep.replace("leaf", "new")
    )


JSON_VALUES = st.recursive(
    st.text(max_size=10) | st.integers() | st.booleans() | st.none(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=20,
)
TEXTS = st.text(max_size=20)


@st.composite
def conversations(draw: st.DrawFn) -> dict:
    messages: list[dict] = [{"role": "user", "content": draw(TEXTS)}]
    for k in range(draw(st.integers(min_value=0, max_value=3))):
        arguments = json.dumps(draw(JSON_VALUES), ensure_ascii=draw(st.booleans()))
        call = {"id": f"c{k}", "type": "function", "function": {"name": "f", "arguments": arguments}}
        messages.append({"role": "assistant", "content": draw(TEXTS), "tool_calls": [call]})
        messages.append({"role": "tool", "tool_call_id": f"c{k}", "content": draw(TEXTS)})
    messages.append({"role": "assistant", "content": [{"type": "text", "text": draw(TEXTS)}, IMAGE]})
    return {"messages": messages}


@settings(max_examples=200, deadline=None)
@given(conversations(), st.sampled_from(["", "x", "[REDACTED]", "ü\n"]))
def test_round_trips_when_texts_are_replaced(record: dict, suffix: str) -> None:
    slots = iter_text_slots(record, C)
    assert apply_replacements(record, C, [s.text for s in slots]) == record
    result = apply_replacements(record, C, [s.text + suffix for s in slots])
    assert [s.text for s in iter_text_slots(result, C)] == [s.text + suffix for s in slots]
    for message in result["messages"]:
        for call in message.get("tool_calls") or []:
            json.loads(call["function"]["arguments"])  # still valid JSON


# Plain messages (the fast path of slot_texts) and near-misses that must take the walker instead.
MESSAGE_VALUES = st.sampled_from(
    ["user", "assistant", "tool", "", "hi", None, 1, [], [{"type": "text", "text": "p"}]]
)
MESSAGES = st.lists(
    st.dictionaries(
        st.sampled_from(["role", "content", "weight", "tool_call_id", "reasoning", "reasoning_content", "x"]),
        MESSAGE_VALUES,
        max_size=4,
    ) | st.sampled_from([None, "text", 3]),
    max_size=5,
)


def walked(record: dict) -> dict:
    """The same record with an empty `tools` list: no more slots, but the general walker lists them."""
    return record | {"tools": []}


@settings(max_examples=300, deadline=None)
@given(MESSAGES, st.sampled_from([{}, {"weight": 1}]))
def test_lists_same_slots_as_walker_when_messages_are_plain_or_not(messages: list, extra: dict) -> None:
    record = {"messages": messages, **extra}
    assert view(record, C) == view(walked(record), C)
    assert slot_texts(record, C) == [s.text for s in iter_text_slots(record, C)]
    new_texts = [f"<{k}>" for k in range(len(slot_texts(record, C)))]
    replaced = apply_replacements(record, C, new_texts)
    assert json.dumps(walked(replaced)) == json.dumps(apply_replacements(walked(record), C, new_texts))


def test_lists_paths_and_roles_when_chat_is_plain() -> None:
    record = {"messages": [
        {"role": "system", "content": "s"},
        {"role": "user", "content": "q", "weight": 0},
        {"role": "assistant", "content": None},
        {"role": "tool", "tool_call_id": "c", "content": "r"},
    ]}
    assert view(record, C) == [
        ("messages[0].content", "system", "text", "s"),
        ("messages[1].content", "user", "text", "q"),
        ("messages[3].content", "tool", "text", "r"),
    ]
    result = apply_replacements(record, C, ["S", "q", "R"])
    assert [m["content"] for m in result["messages"]] == ["S", "q", None, "R"]
    assert record["messages"][0]["content"] == "s"  # the input is left alone


def test_raises_value_error_when_text_count_differs_from_plain_slots() -> None:
    with pytest.raises(ValueError, match="got 1 texts for 2 slots"):
        apply_replacements({"messages": [{"role": "user", "content": "a"}, {"content": "b"}]}, C, ["x"])


@pytest.mark.parametrize(
    ("record", "fmt"),
    [
        (TOOL_RECORD, C),  # every kind of slot: the walker
        ({"messages": [{"role": "user", "content": "q"}, {"role": "assistant", "content": "a", "weight": 0}]},
         C),
        ({"messages": "not a list"}, C),
        ({"text": "hello"}, T),
        ({"prompt": [{"type": "text", "text": "p"}, IMAGE], "completion": "c"}, I),
        (PREFERENCE, P),
    ],
)
def test_lists_slot_texts_in_slot_order_when_record_has_any_format(record: dict, fmt: RecordFormat) -> None:
    assert slot_texts(record, fmt) == [s.text for s in iter_text_slots(record, fmt)]


@settings(max_examples=100, deadline=None)
@given(conversations())
def test_lists_slot_texts_when_conversation_has_tool_calls(record: dict) -> None:
    assert slot_texts(record, C) == [s.text for s in iter_text_slots(record, C)]
