import hashlib
from pathlib import Path

import pytest

from pipelines.gate.private_copy import private_copy
from schemas.errors import HashMismatch, NotApproved


def test_yields_private_read_only_copy_of_approved_bytes(tmp_path: Path) -> None:
    path = tmp_path / "train.sanitized.jsonl"
    path.write_bytes(b'{"text": "ok"}\n')
    with private_copy(path, hashlib.sha256(path.read_bytes()).hexdigest()) as copy:
        assert copy.read_bytes() == path.read_bytes() and copy.name == path.name
        assert copy.stat().st_mode & 0o777 == 0o400 and copy.parent.stat().st_mode & 0o777 == 0o700
    assert not copy.parent.exists()


def test_refuses_and_keeps_nothing_when_bytes_are_not_the_approved_ones(tmp_path: Path) -> None:
    path = tmp_path / "train.sanitized.jsonl"
    path.write_bytes(b'{"text": "swapped"}\n')
    with pytest.raises(HashMismatch, match="nothing was sent"), private_copy(path, "0" * 64) as copy:
        pytest.fail(f"yielded {copy}")


def test_refuses_when_file_is_a_symlink(tmp_path: Path) -> None:
    target = tmp_path / "raw.jsonl"
    target.write_bytes(b"{}\n")
    link = tmp_path / "train.sanitized.jsonl"
    link.symlink_to(target)
    with pytest.raises(NotApproved, match="not a regular file"), private_copy(link, hashlib.sha256(b"{}\n").hexdigest()):
        pytest.fail("yielded a copy of a symlink")
