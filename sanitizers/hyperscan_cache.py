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
import logging

import hyperscan

from sanitizers.cache_files import CACHE_ENV, cache_dir, prune, read_trusted, store, touch

__all__ = ["CACHE_ENV", "KEEP", "cache_dir", "compiled"]

logger = logging.getLogger(__name__)

_FORMAT = "1"  # bumped when what is stored changes
# Databases kept at most (the most recently used): each edit of a secret pattern makes a new one.
KEEP = 16


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
