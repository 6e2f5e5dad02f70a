"""Tests for pipelines.stages.validate_records: check order, file format, unknown fields, no leaks, counts."""

import json
from pathlib import Path

import pytest

from pipelines.stages.load_jsonl import RawLine
from pipelines.stages.validate_records import RecordValidator, Rejected, ValidRecord, validate_file
from sanitizers.text_fields import slot_texts
from schemas.errors import InputError
from schemas.formats import RecordFormat
from schemas.reasons import Reason

CHAT = {"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}]}
INSTRUCTION = {"prompt": "2+2?", "completion": "4"}
TEXT = {"text": "plain text"}
PREFERENCE = {
    "input": {"messages": [{"role": "user", "content": "q"}]},
    "preferred_output": [{"role": "assistant", "content": "good"}],
    "non_preferred_output": [{"role": "assistant", "content": "bad"}],
}


def raw(value: object, line_no: int = 1) -> RawLine:
    data = value if isinstance(value, bytes) else json.dumps(value, ensure_ascii=False).encode()
    return RawLine(line_no, data)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\xff{}", Reason.INVALID_UTF8),  # not UTF-8 at all
        (b'{"text": "caf\xc3"}', Reason.INVALID_UTF8),  # a truncated multi-byte character
        (b'{"text": "\xed\xa0\x80"}', Reason.INVALID_UTF8),  # a surrogate encoded as UTF-8 (CESU)
        (b'{"text": "a"', Reason.INVALID_JSON),  # unterminated
        (b'{"text": NaN}', Reason.INVALID_JSON),  # json.loads would accept it
        (b'{"weight": Infinity, "text": "a"}', Reason.INVALID_JSON),
        (b'{"text": "a", "text": "b"}', Reason.INVALID_JSON),  # a repeated key would lose a value
        (b'{"text": "\\udfff"}', Reason.INVALID_JSON),  # a lone surrogate escape
        (b"[" * 10_000 + b"]" * 10_000, Reason.INVALID_JSON),  # too deep for the parser
        (b'{"a":' * 10_000 + b"1" + b"}" * 10_000, Reason.INVALID_JSON),
        (b"{} {}", Reason.INVALID_JSON),  # two values on one line
        (b"\x0c{}", Reason.INVALID_JSON),  # form feed is not JSON whitespace
        (b'[{"text": "a"}]', Reason.NOT_AN_OBJECT),
        (b'"text"', Reason.NOT_AN_OBJECT),
        (b"null", Reason.NOT_AN_OBJECT),
        (b"42", Reason.NOT_AN_OBJECT),
        (b"{}", Reason.UNKNOWN_FORMAT),
        (b'{"content": "hi"}', Reason.UNKNOWN_FORMAT),
        (b'{"text": "a", "prompt": "b", "completion": "c"}', Reason.AMBIGUOUS_FORMAT),
    ],
)
def test_rejects_line_with_exact_reason_when_it_fails_an_early_check(data: bytes, reason: Reason) -> None:
    outcome = RecordValidator().validate(RawLine(7, data))
    assert isinstance(outcome, Rejected)
    assert (outcome.line_no, outcome.reason, outcome.field) == (7, reason, "")
    assert outcome.message.startswith("the line ")


def test_rejects_line_when_reader_flagged_it_too_long() -> None:
    outcome = RecordValidator().validate(RawLine(3, b"", too_long=True))
    assert isinstance(outcome, Rejected) and outcome.reason is Reason.LINE_TOO_LONG


@pytest.mark.parametrize("data", [b"", b" ", b"\t \r", b"\r"])
def test_counts_blank_line_when_line_holds_only_json_whitespace(data: bytes) -> None:
    validator = RecordValidator()
    assert validator.validate(RawLine(1, data)) is None
    assert validator.blank_lines == 1


@pytest.mark.parametrize(
    ("record", "fmt"),
    [
        (CHAT, RecordFormat.CONVERSATIONAL),
        (INSTRUCTION, RecordFormat.INSTRUCTION),
        (TEXT, RecordFormat.TEXT),
        (PREFERENCE, RecordFormat.PREFERENCE),
    ],
)
def test_returns_parsed_record_when_line_is_valid(record: dict, fmt: RecordFormat) -> None:
    validator = RecordValidator()
    outcome = validator.validate(raw(record, 4))
    assert isinstance(outcome, ValidRecord)
    assert (outcome.line_no, outcome.format, outcome.removed_fields) == (4, fmt, ())
    assert outcome.record == record
    assert validator.file_format is fmt
    # Texts handed on by validation (plain chat) are exactly the slots the sanitizer would read.
    assert outcome.texts is None or outcome.texts == slot_texts(outcome.record, outcome.format)


@pytest.mark.parametrize(
    "record",
    [
        {"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello", "weight": 1}]},
        {"messages": [{"role": "system", "content": "be brief"}, {"role": "user", "content": "q"},
                      {"role": "assistant", "content": "a"}]},
    ],
)
def test_hands_on_message_texts_when_record_is_plain_chat(record: dict) -> None:
    outcome = RecordValidator().validate(raw(record))
    assert isinstance(outcome, ValidRecord)
    assert outcome.texts == slot_texts(record, RecordFormat.CONVERSATIONAL) == [m["content"] for m in record["messages"]]


def test_leaves_texts_to_the_sanitizer_when_record_has_tool_calls() -> None:
    record = {"messages": [{"role": "user", "content": "weather?"}, {"role": "assistant", "tool_calls": [
        {"id": "c1", "type": "function", "function": {"name": "w", "arguments": "{\"city\": \"Oslo\"}"}}]},
        {"role": "tool", "tool_call_id": "c1", "content": "sunny"}, {"role": "assistant", "content": "Sunny."}]}
    outcome = RecordValidator().validate(raw(record))
    assert isinstance(outcome, ValidRecord) and outcome.texts is None


def test_keeps_key_order_when_returning_record() -> None:
    line = b'{"weight": 1, "completion": "b", "prompt": "a"}'
    outcome = RecordValidator().validate(RawLine(1, line))
    assert isinstance(outcome, ValidRecord)
    assert list(outcome.record) == ["weight", "completion", "prompt"]


def test_rejects_other_format_when_first_valid_record_fixed_the_format() -> None:
    validator = RecordValidator()
    assert isinstance(validator.validate(raw(TEXT, 1)), ValidRecord)
    outcome = validator.validate(raw(CHAT, 2))
    assert isinstance(outcome, Rejected) and outcome.reason is Reason.FORMAT_MISMATCH


def test_does_not_fix_format_when_first_record_is_invalid() -> None:
    validator = RecordValidator()
    assert isinstance(validator.validate(raw({"text": ""}, 1)), Rejected)  # empty text: invalid
    assert validator.file_format is None
    assert isinstance(validator.validate(raw(CHAT, 2)), ValidRecord)
    assert validator.file_format is RecordFormat.CONVERSATIONAL


def test_rejects_every_other_format_when_file_format_is_given() -> None:
    validator = RecordValidator(file_format=RecordFormat.INSTRUCTION)
    outcomes = [validator.validate(raw(rec, n)) for n, rec in enumerate([CHAT, TEXT, INSTRUCTION], 1)]
    reasons = [getattr(o, "reason", None) for o in outcomes]
    assert reasons == [Reason.FORMAT_MISMATCH, Reason.FORMAT_MISMATCH, None]


def test_rejects_unknown_field_when_policy_is_quarantine() -> None:
    outcome = RecordValidator().validate(raw(CHAT | {"id": "r-1"}))
    assert isinstance(outcome, Rejected)
    assert (outcome.reason, outcome.field) == (Reason.UNKNOWN_FIELD, "id")


def test_drops_unknown_fields_when_policy_is_drop() -> None:
    record = {
        "id": 7,
        "messages": [
            {"role": "user", "content": "hi", "name": "jo", "meta": {"x": 1}},
            {"role": "assistant", "content": [{"type": "text", "text": "yo", "lang": "en"}]},
        ],
    }
    record["messages"][0]["content"] = [{"type": "text", "text": "hi"}]
    outcome = RecordValidator(unknown_fields="drop").validate(raw(record))
    assert isinstance(outcome, ValidRecord)
    removed = ["id", "messages[0].<key>", "messages[0].name", "messages[1].content[0].lang"]  # meta: masked
    assert sorted(outcome.removed_fields) == removed
    assert outcome.record == {
        "messages": [
            {"role": "user", "content": [{"type": "text", "text": "hi"}]},
            {"role": "assistant", "content": [{"type": "text", "text": "yo"}]},
        ]
    }


def test_reports_real_error_when_policy_is_drop_and_record_has_another_fault() -> None:
    record = {"messages": [{"role": "bot", "content": "hi", "extra": 1}], "id": 1}
    outcome = RecordValidator(unknown_fields="drop").validate(raw(record))
    assert isinstance(outcome, Rejected) and outcome.reason is Reason.INVALID_ROLE


def test_checks_rules_after_dropping_when_policy_is_drop() -> None:
    record = {"messages": [{"role": "user", "content": "hi", "x": 1}], "id": 1}  # no assistant
    outcome = RecordValidator(unknown_fields="drop").validate(raw(record))
    assert isinstance(outcome, Rejected) and outcome.reason is Reason.NO_ASSISTANT


def test_raises_value_error_when_unknown_fields_policy_is_invalid() -> None:
    with pytest.raises(ValueError, match="unknown_fields"):
        RecordValidator(unknown_fields="keep")  # type: ignore[arg-type]


CANARY = "zq" + "canary" + "9047"
CANARY_KEY = CANARY + "@example.com"  # a data-like key: masked in field paths
BAD_DATA_URL = "data:image/png;base64," + CANARY  # valid base64, but not an image
LEAKY = [
    {"messages": [{"role": CANARY, "content": "x"}, {"role": "assistant", "content": "y"}]},
    {"messages": [{"role": "user", "content": CANARY, CANARY_KEY: CANARY}]},
    {"messages": [{"role": "user", "content": [{"type": CANARY, "text": CANARY}]}]},
    {"messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": CANARY}}]}]},
    {"messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": BAD_DATA_URL}}]}]},
    {"messages": [{"role": "user", "content": "q"}, {"role": "assistant", "tool_calls": [
        {"id": CANARY, "type": CANARY, "function": {"name": CANARY, "arguments": "{" + CANARY}}]}]},
    {"messages": [{"role": "user", "content": "q"}, {"role": "assistant", "tool_calls": [
        {"id": "c", "type": "function", "function": {"name": "f", "arguments": "{" + CANARY}}]}]},
    {"messages": [{"role": "user", "content": "q"}, {"role": "assistant", "content": "a", "weight": CANARY}]},
    {"messages": CANARY},
    {"text": CANARY, "weight": CANARY},
    {"text": 5, CANARY_KEY: CANARY},
    {"prompt": CANARY, "completion": [{"type": "text", "text": CANARY}]},
    {"input": {"messages": [{"role": "user", "content": CANARY}]}, "preferred_output": [{"role": CANARY}],
     "non_preferred_output": CANARY},
    {CANARY_KEY: CANARY},
]
LEAKY_BYTES = [
    ('{"text": "' + CANARY + '", "text": "' + CANARY + '"}').encode(),
    ('{"text": "' + CANARY + "\x01" + '"}').encode(),  # raw control character
    ('{"text": "' + CANARY + '\\x"}').encode(),  # bad escape
    ('{"text": NaN, "x": "' + CANARY + '"}').encode(),
    (CANARY + "\xff").encode("latin-1"),
    ('"' + CANARY + '"').encode(),
]


@pytest.mark.parametrize("line", [json.dumps(r).encode() for r in LEAKY] + LEAKY_BYTES)
@pytest.mark.parametrize("policy", ["quarantine", "drop"])
def test_rejection_never_holds_planted_value_when_line_is_bad(line: bytes, policy: str) -> None:
    outcome = RecordValidator(unknown_fields=policy).validate(RawLine(1, line))  # type: ignore[arg-type]
    assert isinstance(outcome, Rejected)
    assert CANARY not in outcome.message and CANARY not in outcome.field
    assert CANARY not in repr(outcome.reason)


def write_lines(path: Path, lines: list[bytes], ending: bytes = b"\n") -> Path:
    path.write_bytes(ending.join(lines) + ending)
    return path


def test_counts_balance_when_file_is_malformed(tmp_path: Path) -> None:
    lines = [
        json.dumps(CHAT).encode(),  # 1 valid
        b"",  # 2 blank
        b"{not json",  # 3 invalid_json
        b"\xfe\xff",  # 4 invalid_utf8
        b"[]",  # 5 not_an_object
        json.dumps(TEXT).encode(),  # 6 format_mismatch
        b"   ",  # 7 blank
        json.dumps({"messages": [{"role": "user", "content": "only"}]}).encode(),  # 8 no_assistant_message
        json.dumps(CHAT | {"weight": -2}).encode(),  # 9 invalid_weight
        json.dumps(CHAT).encode(),  # 10 valid
        b'{"a": NaN}',  # 11 invalid_json
    ]
    summary = validate_file(write_lines(tmp_path / "train.jsonl", lines))
    assert summary.records_total == summary.records_valid + summary.records_invalid == 9
    assert (summary.records_valid, summary.blank_lines) == (2, 2)
    assert summary.format is RecordFormat.CONVERSATIONAL
    assert summary.by_reason == {
        "invalid_json": [3, 11],
        "invalid_utf8": [4],
        "not_an_object": [5],
        "format_mismatch": [6],
        "no_assistant_message": [8],
        "invalid_weight": [9],
    }
    assert summary.counts_by_reason == {reason: len(lines) for reason, lines in summary.by_reason.items()}
    assert [r.line_no for r in summary.first_rejections] == [3, 4, 5, 6, 8, 9, 11]


def test_caps_line_numbers_but_not_counts_when_limit_is_set(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "bad.jsonl", [b"{"] * 30)
    summary = validate_file(path, max_lines_per_reason=5, max_examples=2)
    assert summary.counts_by_reason == {"invalid_json": 30}
    assert summary.by_reason == {"invalid_json": [1, 2, 3, 4, 5]}
    assert len(summary.first_rejections) == 2


def test_validates_file_when_it_has_bom_and_crlf_and_no_final_newline(tmp_path: Path) -> None:
    path = tmp_path / "win.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(TEXT).encode() + b"\r\n\r\n" + json.dumps(TEXT).encode())
    summary = validate_file(path)
    assert (summary.records_total, summary.records_valid, summary.blank_lines) == (2, 2, 1)
    assert summary.format is RecordFormat.TEXT


def test_counts_removed_fields_when_policy_is_drop(tmp_path: Path) -> None:
    lines = [json.dumps(TEXT | {"id": n, "src": "x"}).encode() for n in range(3)]
    path = write_lines(tmp_path / "extra.jsonl", lines)
    summary = validate_file(path, unknown_fields="drop")
    assert (summary.records_valid, summary.fields_removed) == (3, 6)


def test_raises_input_error_when_file_is_missing(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        validate_file(tmp_path / "missing.jsonl")


def test_summary_serialises_when_dumped_to_json(tmp_path: Path) -> None:
    summary = validate_file(write_lines(tmp_path / "one.jsonl", [b"[]", json.dumps(TEXT).encode()]))
    dumped = json.loads(summary.model_dump_json())
    assert dumped["first_rejections"][0]["reason"] == "not_an_object"
    assert dumped["format"] == "text"
