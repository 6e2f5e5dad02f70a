"""Preference (DPO) records: an input conversation and one preferred and one non-preferred answer."""

from typing import Annotated, Any

from pydantic import Field

from schemas.content import ContentTally
from schemas.messages import Message, ToolDef, check_message_fields, check_messages
from schemas.problems import Problem, problem
from schemas.reasons import Reason
from schemas.strict_model import SampleWeight, StrictModel

OUTPUT_KEYS = ("preferred_output", "non_preferred_output")


class PreferenceInput(StrictModel):
    """`{"messages": [...], "tools"?: [...]}`: the conversation both answers reply to."""

    messages: Annotated[list[Message], Field(min_length=1)]
    tools: list[ToolDef] | None = None


class PreferenceRecord(StrictModel):
    """`{"input": {...}, "preferred_output": [msg], "non_preferred_output": [msg], "weight"?: number}`."""

    input: PreferenceInput
    # Exactly one message each; a length error maps to invalid_preference (schemas.problems.reason_for).
    preferred_output: Annotated[list[Message], Field(min_length=1, max_length=1)]
    non_preferred_output: Annotated[list[Message], Field(min_length=1, max_length=1)]
    weight: SampleWeight = 1.0


def check_preference(record: dict[str, Any]) -> Problem | None:
    """Check a shape-valid preference record: input conversation rules, then both answers."""
    tally = ContentTally()
    messages = record["input"]["messages"]
    found = check_messages(messages, "input.messages", tally, require_assistant=False)
    if found is not None:
        return found
    if messages[-1]["role"] == "assistant":
        return problem(
            Reason.INVALID_PREFERENCE,
            f"input.messages[{len(messages) - 1}].role",
            "is assistant but the last input message must not be from the assistant",
            "end the input with the message both answers reply to",
        )
    for key in OUTPUT_KEYS:
        answer = record[key][0]
        if answer["role"] != "assistant":
            return problem(
                Reason.INVALID_PREFERENCE,
                f"{key}[0].role",
                "must be assistant",
                "make each output exactly one assistant message",
            )
        found = check_message_fields(answer, f"{key}[0]", tally)
        if found is not None:
            return found
    return None
