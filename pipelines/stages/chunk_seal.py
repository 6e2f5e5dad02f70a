"""Seals on finished chunks, so a chunk planted in OUT/.work/ never becomes the sanitized output.

The resume cache is keyed by things anyone can compute (input sha256, options, tool version). Without
a check, whoever can write the run folder could drop a "finished" chunk there (raw text, a clean stats
file) and the next run would merge it. So the process that plans the run (never a worker) seals each
chunk when it finishes: an HMAC-SHA256, under a per-run secret, over the sha256 of the chunk's three
part files. On resume, a chunk whose seal does not verify is deleted and sanitized again.

The secret is 32 random bytes in `<work>/seal.key`, created with mode 0600: trusted only when it is a
regular file owned by this user that nobody else can read or write. Anything else (planted, shared,
replaced) is discarded with every chunk it would have vouched for. Workers (local or Dask, even as
another user on a shared volume) write part files but never need the secret.
"""

import hashlib
import hmac
import logging
import os
import secrets
import stat
from pathlib import Path

from pipelines.stages.sanitize_chunk import ChunkJob

logger = logging.getLogger(__name__)

KEY_FILE = "seal.key"
PARTS = ("sanitized.jsonl", "quarantine.jsonl", "stats.json")
_KEY_BYTES = 32


def seal_key(work_dir: Path) -> bytes:
    """The per-run secret of `work_dir`: read if trustworthy, else a new one (and no chunk is kept)."""
    path = Path(work_dir) / KEY_FILE
    key = _read_trusted(path)
    if key is not None:
        return key
    _discard_chunks(Path(work_dir))
    path.unlink(missing_ok=True)
    key = secrets.token_bytes(_KEY_BYTES)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    try:
        os.write(fd, key)
    finally:
        os.close(fd)
    return key


def seal_chunk(job: ChunkJob, key: bytes) -> None:
    """Seal the finished chunk `job` (its part files exist)."""
    job.part("seal").write_text(_mac(job, key), encoding="ascii")


def drop_unsealed(jobs: list[ChunkJob], key: bytes) -> int:
    """Delete the parts of every finished chunk whose seal does not verify; return how many."""
    dropped = 0
    for job in jobs:
        if not job.part("stats.json").exists():
            continue
        try:
            sealed = hmac.compare_digest(job.part("seal").read_text(encoding="ascii"), _mac(job, key))
        except (OSError, UnicodeDecodeError, ValueError):
            sealed = False
        if not sealed:
            for kind in (*PARTS, "seal"):
                job.part(kind).unlink(missing_ok=True)
            dropped += 1
    if dropped:
        logger.warning("%d finished chunk(s) in the work folder carried no valid seal; sanitizing them again",
                       dropped)
    return dropped


def _mac(job: ChunkJob, key: bytes) -> str:
    mac = hmac.new(key, f"chunk {job.chunk.index}\n".encode(), hashlib.sha256)
    for kind in PARTS:
        with open(job.part(kind), "rb") as f:
            digest = hashlib.file_digest(f, "sha256")  # through one small reused buffer, no fresh 4 MiB blocks
        mac.update(kind.encode() + b"=" + digest.hexdigest().encode() + b"\n")
    return mac.hexdigest()


def _read_trusted(path: Path) -> bytes | None:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if (not stat.S_ISREG(st.st_mode) or st.st_uid != os.getuid() or st.st_mode & 0o077
                or st.st_size != _KEY_BYTES):
            return None
        return os.read(fd, _KEY_BYTES + 1) if st.st_size == _KEY_BYTES else None
    finally:
        os.close(fd)


def _discard_chunks(work_dir: Path) -> None:
    for part in work_dir.glob("chunk-*"):
        try:
            part.unlink(missing_ok=True)
        except OSError:  # a folder planted under a chunk's name: the chunk's own write will fail loudly
            logger.warning("could not remove %s from the work folder", part.name)
