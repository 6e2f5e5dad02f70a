"""Tests for pipelines.commands.failures: one escaped line, the cause and the fix, the exit code."""

import errno
import os
from pathlib import Path

import pytest

from pipelines.commands.failures import fail, write_failure


@pytest.mark.parametrize(
    ("code", "fix"),
    [
        (errno.EROFS, "read-only"),
        (errno.EACCES, "make the folder writable"),
        (errno.ENOSPC, "free space"),
        (errno.EFBIG, "ulimit -f"),
        (errno.ENAMETOOLONG, "shorter --out"),
        (errno.EIO, "check the folder and the disk"),  # anything else: the general advice
    ],
)
def test_names_file_cause_and_fix_when_a_write_fails(code: int, fix: str) -> None:
    error = OSError(code, os.strerror(code), "/out/run/x.sanitized.jsonl")
    message = write_failure(error, Path("/out/run"))
    assert message.startswith("cannot write /out/run/x.sanitized.jsonl (")
    assert os.strerror(code) in message
    assert fix in message


def test_names_the_output_folder_when_the_error_has_no_file() -> None:
    assert write_failure(OSError(errno.EFBIG, "File too large"), Path("out\x1b")).startswith("cannot write out\\x1b ")


def test_prints_one_escaped_line_and_exits_with_code_when_failing(capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        fail("bad\nname\x1b[2J: not a file", 2)
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err == "error: bad\\nname\\x1b[2J: not a file\n"
