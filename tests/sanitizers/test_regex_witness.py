"""regex_witness: wherever a regex matches, its witness matches at the same place (lookaheads kept)."""

import string

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from sanitizers.regex_witness import Unsupported, behind, full, witness


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"tok[ \t]{1,10}(?=[\"'])", r"tok[ \t]{1,10}(?:[\"'])"),  # a trailing lookahead is consumed
        (r"key=\K(?![a-z]{3}\.)[A-Za-z0-9]{8,40}+", r"key=[A-Za-z0-9]{8,}"),  # \K, negative lookahead, widening
        (r"(?<![A-Za-z0-9])sk-[a-z]{4}", r"sk-[a-z]{4}"),  # lookbehind: empty
        (r"(?i:pw)(?:=|:)(?=[A-Za-z]{6})\w*", r"(?i:pw)(?:=|:)(?:[A-Za-z]{6})"),  # cut where the rarer demand is
        (r"(?P<v>ab)+c", r"(?:ab)+c"),  # captures become plain groups
        (r"(?>a+)b", r"(?:a+)b"),  # atomic group: a plain group (a superset)
    ],
)
def test_builds_witness_when_regex_has_lookarounds(source, expected):
    assert witness(source) == expected


def test_reads_lookarounds_as_empty_when_building_full_superset():
    assert full(r"(?<=x)a(?=b)c(?!d)") == "ac"


@pytest.mark.parametrize("source", [r"(a)b\1", r"(?i)tok", r"(?(1)a|b)", r"[[:alpha:]]x", r"a(?#note)b", r"(a"])
def test_refuses_syntax_when_not_modelled(source):
    with pytest.raises(Unsupported):
        witness(source)


# Lookaheads in sequences, alternations and repeats, as the credential patterns nest them.
TRICKY = [
    r"[\"'`]\K[^\"'`\\\r\n]{6,40}+(?=[\"'`][ \t]{0,5}(?:===?|!==?)[ \t]{0,5}[A-Za-z_]{0,10}?(?i:pass|key))",
    (r"(?i:key)[A-Za-z_.-]{0,8}(?:[ \t]{0,4}(?:=|:)[ \t]{0,4}|[ \t]{1,4}(?=\\?[\"']))"
     r"(?:\\?\"\K[^\"\r\n]{3,20}+(?=\\?\")|\K(?=[^\s\"',;]{4})[^\s\"',;]{0,30}+(?![^\s\"',;]))"),
    r"(?:a(?=bb)b|c(?=d)|e)+f",
    r"x(?=y{2,3})y(?=z|q)(?!q)[yzq]{1,2}",
    r"(?:(?=ab)a|(?=ac)a)c",
    r"^[ \t]{0,3}(?:export[ \t]+)?[A-Z_]{0,6}?(?i:token)[ \t]*=[ \t]*\K[^\s]{4,12}+(?!\S)",
    r"(?<![\w-])-p(?=[^\s-])[\"']?\K[^\s\"']{4,20}+",
]
PIECES = st.sampled_from(["key", "KEY", "pass", "=", ":", " ", "\t", '"', "'", "`", "\\", "==", "!==", "abcd",
                          "x", "yy", "z", "q", "a", "b", "c", "d", "e", "f", "export ", "TOKEN", "\n", "-p", "-",
                          ",", "ab", "ac"])


@settings(max_examples=600, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(alphabet=string.printable, max_size=5)), max_size=24).map("".join))
def test_matches_at_same_start_when_regex_matches(text):
    for source in TRICKY:
        # \K moves only the reported start: without it, a match starts where the regex's does.
        matches = regex.compile(source.replace(r"\K", ""), flags=regex.MULTILINE).match
        shown = regex.compile(witness(source), flags=regex.MULTILINE).match
        for start in range(len(text) + 1):
            if matches(text, start) is not None:
                assert shown(text, start) is not None, (source, text, start)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"(?i:key(?<=(?:access|app)[_.-]?key))(?!x)", ["(?i:(?:(?:access|app)[_.-]?key))"]),
        (r"(?:c(?<=[0-9]c)){2}(?<=x\d+)", ["(?:(?:[0-9]c))", r"(?:x\d+)"]),  # in a repeat of 2, and at the end
        (r"a(?<=xa)|b(?<=yb)", []),  # in an alternation: neither is needed
        (r"(?:a(?<=xa))?b", []),  # in an optional group
        (r"(?<!(?<=q)z)w", []),  # inside a negative look-behind
        (r"(?<=(?!a))b", []),  # sees nothing
    ],
)
def test_lists_look_behinds_every_match_passes(source, expected):
    assert behind(source) == expected


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(["access", "app", "_", ".", "key", "KEY", "Key", "=", " ", "9c", "x1"]),
                          st.text(alphabet=string.printable, max_size=4)), max_size=16).map("".join))
def test_finds_each_look_behind_text_when_regex_matches(text):
    for source in (r"(?i:key(?<=(?:access|app)[_.-]?key))[ \t]{0,3}=", r"(?:c(?<=[0-9]c)){2}(?<=x\d+)"):
        if regex.search(source, text, flags=regex.MULTILINE):
            assert all(regex.search(seen, text) for seen in behind(source)), (source, text)
