"""Tests for schemas.records: format detection; shape and rules of conversational, instruction, text."""

import base64

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from schemas.formats import RecordFormat
from schemas.problems import Problem
from schemas.reasons import Reason
from schemas.records import detect_format, is_plain_chat, rule_problem, shape_problems

C, I, T, P = RecordFormat.CONVERSATIONAL, RecordFormat.INSTRUCTION, RecordFormat.TEXT, RecordFormat.PREFERENCE
CHAT = [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}]
PNG_URL = "data:image/png;base64," + base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\x00" * 8).decode()


def first_problem(record: dict, fmt: RecordFormat) -> Problem | None:
    shape = shape_problems(record, fmt)
    return shape[0][0] if shape else rule_problem(record, fmt)


def image_part() -> dict:
    return {"type": "image_url", "image_url": {"url": PNG_URL}}


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ({"messages": []}, C),
        ({"messages": [], "tools": []}, C),
        ({"prompt": "a", "completion": "b"}, I),
        ({"prompt": "a"}, I),  # one of the pair is enough to know the format (the shape check names the gap)
        ({"text": "a", "weight": 1}, T),
        ({"input": {}, "preferred_output": [], "non_preferred_output": []}, P),
        ({"preferred_output": []}, P),
    ],
)
def test_detects_format_when_marker_keys_are_present(record: dict, expected: RecordFormat) -> None:
    assert detect_format(record) == expected


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ({}, Reason.UNKNOWN_FORMAT),
        ({"weight": 1}, Reason.UNKNOWN_FORMAT),  # weight alone marks no format
        ({"tools": []}, Reason.UNKNOWN_FORMAT),  # nor do tools
        ({"Messages": []}, Reason.UNKNOWN_FORMAT),  # keys are case sensitive
        ({"text": "a", "messages": []}, Reason.AMBIGUOUS_FORMAT),
        ({"prompt": "a", "completion": "b", "text": "c"}, Reason.AMBIGUOUS_FORMAT),
        ({"messages": [], "input": {}}, Reason.AMBIGUOUS_FORMAT),
    ],
)
def test_reports_problem_when_format_is_unknown_or_ambiguous(record: dict, reason: Reason) -> None:
    found = detect_format(record)
    assert isinstance(found, Problem) and found.reason is reason and found.field == ""


VALID = [
    ({"messages": CHAT}, C),
    ({"messages": CHAT, "weight": 0.5}, C),  # sample weight
    ({"messages": CHAT, "weight": 0}, C),
    ({"messages": CHAT, "weight": 3}, C),  # an int is a number
    ({"messages": CHAT, "tools": [{"type": "function", "function": {"name": "f"}}]}, C),
    ({"messages": CHAT, "tools": [{"type": "function", "function": {
        "name": "f", "description": "d", "parameters": {"type": "object", "properties": {}}}}]}, C),
    ({"messages": [{"role": "user", "content": [{"type": "text", "text": "see"}, image_part()]},
                   {"role": "assistant", "content": [{"type": "text", "text": "a cat"}]}]}, C),  # vision
    ({"prompt": "a", "completion": "b"}, I),
    ({"prompt": "a", "completion": "b", "weight": 2.5}, I),
    ({"prompt": [{"type": "text", "text": "what is it?"}, image_part()],
      "completion": [{"type": "text", "text": "a cat"}]}, I),  # image in the prompt
    ({"text": "some text"}, T),
    ({"text": "some text", "weight": 1}, T),
]


@pytest.mark.parametrize(("record", "fmt"), VALID)
def test_accepts_record_when_it_fits_its_format(record: dict, fmt: RecordFormat) -> None:
    assert first_problem(record, fmt) is None


INVALID = [
    # (record, format, reason, field)
    ({"messages": CHAT, "id": 7}, C, Reason.UNKNOWN_FIELD, "id"),  # top-level extra key
    ({"messages": CHAT, "metadata": {}}, C, Reason.UNKNOWN_FIELD, "metadata"),
    ({"messages": "hi"}, C, Reason.SCHEMA_ERROR, "messages"),
    ({"messages": CHAT, "weight": -0.5}, C, Reason.INVALID_WEIGHT, "weight"),
    ({"messages": CHAT, "weight": True}, C, Reason.INVALID_WEIGHT, "weight"),  # bool is not a number here
    ({"messages": CHAT, "weight": "1"}, C, Reason.INVALID_WEIGHT, "weight"),
    ({"messages": CHAT, "weight": 10**400}, C, Reason.INVALID_WEIGHT, "weight"),  # beyond a float
    ({"messages": CHAT, "tools": {}}, C, Reason.SCHEMA_ERROR, "tools"),
    ({"messages": CHAT, "tools": [{"type": "retrieval", "function": {"name": "f"}}]}, C, Reason.SCHEMA_ERROR,
     "tools[0].type"),
    ({"messages": CHAT, "tools": [{"type": "function", "function": {"description": "d"}}]}, C,
     Reason.SCHEMA_ERROR, "tools[0].function.name"),
    ({"messages": CHAT, "tools": [{"type": "function", "function": {"name": "f", "parameters": []}}]}, C,
     Reason.SCHEMA_ERROR, "tools[0].function.parameters"),
    ({"messages": CHAT, "tools": [{"type": "function", "function": {"name": "f", "strict": True}}]}, C,
     Reason.UNKNOWN_FIELD, "tools[0].function.strict"),
    ({"messages": [{"role": "user", "content": [{"type": "audio", "data": "x"}]}, CHAT[1]]}, C,
     Reason.SCHEMA_ERROR, "messages[0].content[0]"),  # unknown part type
    ({"messages": [{"role": "user", "content": [{"type": "text", "text": "x", "lang": "en"}]}, CHAT[1]]}, C,
     Reason.UNKNOWN_FIELD, "messages[0].content[0].lang"),
    ({"messages": [{"role": "user", "content": [{"type": "image_url", "image_url": "u"}]}, CHAT[1]]}, C,
     Reason.INVALID_IMAGE, "messages[0].content[0].image_url"),  # image_url must be an object
    ({"messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": PNG_URL,
        "detail": "low"}}]}, CHAT[1]]}, C, Reason.UNKNOWN_FIELD, "messages[0].content[0].image_url.detail"),
    ({"messages": [{"role": "user", "content": [{"type": "text", "text": "hi"}]},
                   {"role": "assistant", "content": [image_part()]}]}, C, Reason.INVALID_IMAGE,
     "messages[1].content[0]"),  # images only in user messages
    ({"messages": [{"role": "user", "content": [image_part()] * 11}, CHAT[1]]}, C, Reason.TOO_MANY_IMAGES,
     "messages[0].content[10]"),
    ({"prompt": "a"}, I, Reason.SCHEMA_ERROR, "completion"),  # half of the pair
    ({"prompt": "a", "completion": 5}, I, Reason.SCHEMA_ERROR, "completion"),
    ({"prompt": "", "completion": "b"}, I, Reason.EMPTY_CONTENT, "prompt"),
    ({"prompt": "a", "completion": " "}, I, Reason.EMPTY_CONTENT, "completion"),
    ({"prompt": "a", "completion": [{"type": "text", "text": "b"}]}, I, Reason.MIXED_CONTENT, "completion"),
    ({"prompt": [{"type": "text", "text": "a"}], "completion": [image_part()]}, I, Reason.INVALID_IMAGE,
     "completion[0]"),  # the completion is the model's side: no images
    ({"prompt": "a", "completion": "b", "system": "s"}, I, Reason.UNKNOWN_FIELD, "system"),
    ({"prompt": "a", "completion": "b", "weight": -1}, I, Reason.INVALID_WEIGHT, "weight"),
    ({"text": ""}, T, Reason.EMPTY_CONTENT, "text"),
    ({"text": "\n \t"}, T, Reason.EMPTY_CONTENT, "text"),
    ({"text": ["a"]}, T, Reason.SCHEMA_ERROR, "text"),  # text must be a string, not parts
    ({"text": None}, T, Reason.SCHEMA_ERROR, "text"),
    ({"text": "a", "source": "web"}, T, Reason.UNKNOWN_FIELD, "source"),
    ({"text": "a", "jane.doe@example.com": 1}, T, Reason.UNKNOWN_FIELD, "<key>"),  # data-like key masked
]


@pytest.mark.parametrize(("record", "fmt", "reason", "field"), INVALID)
def test_rejects_record_with_exact_reason_when_it_breaks_its_format(
    record: dict, fmt: RecordFormat, reason: Reason, field: str
) -> None:
    found = first_problem(record, fmt)
    assert found is not None
    assert (found.reason, found.field) == (reason, field)


SYSTEM = {"role": "system", "content": "be brief"}


@pytest.mark.parametrize(
    ("record", "plain"),
    [
        ({"messages": CHAT}, True),
        ({"messages": [SYSTEM, *CHAT, *CHAT]}, True),
        ({"messages": [SYSTEM, CHAT[0], CHAT[1], CHAT[1] | {"role": "user"}]}, True),  # may end on user
        # near-misses: valid but not plain (the full check decides), or invalid
        ({"messages": [CHAT[0], CHAT[1] | {"weight": 0}]}, True),  # a message weight
        ({"messages": [CHAT[0] | {"weight": 1}, CHAT[1] | {"weight": 1}]}, True),
        ({"messages": CHAT, "weight": 1}, False),  # a second key
        ({"messages": [CHAT[0], CHAT[1] | {"weight": 2}]}, False),  # weight out of range
        ({"messages": [CHAT[0], CHAT[1] | {"weight": True}]}, False),  # a bool is no weight
        ({"messages": [CHAT[0], CHAT[1] | {"weight": "1"}]}, False),
        ({"messages": [CHAT[0], CHAT[1] | {"weight": 1.0}]}, False),
        ({"messages": [CHAT[0], CHAT[1] | {"name": "a"}]}, False),  # a third message key
        ({"messages": [CHAT[0], {"role": "assistant", "weight": 1, "name": "a"}]}, False),
        ({"messages": [CHAT[0], {"role": "assistant", "content": [{"type": "text", "text": "a"}]}]}, False),
        ({"messages": []}, False),
        ({"messages": [CHAT[0]]}, False),  # no assistant
        ({"messages": [CHAT[1], CHAT[0]]}, False),  # assistant first
        ({"messages": [CHAT[0], CHAT[0], CHAT[1]]}, False),  # user twice
        ({"messages": [*CHAT, CHAT[1]]}, False),  # assistant twice
        ({"messages": [CHAT[0], SYSTEM, CHAT[1]]}, False),  # system after the first turn
        ({"messages": [SYSTEM, SYSTEM, *CHAT]}, False),
        ({"messages": [CHAT[0], {"role": "assistant", "content": " \n"}]}, False),  # blank content
        ({"messages": [{"role": "tool", "content": "r"}, CHAT[1]]}, False),
        ({"messages": [{"role": "User", "content": "q"}, CHAT[1]]}, False),
        ({"messages": [{"role": "user", "text": "q"}, CHAT[1]]}, False),
        ({"messages": [{"role": 1, "content": "q"}, CHAT[1]]}, False),
        ({"messages": [["user", "q"], CHAT[1]]}, False),
        ({"messages": "hi"}, False),
        ({"prompt": "a"}, False),
    ],
)
def test_says_plain_only_when_record_is_a_valid_plain_chat(record: dict, plain: bool) -> None:
    assert is_plain_chat(record) is plain
    if plain:
        assert detect_format(record) is C and first_problem(record, C) is None


ROLE = st.sampled_from(["system", "user", "assistant", "tool", "User", None, 1])
CONTENT = st.sampled_from(["hi", " ", "", None, 0, [{"type": "text", "text": "t"}], "\u2003"])


@st.composite
def chat_like(draw: st.DrawFn) -> dict:
    """A valid plain chat, then (mostly) one change that may or may not break it."""
    turns = draw(st.integers(min_value=1, max_value=5))
    messages: list = [SYSTEM] if draw(st.booleans()) else []
    messages += [{"role": ("user", "assistant")[k % 2], "content": "hi"} for k in range(turns)]
    record: dict = {"messages": messages}
    change = draw(st.sampled_from(["none", "role", "content", "add key", "drop key", "message", "record"]))
    k = draw(st.integers(min_value=0, max_value=len(messages) - 1))
    if change == "role":
        messages[k] = messages[k] | {"role": draw(ROLE)}
    elif change == "content":
        messages[k] = messages[k] | {"content": draw(CONTENT)}
    elif change == "add key":
        key = draw(st.sampled_from(["weight", "name", "tool_call_id"]))
        messages[k] = messages[k] | {key: draw(st.sampled_from([0, 1, 2, -1, True, 1.0, "1", None]))}
    elif change == "drop key":
        dropped = draw(st.sampled_from(["role", "content"]))
        messages[k] = {key: v for key, v in messages[k].items() if key != dropped}
    elif change == "message":
        messages.insert(k, draw(st.sampled_from([None, "m", [], SYSTEM, CHAT[0], CHAT[1]])))
    elif change == "record":
        record[draw(st.sampled_from(["weight", "tools", "text"]))] = draw(st.sampled_from([1, [], "t"]))
    return record


@settings(max_examples=500, deadline=None)
@given(chat_like())
def test_agrees_with_full_check_when_record_is_chat_like(record: dict) -> None:
    if is_plain_chat(record):
        assert detect_format(record) is C and first_problem(record, C) is None
    elif detect_format(record) is C and first_problem(record, C) is None:
        # valid but not plain: only shapes the fast path leaves to the full check on purpose
        plain_shape = set(record) == {"messages"} and all(
            isinstance(m, dict) and set(m) - {"weight"} == {"role", "content"}
            and isinstance(m["content"], str)
            for m in record["messages"]
        )
        assert not plain_shape
