import os
import stat
from pathlib import Path

import pytest

from pipelines.atomic import atomic_write_bytes, atomic_write_text, atomic_writer


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_text_when_target_is_new(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    atomic_write_text(target, '{"a": 1}\n')
    assert target.read_bytes() == b'{"a": 1}\n'
    assert _leftovers(tmp_path) == []


def test_keeps_lf_newlines_when_writing_text(tmp_path: Path) -> None:
    target = tmp_path / "a.jsonl"
    atomic_write_text(target, "x\ny\n")
    assert target.read_bytes() == b"x\ny\n"


def test_replaces_content_when_target_exists(tmp_path: Path) -> None:
    target = tmp_path / "a.bin"
    target.write_bytes(b"old")
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"


def test_keeps_old_content_when_block_raises(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_writer(target, "w") as f:
        f.write("half")
        raise RuntimeError("boom")
    assert target.read_text() == "old"
    assert _leftovers(tmp_path) == []


def test_creates_nothing_when_block_raises_and_target_is_new(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    with pytest.raises(RuntimeError), atomic_writer(target, "wb") as f:
        f.write(b"half")
        raise RuntimeError("boom")
    assert list(tmp_path.iterdir()) == []


def test_keeps_mode_when_replacing_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_text("old")
    os.chmod(target, 0o640)
    atomic_write_text(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_uses_umask_mode_when_target_is_new(tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("x")
    target = tmp_path / "atomic.txt"
    atomic_write_text(target, "x")
    assert stat.S_IMODE(target.stat().st_mode) == stat.S_IMODE(plain.stat().st_mode)


@pytest.mark.parametrize("mode", ["a", "r", "w+", "ab"])
def test_refuses_mode_when_not_a_plain_write(tmp_path: Path, mode: str) -> None:
    with pytest.raises(ValueError, match="mode"), atomic_writer(tmp_path / "a", mode):  # type: ignore[arg-type]
        pass


@pytest.mark.parametrize(("durable", "syncs"), [(True, 2), (False, 0)])
def test_fsyncs_file_and_folder_only_when_durable(tmp_path: Path, monkeypatch, durable: bool, syncs: int) -> None:
    calls: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (calls.append(fd), real_fsync(fd))[1])
    target = tmp_path / "part.jsonl"
    with atomic_writer(target, durable=durable) as f:
        f.write("a\n")
    assert target.read_text() == "a\n"
    assert len(calls) == syncs
    assert [p.name for p in tmp_path.iterdir()] == ["part.jsonl"]  # no temporary file left either way
