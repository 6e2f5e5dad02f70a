"""The test server's stand-in for Together's server-side dataset check, and its model catalogue.

Deliberately simple: every non-blank line must be a JSON object of exactly one known format, and all
lines the same format. Error texts name line numbers and key names only, never content, like the
messages Together's validation_report carries.
"""

import json

# Format name (as Together's validation_report spells it) -> keys that identify it.
_FORMATS: dict[str, frozenset[str]] = {
    "CONVERSATION": frozenset({"messages"}),
    "INSTRUCTION": frozenset({"prompt", "completion"}),
    "GENERAL": frozenset({"text"}),
    "PREFERENCE": frozenset({"input", "preferred_output", "non_preferred_output"}),
}
_KNOWN = "messages, prompt+completion, text, or input+preferred_output+non_preferred_output"
_ROLES = {"system", "user", "assistant", "tool"}


def validate_dataset(data: bytes) -> dict:
    """Return a validation_report dict for a JSONL dataset."""
    fmt: str | None = None
    nlines = 0
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _invalid("File is not valid UTF-8", 0)
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        nlines += 1
        try:
            record = json.loads(line)
        except ValueError:
            return _invalid(f"Line {line_no}: not valid JSON", nlines)
        if not isinstance(record, dict):
            return _invalid(f"Line {line_no}: each line must be a JSON object", nlines)
        matches = [name for name, keys in _FORMATS.items() if keys <= record.keys()]
        if len(matches) != 1:
            what = "no known format" if not matches else "more than one format"
            return _invalid(f"Line {line_no}: {what}; expected {_KNOWN}", nlines)
        if fmt is not None and matches[0] != fmt:
            return _invalid(
                f"Line {line_no}: format {matches[0]} differs from {fmt} of earlier lines", nlines
            )
        fmt = matches[0]
        if fmt == "CONVERSATION" and not _messages_ok(record["messages"]):
            return _invalid(
                f"Line {line_no}: 'messages' must be a non-empty list of {{role, content}}", nlines
            )
    if nlines == 0:
        return _invalid("File has no samples", 0)
    return {"valid": True, "dataset_format": fmt, "nlines": nlines}


def _messages_ok(messages: object) -> bool:
    return (
        isinstance(messages, list)
        and bool(messages)
        and all(isinstance(m, dict) and m.get("role") in _ROLES for m in messages)
    )


def _invalid(error: str, nlines: int) -> dict:
    return {"valid": False, "error": error, "error_type": "INVALID_FORMAT", "nlines": nlines}


def model_limits(model_name: str) -> dict:
    """A FinetuneModelLimits body for `model_name` (numbers shaped like Together's small models)."""
    return {
        "model_name": model_name,
        "default_gradient_accumulation_steps": 1,
        "lora_training": {
            "default_rank": 16,
            "max_batch_size": 96,
            "max_batch_size_dpo": 48,
            "max_rank": 64,
            "min_batch_size": 8,
            "target_modules": ["q_proj", "k_proj", "v_proj", "o_proj"],
        },
        "full_training": {"max_batch_size": 96, "max_batch_size_dpo": 48, "min_batch_size": 8},
        "max_learning_rate": 1.0,
        "min_learning_rate": 0.0,
        "max_num_checkpoints": 10,
        "max_num_epochs": 20,
        "max_num_evals": 10,
        "max_seq_length_sft": 8192,
        "max_seq_length_dpo": 8192,
        "min_max_seq_length": 512,
        "merge_output_lora": True,
        "supports_full_training": True,
        "supports_reasoning": False,
        "supports_tools": True,
        "supports_vision": False,
    }


DEFAULT_MODELS = (
    "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference",
    "Qwen/Qwen2.5-7B-Instruct",
)
