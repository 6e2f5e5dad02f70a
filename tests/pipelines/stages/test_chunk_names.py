"""The chunk's first read: names found in one record are found in the chunk's other records."""

import json

from pipelines.stages.chunk_names import learn_chunk_names
from pipelines.stages.plan_chunks import plan_chunks
from pipelines.stages.sanitize_file import sanitize_file
from pipelines.stages.validate_records import RecordValidator
from schemas.run_config import RunConfig


def chat(text):
    return {"messages": [{"role": "user", "content": text}, {"role": "assistant", "content": "Noted."}]}


TEXTS = ["My grandfather was Frederick Winterbourne, a carpenter from the coast.",
         "Winterbourne kept the accounts for the mill."]


def test_replaces_lone_surname_when_another_record_named_the_person(tmp_path, write_jsonl, full_detector):
    alone = sanitize_file(write_jsonl([chat(TEXTS[1])]), tmp_path / "alone", RunConfig(), full_detector)
    assert "Winterbourne" in alone.sanitized_path.read_text()  # no cue in the record itself
    src = write_jsonl([chat(t) for t in TEXTS])
    out = sanitize_file(src, tmp_path / "out", RunConfig(), full_detector)
    first, second = (json.loads(line)["messages"][0]["content"] for line in out.sanitized_path.read_text().splitlines())
    assert "Winterbourne" not in first + second
    assert second == "<PERSON_1> kept the accounts for the mill."


def test_learns_from_valid_records_only_when_chunk_has_bad_lines(tmp_path, full_detector):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(chat(TEXTS[0])) + "\n{not json\n" + json.dumps(chat(TEXTS[1])) + "\n")
    [chunk] = plan_chunks(src, 1 << 20)
    names = learn_chunk_names(str(src), chunk, RecordValidator(), full_detector, batch_size=1, base_timeout=10.0)
    assert set(names.findings) == {TEXTS[0], "Noted.", TEXTS[1]}
    [found] = names.detect_batch(full_detector, [TEXTS[1]])
    assert [TEXTS[1][f.start : f.end] for f in found] == ["Winterbourne"]


def test_keeps_lines_balanced_when_names_are_carried(tmp_path, write_jsonl, full_detector):
    src = write_jsonl([chat(t) for t in TEXTS] * 3 + [{"messages": "bad"}])
    out = sanitize_file(src, tmp_path / "out", RunConfig(), full_detector)
    written = out.sanitized_path.read_text().splitlines()
    quarantined = out.quarantine_path.read_text().splitlines()
    assert len(written) + len(quarantined) == 7
