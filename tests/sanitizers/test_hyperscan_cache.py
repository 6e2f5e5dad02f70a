"""hyperscan_cache: a database compiled once is loaded from the cache, and only from a file this user owns."""

import os

import hyperscan
import pytest

from sanitizers import hyperscan_cache

EXPRESSIONS = [b"tgp_[a-z]{4}", b"sk-[0-9]{3}"]
FLAGS = [hyperscan.HS_FLAG_SINGLEMATCH] * 2


def _reports(database: hyperscan.Database, text: bytes) -> list[int]:
    found: list[int] = []
    database.scan(text, match_event_handler=lambda i, *_: found.append(i), scratch=hyperscan.Scratch(database))
    return sorted(found)


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(hyperscan_cache.CACHE_ENV, str(folder))
    return folder


def test_loads_stored_database_when_compiled_before(cache):
    first = hyperscan_cache.compiled(EXPRESSIONS, FLAGS)
    (stored,) = cache.glob("hyperscan-*.db")
    assert stored.stat().st_mode & 0o077 == 0
    assert _reports(hyperscan_cache.compiled(EXPRESSIONS, FLAGS), b"x tgp_abcd sk-123") == [0, 1]
    # What the cache holds is what comes back (here a stand-in that finds only "zzzz"): nothing recompiles.
    stored.write_bytes(hyperscan.dumpb(_database([b"zzzz"])))
    assert _reports(hyperscan_cache.compiled(EXPRESSIONS, FLAGS), b"tgp_abcd zzzz") == [0]
    assert _reports(first, b"tgp_abcd zzzz") == [0]


def test_compiles_again_when_cached_file_is_writable_by_others(cache):
    hyperscan_cache.compiled(EXPRESSIONS, FLAGS)
    (stored,) = cache.glob("hyperscan-*.db")
    # A planted database (here: one that finds nothing) in a file others may write is never read.
    stored.write_bytes(hyperscan.dumpb(_database([b"zzzz"])))
    os.chmod(stored, 0o666)
    assert _reports(hyperscan_cache.compiled(EXPRESSIONS, FLAGS), b"tgp_abcd") == [0]


def test_compiles_again_when_cached_file_is_damaged(cache):
    hyperscan_cache.compiled(EXPRESSIONS, FLAGS)
    (stored,) = cache.glob("hyperscan-*.db")
    stored.write_bytes(b"not a database")
    assert _reports(hyperscan_cache.compiled(EXPRESSIONS, FLAGS), b"sk-123") == [1]


def test_compiles_when_cache_folder_cannot_be_written(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder would be")
    monkeypatch.setenv(hyperscan_cache.CACHE_ENV, str(blocker / "cache"))
    assert _reports(hyperscan_cache.compiled(EXPRESSIONS, FLAGS), b"tgp_abcd") == [0]


def test_keys_database_by_expressions_when_they_differ(cache):
    hyperscan_cache.compiled(EXPRESSIONS, FLAGS)
    hyperscan_cache.compiled([b"other"], [hyperscan.HS_FLAG_SINGLEMATCH])
    assert len(list(cache.glob("hyperscan-*.db"))) == 2


def _database(expressions: list[bytes]) -> hyperscan.Database:
    database = hyperscan.Database()
    database.compile(expressions=expressions, ids=list(range(len(expressions))), elements=len(expressions),
                     flags=[hyperscan.HS_FLAG_SINGLEMATCH] * len(expressions))
    return database


def test_keeps_most_recently_used_databases_when_cache_grows(cache):
    hyperscan_cache.compiled([b"first"], [hyperscan.HS_FLAG_SINGLEMATCH])
    (first,) = cache.glob("hyperscan-*.db")
    os.utime(first, (1, 1))  # long unused
    for i in range(hyperscan_cache.KEEP):
        hyperscan_cache.compiled([b"other%d" % i], [hyperscan.HS_FLAG_SINGLEMATCH])
    kept = list(cache.glob("hyperscan-*.db"))
    assert len(kept) == hyperscan_cache.KEEP and first not in kept


def test_remembers_which_expressions_do_not_compile_for_that_list_only(cache):
    assert hyperscan_cache.known_uncompilable(EXPRESSIONS, FLAGS) is None  # nothing stored: compile to find out
    hyperscan_cache.remember_uncompilable(EXPRESSIONS, FLAGS, [1])
    assert hyperscan_cache.known_uncompilable(EXPRESSIONS, FLAGS) == [1]
    assert hyperscan_cache.known_uncompilable(EXPRESSIONS[:1], FLAGS[:1]) is None  # another list
    (stored,) = cache.glob("hyperscan-bad-*.json")
    stored.write_text("[7]")  # an index the list does not have: ignored
    assert hyperscan_cache.known_uncompilable(EXPRESSIONS, FLAGS) is None
