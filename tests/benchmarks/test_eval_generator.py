"""The eval set: the generator is deterministic, labels point at real substrings, records are valid
Together data; and the scorer aligns outputs with inputs and counts leaks the way its docstring says."""

import itertools
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FORMAT_KEYS = {
    "eval_conversational.jsonl": [{"messages"}, {"messages", "tools"}],
    "eval_instruction.jsonl": [{"prompt", "completion"}],
    "eval_text.jsonl": [{"text"}],
    "eval_preference.jsonl": [{"input", "preferred_output", "non_preferred_output"}],
}
sys.path.insert(0, str(REPO))  # the benchmarks package lives at the repository root, outside the wheel

from benchmarks.eval.align import AlignmentError, align
from benchmarks.eval.pii_values import iban_valid, luhn_valid
from benchmarks.eval.record_text import record_haystack
from benchmarks.eval.score import core_leaked, name_part_leaked, score


def _generate(out: Path, hash_seed: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}  # a different hash seed must not change the output
    subprocess.run([sys.executable, "-m", "benchmarks.eval.generate_eval_set", "--out", str(out),
                    "--records", "100", "--seed", "11"], cwd=REPO, env=env, check=True, capture_output=True)


@pytest.fixture(scope="module")
def eval_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("eval")
    _generate(out, "1")
    return out


def _records(eval_dir: Path, name: str) -> list[dict]:
    return [json.loads(line) for line in (eval_dir / name).read_text(encoding="utf-8").splitlines()]


def _rows(eval_dir: Path, name: str) -> list[dict]:
    return _records(eval_dir, name)


def test_writes_same_bytes_when_seed_repeats(eval_dir: Path, tmp_path: Path) -> None:
    _generate(tmp_path, "2")
    for path in sorted(eval_dir.iterdir()):
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


def test_writes_one_file_per_format_when_generating(eval_dir: Path) -> None:
    manifest = json.loads((eval_dir / "manifest.json").read_text())
    assert sorted(manifest["files"]) == sorted(FORMAT_KEYS)
    assert sum(manifest["files"].values()) == 100


def test_label_value_occurs_in_stated_line_when_generated(eval_dir: Path) -> None:
    records = {name: _records(eval_dir, name) for name in FORMAT_KEYS}
    labels = _rows(eval_dir, "labels.jsonl")
    assert {row["kind"] for row in labels} == {"pii", "secret", "near_miss"}
    for row in labels:
        haystack = record_haystack(records[row["file"]][row["line"] - 1])
        assert row["value"] in haystack, (row["file"], row["line"], row["entity"])
        if row["kind"] != "near_miss":
            assert row["core"] and row["core"] in row["value"], (row["file"], row["line"], row["entity"])


def test_benign_string_occurs_in_stated_line_when_generated(eval_dir: Path) -> None:
    records = {name: _records(eval_dir, name) for name in FORMAT_KEYS}
    rows = _rows(eval_dir, "benign.jsonl")
    assert len(rows) == 100
    for row in rows:
        haystack = record_haystack(records[row["file"]][row["line"] - 1])
        assert all(item["value"] in haystack for item in row["strings"]), (row["file"], row["line"])


def test_benign_only_record_has_no_planted_value_when_generated(eval_dir: Path) -> None:
    planted = {(r["file"], r["line"]) for r in _rows(eval_dir, "labels.jsonl") if r["kind"] != "near_miss"}
    benign_only = {(r["file"], r["line"]) for r in _rows(eval_dir, "benign.jsonl") if r["benign_only"]}
    assert benign_only and not planted & benign_only
    assert 0.25 <= len(benign_only) / 100 <= 0.55  # about 40%, loose for a small sample


def test_record_has_exactly_one_format_keys_when_generated(eval_dir: Path) -> None:
    for name, allowed in FORMAT_KEYS.items():
        for line, record in enumerate(_records(eval_dir, name), start=1):
            assert set(record) in allowed, (name, line)


def _check_roles(messages: list[dict], where: tuple) -> None:
    roles = [m["role"] for m in messages]
    assert roles[0] in ("system", "user"), where
    assert all(a != b for a, b in itertools.pairwise(roles)), where
    for m in messages:
        if m["role"] == "assistant" and "tool_calls" in m:
            for call in m["tool_calls"]:
                json.loads(call["function"]["arguments"])  # arguments are a JSON string
        elif m["role"] == "tool":
            assert m["tool_call_id"] and isinstance(m["content"], str), where
        else:
            assert isinstance(m["content"], str) and m["content"], where


def test_messages_follow_role_rules_when_generated(eval_dir: Path) -> None:
    for line, record in enumerate(_records(eval_dir, "eval_conversational.jsonl"), start=1):
        _check_roles(record["messages"], ("conversational", line))
        assert any(m["role"] == "assistant" for m in record["messages"])
    for line, record in enumerate(_records(eval_dir, "eval_preference.jsonl"), start=1):
        _check_roles(record["input"]["messages"], ("preference", line))
        assert record["input"]["messages"][-1]["role"] != "assistant"
        for key in ("preferred_output", "non_preferred_output"):
            assert [m["role"] for m in record[key]] == ["assistant"]


def test_checksummed_values_are_valid_when_planted(eval_dir: Path) -> None:
    labels = _rows(eval_dir, "labels.jsonl")
    for row in labels:
        if row["entity"] == "CREDIT_CARD" and row["variant"] != "no_luhn":  # mistyped cards after a cue
            assert luhn_valid(row["value"])
        elif row["entity"] == "IBAN_CODE" and row["variant"] != "bad_check":  # mistyped IBANs after a cue
            assert iban_valid(row["value"])
        elif row["entity"] == "US_SSN" and row["variant"] != "not_issued":  # never-issued SSNs after a cue
            area = int(row["value"][:3])
            assert area not in (0, 666) and area < 900


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        ("4111 1111 1111 1111", True),  # the classic Visa test number
        ("378282246310005", True),  # Amex test number, 15 digits
        ("4111 1111 1111 1112", False),  # one digit off: near-miss
        ("1234-5678-9012-3456", False),  # sequential digits
    ],
)
def test_luhn_check_matches_when_number_given(number: str, valid: bool) -> None:
    assert luhn_valid(number) is valid


@pytest.mark.parametrize(
    ("iban", "valid"),
    [
        ("GB82 WEST 1234 5698 7654 32", True),  # the ECBS documentation example
        ("DE89370400440532013000", True),  # the common German example
        ("GB82 WEST 1234 5698 7654 33", False),  # last digit changed: near-miss
        ("DE00370400440532013000", False),  # check digits zeroed
    ],
)
def test_iban_check_matches_when_iban_given(iban: str, valid: bool) -> None:
    assert iban_valid(iban) is valid


def _copy_as_outputs(eval_dir: Path, out: Path) -> None:
    """An identity 'sanitizer': every output equals its input."""
    for name in FORMAT_KEYS:
        fmt_dir = out / name.removeprefix("eval_").removesuffix(".jsonl")
        fmt_dir.mkdir(parents=True)
        shutil.copy(eval_dir / name, fmt_dir / name.replace(".jsonl", ".sanitized.jsonl"))


def test_counts_every_value_leaked_when_output_equals_input(eval_dir: Path, tmp_path: Path) -> None:
    _copy_as_outputs(eval_dir, tmp_path)
    results = score(eval_dir, tmp_path)
    assert results["leak_rate"] == 1.0 and results["secret_core_leak_rate"] == 1.0
    assert results["benign_kept"] == 1.0 and results["benign_only_unchanged"] == 1.0
    assert results["near_miss_changed"] == 0.0
    assert not results["targets"]["leak_rate"]["passed"] and results["targets"]["benign_kept"]["passed"]


def test_maps_outputs_past_quarantined_line_when_aligning(eval_dir: Path, tmp_path: Path) -> None:
    name = "eval_text.jsonl"
    lines = (eval_dir / name).read_text(encoding="utf-8").splitlines(keepends=True)
    (tmp_path / "eval_text.sanitized.jsonl").write_text("".join(lines[:1] + lines[2:]), encoding="utf-8")
    (tmp_path / "eval_text.quarantine.jsonl").write_text('{"line": 2, "reason": "schema_error"}\n')
    aligned = align(eval_dir / name, tmp_path)
    assert aligned.quarantined == {2: "schema_error"}
    assert aligned.records[3] == json.loads(lines[2]) and 2 not in aligned.records


def test_raises_when_output_misses_a_line_without_quarantine(eval_dir: Path, tmp_path: Path) -> None:
    lines = (eval_dir / "eval_text.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    (tmp_path / "eval_text.sanitized.jsonl").write_text("".join(lines[1:]), encoding="utf-8")
    with pytest.raises(AlignmentError):
        align(eval_dir / "eval_text.jsonl", tmp_path)
    assert len(align(eval_dir / "eval_text.jsonl", tmp_path, allow_partial=True).records) == len(lines) - 1


@pytest.mark.parametrize(
    ("output", "leaked"),
    [
        ("key=<AZURE_STORAGE_KEY>", False),  # fully replaced
        ("key=abcdefghijklmnopqrstuvwxyz0123", True),  # verbatim
        ("key=ghijklmnopqrstuv...", True),  # a 16-character piece survives
        ("key=abcdefghijklmno", False),  # only 15 characters: near-miss
    ],
)
def test_core_leak_matches_when_secret_part_survives(output: str, leaked: bool) -> None:
    assert core_leaked(output, "abcdefghijklmnopqrstuvwxyz0123") is leaked


@pytest.mark.parametrize(
    ("before", "after", "leaked"),
    [
        ("Hi, I'm Joana Silva.", "Hi, I'm <PERSON>.", False),  # fully replaced
        ("Hi, I'm Joana Silva.", "Hi, I'm <PERSON> Silva.", True),  # surname left behind
        ("Joana Silva lives on Rua Silva 4.", "<PERSON> lives on Rua Silva 4.", False),  # surname is also a street
        ("Joana Silva, Silvania", "<PERSON>, Silvania", False),  # only inside a longer word
    ],
)
def test_name_part_leak_matches_when_name_half_replaced(before: str, after: str, leaked: bool) -> None:
    assert name_part_leaked(after, before, "Joana Silva") is leaked
