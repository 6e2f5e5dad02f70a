"""Seals on finished chunks: only chunks this run's planner sealed are resumed; planted ones are redone."""

import json
import os
from pathlib import Path

from pipelines.stages.chunk_seal import KEY_FILE, drop_unsealed, seal_chunk, seal_key
from pipelines.stages.plan_chunks import Chunk
from pipelines.stages.sanitize_chunk import ChunkJob


def _finished_job(work: Path, index: int = 0, text: bytes = b'{"text": "sanitized"}\n') -> ChunkJob:
    job = ChunkJob("in.jsonl", Chunk(index, 0, len(text), 1), str(work), "{}", None)
    job.part("sanitized.jsonl").write_bytes(text)
    job.part("quarantine.jsonl").write_bytes(b"")
    job.part("stats.json").write_text(json.dumps({"records_total": 1}))
    return job


def test_keeps_chunk_when_this_run_sealed_it(tmp_path: Path) -> None:
    key = seal_key(tmp_path)
    job = _finished_job(tmp_path)
    seal_chunk(job, key)
    assert drop_unsealed([job], seal_key(tmp_path)) == 0
    assert job.part("stats.json").exists()


def test_drops_chunk_when_planted_without_seal(tmp_path: Path) -> None:
    key = seal_key(tmp_path)
    job = _finished_job(tmp_path, text=b'{"text": "raw text nobody sanitized"}\n')
    assert drop_unsealed([job], key) == 1
    assert not job.part("stats.json").exists() and not job.part("sanitized.jsonl").exists()


def test_drops_chunk_when_part_edited_after_sealing(tmp_path: Path) -> None:
    key = seal_key(tmp_path)
    job = _finished_job(tmp_path)
    seal_chunk(job, key)
    job.part("sanitized.jsonl").write_bytes(b'{"text": "swapped after the seal"}\n')
    assert drop_unsealed([job], key) == 1


def test_discards_key_and_chunks_when_key_file_readable_by_others(tmp_path: Path) -> None:
    key = seal_key(tmp_path)
    job = _finished_job(tmp_path)
    seal_chunk(job, key)
    os.chmod(tmp_path / KEY_FILE, 0o644)  # someone else could have read it and sealed a planted chunk
    assert seal_key(tmp_path) != key
    assert not job.part("stats.json").exists()
    assert (tmp_path / KEY_FILE).stat().st_mode & 0o777 == 0o600
