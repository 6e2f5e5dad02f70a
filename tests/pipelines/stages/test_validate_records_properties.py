"""Property tests for pipelines.stages.validate_records: any input is an outcome, never a crash or a leak."""

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipelines.stages.load_jsonl import RawLine
from pipelines.stages.validate_records import RecordValidator, Rejected, ValidRecord, validate_file
from schemas.reasons import Reason

# No deadline: these tests check outcomes, never timing.
PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

CANARIES = ["qq" + "canary" + str(n) for n in range(4)]
CANARY_KEY = "qq@canary.key"
KEYS = [
    "messages", "role", "content", "type", "text", "image_url", "url", "tool_calls", "id", "function", "name",
    "arguments", "tool_call_id", "weight", "reasoning", "reasoning_content", "prompt", "completion", "input",
    "preferred_output", "non_preferred_output", "tools", "description", "parameters", CANARY_KEY,
]
SCALARS = st.one_of(
    st.sampled_from(["system", "user", "assistant", "tool", "function", "text", "image_url", "", " ", "{}"]),
    st.sampled_from(CANARIES),
    st.integers(min_value=-3, max_value=3),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.none(),
)
# Records built from the schema's own vocabulary reach deep into the pydantic models and the rule checks.
SCHEMA_LIKE = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(KEYS), inner, max_size=5),
    max_leaves=30,
)
ANY_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=8), inner, max_size=5),
    max_leaves=40,
)


def assert_outcome(outcome: object) -> None:
    assert outcome is None or isinstance(outcome, ValidRecord | Rejected)
    if isinstance(outcome, Rejected):
        assert isinstance(outcome.reason, Reason)
        assert outcome.message


@PROPERTY
@given(st.binary(max_size=200))
def test_never_raises_when_line_is_arbitrary_bytes(data: bytes) -> None:
    assert_outcome(RecordValidator().validate(RawLine(1, data)))


@PROPERTY
@given(ANY_JSON)
def test_never_raises_when_line_is_arbitrary_json(value: object) -> None:
    for policy in ("quarantine", "drop"):
        validator = RecordValidator(unknown_fields=policy)
        assert_outcome(validator.validate(RawLine(1, json.dumps(value).encode())))


@PROPERTY
@given(st.dictionaries(st.sampled_from(KEYS), SCHEMA_LIKE, min_size=1, max_size=5))
def test_never_leaks_planted_values_when_record_is_schema_like(record: dict) -> None:
    for policy in ("quarantine", "drop"):
        outcome = RecordValidator(unknown_fields=policy).validate(RawLine(1, json.dumps(record).encode()))
        assert_outcome(outcome)
        if isinstance(outcome, Rejected):
            for canary in [*CANARIES, CANARY_KEY]:
                assert canary not in outcome.message and canary not in outcome.field


LINES = st.one_of(
    st.binary(max_size=60),
    ANY_JSON.map(lambda v: json.dumps(v).encode()),
    st.sampled_from([b"", b"  ", b'{"text": "ok"}', b'{"prompt": "a", "completion": "b"}']),
).map(lambda line: line.replace(b"\n", b" "))


@PROPERTY
@given(st.lists(LINES, max_size=25))
def test_counts_balance_when_file_holds_arbitrary_lines(lines: list[bytes]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.jsonl"
        path.write_bytes(b"".join(line + b"\n" for line in lines))
        summary = validate_file(path)
    assert summary.records_total == summary.records_valid + summary.records_invalid
    assert summary.records_total + summary.blank_lines == len(lines)
    assert sum(summary.counts_by_reason.values()) == summary.records_invalid


DEEP = 10_000
USER = {"role": "user", "content": "q"}
DEEP_CALL = {"id": "c", "type": "function", "function": {"name": "f", "arguments": "[" * DEEP + "]" * DEEP}}


def nested_list(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (nested_list(DEEP).encode(), Reason.INVALID_JSON),  # the whole line
        (('{"text": ' + nested_list(DEEP) + "}").encode(), Reason.INVALID_JSON),  # inside a record
        (('{"messages": [{"role": "user", "content": ' + nested_list(DEEP) + "}]}").encode(),
         Reason.INVALID_JSON),
        # a JSON text nested too deeply inside tool-call arguments
        (json.dumps({"messages": [USER, {"role": "assistant", "tool_calls": [DEEP_CALL]}]}).encode(),
         Reason.INVALID_TOOL_CALL),
    ],
)
def test_rejects_without_crashing_when_json_is_nested_ten_thousand_levels(
    line: bytes, reason: Reason
) -> None:
    outcome = RecordValidator().validate(RawLine(1, line))
    assert isinstance(outcome, Rejected) and outcome.reason is reason


def test_accepts_deep_parameters_when_parser_can_read_them() -> None:
    schema: dict = {"type": "string"}
    for _ in range(400):  # deep, but within what json.loads reads
        schema = {"type": "object", "properties": {"x": schema}}
    tools = [{"type": "function", "function": {"name": "f", "parameters": schema}}]
    record = {"messages": [USER, {"role": "assistant", "content": "a"}], "tools": tools}
    assert isinstance(RecordValidator().validate(RawLine(1, json.dumps(record).encode())), ValidRecord)


HUGE = 5 * 1024 * 1024


@pytest.mark.parametrize(
    "record",
    [
        {"text": "x" * HUGE},
        {"prompt": "é" * HUGE, "completion": "b"},  # multi-byte characters
        {"messages": [USER, {"role": "assistant", "tool_calls": [{"id": "c", "type": "function", "function": {
            "name": "f", "arguments": json.dumps({"blob": "y" * HUGE})}}]}]},
    ],
)
def test_accepts_record_when_strings_are_huge(record: dict) -> None:
    line = json.dumps(record, ensure_ascii=False).encode()
    assert isinstance(RecordValidator().validate(RawLine(1, line)), ValidRecord)


@PROPERTY
@given(st.text(min_size=1, max_size=50).filter(str.strip), st.integers(min_value=1, max_value=5))
def test_accepts_text_record_when_text_is_any_non_blank_unicode(text: str, repeat: int) -> None:
    line = json.dumps({"text": text * repeat}, ensure_ascii=bool(repeat % 2)).encode()
    assert isinstance(RecordValidator().validate(RawLine(1, line)), ValidRecord)
