"""Run folders of recurring runs: naming, finding earlier work by bytes and config, retention."""

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pipelines.run import run_sanitize
from pipelines.run_folders import (
    ManifestEntry,
    find_sanitized,
    prune,
    run_folder_name,
    run_folders,
    write_manifest,
)
from schemas.run_config import DetectionOptions, Detectors, RunConfig

SAMPLE = Path(__file__).resolve().parents[2] / "data-samples" / "instruction.jsonl"
SECRETS = RunConfig(detection=DetectionOptions(detectors=frozenset({Detectors.SECRETS})))
SHA = "unused"


def _sanitized_run(root: Path, name: str, config: RunConfig = SECRETS, source: Path = SAMPLE) -> Path:
    out = root / name / source.name.removesuffix(".jsonl")
    run_sanitize(source, out, config)
    return out


def test_names_folder_by_utc_start_and_run_id_when_created() -> None:
    started = datetime(2026, 12, 6, 2, 0, 5, tzinfo=UTC)
    name = run_folder_name("1a2b3c4d-5e6f-7a8b-9c0d-112233445566", started)
    assert name == "20261206T020005Z-1a2b3c4d"


def test_lists_only_run_folders_oldest_first(tmp_path: Path) -> None:
    for name in ("20261206T020000Z-bbbbbbbb", "20261205T020000Z-aaaaaaaa", "notes", "2026-12-06"):
        (tmp_path / name).mkdir()
    (tmp_path / "20261207T020000Z-cccccccc.txt").write_text("a file, not a folder")
    assert [p.name for p in run_folders(tmp_path)] == ["20261205T020000Z-aaaaaaaa", "20261206T020000Z-bbbbbbbb"]


def test_finds_earlier_folder_when_same_bytes_and_config(tmp_path: Path) -> None:
    earlier = _sanitized_run(tmp_path, "20261205T020000Z-aaaaaaaa")
    current = tmp_path / "20261206T020000Z-bbbbbbbb"
    from pipelines.file_hash import sha256_file

    assert find_sanitized(tmp_path, sha256_file(SAMPLE), SECRETS, exclude=current) == earlier


@pytest.mark.parametrize(
    "change",
    [
        "config",  # the same bytes sanitized with other options: may differ, so sanitize again
        "bytes",  # near-miss: one byte more in the input
        "sanitized file gone",  # the earlier output was removed by hand
    ],
)
def test_finds_nothing_when_config_bytes_or_output_differ(tmp_path: Path, change: str) -> None:
    from pipelines.file_hash import sha256_file

    source = tmp_path / "in" / SAMPLE.name
    source.parent.mkdir()
    shutil.copyfile(SAMPLE, source)
    earlier = _sanitized_run(tmp_path / "root", "20261205T020000Z-aaaaaaaa", source=source)
    config = SECRETS
    if change == "config":
        config = SECRETS.model_copy(update={"unknown_fields": "drop"})
    elif change == "bytes":
        source.write_bytes(source.read_bytes() + b"\n")
    else:
        next(earlier.glob("*.sanitized.jsonl")).unlink()
    assert find_sanitized(tmp_path / "root", sha256_file(source), config) is None


def test_keeps_newest_and_referenced_folders_when_pruned(tmp_path: Path) -> None:
    names = [f"2026120{d}T020000Z-{c * 8}" for d, c in zip(range(1, 6), "abcde", strict=True)]
    for name in names:
        (tmp_path / name / "x").mkdir(parents=True)
    newest = tmp_path / names[-1]
    # The newest run took its file from the first run's folder: that folder must stay.
    write_manifest(newest, "run-e", [ManifestEntry("x.jsonl", SHA, f"{names[0]}/x", reused=True)])
    deleted = prune(tmp_path, keep=2, current=newest)
    assert sorted(p.name for p in deleted) == names[1:3]
    assert [p.name for p in run_folders(tmp_path)] == [names[0], names[3], names[4]]


def test_writes_manifest_naming_where_each_file_is(tmp_path: Path) -> None:
    path = write_manifest(tmp_path, "run-1", [ManifestEntry("a.jsonl", "ab" * 32, "r1/a", reused=True)])
    body = json.loads(path.read_text())
    assert body == {"flow_run_id": "run-1",
                    "files": [{"file": "a.jsonl", "input_sha256": "ab" * 32, "folder": "r1/a", "reused": True}]}
