"""Turn a `Dialog` into a record of one Together format.

Every string of the dialog (system prompt, each turn, tool calls and results, reasoning, and the
rejected reply for preference data) ends up in the record, so every planted value is present in every
format. Non-chat formats render tool calls and reasoning as text.
"""

import json
import random
from typing import Any

from benchmarks.eval.dialog import Dialog, Turn

FORMATS = ("conversational", "instruction", "text", "preference")


def _message(turn: Turn) -> dict[str, Any]:
    msg: dict[str, Any] = {"role": turn.role}
    if turn.role == "tool":
        msg["tool_call_id"] = turn.tool_call_id
        msg["content"] = turn.content
        return msg
    if turn.tool_calls:
        msg["tool_calls"] = turn.tool_calls
    else:
        msg["content"] = turn.content
    if turn.reasoning:
        msg["reasoning"] = turn.reasoning
    return msg


def _think(turn: Turn) -> str:
    """Reasoning inlined the way reasoning-distillation datasets write it."""
    return f"<think>\n{turn.reasoning}\n</think>\n\n{turn.content}" if turn.reasoning else str(turn.content)


def conversational(dialog: Dialog, rng: random.Random) -> dict[str, Any]:
    """{"messages": [...], "tools"?}; occasionally an early assistant turn gets weight 0."""
    messages = [{"role": "system", "content": dialog.system}] if dialog.system else []
    messages += [_message(turn) for turn in dialog.turns]
    assistants = [m for m in messages if m["role"] == "assistant"]
    if len(assistants) > 1 and rng.random() < 0.1:
        assistants[0]["weight"] = 0
    record: dict[str, Any] = {"messages": messages}
    if dialog.tools:
        record["tools"] = dialog.tools
    return record


def preference(dialog: Dialog, rng: random.Random) -> dict[str, Any]:
    """DPO: the dialog minus its final reply as input; final reply preferred over `rejected`."""
    *context, final = dialog.turns
    messages = [{"role": "system", "content": dialog.system}] if dialog.system else []
    messages += [_message(turn) for turn in context]
    data: dict[str, Any] = {"messages": messages}
    if dialog.tools:
        data["tools"] = dialog.tools
    return {"input": data,
            "preferred_output": [{"role": "assistant", "content": _think(final)}],
            "non_preferred_output": [{"role": "assistant", "content": dialog.rejected}]}


def _transcript(dialog: Dialog, turns: list[Turn], rng: random.Random) -> str:
    user_label, bot_label = rng.choice((("User", "Assistant"), ("Customer", "Agent"), ("Q", "A"),
                                        ("### Human", "### Assistant")))
    lines = [f"System: {dialog.system}"] if dialog.system else []
    for turn in turns:
        if turn.role == "user":
            lines.append(f"{user_label}: {turn.content}")
        elif turn.role == "tool":
            lines.append(f"Tool result: {turn.content}")
        elif turn.tool_calls:
            calls = "; ".join(f"{c['function']['name']}({c['function']['arguments']})" for c in turn.tool_calls)
            thought = f" (thinking: {turn.reasoning})" if turn.reasoning else ""
            lines.append(f"{bot_label} calls {calls}{thought}")
        else:
            lines.append(f"{bot_label}: {_think(turn)}")
    return "\n\n".join(lines)


def instruction(dialog: Dialog, rng: random.Random) -> dict[str, Any]:
    """prompt/completion: an extraction task, or the conversation so far and the final reply."""
    *context, final = dialog.turns
    if dialog.extract and rng.random() < 0.3:
        prompt = ("Extract the customer's personal details from this conversation as JSON.\n\n"
                  + _transcript(dialog, dialog.turns, rng))
        completion = json.dumps(dialog.extract, ensure_ascii=rng.random() < 0.5)
    else:
        prompt = _transcript(dialog, context, rng)
        completion = _think(final)
    return {"prompt": prompt, "completion": completion}


def text(dialog: Dialog, rng: random.Random) -> dict[str, Any]:
    """A raw document: a ticket export or a chat transcript."""
    body = _transcript(dialog, dialog.turns, rng)
    if rng.random() < 0.4:
        body = f"Ticket export\nStatus: resolved\nChannel: {rng.choice(('chat', 'email', 'web form'))}\n\n{body}"
    return {"text": body}


RENDERERS = {"conversational": conversational, "instruction": instruction, "text": text, "preference": preference}
