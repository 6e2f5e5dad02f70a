"""Property tests: whatever the bytes, sanitize never crashes, counts balance, and outputs stay valid."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipelines.stages.load_jsonl import RawLine
from pipelines.stages.sanitize_file import sanitize_file
from pipelines.stages.validate_records import RecordValidator
from schemas.run_config import DetectionOptions, Detectors, RunConfig

SECRETS_ONLY = RunConfig(detection=DetectionOptions(detectors=frozenset({Detectors.SECRETS})), batch_size=7)
PROFILE = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

texts = st.text(min_size=1, max_size=300).filter(lambda s: s.strip())
roles_chat = st.lists(st.tuples(texts, texts), min_size=1, max_size=4).map(
    lambda pairs: {"messages": [m for u, a in pairs for m in ({"role": "user", "content": u},
                                                             {"role": "assistant", "content": a})]}
)
records = st.one_of(
    roles_chat,
    st.builds(lambda t: {"text": t}, texts),
    st.builds(lambda p, c: {"prompt": p, "completion": c}, texts, texts),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=50),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=20,
)
lines = st.one_of(
    records.map(lambda r: json.dumps(r, ensure_ascii=False).encode()),
    records.map(lambda r: json.dumps(r).encode()),                # \u escapes
    json_values.map(lambda v: json.dumps(v).encode()),            # any JSON, mostly not a record
    st.binary(max_size=200).map(lambda b: b.replace(b"\n", b"")),  # random bytes
    st.just(b""),                                                  # blank
    st.just(b"[" * 5000 + b"]" * 5000),                            # deep nesting
)


def run(tmp_path, body: bytes, config: RunConfig, detector):
    src = tmp_path / "in.jsonl"
    src.write_bytes(body)
    return sanitize_file(src, tmp_path / "out", config, detector)


def check_outputs(out):
    s = out.stats
    assert s.records_total == s.records_written + s.records_quarantined
    # Split on "\n" only: str.splitlines would also split on U+0085 and U+2028, which JSON strings may hold.
    written = out.sanitized_path.read_text(encoding="utf-8").split("\n")[:-1]
    assert len(written) == s.records_written
    validator = RecordValidator(file_format=s.format)
    for i, line in enumerate(written, 1):
        result = validator.validate(RawLine(i, line.encode()))
        assert getattr(result, "format", None) == s.format, result
    quarantined = out.quarantine_path.read_text(encoding="utf-8").split("\n")[:-1]
    assert len(quarantined) == s.records_quarantined
    assert all({"line", "reason"} <= set(json.loads(q)) for q in quarantined)


@PROFILE
@given(body=st.lists(lines, max_size=25).map(lambda ls: b"\n".join(ls)))
def test_counts_balance_and_outputs_valid_when_input_is_arbitrary(tmp_path_factory, body, secrets_detector):
    out = run(tmp_path_factory.mktemp("p"), body, SECRETS_ONLY, secrets_detector)
    check_outputs(out)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(records, min_size=1, max_size=6))
def test_outputs_stay_in_format_when_full_detection_runs(tmp_path_factory, rows, full_detector):
    body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode()
    out = run(tmp_path_factory.mktemp("f"), body, RunConfig(), full_detector)
    check_outputs(out)
    assert out.stats.records_written + out.stats.records_quarantined == len(rows)


def test_handles_huge_string_when_record_is_two_megabytes(tmp_path, secrets_detector):
    big = ("lorem ipsum " * 180_000)[:2_000_000]
    body = (json.dumps({"text": big}) + "\r\n" + json.dumps({"text": "tail"})).encode()  # CRLF, no final newline
    out = run(tmp_path, b"\xef\xbb\xbf" + body, SECRETS_ONLY, secrets_detector)  # with a BOM
    assert out.stats.records_written == 2
    check_outputs(out)
