"""The cache files: only this user's unshared files are read; writes are atomic; pruning keeps the newest."""

import os
import time

from sanitizers import cache_files


def test_reads_file_when_it_and_its_folder_are_the_users_alone(tmp_path):
    folder = tmp_path / "cache"
    cache_files.store(folder / "a.bin", b"data")
    assert cache_files.read_trusted(folder / "a.bin") == b"data"
    assert oct(folder.stat().st_mode & 0o777) == "0o700"
    assert [p.name for p in folder.iterdir()] == ["a.bin"]  # no temporary file left behind


def test_refuses_file_that_others_may_write_or_a_link(tmp_path):
    folder = tmp_path / "cache"
    cache_files.store(folder / "a.bin", b"data")
    os.chmod(folder / "a.bin", 0o664)
    assert cache_files.read_trusted(folder / "a.bin") is None
    os.chmod(folder / "a.bin", 0o600)
    os.chmod(folder, 0o777)
    assert cache_files.read_trusted(folder / "a.bin") is None
    os.chmod(folder, 0o700)
    (folder / "link.bin").symlink_to(folder / "a.bin")
    assert cache_files.read_trusted(folder / "link.bin") is None
    assert cache_files.read_trusted(folder / "missing.bin") is None


def test_prunes_all_but_the_most_recently_used(tmp_path):
    for i in range(5):
        cache_files.store(tmp_path / f"x-{i}.db", b"%d" % i)
        os.utime(tmp_path / f"x-{i}.db", (time.time() - 100 + i, time.time() - 100 + i))
    cache_files.touch(tmp_path / "x-0.db")  # used just now
    (tmp_path / "other.txt").write_text("kept: another pattern")
    cache_files.prune(tmp_path, "x-*.db", 2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.txt", "x-0.db", "x-4.db"]


def test_logs_and_goes_on_when_the_folder_cannot_be_written(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache_files.store(blocker / "a.bin", b"data")  # no exception: the caller builds what it needed
    assert cache_files.read_trusted(blocker / "a.bin") is None
