"""Tests for pipelines.stages.load_jsonl: line splitting, BOM/CRLF, long lines, bounded memory, read errors."""

import os
import tracemalloc
from pathlib import Path

import pytest

from pipelines.stages.load_jsonl import RawLine, iter_lines
from schemas.errors import InputError

BOM = b"\xef\xbb\xbf"


def lines_of(tmp_path: Path, content: bytes, **options: int) -> list[RawLine]:
    path = tmp_path / "in.jsonl"
    path.write_bytes(content)
    return list(iter_lines(path, **options))


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'{"a":1}\n{"b":2}\n', [b'{"a":1}', b'{"b":2}']),  # LF
        (b'{"a":1}\r\n{"b":2}\r\n', [b'{"a":1}', b'{"b":2}']),  # CRLF
        (b'{"a":1}\n{"b":2}', [b'{"a":1}', b'{"b":2}']),  # no final newline
        (b'{"a":1}\r\n{"b":2}', [b'{"a":1}', b'{"b":2}']),
        (BOM + b'{"a":1}\n', [b'{"a":1}']),  # BOM on line 1 is stripped
        (b'{"a":1}\n' + BOM + b'{"b":2}\n', [b'{"a":1}', BOM + b'{"b":2}']),  # near miss: BOM later is data
        (b"\n\n", [b"", b""]),  # blank lines are yielded, so they can be counted
        (b"a\n  \t\nb\n", [b"a", b"  \t", b"b"]),  # whitespace-only lines too
        (b"a\rb\n", [b"a\rb"]),  # a lone CR is not a line break
        (b"a\r", [b"a\r"]),  # nor at the end of the file
        (b"", []),  # an empty file has no lines
        (b"\xff\xfe\n", [b"\xff\xfe"]),  # bytes stay bytes: decoding is the validator's job
    ],
)
def test_splits_lines_when_file_has_given_bytes(tmp_path: Path, content: bytes, expected: list[bytes]) -> None:
    assert [line.data for line in lines_of(tmp_path, content)] == expected


def test_numbers_lines_from_one_when_blank_lines_are_present(tmp_path: Path) -> None:
    found = lines_of(tmp_path, b"a\n\nb\n")
    assert [(line.line_no, line.data) for line in found] == [(1, b"a"), (2, b""), (3, b"b")]


def test_reads_whole_line_when_line_is_two_megabytes(tmp_path: Path) -> None:
    big = b'{"text": "' + b"x" * (2 * 1024 * 1024) + b'"}'
    found = lines_of(tmp_path, b"{}\n" + big + b"\r\n{}\n")
    assert [line.data for line in found] == [b"{}", big, b"{}"]
    assert not any(line.too_long for line in found)


def test_flags_line_when_it_passes_the_limit(tmp_path: Path) -> None:
    found = lines_of(tmp_path, b"12345\n" + b"y" * 50 + b"\n123\n" + b"z" * 7, max_line_bytes=5)
    assert [(line.line_no, line.data, line.too_long) for line in found] == [
        (1, b"12345", False),  # exactly at the limit
        (2, b"", True),  # over it: skipped, numbered, flagged
        (3, b"123", False),  # the next line is read normally
        (4, b"", True),  # also at the end of the file without a newline
    ]


def test_memory_stays_bounded_when_file_is_large(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    line = b'{"text": "' + b"a" * 1000 + b'"}\n'
    with path.open("wb") as f:
        for _ in range(20):
            f.write(line * 1000)  # 20 MB in total
    tracemalloc.start()
    try:
        count = sum(1 for _ in iter_lines(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 20_000
    assert peak < 4 * 1024 * 1024  # the 1 MiB read buffer and one line, not the 20 MB file


def test_raises_input_error_when_file_is_missing(tmp_path: Path) -> None:
    path = tmp_path / "nope.jsonl"
    with pytest.raises(InputError, match="file not found") as caught:
        iter_lines(path)
    assert str(path) in str(caught.value)


def test_raises_input_error_when_path_is_a_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        iter_lines(tmp_path)


def test_raises_input_error_when_path_is_not_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        iter_lines(fifo)


def test_accepts_str_path_when_given_a_string(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"{}\n")
    assert [line.data for line in iter_lines(str(path))] == [b"{}"]
