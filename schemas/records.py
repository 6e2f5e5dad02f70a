"""Together record formats: detect a record's format, check its shape, then its rules.

`detect_format` reads only top-level keys. `shape_problems` runs the format's pydantic model (built once
at import) and maps every error to a Problem. `rule_problem` runs the checks a model cannot express.
Both read the record as parsed; neither returns or logs a value from it. `is_plain_chat` is their fast
path for the most common record: it only ever says yes to a record both would pass.
"""

from collections.abc import Callable
from typing import Annotated, Any

from pydantic import Field, ValidationError

from schemas.content import Content, ContentTally, check_content
from schemas.formats import RecordFormat
from schemas.messages import Message, ToolDef, check_messages
from schemas.preference import PreferenceRecord, check_preference
from schemas.problems import Problem, problem, problems_from_errors
from schemas.reasons import Reason
from schemas.strict_model import SampleWeight, StrictModel


class ConversationalRecord(StrictModel):
    """`{"messages": [...], "tools"?: [...], "weight"?: number}`."""

    messages: Annotated[list[Message], Field(min_length=1)]
    tools: list[ToolDef] | None = None
    weight: SampleWeight = 1.0


class InstructionRecord(StrictModel):
    """`{"prompt": ..., "completion": ..., "weight"?: number}`; each a string or a content-part list."""

    prompt: Content
    completion: Content
    weight: SampleWeight = 1.0


class TextRecord(StrictModel):
    """`{"text": "...", "weight"?: number}`."""

    text: str
    weight: SampleWeight = 1.0


# The top-level keys that mark each format. A record showing keys of two formats is ambiguous.
FORMAT_KEYS: dict[RecordFormat, tuple[str, ...]] = {
    RecordFormat.CONVERSATIONAL: ("messages",),
    RecordFormat.INSTRUCTION: ("prompt", "completion"),
    RecordFormat.TEXT: ("text",),
    RecordFormat.PREFERENCE: ("input", "preferred_output", "non_preferred_output"),
}

_MODELS: dict[RecordFormat, type[StrictModel]] = {
    RecordFormat.CONVERSATIONAL: ConversationalRecord,
    RecordFormat.INSTRUCTION: InstructionRecord,
    RecordFormat.TEXT: TextRecord,
    RecordFormat.PREFERENCE: PreferenceRecord,
}
_VALIDATORS = {fmt: model.__pydantic_validator__ for fmt, model in _MODELS.items()}


def detect_format(record: dict[str, Any]) -> RecordFormat | Problem:
    """Return the one format whose marker keys the record has, or an unknown/ambiguous-format Problem."""
    found = [fmt for fmt, keys in FORMAT_KEYS.items() if any(key in record for key in keys)]
    if len(found) == 1:
        return found[0]
    if not found:
        return problem(
            Reason.UNKNOWN_FORMAT,
            "",
            "has none of the keys messages, prompt/completion, text, "
            "input/preferred_output/non_preferred_output",
            "write the record in one of Together's formats",
        )
    names = " and ".join(fmt.value for fmt in found)
    return problem(
        Reason.AMBIGUOUS_FORMAT, "", f"has keys of the {names} formats", "keep the keys of one format"
    )


def is_plain_chat(record: dict[str, Any]) -> bool:
    """True if `record` is a valid conversational record of plain messages; False means "check fully".

    Plain: the only key is `messages`, a non-empty list of `{"role", "content"}` objects (and perhaps a
    `weight` of 0 or 1) with a system, user or assistant role and non-blank string content, in an order
    `check_messages` accepts, with an assistant turn. Such a record passes `shape_problems` and
    `rule_problem`: the full check would only repeat this one (pydantic builds every message model), so
    most records skip it.
    """
    if len(record) != 1:
        return False
    messages = record.get("messages")
    if type(messages) is not list or not messages:
        return False
    previous = None
    has_assistant = False
    for message in messages:
        if type(message) is not dict:
            return False
        if len(message) != 2:  # role and content, and perhaps a weight of 0 or 1 (never a bool)
            weight = message.get("weight")
            if len(message) != 3 or type(weight) is not int or not 0 <= weight <= 1:
                return False
        role = message.get("role")
        content = message.get("content")
        if type(role) is not str or type(content) is not str or not content.strip():
            return False
        if role == "user":
            if previous == "user":
                return False
        elif role == "assistant":
            if previous is None or previous == "assistant":
                return False
            has_assistant = True
        elif role != "system" or previous is not None:  # system comes first or not at all
            return False
        previous = role
    return has_assistant


def shape_problems(record: dict[str, Any], fmt: RecordFormat) -> list[tuple[Problem, tuple[str | int, ...]]]:
    """Validate the record's shape against its format's model; [] when it fits.

    Each Problem comes with the error's location in the record (for dropping unknown keys).
    """
    try:
        _VALIDATORS[fmt].validate_python(record)
    except ValidationError as e:
        return problems_from_errors(e.errors(include_input=False, include_url=False))
    return []


def rule_problem(record: dict[str, Any], fmt: RecordFormat) -> Problem | None:
    """Check a shape-valid record against its format's rules; the first Problem, or None."""
    return _RULES[fmt](record)


def _conversational(record: dict[str, Any]) -> Problem | None:
    return check_messages(record["messages"], "messages", ContentTally(), require_assistant=True)


def _instruction(record: dict[str, Any]) -> Problem | None:
    tally = ContentTally()
    # The prompt is the user's side, so it may hold images; the completion is the model's answer.
    return check_content(
        record["prompt"], "prompt", tally, required=True, images_allowed=True
    ) or check_content(record["completion"], "completion", tally, required=True, images_allowed=False)


def _text(record: dict[str, Any]) -> Problem | None:
    if record["text"].strip():
        return None
    return problem(
        Reason.EMPTY_CONTENT, "text", "is empty or whitespace only", "add the text or drop the line"
    )


_RULES: dict[RecordFormat, Callable[[dict[str, Any]], Problem | None]] = {
    RecordFormat.CONVERSATIONAL: _conversational,
    RecordFormat.INSTRUCTION: _instruction,
    RecordFormat.TEXT: _text,
    RecordFormat.PREFERENCE: check_preference,
}
