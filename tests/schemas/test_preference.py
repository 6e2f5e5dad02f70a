"""Tests for schemas.preference: DPO records, their input conversation and their two answers."""

import pytest

from schemas.formats import RecordFormat
from schemas.problems import Problem
from schemas.reasons import Reason
from schemas.records import rule_problem, shape_problems

USER = {"role": "user", "content": "question"}
GOOD = {"role": "assistant", "content": "good answer"}
BAD = {"role": "assistant", "content": "bad answer"}


def record(**changes: object) -> dict:
    base = {"input": {"messages": [USER]}, "preferred_output": [GOOD], "non_preferred_output": [BAD]}
    return base | changes


def first_problem(rec: dict) -> Problem | None:
    shape = shape_problems(rec, RecordFormat.PREFERENCE)
    return shape[0][0] if shape else rule_problem(rec, RecordFormat.PREFERENCE)


VALID = [
    record(),
    record(weight=0.5),
    record(input={"messages": [{"role": "system", "content": "s"}, USER]}),
    record(input={"messages": [USER, {"role": "assistant", "content": "a"}, USER]}),  # multi-turn input
    record(input={"messages": [USER], "tools": [{"type": "function", "function": {"name": "f"}}]}),
    # an answer that is a tool call
    record(preferred_output=[{"role": "assistant", "content": "", "tool_calls": [
        {"id": "c", "type": "function", "function": {"name": "f", "arguments": "{}"}}]}]),
]


@pytest.mark.parametrize("rec", VALID)
def test_accepts_preference_when_record_is_well_formed(rec: dict) -> None:
    assert first_problem(rec) is None


INVALID = [
    # (record, reason, field)
    (record(preferred_output=[]), Reason.INVALID_PREFERENCE, "preferred_output"),  # zero answers
    (record(non_preferred_output=[BAD, BAD]), Reason.INVALID_PREFERENCE, "non_preferred_output"),  # two
    (record(preferred_output=GOOD), Reason.INVALID_PREFERENCE, "preferred_output"),  # not a list of one
    (record(preferred_output=[USER]), Reason.INVALID_PREFERENCE, "preferred_output[0].role"),
    (record(non_preferred_output=[{"role": "tool", "tool_call_id": "c", "content": "x"}]),
     Reason.INVALID_PREFERENCE, "non_preferred_output[0].role"),
    # the input ends on the assistant
    (record(input={"messages": [USER, GOOD]}), Reason.INVALID_PREFERENCE, "input.messages[1].role"),
    (record(input={"messages": []}), Reason.SCHEMA_ERROR, "input.messages"),
    (record(input={"messages": [USER], "extra": 1}), Reason.UNKNOWN_FIELD, "input.<key>"),  # not our word: masked
    (record(input=[USER]), Reason.SCHEMA_ERROR, "input"),
    (record(input={"messages": [GOOD, USER]}), Reason.ROLE_ORDER, "input.messages[0].role"),
    (record(input={"messages": [USER, USER]}), Reason.ROLE_ORDER, "input.messages[1].role"),
    (record(preferred_output=[{"role": "assistant", "content": " "}]), Reason.EMPTY_CONTENT,
     "preferred_output[0].content"),
    (record(non_preferred_output=[{"role": "assistant", "content": [{"type": "text", "text": "x"}]}]),
     Reason.MIXED_CONTENT, "non_preferred_output[0].content"),  # strings in input, a list here
    (record(preferred_output=[{"role": "assistant", "content": "a", "weight": 2}]), Reason.INVALID_WEIGHT,
     "preferred_output[0].weight"),
    (record(weight=-1), Reason.INVALID_WEIGHT, "weight"),
    (record(tools=[]), Reason.UNKNOWN_FIELD, "tools"),  # tools belong inside input
    ({"input": {"messages": [USER]}, "preferred_output": [GOOD]}, Reason.INVALID_PREFERENCE,
     "non_preferred_output"),  # missing answer
    ({"preferred_output": [GOOD], "non_preferred_output": [BAD]}, Reason.SCHEMA_ERROR, "input"),
]


@pytest.mark.parametrize(("rec", "reason", "field"), INVALID)
def test_rejects_preference_with_exact_reason_when_record_is_malformed(
    rec: dict, reason: Reason, field: str
) -> None:
    found = first_problem(rec)
    assert found is not None
    assert (found.reason, found.field) == (reason, field)
