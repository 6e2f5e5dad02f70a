"""Split a JSONL file into chunks at line boundaries, so chunks can be processed independently.

One sequential read counts newlines; a chunk ends at the first line end after `target_bytes`. The
plan depends only on the file's bytes and the target, so a rerun after a crash finds the same chunks.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

MAX_AUTO_CHUNK_BYTES = 8 * 1024 * 1024
MIN_AUTO_CHUNK_BYTES = 256 * 1024
_BLOCK = 4 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Chunk:
    """Bytes [start, end) of the file, whose first line is line number `first_line` (1-based)."""

    index: int
    start: int
    end: int
    first_line: int


def auto_chunk_bytes(file_bytes: int) -> int:
    """About 1/32 of the file, between 256 KiB and 8 MiB.

    Enough chunks to keep every worker busy on mid-size files, big enough that per-chunk costs vanish.
    """
    return min(MAX_AUTO_CHUNK_BYTES, max(MIN_AUTO_CHUNK_BYTES, file_bytes // 32))


class _Digest(Protocol):
    def update(self, data: bytes, /) -> None: ...


def plan_chunks(path: Path, target_bytes: int, digest: _Digest | None = None) -> list[Chunk]:
    """Chunks covering the whole file in order; an empty file gives one empty chunk.

    `digest` (a hashlib object), if given, is fed the file's bytes in the same read: a caller that
    needs the file's sha256 too reads the file once.
    """
    if target_bytes < 1:
        raise ValueError(f"target_bytes must be at least 1, got {target_bytes}")
    chunks: list[Chunk] = []
    start, first_line = 0, 1
    offset, lines_seen = 0, 0  # bytes and newlines read so far
    cut_after = target_bytes
    with open(path, "rb") as f:
        while block := f.read(_BLOCK):
            if digest is not None:
                digest.update(block)
            pos = 0
            while offset + len(block) > cut_after:
                nl = block.find(b"\n", max(pos, cut_after - offset))
                if nl < 0:
                    break
                lines_seen += block.count(b"\n", pos, nl + 1)
                end = offset + nl + 1
                chunks.append(Chunk(len(chunks), start, end, first_line))
                start, first_line = end, lines_seen + 1
                pos = nl + 1
                cut_after = end + target_bytes
            lines_seen += block.count(b"\n", pos)
            offset += len(block)
    if start < offset or not chunks:
        chunks.append(Chunk(len(chunks), start, offset, first_line))
    return chunks
