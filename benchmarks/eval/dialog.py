"""A format-neutral conversation that the renderers turn into each Together format."""

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Turn:
    """One message: user/assistant text, an assistant tool call, or a tool result."""

    role: str
    content: str | None = None
    reasoning: str | None = None
    tool_calls: list[dict[str, Any]] | None = None
    tool_call_id: str | None = None


@dataclass
class Dialog:
    """System prompt, turns (ending with a plain assistant reply), tools, and a worse final reply.

    `rejected` is the non-preferred final answer used by the preference format: usually one that
    repeats the customer's data or pastes a secret back, sometimes just an unhelpful one.
    """

    turns: list[Turn]
    rejected: str
    system: str | None = None
    tools: list[dict[str, Any]] | None = None
    extract: dict[str, str] = field(default_factory=dict)  # field -> value, for extraction prompts


def tool_spec(name: str, description: str, properties: dict[str, str]) -> dict[str, Any]:
    """An OpenAI-style function tool with string parameters."""
    return {
        "type": "function",
        "function": {
            "name": name,
            "description": description,
            "parameters": {"type": "object", "properties": {k: {"type": "string", "description": v}
                                                            for k, v in properties.items()},
                           "required": list(properties)},
        },
    }


def tool_call(call_id: str, name: str, arguments: str) -> dict[str, Any]:
    """An assistant tool call; `arguments` is already a JSON string."""
    return {"id": call_id, "type": "function", "function": {"name": name, "arguments": arguments}}
