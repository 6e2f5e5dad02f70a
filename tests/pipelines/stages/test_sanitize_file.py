"""The sanitize stage end to end on the real detectors: structure kept, values gone, nothing lost."""

import json

import pytest

from pipelines.stages.sanitize_file import sanitize_file
from schemas.run_config import RunConfig

FAKE_KEY = "tgp_v1_" + "FAKEtestKEY" + "q8Lm2Vn5Rw9Tz3Yb7Kc4Xd6Hf1Jg0PaZ"  # 43 chars after the prefix


def records(path):
    return [json.loads(line) for line in path.read_text().splitlines()]


def quarantine(path):
    return [json.loads(line) for line in path.read_text().splitlines()]


def chat(*turns):
    return {"messages": [{"role": r, "content": c} for r, c in turns]}


def test_keeps_placeholder_consistent_across_turns_when_value_repeats(tmp_path, write_jsonl, full_detector):
    src = write_jsonl([chat(("user", "I'm Maria Gonzalez, email maria.gonzalez@example.org"),
                            ("assistant", "Thanks Maria Gonzalez, I wrote to maria.gonzalez@example.org"))])
    out = sanitize_file(src, tmp_path / "out", RunConfig(), full_detector)
    [rec] = records(out.sanitized_path)
    user, assistant = (m["content"] for m in rec["messages"])
    assert "maria.gonzalez@example.org" not in user + assistant
    assert "<EMAIL_ADDRESS_1>" in user and "<EMAIL_ADDRESS_1>" in assistant
    assert [m["role"] for m in rec["messages"]] == ["user", "assistant"]


def test_keeps_tool_call_arguments_valid_json_when_values_replaced(tmp_path, write_jsonl, full_detector):
    args = {"email": "kenji.sato@example.com", "api_key": FAKE_KEY, "count": 3, "nested": {"to": ["kenji.sato@example.com"]}}
    rec = {"messages": [
        {"role": "user", "content": "Send it"},
        {"role": "assistant", "tool_calls": [{"id": "c1", "type": "function",
                                              "function": {"name": "send", "arguments": json.dumps(args)}}]},
        {"role": "tool", "tool_call_id": "c1", "content": "sent"},
        {"role": "assistant", "content": "Done."},
    ]}
    out = sanitize_file(write_jsonl([rec]), tmp_path / "out", RunConfig(), full_detector)
    [got] = records(out.sanitized_path)
    call = got["messages"][1]["tool_calls"][0]
    parsed = json.loads(call["function"]["arguments"])
    assert set(parsed) == set(args) and parsed["count"] == 3
    assert parsed["email"] == parsed["nested"]["to"][0] == "<EMAIL_ADDRESS_1>"
    assert parsed["api_key"].startswith("<TOGETHER_API_KEY_")
    assert call["id"] == "c1" and call["function"]["name"] == "send"


def test_balances_counts_when_file_is_malformed(tmp_path, full_detector):
    from tests.conftest import SAMPLES

    out = sanitize_file(SAMPLES / "malformed.jsonl", tmp_path / "out", RunConfig(), full_detector)
    s = out.stats
    assert s.records_total == s.records_written + s.records_quarantined
    assert s.blank_lines == 1 and s.records_written == 2
    rows = quarantine(out.quarantine_path)
    assert [r["line"] for r in rows] == [2, 3, 4, 5, 6, 7, 8, 9, 11]
    assert {r["reason"] for r in rows} >= {"invalid_json", "not_an_object", "unknown_format", "role_order",
                                          "no_assistant_message", "invalid_role", "format_mismatch",
                                          "empty_content", "unknown_field"}
    assert len(records(out.sanitized_path)) == s.records_written


def test_writes_unchanged_line_verbatim_when_nothing_found(tmp_path, full_detector):
    src = tmp_path / "in.jsonl"
    line = '{"text":  "Release notes: version 3.2 adds streaming uploads."}'
    src.write_text(line + "\n")
    out = sanitize_file(src, tmp_path / "out", RunConfig(), full_detector)
    assert out.sanitized_path.read_text() == line + "\n"
    assert out.stats.records_changed == 0


def test_replaces_secret_with_placeholder_when_pasted_in_text(tmp_path, write_jsonl, secrets_detector):
    from schemas.run_config import DetectionOptions, Detectors

    config = RunConfig(detection=DetectionOptions(detectors=frozenset({Detectors.SECRETS})))
    out = sanitize_file(write_jsonl([{"text": f"key={FAKE_KEY} thanks"}]), tmp_path / "out", config, secrets_detector)
    [rec] = records(out.sanitized_path)
    assert FAKE_KEY not in rec["text"] and "<TOGETHER_API_KEY_1>" in rec["text"]
    assert out.stats.findings["TOGETHER_API_KEY"] == 1


def test_hash_matches_written_bytes_when_run_completes(tmp_path, write_jsonl, full_detector):
    import hashlib

    out = sanitize_file(write_jsonl([{"text": "hello world"}]), tmp_path / "out", RunConfig(), full_detector)
    assert out.sanitized_sha256 == hashlib.sha256(out.sanitized_path.read_bytes()).hexdigest()


@pytest.mark.parametrize("fmt", ["conversational", "instruction", "text", "preference"])
def test_writes_every_sample_record_when_format_is_valid(tmp_path, fmt, full_detector):
    from tests.conftest import SAMPLES

    out = sanitize_file(SAMPLES / f"{fmt}.jsonl", tmp_path / "out", RunConfig(), full_detector)
    assert out.stats.records_quarantined == 0
    assert out.stats.records_written == out.stats.records_total > 0
    assert str(out.stats.format) == fmt
