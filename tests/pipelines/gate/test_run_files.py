import os
from pathlib import Path

import pytest

from pipelines.gate.run_files import bare_name, hash_regular, read_regular
from schemas.errors import NotApproved


def test_reads_regular_file_when_within_limit(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_bytes(b"{}")
    assert read_regular(path, 10) == b"{}"
    assert hash_regular(path)[1] == 2


@pytest.mark.parametrize(
    "make",
    [
        lambda p: os.mkfifo(p),  # a FIFO: a plain open() would block forever
        lambda p: p.symlink_to("/etc/hostname"),  # a symlink, even to a readable file
        lambda p: p.symlink_to("/dev/zero"),  # endless bytes
        lambda p: p.mkdir(),  # a folder
    ],
)
def test_refuses_at_once_when_not_a_regular_file(tmp_path: Path, make) -> None:
    path = tmp_path / "report.json"
    make(path)
    with pytest.raises(NotApproved, match="not a regular file"):
        read_regular(path, 1024)


def test_refuses_when_file_larger_than_limit(tmp_path: Path) -> None:
    path = tmp_path / "approval.json"
    path.write_bytes(b"x" * 11)
    with pytest.raises(NotApproved, match="larger than"):
        read_regular(path, 10)


@pytest.mark.parametrize("name", ["../x", "/abs", "a/b", "", ".", ".."])
def test_refuses_name_when_not_bare(tmp_path: Path, name: str) -> None:
    with pytest.raises(NotApproved, match="bare file name"):
        bare_name(name, tmp_path / "report.json")
