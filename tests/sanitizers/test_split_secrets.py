"""Tests for sanitizers.split_secrets: a key whose halves sit in consecutive texts of one record."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanitizers.secret_scan import SecretScanner
from sanitizers.split_secrets import _TOKEN_CHARS, MAX_TOKEN, _head_token, _tail_token, split_findings
from tests.fake_keys import github_token, together_key
from tests.sanitizers.recognizers.fakes import fake

SCAN = SecretScanner().scan


@pytest.mark.parametrize("key", [together_key(5), github_token(5)], ids=["together", "github"])
@pytest.mark.parametrize("cut", [4, 12, 30])
def test_finds_both_halves_when_key_is_split_between_turns(key: str, cut: int) -> None:
    texts = ["hello", f"my key is {key[:cut]}", f"{key[cut:]} please rotate it"]
    found = split_findings(texts, SCAN)
    assert found is not None and found[0] == []
    [first], [second] = found[1], found[2]
    assert texts[1][first.start : first.end] == key[:cut] and first.end == len(texts[1])
    assert texts[2][second.start : second.end] == key[cut:] and second.start == 0
    assert first.entity_type == second.entity_type


@pytest.mark.parametrize(
    "texts",
    [
        ["my key is", "ghp_ and the rest"],  # a seam between whole words, nothing key-shaped
        [f"{together_key(1)[:20]}.", f"{together_key(1)[20:]}"],  # punctuation ends the turn: not joined
        [f"{together_key(1)[:20]} ", f"{together_key(1)[20:]}"],  # a space ends the turn
        [f"key {github_token(2)}", "Thanks"],  # a whole key in one turn is the scanner's, not a split
        # A value ends the turn, the reply starts with one capitalised word: not the rest of the value.
        ["deploy token=" + fake(20, seed=3), "Thanks, will do"],
        ["deploy token=" + fake(20, seed=4), "Noted."],
        ["only one text"],
        ["", "empty first"],
    ],
)
def test_finds_nothing_when_no_key_crosses_a_seam(texts: list[str]) -> None:
    assert split_findings(texts, SCAN) is None


def test_skips_seam_when_turn_ends_in_a_found_secret_and_next_starts_with_a_word() -> None:
    calls: list[str] = []

    def counting_scan(text: str):
        calls.append(text)
        return SCAN(text)

    key = github_token(8)
    texts = [f"token {key}", "Thanks for rotating it"]
    found = [SCAN(texts[0]), []]
    assert split_findings(texts, counting_scan, found) is None and calls == []


def test_joins_seam_when_next_turn_continues_with_key_characters() -> None:
    key = together_key(9)
    texts = [f"key {key[:30]}", f"{key[30:]} end"]
    found = [SCAN(texts[0]), SCAN(texts[1])]
    result = split_findings(texts, SCAN, found)
    assert result is not None and result[1][0].start == 0


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZ9_-+/=. é,\n", max_size=40), st.integers(min_value=0, max_value=400))
def test_takes_at_most_max_token_characters_of_the_run_at_each_end(text, run):
    for t in (text, "x" * run + text, text + "x" * run):
        tail, head = _tail_token(t), _head_token(t)
        assert t.endswith(tail) and t.startswith(head) and len(tail) <= MAX_TOKEN and len(head) <= MAX_TOKEN
        assert set(tail) <= _TOKEN_CHARS and set(head) <= _TOKEN_CHARS
        assert len(tail) == MAX_TOKEN or len(tail) == len(t) or t[-len(tail) - 1] not in _TOKEN_CHARS
        assert len(head) == MAX_TOKEN or len(head) == len(t) or t[len(head)] not in _TOKEN_CHARS
