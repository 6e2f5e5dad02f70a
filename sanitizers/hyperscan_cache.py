"""Compiled Hyperscan databases kept on disk, so a process builds the secret prefilter in milliseconds.

Compiling the prefilter of every secret pattern takes 0.3-1 s, paid by every CLI run, every Dask worker
and every PII worker. `compiled(expressions, flags)` returns the database from
`$FT_SANITIZER_CACHE_DIR` (default `$XDG_CACHE_HOME/ft-sanitizer` or `~/.cache/ft-sanitizer`), keyed
by the sha256 of the Hyperscan version, the expressions and their flags, or compiles it and stores it.

The database decides which texts the secret patterns run on, so a file planted in the cache could
hide secrets: a cached file is only read under `cache_files.read_trusted` (it and its folder belong to
this user and nobody else may write them), and a file that does not load is compiled again. Any problem
with the cache (read-only home, full disk) only costs the compile time.
"""

import hashlib
import json
import logging

import hyperscan

from sanitizers.cache_files import CACHE_ENV, cache_dir, prune, read_trusted, store, touch

__all__ = ["CACHE_ENV", "KEEP", "cache_dir", "compiled", "known_uncompilable", "remember_uncompilable"]

logger = logging.getLogger(__name__)

_FORMAT = "1"  # bumped when what is stored changes
# Databases kept at most (the most recently used): each edit of a pattern makes a new one. One detector uses about
# 30 (the secret scanner's, one per PII recognizer's prefilter): fewer would evict, at every start, databases the
# same start compiles again (0.3-0.5 CPU s). Most are a few KiB; the two largest about 1 MiB.
KEEP = 96


def _key(expressions: list[bytes], flags: list[int]) -> str:
    return hashlib.sha256(repr((_FORMAT, hyperscan.__version__, expressions, flags)).encode("utf-8")).hexdigest()


def known_uncompilable(expressions: list[bytes], flags: list[int]) -> list[int] | None:
    """The indexes of `expressions` that Hyperscan could not compile, as `remember_uncompilable` stored them
    for this very list; None when nothing is stored (compile the list to find out).

    Only speed depends on it: an expression left out here is gated another way by its caller.
    """
    folder = cache_dir()
    path = folder / f"hyperscan-bad-{_key(expressions, flags)}.json" if folder is not None else None
    data = read_trusted(path) if path is not None else None
    if data is None:
        return None
    try:
        bad = json.loads(data)
    except ValueError:
        return None
    if not isinstance(bad, list) or not all(isinstance(i, int) and 0 <= i < len(expressions) for i in bad):
        return None
    touch(path)
    return bad


def remember_uncompilable(expressions: list[bytes], flags: list[int], bad: list[int]) -> None:
    """Store which of `expressions` do not compile, so that the next process does not try them one by one
    (a set holding one such expression took 2 s of checks at every start)."""
    folder = cache_dir()
    if folder is not None:
        path = folder / f"hyperscan-bad-{_key(expressions, flags)}.json"
        store(path, json.dumps(sorted(bad)).encode("ascii"))
        prune(folder, "hyperscan-bad-*.json", KEEP)


def compiled(expressions: list[bytes], flags: list[int]) -> hyperscan.Database:
    """A block-mode database of `expressions` (ids 0..n-1): from the cache, or compiled and cached.

    Raises:
        hyperscan.error: an expression does not compile (never cached).
    """
    key = _key(expressions, flags)
    folder = cache_dir()
    path = folder / f"hyperscan-{key}.db" if folder is not None else None
    data = read_trusted(path) if path is not None else None
    if path is not None and data is not None:
        try:
            database = hyperscan.loadb(data, hyperscan.HS_MODE_BLOCK)
        except hyperscan.error:
            logger.debug("cached Hyperscan database %s does not load; compiling it again", path.name)
        else:
            touch(path)
            return database
    database = hyperscan.Database()
    database.compile(expressions=expressions, ids=list(range(len(expressions))), elements=len(expressions),
                     flags=flags)
    if path is not None:
        store(path, hyperscan.dumpb(database))
        prune(path.parent, "hyperscan-*.db", KEEP)
    return database
