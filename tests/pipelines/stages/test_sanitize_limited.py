"""Tests for pipelines.stages.sanitize_limited: a record whose detection passes its limit is quarantined."""

import json

from pipelines.stages.load_jsonl import RawLine
from pipelines.stages.run_stats import RunStats
from pipelines.stages.sanitize_limited import sanitize_limited
from pipelines.stages.sanitize_records import RecordSanitizer, SanitizedRecord
from pipelines.stages.validate_records import RecordValidator, Rejected
from sanitizers.replacement_book import ReplacementBook
from schemas.reasons import Reason

KEY = "tgp_v1_" + "FAKElimitTEST" + "0" * 30
# About 1 MB that keeps the secret detectors busy for a good part of a second: far past a 0.1 ms limit.
SLOW_TEXT = "password=hunter2 " * 60_000


def batch_of(*contents: str):
    validator = RecordValidator()
    raws, records = [], []
    for i, content in enumerate(contents, 1):
        line = json.dumps({"messages": [{"role": "user", "content": content},
                                        {"role": "assistant", "content": "ok"}]})
        records.append(validator.validate(RawLine(i, line.encode())))
        raws.append(line)
    return records, raws


def test_quarantines_record_when_its_detection_passes_the_limit(secrets_detector) -> None:
    records, raws = batch_of("my key " + KEY, SLOW_TEXT)
    stats = RunStats()
    items = sanitize_limited(lambda s: RecordSanitizer(secrets_detector, s, ReplacementBook), records, raws,
                             stats, base_timeout=0.0001)
    assert [item.line_no for item in items] == [1, 2]
    slow = items[1]
    assert isinstance(slow, Rejected)
    assert (slow.reason, slow.field) == (Reason.DETECTION_TIMEOUT, "")
    assert "hunter2" not in slow.message


def test_counts_like_one_batch_when_detection_finishes_in_time(secrets_detector) -> None:
    records, raws = batch_of("my key " + KEY, "nothing here", "again " + KEY)
    direct = RunStats()
    expected = RecordSanitizer(secrets_detector, direct, ReplacementBook).sanitize_batch(records, raws)
    limited = RunStats()
    items = sanitize_limited(lambda s: RecordSanitizer(secrets_detector, s, ReplacementBook), records, raws,
                             limited, base_timeout=60)
    assert items == expected
    assert all(isinstance(item, SanitizedRecord) for item in items)
    assert limited.model_dump() == direct.model_dump()
