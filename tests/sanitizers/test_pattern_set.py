"""PatternSet: a one-pass Hyperscan prefilter that never misses a pattern the `regex` module matches."""

import string

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from sanitizers.pattern_set import PatternSet, hyperscan_flags, superset_source, widen_properties


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"aws[^\n]{0,9}?\K[A-Z]{40}", r"aws[^\n]{0,9}?[A-Z]{40}"),  # \K only moves the start: dropped
        (r"a\\Kb", r"a\\Kb"),  # an escaped backslash then K: kept
        (r"[\K]x", r"[\K]x"),  # inside a class: kept
        (r"x{16,20000}?y", r"x{16,}?y"),  # wide counted range: unbounded
        (r"x{6,20}", r"x{6,20}"),  # narrow range: kept
        (r"x{0,40}", r"x{0,}"),  # wider than 16: unbounded
        (r"x{43}", r"x{43}"),  # exact count: kept
        (r"[{0,999}]", r"[{0,999}]"),  # braces in a class are characters
        (r"[]{0,999}]", r"[]{0,999}]"),  # a leading ] is a character of the class
        (r"\{0,999}", r"\{0,999}"),  # escaped brace: a literal
    ],
)
def test_rewrites_only_what_hyperscan_needs_when_building_expression(source, expected):
    assert superset_source(source) == expected


@pytest.mark.parametrize(
    ("flags", "supported"),
    [
        (regex.MULTILINE, True),
        (regex.IGNORECASE | regex.DOTALL, True),
        (regex.UNICODE | regex.MULTILINE, True),  # no effect on ASCII texts
        (regex.VERBOSE, False),  # no Hyperscan equivalent: fallback
        (regex.BESTMATCH, False),
    ],
)
def test_maps_flags_when_hyperscan_has_them(flags, supported):
    assert (hyperscan_flags(flags) is not None) is supported


def test_reports_only_patterns_that_can_match_when_text_is_ascii():
    patterns = [(r"(?<![a-z])tgp_[a-z]{4}\b", regex.MULTILINE), (r"sk-[0-9]{3}", 0), (r"(?i:secret)=\K\w+", 0)]
    pattern_set = PatternSet(patterns, [None, None, None])
    assert pattern_set.uncompiled == ()
    assert pattern_set.candidates("nothing to see") == []
    assert pattern_set.candidates("x tgp_abcd and SECRET=v") == [0, 2]


def test_gives_the_same_candidates_in_a_list_of_its_own_when_texts_report_alike():
    pattern_set = PatternSet([(r"tgp_[a-z]{4}", 0), (r"sk-[0-9]{3}", 0)], [None, None])
    first = pattern_set.candidates("tgp_abcd sk-123")
    first.append(99)  # a caller's own list: the next text with the same reports is not affected
    assert pattern_set.candidates("sk-456 and tgp_wxyz") == [0, 1]
    assert pattern_set.candidates_of(["tgp_abcd sk-123", "only tgp_efgh"]) == [[0, 1], [0]]


def test_returns_none_when_text_is_not_ascii():
    pattern_set = PatternSet([(r"(?i:k)ey", 0)], [None])
    # The Kelvin sign matches (?i:k) in `regex`: a byte-level search cannot be trusted here.
    assert pattern_set.candidates("\u212aey") is None


@pytest.mark.parametrize(
    ("source", "flags"),
    [
        (r"(?|tok|tik)", 0),  # branch reset: Hyperscan cannot compile it
        (r"\Gtok", 0),  # \G: not supported
        (r"t o k", regex.VERBOSE),  # verbose mode: no Hyperscan flag
        (r"(?i)tok", 0),  # global inline flag: `regex` and PCRE scope it differently
        (r"(?:tok){e<=1}", 0),  # fuzzy matching: `regex` only
    ],
)
def test_falls_back_to_literal_gates_when_pattern_is_not_for_hyperscan(source, flags):
    pattern_set = PatternSet([(source, flags), (r"zzz", 0)], [[("tok", True), ("TOK", False)], None])
    assert pattern_set.uncompiled == (0,)
    assert pattern_set.candidates("a ToK b") == [0]  # folded literal
    assert pattern_set.candidates("no gate here") == []
    assert pattern_set.candidates("TOK and zzz") == [0, 1]


def test_runs_ungated_fallback_pattern_always():
    pattern_set = PatternSet([(r"\Gtok", 0), (r"zzz", 0)], [None, None])
    assert pattern_set.uncompiled == (0,)
    assert pattern_set.candidates("anything") == [0]


def test_rejects_gate_list_when_lengths_differ():
    with pytest.raises(ValueError, match="2 patterns but 1 gates"):
        PatternSet([("a", 0), ("b", 0)], [None])


# Patterns with what Hyperscan approximates: lookarounds, \K, lazy and possessive repeats, backrefs.
TRICKY = [
    (r"(?<![A-Za-z0-9])ab[0-9]{2,5}(?![A-Za-z0-9])", regex.MULTILINE),
    (r"(?i:key)[^\n]{0,20}?\K[A-Z]{4}(?![A-Z])", regex.MULTILINE),
    (r"(?<=x=)[a-z]{3,}", 0),
    (r"^pw:\s*\S{3,}$", regex.MULTILINE),
    (r"(?:ab)++c", 0),
    (r"(a)b\1", 0),
    (r"\bq\w{2}\b", regex.IGNORECASE),
    (r"sig=(?<=sv=[0-9]{2}&[^\s]{0,40}[?&]sig=)\K[A-Za-z0-9%]{3,}", 0),
    (r"(?>[a-c]+)d", 0),
    (r"-----B[ A-Z]{0,10}K-----[\s\S]{2,5000}?-----E", regex.DOTALL),
    # Lookaheads the witness keeps (regex_witness): trailing, inside alternations and repeats.
    (r"[\"']\K[^\"'\r\n]{3,20}+(?=[\"'][ \t]{0,3}==[ \t]{0,3}(?i:key))", 0),
    (r"(?i:key)(?:[ \t]{0,3}=[ \t]{0,3}|[ \t]{1,3}(?=[\"']))(?:\"\K[^\"]{2,9}+(?=\")|\K(?=[^\s\"]{3})\S{0,9}+)", 0),
    (r"(?:a(?=bab)b|c(?=d))+d", 0),
    # Look-behinds every match passes: scanned as conjuncts (a candidate needs them too).
    (r"(?i:key(?<=(?:access|app)[_.-]?key))(?![a-z])[ \t]{0,3}=", 0),
    (r"(?:c(?<=[0-9]c)){2}x", regex.IGNORECASE),
]
TRICKY_SET = PatternSet(TRICKY, [None] * len(TRICKY))
PIECES = st.sampled_from(["ab", "12", "key", "KEY", "x=", "pw:", "\n", " ", "abab", "c", "q", "sv=12&", "?sig=",
                          "%3D", "d", "-----B", "-----E", " K", "ABCD", "aba", "-", '"', "'", "==", "=", "cd",
                          "access", "App_", "Key", "1c", "C", "x"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(alphabet=string.printable, max_size=6)), max_size=20).map("".join))
def test_never_misses_a_pattern_when_regex_matches(text):
    candidates = TRICKY_SET.candidates(text)
    matching = [i for i, (source, flags) in enumerate(TRICKY) if regex.search(source, text, flags=flags)]
    assert set(matching) <= set(candidates)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.one_of(PIECES, st.text(max_size=4)), max_size=12).map("".join), max_size=6))
def test_candidates_of_a_batch_are_each_texts_candidates(texts):
    assert TRICKY_SET.candidates_of(texts) == [TRICKY_SET.candidates(text) for text in texts]


@pytest.mark.parametrize(
    ("expression", "widened"),
    [
        (r"\p{Lu}\p{Ll}+", r"[\x00-\x7f][\x00-\x7f]+"),
        (r"[\p{L}'-]+", r"[\x00-\x7f'-]+"),
        (r"[^\p{L}\s]", r"[^\s]"),  # a negated class excludes less
        (r"[^\p{L}]x", r"[\x00-\x7f]x"),  # ... and nothing: any character
        (r"a\pLb", r"a[\x00-\x7f]b"),
        (r"\\p{L}", r"\\p{L}"),  # an escaped backslash, then letters
        (r"[]\p{N}]", r"[]\x00-\x7f]"),  # a ']' first in a class is a literal
        ("plain", "plain"),
    ],
)
def test_widens_unicode_properties_to_any_ascii_character(expression, widened):
    assert widen_properties(expression) == widened


PROPERTY_PATTERNS = [r"\p{Lu}\p{Ll}+ (?:Street|Road)", r"[^\p{L}\s]{3}", r"\b[\p{L}'-]+ \d{2,5}\b", r"(?i:via) \P{N}+"]
PROPERTY_SET = PatternSet([(source, regex.MULTILINE) for source in PROPERTY_PATTERNS], [None] * len(PROPERTY_PATTERNS))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=string.printable, max_size=40))
def test_keeps_unicode_property_patterns_candidates_wherever_they_match(text):
    candidates = PROPERTY_SET.candidates(text)
    assert PROPERTY_SET.uncompiled == ()
    for i, source in enumerate(PROPERTY_PATTERNS):
        if regex.search(source, text, flags=regex.MULTILINE):
            assert i in candidates


def test_selects_the_items_of_patterns_that_may_match_and_all_when_not_ascii():
    patterns = [regex.compile(r"tgp_\w+"), regex.compile(r"(?i:passw(?:or)?d)"), regex.compile(r"\d{4}")]
    found = PatternSet.of(patterns)
    assert found.select("my PASSWORD is long", ["key", "password", "digits"]) == ["password"]
    assert found.select("nothing here", patterns) == []
    assert found.select("café tgp_abc 2024", patterns) == patterns  # not ASCII: every pattern runs


def test_needs_what_a_look_behind_sees_when_pattern_has_one():
    qualified = PatternSet([(r"(?i:key(?<=(?:access|app)[_.-]?key))[ \t]{0,3}=", 0)], [None])
    assert qualified.candidates("ACCESS_KEY = x") == [0]
    assert qualified.candidates("the key = x") == []  # "key =" alone: no qualifier before any key
    assert qualified.none_can_match(["the key = x", "access"])
    assert not qualified.none_can_match(["the key = x", "app.key=1"])


def test_checks_expressions_one_by_one_once_when_one_does_not_compile(tmp_path, monkeypatch):
    from sanitizers import hyperscan_cache

    monkeypatch.setenv(hyperscan_cache.CACHE_ENV, str(tmp_path / "cache"))
    patterns = [("ab[0-9]{2}", 0), ("x(?m:^)y", 0), ("cd", 0)]  # an embedded start anchor: Hyperscan refuses it
    first = PatternSet(patterns, [None, [("y", False)], None])
    assert first.uncompiled == (1,) and first.candidates("ab12 y") == [0, 1]
    calls = []
    monkeypatch.setattr("sanitizers.pattern_set._compiles", lambda *a: calls.append(a) or True)
    again = PatternSet(patterns, [None, [("y", False)], None])
    assert calls == [] and again.uncompiled == (1,) and again.candidates("cd") == [2]


def test_derives_expressions_once_then_reads_them_when_set_is_named(tmp_path, monkeypatch):
    from sanitizers import hyperscan_cache

    monkeypatch.setenv(hyperscan_cache.CACHE_ENV, str(tmp_path / "cache"))
    patterns = [(r"(?i:key(?<=(?:access|app)[_.-]?key))[ \t]{0,3}=", 0), (r"\bghp_[A-Za-z0-9]{36}\b", 0)]
    plain = PatternSet(patterns, [None, None])
    first = PatternSet(patterns, [None, None], cache_name="test")
    calls = []
    monkeypatch.setattr("sanitizers.pattern_set._expression", lambda *a: calls.append(a))
    again = PatternSet(patterns, [None, None], cache_name="test")
    assert calls == []
    for text in ("ACCESS_KEY = x", "the key = x", "ghp_" + "a1B2" * 9, "nothing here"):
        assert plain.candidates(text) == first.candidates(text) == again.candidates(text)
