"""Read a JSONL file as raw lines, streamed: one line in memory at a time, whatever the file's size.

Lines stay bytes: decoding is the validator's job, so a line that is not UTF-8 becomes a quarantined
record (invalid_utf8) instead of an error that stops the run.
"""

import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from schemas.errors import InputError

_BOM = b"\xef\xbb\xbf"
# Together allows 10 images of 10 MB per example: about 140 MB of base64 on one line. Past this limit a
# line is flagged (line_too_long) and skipped in chunks, so one runaway line cannot exhaust memory.
DEFAULT_MAX_LINE_BYTES = 256 * 1024 * 1024
_SKIP_CHUNK = 1024 * 1024
_BUFFER = 1024 * 1024


@dataclass(frozen=True, slots=True)
class RawLine:
    """One input line: 1-based number and bytes without the line ending (and without a leading BOM).

    `too_long` is True when the line passed the reader's limit; `data` is then empty.
    """

    line_no: int
    data: bytes
    too_long: bool = False


def iter_lines(
    path: Path | str,
    *,
    max_line_bytes: int = DEFAULT_MAX_LINE_BYTES,
    start: int = 0,
    end: int | None = None,
    first_line: int = 1,
) -> Iterator[RawLine]:
    """Yield every line of `path`, blank ones included, as RawLine.

    Strips `\\n` or `\\r\\n` and a UTF-8 BOM on line 1; a missing final newline is fine.
    `start`/`end`/`first_line` read one chunk of a plan (see plan_chunks): bytes [start, end), where
    `start` is a line start and `first_line` that line's number.

    Raises:
        InputError: the file is missing, not a regular file, or cannot be read (raised by this call
            for problems visible up front, during iteration for a read that fails later).
    """
    path = Path(path)
    _check_readable(path)
    return _read(path, max_line_bytes, start, end, first_line)


def _check_readable(path: Path) -> None:
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise InputError(f"{path}: file not found; check the path and that the file exists") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied; make the file and its folders readable") from None
    except OSError as e:
        raise InputError(f"{path}: cannot be read ({e.strerror}); check the path") from e
    if stat.S_ISDIR(mode):
        raise InputError(f"{path}: is a directory; pass the path of a .jsonl file") from None
    if not stat.S_ISREG(mode):
        raise InputError(f"{path}: is not a regular file; copy the data to a .jsonl file first") from None


def _read(path: Path, max_line_bytes: int, start: int, end: int | None, first_line: int) -> Iterator[RawLine]:
    try:
        f = path.open("rb", buffering=_BUFFER)
    except OSError as e:
        raise InputError(f"{path}: cannot be opened ({e.strerror}); check its permissions") from e
    with f:
        line_no = first_line - 1
        if start:
            f.seek(start)
        position = start
        while end is None or position < end:
            try:
                line = f.readline(max_line_bytes + 1)
            except OSError as e:
                raise InputError(f"{path}: reading failed after line {line_no} ({e.strerror})") from e
            if not line:
                return
            position += len(line)
            line_no += 1
            if len(line) > max_line_bytes and not _ends_line(line, max_line_bytes):
                position += _skip_rest(f, path, line_no)
                yield RawLine(line_no, b"", too_long=True)
                continue
            if line.endswith(b"\n"):
                line = line[:-2] if line.endswith(b"\r\n") else line[:-1]
            if line_no == 1 and start == 0 and line.startswith(_BOM):
                line = line[len(_BOM) :]
            yield RawLine(line_no, line)


def _ends_line(chunk: bytes, max_line_bytes: int) -> bool:
    # A line of exactly max_line_bytes content plus "\n" still counts as within the limit.
    return chunk.endswith(b"\n") and len(chunk) - 1 <= max_line_bytes


def _skip_rest(f: BinaryIO, path: Path, line_no: int) -> int:
    """Read past the rest of an over-long line; returns the bytes skipped."""
    skipped = 0
    while True:
        try:
            chunk = f.readline(_SKIP_CHUNK)
        except OSError as e:
            raise InputError(f"{path}: reading failed in line {line_no} ({e.strerror})") from e
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped
