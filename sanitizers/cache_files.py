"""Files of the on-disk caches (`hyperscan_cache`, `list_cache`): where they live, which may be read, how
they are written and pruned.

The folder is `$FT_SANITIZER_CACHE_DIR` (default `$XDG_CACHE_HOME/ft-sanitizer` or `~/.cache/ft-sanitizer`).
What is cached decides what the detectors find, so a planted file could hide secrets or names: a file is
read only when it and its folder belong to this user and nobody else may write them (the trust of the
user's own virtualenv). Any problem with the cache (a read-only home, a full disk) is only logged: the
caller builds what it needed.
"""

import contextlib
import logging
import os
import stat
import tempfile
from pathlib import Path

logger = logging.getLogger(__name__)

CACHE_ENV = "FT_SANITIZER_CACHE_DIR"


def cache_dir() -> Path | None:
    """The cache folder (None when there is no home folder to put it in)."""
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


def read_trusted(path: Path) -> bytes | None:
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


def touch(path: Path) -> None:
    """Mark `path` recently used: `prune` keeps the most recently used files."""
    with contextlib.suppress(OSError):
        os.utime(path)


def store(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically (a temporary file renamed into place, folder mode 0700); errors
    are only logged."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError as e:
        logger.debug("could not write the cache file %s in %s (%s); it is built on each start", path.name,
                     path.parent, e.strerror)


def prune(folder: Path, pattern: str, keep: int) -> None:
    """Remove all but the `keep` most recently used files of `folder` matching the glob `pattern`."""
    try:
        files = sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in files[keep:]:
            old.unlink(missing_ok=True)
    except OSError as e:
        logger.debug("could not prune the cache files %s in %s (%s)", pattern, folder, e.strerror)
