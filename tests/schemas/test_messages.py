"""Tests for schemas.messages: role order, per-role fields, tool calls and tool results, message weights."""

import json

import pytest

from schemas.formats import RecordFormat
from schemas.problems import Problem
from schemas.reasons import Reason
from schemas.records import rule_problem, shape_problems


def first_problem(messages: list[dict]) -> Problem | None:
    record = {"messages": messages}
    shape = shape_problems(record, RecordFormat.CONVERSATIONAL)
    return shape[0][0] if shape else rule_problem(record, RecordFormat.CONVERSATIONAL)


def sys(text: str = "be brief") -> dict:
    return {"role": "system", "content": text}


def user(text: str = "hi") -> dict:
    return {"role": "user", "content": text}


def bot(text: str | None = "hello", **extra: object) -> dict:
    message: dict = {"role": "assistant"}
    if text is not None:
        message["content"] = text
    return message | extra


def call(call_id: str = "c1", arguments: object = '{"city": "Oslo"}', **extra: object) -> dict:
    function = {"name": "weather", "arguments": arguments}
    return {"id": call_id, "type": "function", "function": function} | extra


def tool(call_id: str = "c1", text: str = "sunny") -> dict:
    return {"role": "tool", "tool_call_id": call_id, "content": text}


VALID = [
    [user(), bot()],  # the smallest conversation
    [sys(), user(), bot()],  # with a system prompt
    [user(), bot(), user(), bot()],  # several turns
    [user(), bot(), user()],  # may end on the user
    [user(), bot(None, tool_calls=[call()]), tool(), bot()],  # tool call without content
    [user(), bot("", tool_calls=[call()]), tool(), bot()],  # empty content beside tool calls
    [user(), bot(None, tool_calls=[call("a"), call("b")]), tool("a"), tool("b"), bot()],  # parallel calls
    [user(), bot(None, tool_calls=[call()]), tool(), user("thanks"), bot()],  # user after tool results
    [user(), bot(None, tool_calls=[call()])],  # ending on the call itself
    [user(), bot(None, tool_calls=None, content="x")],  # tool_calls: null, as OpenAI exports write it
    [user(), bot(weight=0), user(), bot(weight=1)],  # message weights 0 and 1
    [user(), bot(reasoning="step 1")],  # chain of thought
    [user(), bot(reasoning_content="step 1")],
    [user(), bot(None, tool_calls=[call(arguments="[1, 2]")]), tool(), bot()],  # any JSON value as arguments
]


@pytest.mark.parametrize("messages", VALID)
def test_accepts_conversation_when_roles_and_fields_are_legal(messages: list[dict]) -> None:
    assert first_problem(messages) is None


TOOL_CALL = Reason.INVALID_TOOL_CALL

INVALID = [
    # (messages, reason, field)
    ([bot(), user()], Reason.ROLE_ORDER, "messages[0].role"),  # starts with the assistant
    ([tool(), bot()], Reason.ROLE_ORDER, "messages[0].role"),
    ([user(), sys(), bot()], Reason.ROLE_ORDER, "messages[1].role"),  # system after the start
    ([user(), user(), bot()], Reason.ROLE_ORDER, "messages[1].role"),  # two users in a row
    ([user(), bot(), bot()], Reason.ROLE_ORDER, "messages[2].role"),
    ([sys(), sys(), user(), bot()], Reason.ROLE_ORDER, "messages[1].role"),
    ([user(), bot(), tool()], Reason.ROLE_ORDER, "messages[2].role"),  # tool without a tool call before it
    ([user(), tool(), bot()], Reason.ROLE_ORDER, "messages[1].role"),
    ([user(), bot(None, tool_calls=[call()]), bot()], Reason.ROLE_ORDER, "messages[2].role"),
    ([user()], Reason.NO_ASSISTANT, "messages"),
    ([sys(), user()], Reason.NO_ASSISTANT, "messages"),
    ([{"role": "bot", "content": "x"}, bot()], Reason.INVALID_ROLE, "messages[0].role"),
    ([{"role": "User", "content": "x"}, bot()], Reason.INVALID_ROLE, "messages[0].role"),  # case matters
    ([{"content": "x"}, bot()], Reason.INVALID_ROLE, "messages[0].role"),  # role missing
    ([{"role": 1, "content": "x"}, bot()], Reason.INVALID_ROLE, "messages[0].role"),
    ([user(""), bot()], Reason.EMPTY_CONTENT, "messages[0].content"),
    ([user(), bot("  ")], Reason.EMPTY_CONTENT, "messages[1].content"),
    ([user(), bot(None)], Reason.EMPTY_CONTENT, "messages[1].content"),  # no content and no tool calls
    ([user(), bot(None, tool_calls=[])], Reason.EMPTY_CONTENT, "messages[1].content"),
    ([{"role": "user"}, bot()], Reason.EMPTY_CONTENT, "messages[0].content"),
    ([user(), bot(None, tool_calls=[call()]), tool(text=""), bot()], Reason.EMPTY_CONTENT,
     "messages[2].content"),
    ([user(), bot("a"), {"role": "user", "content": [{"type": "text", "text": "b"}]}, bot()],
     Reason.MIXED_CONTENT, "messages[2].content"),
    ([user(), bot(None, tool_calls=[call(arguments="{city")]), tool(), bot()],
     Reason.INVALID_TOOL_CALL, "messages[1].tool_calls[0].function.arguments"),  # not JSON
    ([user(), bot(None, tool_calls=[call(arguments='{"a": NaN}')])],
     Reason.INVALID_TOOL_CALL, "messages[1].tool_calls[0].function.arguments"),
    ([user(), bot(None, tool_calls=[call(arguments={"city": "Oslo"})])],
     Reason.INVALID_TOOL_CALL, "messages[1].tool_calls[0].function.arguments"),  # an object, not a JSON text
    ([user(), bot(None, tool_calls=[call(type="code")])], TOOL_CALL, "messages[1].tool_calls[0].type"),
    ([user(), bot(None, tool_calls=[{"type": "function", "function": {"name": "f", "arguments": "{}"}}])],
     Reason.INVALID_TOOL_CALL, "messages[1].tool_calls[0].id"),  # id missing
    ([user(), bot(None, tool_calls=[call("a"), call("a")])], TOOL_CALL, "messages[1].tool_calls[1].id"),
    ([user(), bot(None, tool_calls={"id": "c1"})], Reason.INVALID_TOOL_CALL, "messages[1].tool_calls"),
    ([user(), bot(None, tool_calls=[call()]), {"role": "tool", "content": "x"}, bot()],
     Reason.INVALID_TOOL_CALL, "messages[2].tool_call_id"),  # tool result without tool_call_id
    ([user(), bot(None, tool_calls=[call("a")]), tool("b"), bot()], TOOL_CALL, "messages[2].tool_call_id"),
    ([user(), bot(None, tool_calls=[call("a")]), tool("a"), tool("a"), bot()],
     Reason.INVALID_TOOL_CALL, "messages[3].tool_call_id"),  # the same call answered twice
    ([{"role": "user", "content": "x", "tool_calls": [call()]}, bot()], TOOL_CALL, "messages[0].tool_calls"),
    ([{"role": "user", "content": "x", "tool_call_id": "c1"}, bot()], TOOL_CALL, "messages[0].tool_call_id"),
    ([user(), bot(weight=2)], Reason.INVALID_WEIGHT, "messages[1].weight"),
    ([user(), bot(weight=True)], Reason.INVALID_WEIGHT, "messages[1].weight"),  # a bool is not an int here
    ([user(), bot(weight=1.0)], Reason.INVALID_WEIGHT, "messages[1].weight"),  # nor is a float
    ([user(), bot(weight=-1)], Reason.INVALID_WEIGHT, "messages[1].weight"),
    ([user(), bot(weight=None)], Reason.INVALID_WEIGHT, "messages[1].weight"),
    ([user(), bot(weight="1")], Reason.INVALID_WEIGHT, "messages[1].weight"),
    ([{"role": "user", "content": "x", "reasoning": "r"}, bot()], Reason.SCHEMA_ERROR,
     "messages[0].reasoning"),  # reasoning is the assistant's
    ([user(), bot(reasoning=5)], Reason.SCHEMA_ERROR, "messages[1].reasoning"),
    ([user(), bot(5)], Reason.SCHEMA_ERROR, "messages[1].content"),  # content neither string nor list
    ([user(), bot(name="helper")], Reason.UNKNOWN_FIELD, "messages[1].name"),  # not in Together's format
    (["hi", bot()], Reason.SCHEMA_ERROR, "messages[0]"),  # a message that is not an object
    ([], Reason.SCHEMA_ERROR, "messages"),  # no messages at all
]


@pytest.mark.parametrize(("messages", "reason", "field"), INVALID)
def test_rejects_conversation_with_exact_reason_when_rule_is_broken(
    messages: list[dict], reason: Reason, field: str
) -> None:
    found = first_problem(messages)
    assert found is not None
    assert (found.reason, found.field) == (reason, field)
    assert found.message.startswith(field or "the line")


def test_message_names_no_value_when_role_is_unknown() -> None:
    canary = "zq" + "canary" + "5521"
    found = first_problem([{"role": canary, "content": canary}, bot()])
    assert found is not None and canary not in found.message and canary not in found.field


def test_accepts_arguments_when_they_hold_nested_json() -> None:
    arguments = json.dumps({"filters": [{"field": "city", "value": "Oslo"}], "limit": 3})
    assert first_problem([user(), bot(None, tool_calls=[call(arguments=arguments)]), tool(), bot()]) is None
