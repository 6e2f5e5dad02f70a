"""Tests for RecordSanitizer: secrets outside the text slots quarantine a record; split keys are joined."""

import json

import pytest

from pipelines.stages.load_jsonl import RawLine
from pipelines.stages.run_stats import RunStats
from pipelines.stages.sanitize_records import STRUCTURE_MESSAGE, RecordSanitizer
from pipelines.stages.validate_records import RecordValidator, ValidRecord
from sanitizers.replacement_book import ReplacementBook
from schemas.reasons import Reason
from tests.fake_keys import github_token, together_key

KEY = github_token(31)


def sanitize(detector, *records: dict):
    validator = RecordValidator()
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    valid = [validator.validate(RawLine(i + 1, line.encode())) for i, line in enumerate(lines)]
    assert all(isinstance(v, ValidRecord) for v in valid), valid
    stats = RunStats()
    return RecordSanitizer(detector, stats, ReplacementBook).sanitize_batch(valid, lines), stats


def tool_record(call_id: str = "call_1", name: str = "lookup", arguments: str = "{}") -> dict:
    return {"messages": [
        {"role": "user", "content": "look it up"},
        {"role": "assistant", "content": None, "tool_calls": [
            {"id": call_id, "type": "function", "function": {"name": name, "arguments": arguments}}]},
        {"role": "tool", "tool_call_id": call_id, "content": "found"},
        {"role": "assistant", "content": "done"},
    ]}


@pytest.mark.parametrize(
    ("record", "field"),
    [
        (tool_record(call_id=KEY), "messages[1].tool_calls[0].id"),
        (tool_record(name=KEY), "messages[1].tool_calls[0].function.name"),
        (tool_record(arguments=json.dumps({KEY: "x"})), "messages[1].tool_calls[0].function.arguments.<key>"),
    ],
    ids=["tool-call id", "function name", "argument key"],
)
def test_quarantines_record_when_structure_holds_a_secret(secrets_detector, record: dict, field: str) -> None:
    [out], _ = sanitize(secrets_detector, record)
    assert (out.json_line, out.reason, out.field, out.message) == (None, Reason.SECRET_IN_STRUCTURE, field,
                                                                   STRUCTURE_MESSAGE)
    assert KEY not in out.field + out.message


def test_writes_record_unchanged_when_structure_is_clean(secrets_detector) -> None:
    record = tool_record(call_id="call_0123456789abcdef", name="lookup_customer_record")
    [out], _ = sanitize(secrets_detector, record)
    assert out.reason is None and out.json_line == json.dumps(record)


@pytest.mark.parametrize("key", [together_key(31), KEY], ids=["together", "github"])
def test_replaces_both_halves_when_key_is_split_across_turns(secrets_detector, key: str) -> None:
    record = {"messages": [{"role": "user", "content": f"my key is {key[:15]}"},
                           {"role": "assistant", "content": f"{key[15:]} is what you sent"}]}
    [out], stats = sanitize(secrets_detector, record)
    user, assistant = (m["content"] for m in json.loads(out.json_line)["messages"])
    assert user.startswith("my key is <") and assistant.endswith("> is what you sent")
    assert key[:15] not in user and key[15:] not in assistant
    assert sum(stats.findings.values()) == 2
