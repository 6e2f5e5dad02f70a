"""Compiled Hyperscan databases kept on disk, so a process builds the secret prefilter in milliseconds.

Compiling the prefilter of every secret pattern takes 0.3-1 s, paid by every CLI run, every Dask worker
and every PII worker. `compiled(expressions, flags)` returns the database from
`$FT_SANITIZER_CACHE_DIR` (default `$XDG_CACHE_HOME/ft-sanitizer` or `~/.cache/ft-sanitizer`), keyed
by the sha256 of the Hyperscan version, the expressions and their flags, or compiles it and stores it.

The database decides which texts the secret patterns run on, so a file planted in the cache could
hide secrets: a cached file is only read when it and its folder belong to this user and nobody else
may write them (the trust of the user's own virtualenv), and a file that does not load is compiled
again. Any problem with the cache (read-only home, full disk) only costs the compile time.
"""

import contextlib
import hashlib
import logging
import os
import stat
import tempfile
from pathlib import Path

import hyperscan

logger = logging.getLogger(__name__)

CACHE_ENV = "FT_SANITIZER_CACHE_DIR"
_FORMAT = "1"  # bumped when what is stored changes
# Databases kept at most (the most recently used): each edit of a secret pattern makes a new one.
KEEP = 16


def cache_dir() -> Path | None:
    """The folder databases are kept in (None when there is no home folder to put it in)."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except (RuntimeError, KeyError):  # no HOME and no passwd entry
            return None
    return Path(base) / "ft-sanitizer"


def compiled(expressions: list[bytes], flags: list[int]) -> hyperscan.Database:
    """A block-mode database of `expressions` (ids 0..n-1): from the cache, or compiled and cached.

    Raises:
        hyperscan.error: an expression does not compile (never cached).
    """
    key = hashlib.sha256(
        repr((_FORMAT, hyperscan.__version__, expressions, flags)).encode("utf-8")
    ).hexdigest()
    folder = cache_dir()
    path = folder / f"hyperscan-{key}.db" if folder is not None else None
    data = _read_trusted(path) if path is not None else None
    if path is not None and data is not None:
        try:
            database = hyperscan.loadb(data, hyperscan.HS_MODE_BLOCK)
        except hyperscan.error:
            logger.debug("cached Hyperscan database %s does not load; compiling it again", path.name)
        else:
            with contextlib.suppress(OSError):
                os.utime(path)  # recently used: kept by `_prune`
            return database
    database = hyperscan.Database()
    database.compile(expressions=expressions, ids=list(range(len(expressions))), elements=len(expressions),
                     flags=flags)
    if path is not None:
        _store(path, hyperscan.dumpb(database))
        _prune(path.parent)
    return database


def _read_trusted(path: Path) -> bytes | None:
    """The file's bytes when it and its folder are this user's and writable by nobody else, else None."""
    try:
        folder = os.stat(path.parent, follow_symlinks=False)
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        for item in (folder, st):
            if item.st_uid != os.getuid() or item.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
                return None
        if not stat.S_ISREG(st.st_mode) or not stat.S_ISDIR(folder.st_mode):
            return None
        with os.fdopen(fd, "rb") as f:
            fd = -1
            return f.read()
    except OSError:
        return None
    finally:
        if fd >= 0:
            os.close(fd)


def _prune(folder: Path) -> None:
    """Remove all but the `KEEP` most recently used databases."""
    try:
        cached = sorted(folder.glob("hyperscan-*.db"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in cached[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError as e:
        logger.debug("could not prune the Hyperscan cache in %s (%s)", folder, e.strerror)


def _store(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically (a temporary file renamed into place); errors are only logged."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".hyperscan-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError as e:
        logger.debug("could not cache the Hyperscan database in %s (%s); it is compiled on each start",
                     path.parent, e.strerror)
