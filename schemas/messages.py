"""Chat messages, tool calls and tool definitions, and the rules a list of messages must follow.

Shape (pydantic): roles, field types, `weight` an int 0/1, `tool_calls` entries of type "function".
Rules (`check_messages`): who may speak when, which role may carry which field, non-empty content,
tool-call arguments that parse as JSON, and tool results that answer a call that was made.
"""

from typing import Annotated, Any, Literal

from pydantic import Field

from schemas.content import Content, ContentTally, check_content
from schemas.problems import Problem, problem
from schemas.reasons import Reason
from schemas.strict_json import StrictJsonError, loads_strict
from schemas.strict_model import StrictModel

ROLES = ("system", "user", "assistant", "tool")


class FunctionCall(StrictModel):
    """The function an assistant calls; `arguments` is a JSON text."""

    name: str
    arguments: str


class ToolCall(StrictModel):
    """One entry of an assistant's `tool_calls`."""

    id: str
    type: Literal["function"]
    function: FunctionCall


class Message(StrictModel):
    """One chat message; which fields a role may use is checked by `check_messages`."""

    role: Literal["system", "user", "assistant", "tool"]
    content: Content | None = None
    # null is accepted for tool_calls because OpenAI-style exports write it on every assistant message.
    tool_calls: list[ToolCall] | None = None
    tool_call_id: str = ""
    weight: Annotated[int, Field(ge=0, le=1)] = 1
    reasoning: str = ""
    reasoning_content: str = ""


class FunctionDef(StrictModel):
    """A callable function offered to the model; `parameters` is a JSON schema, checked only as an object."""

    name: str
    description: str | None = None
    parameters: dict[str, Any] | None = None


class ToolDef(StrictModel):
    """One entry of a record's `tools`."""

    type: Literal["function"]
    function: FunctionDef


_ASSISTANT_ONLY = ("tool_calls", "reasoning", "reasoning_content")
_ORDER_FIX = "start with system or user, then alternate user and assistant"


def check_messages(
    messages: list[dict[str, Any]], prefix: str, tally: ContentTally, *, require_assistant: bool
) -> Problem | None:
    """Check a shape-valid message list found at `prefix` (e.g. `messages`, `input.messages`)."""
    previous: str | None = None
    open_calls: set[str] | None = None  # ids of the last assistant tool_calls not answered yet
    has_assistant = False
    for i, message in enumerate(messages):
        path = f"{prefix}[{i}]"
        role = message["role"]
        found = _check_order(role, previous, path, open_calls) or check_message_fields(message, path, tally)
        if found is not None:
            return found
        if role == "tool":
            call_id = message.get("tool_call_id")
            if not call_id or open_calls is None or call_id not in open_calls:
                return problem(
                    Reason.INVALID_TOOL_CALL,
                    f"{path}.tool_call_id",
                    "must name an unanswered tool_calls id of the assistant message before it",
                    "set tool_call_id to the id of the call this result answers",
                )
            open_calls.discard(call_id)
        elif role == "assistant":
            has_assistant = True
            calls = message.get("tool_calls") or []
            open_calls = {call["id"] for call in calls} if calls else None
        else:
            open_calls = None
        previous = role
    if require_assistant and not has_assistant:
        return problem(Reason.NO_ASSISTANT, prefix, "has no assistant message", "add the assistant's answer")
    return None


def _check_order(role: str, previous: str | None, path: str, open_calls: set[str] | None) -> Problem | None:
    where = f"{path}.role"
    if previous is None:
        if role in ("system", "user"):
            return None
        return problem(
            Reason.ROLE_ORDER,
            where,
            f"is {role} but a conversation must start with system or user",
            _ORDER_FIX,
        )
    if role == "system":
        return problem(
            Reason.ROLE_ORDER, where, "is system but only the first message may be system", _ORDER_FIX
        )
    if role == "tool":
        if previous in ("assistant", "tool") and open_calls is not None:
            return None
        return problem(
            Reason.ROLE_ORDER,
            where,
            "is tool but does not follow an assistant message with tool_calls",
            "put tool results right after the assistant message that made the calls",
        )
    if role == previous:
        return problem(Reason.ROLE_ORDER, where, f"is {role} right after another {role} message", _ORDER_FIX)
    return None


def check_message_fields(message: dict[str, Any], path: str, tally: ContentTally) -> Problem | None:
    """Check one shape-valid message: fields allowed for its role, tool calls, and its content."""
    role = message["role"]
    if role != "assistant":
        for name in _ASSISTANT_ONLY:
            if message.get(name):
                reason = Reason.INVALID_TOOL_CALL if name == "tool_calls" else Reason.SCHEMA_ERROR
                return problem(
                    reason,
                    f"{path}.{name}",
                    f"is only allowed on assistant messages, not {role}",
                    "move it to an assistant message or remove it",
                )
    if role != "tool" and "tool_call_id" in message:
        return problem(
            Reason.INVALID_TOOL_CALL,
            f"{path}.tool_call_id",
            f"is only allowed on tool messages, not {role}",
            "remove it",
        )
    calls = message.get("tool_calls") or []
    found = _check_tool_calls(calls, f"{path}.tool_calls")
    if found is not None:
        return found
    return check_content(
        message.get("content"),
        f"{path}.content",
        tally,
        required=not (role == "assistant" and calls),
        images_allowed=role == "user",
    )


def _check_tool_calls(calls: list[dict[str, Any]], path: str) -> Problem | None:
    seen: set[str] = set()
    for k, call in enumerate(calls):
        if call["id"] in seen:
            return problem(
                Reason.INVALID_TOOL_CALL,
                f"{path}[{k}].id",
                "repeats an earlier tool call id in this message",
                "give each call its own id",
            )
        seen.add(call["id"])
        try:
            loads_strict(call["function"]["arguments"])
        except StrictJsonError as e:
            return problem(
                Reason.INVALID_TOOL_CALL,
                f"{path}[{k}].function.arguments",
                f"must hold JSON but {e.what}",
                f"{e.fix} (serialise the arguments with json.dumps)",
            )
    return None
