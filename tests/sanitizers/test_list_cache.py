"""list_cache: lists built once are read back from the cache, only from a file this user owns."""

import os

import pytest

from sanitizers import hyperscan_cache, list_cache
from sanitizers.english_words import _build_english_words, english_words
from sanitizers.name_lists import _build_name_lists, name_lists
from sanitizers.place_names import _build_place_names, place_names
from schemas.run_config import DEFAULT_SPACY_MODEL


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(hyperscan_cache.CACHE_ENV, str(folder))
    return folder


class Builds:
    """A build function that counts its calls."""

    def __init__(self, value):
        self.value, self.calls = value, 0

    def __call__(self):
        self.calls += 1
        return self.value


def test_builds_once_then_reads_the_stored_copy(cache):
    build = Builds(frozenset({"ada", "grace"}))
    assert list_cache.cached("names", build) == frozenset({"ada", "grace"})
    assert list_cache.cached("names", build) == frozenset({"ada", "grace"})
    assert build.calls == 1
    (stored,) = cache.glob("lists-names-*.pickle")
    assert stored.stat().st_mode & 0o077 == 0


def test_builds_again_when_the_stored_file_is_writable_by_others(cache):
    list_cache.cached("names", Builds(frozenset({"ada"})))
    (stored,) = cache.glob("lists-names-*.pickle")
    os.chmod(stored, 0o666)  # a planted list in a file others may write is never read
    build = Builds(frozenset({"ada"}))
    list_cache.cached("names", build)
    assert build.calls == 1


def test_builds_again_when_the_stored_file_is_damaged(cache):
    list_cache.cached("names", Builds(frozenset({"ada"})))
    (stored,) = cache.glob("lists-names-*.pickle")
    stored.write_bytes(b"not a pickle")
    build = Builds(frozenset({"ada"}))
    assert list_cache.cached("names", build) == frozenset({"ada"})
    assert build.calls == 1


def test_builds_when_the_cache_folder_cannot_be_written(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder would be")
    monkeypatch.setenv(hyperscan_cache.CACHE_ENV, str(blocker / "cache"))
    build = Builds(frozenset({"ada"}))
    assert list_cache.cached("names", build) == frozenset({"ada"})
    assert list_cache.cached("names", build) == frozenset({"ada"})
    assert build.calls == 2


def test_keys_lists_by_their_parts(cache):
    list_cache.cached("words", Builds(1), "model_a", "1.0")
    list_cache.cached("words", Builds(2), "model_a", "2.0")
    assert len(list(cache.glob("lists-words-*.pickle"))) == 2


def test_cached_lists_equal_the_built_ones(cache):
    for cached_lists in (name_lists, place_names, english_words):
        cached_lists.cache_clear()
    try:
        assert name_lists() == _build_name_lists()
        assert place_names() == _build_place_names()
        built = _build_english_words(DEFAULT_SPACY_MODEL)
        assert vars(english_words()) == vars(built)  # stored by the calls above, read back
        english_words.cache_clear()
        assert vars(english_words()) == vars(built)
        assert len(list(cache.glob("lists-*.pickle"))) == 3
    finally:
        for cached_lists in (name_lists, place_names, english_words):
            cached_lists.cache_clear()


def test_keeps_only_the_most_recently_used_copies(cache):
    for version in range(list_cache.KEEP + 3):
        list_cache.cached("words", Builds(version), str(version))
    assert len(list(cache.glob("lists-words-*.pickle"))) == list_cache.KEEP
