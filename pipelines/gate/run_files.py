"""Reading a run folder's files as the gate must: regular files only, never through a symlink, bounded.

Whoever can write the run folder could put a FIFO (a read that never returns), /dev/zero or a 10 GB
file where report.json is expected, or a symlink to the raw input where the sanitized file is. Every
gate read opens with O_NOFOLLOW | O_NONBLOCK, checks with fstat on the opened descriptor (not on the
name, which can change in between) that it is a regular file, and reads at most a limit.
"""

import hashlib
import os
import stat
from pathlib import Path
from typing import BinaryIO

from schemas.errors import NotApproved

# report.json holds counts, capped line lists and excerpts: a few MB at most on any real run.
REPORT_LIMIT = 64 * 1024 * 1024
# approval.json and upload.json are a few hundred bytes.
SMALL_LIMIT = 1024 * 1024
_BLOCK = 1024 * 1024


def open_regular(path: Path) -> BinaryIO:
    """Open `path` for reading if it is a regular file reached without a symlink in its last component.

    Raises:
        FileNotFoundError: nothing is there.
        NotApproved: a symlink, FIFO, device, folder or anything else that is not a regular file.
    """
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise
    except OSError as e:
        # ELOOP: the name is a symlink (O_NOFOLLOW); ENXIO: a FIFO with no writer; others: unreadable.
        raise NotApproved(
            f"{path} is not a regular file the gate can read ({type(e).__name__}); the run folder was "
            "altered: run sanitize again into a new folder"
        ) from e
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotApproved(
                f"{path} is not a regular file (a folder, FIFO or device); the run folder was altered: run "
                "sanitize again into a new folder"
            )
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: Path, limit: int) -> bytes:
    """All bytes of the regular file `path`, refusing one larger than `limit` bytes.

    Raises:
        FileNotFoundError: nothing is there.
        NotApproved: not a regular file, or larger than `limit`.
    """
    with open_regular(path) as f:
        data = f.read(limit + 1)
    if len(data) > limit:
        raise NotApproved(
            f"{path} is larger than {limit // (1024 * 1024)} MiB, far beyond what ft-sanitizer writes there; "
            "the run folder was altered: run sanitize again into a new folder"
        )
    return data


def hash_regular(path: Path) -> tuple[str, int]:
    """sha256 (hex) and size of the regular file `path`, streamed.

    Raises:
        FileNotFoundError: nothing is there.
        NotApproved: not a regular file.
    """
    digest = hashlib.sha256()
    size = 0
    with open_regular(path) as f:
        while block := f.read(_BLOCK):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size


def bare_name(name: str, where: Path) -> str:
    """`name` if it is a plain file name (no folder part); report.json is data and may not point elsewhere.

    Raises:
        NotApproved: the name has a folder part, or is empty, "." or "..".
    """
    if not name or Path(name).name != name or name in (".", "..") or "\x00" in name:
        raise NotApproved(f"{where}: a file name in it is not a bare file name inside the run folder")
    return name
