"""ValueGroupRecognizer: cheap gates, and the Hyperscan pass in front of the patterns."""

import importlib
import pkgutil
import random
import string
from collections.abc import Callable
from typing import ClassVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tests.sanitizers.recognizers
from sanitizers.pattern import Pattern
from sanitizers.registry import PII_RECOGNIZERS
from sanitizers.value_group import ValueGroupRecognizer, holds_any


def test_holds_any_finds_a_word_in_any_case():
    gate = holds_any("acc", "a/c")
    assert gate("ACCOUNT no 12345678")
    assert gate("my A/C is 12345678")
    assert not gate("routing 123456789")


def test_holds_any_is_true_on_every_text_that_is_not_ascii():
    # Case-insensitive regexes match letters lower() does not fold: the Kelvin sign is a "k".
    assert holds_any("kontonummer")("\u212aontonummer 12345678")
    assert holds_any("acc")("café 12345678")


# The Hyperscan pass in front of the patterns: a pattern that matches an ASCII text is always a candidate.

VALUE_GROUP_RECOGNIZERS = [r for r in (cls() for cls in PII_RECOGNIZERS) if isinstance(r, ValueGroupRecognizer)]


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [s for item in value for s in _strings(item)]
    return []


def recognizer_test_texts() -> list[str]:
    """Every string in the module-level tables of every recognizer test (true positives, near misses...)."""
    texts: list[str] = []
    for info in pkgutil.iter_modules(tests.sanitizers.recognizers.__path__):
        module = importlib.import_module(f"tests.sanitizers.recognizers.{info.name}")
        for name, value in vars(module).items():
            if name.isupper() and isinstance(value, (list, tuple)):
                texts.extend(_strings(value))
    return [t for t in texts if t.isascii()]


def real_shaped_texts() -> list[str]:
    """The strings of generated records of all four formats (PII, secrets, near-misses, addresses)."""
    from benchmarks.eval.generate_eval_set import FORMAT_SHARES, build_record
    from benchmarks.eval.people import People
    from benchmarks.eval.record_text import iter_strings
    from benchmarks.eval.secret_snippets import SecretDeck

    rng, people, deck = random.Random(9), People(9), SecretDeck(9)
    records = [build_record(fmt, rng, people, deck, benign_only=i % 4 == 0)[0]
               for i in range(80) for fmt in FORMAT_SHARES]
    return [text for record in records for text in iter_strings(record) if text.isascii()]


def _missed(recognizer: ValueGroupRecognizer, text: str) -> list[str]:
    candidates = set(recognizer._pattern_set.candidates(text))
    return [pattern.name for i, (pattern, compiled, _) in enumerate(recognizer._compiled)
            if i not in candidates and compiled.search(text)]


@pytest.mark.parametrize("recognizer", VALUE_GROUP_RECOGNIZERS, ids=lambda r: r.name)
def test_keeps_every_matching_pattern_a_candidate_on_test_and_real_shaped_texts(recognizer):
    texts = recognizer_test_texts() + real_shaped_texts()
    assert len(texts) > 1000
    assert {text: _missed(recognizer, text) for text in texts if _missed(recognizer, text)} == {}


FRAGMENTS = st.sampled_from([
    "12", "4111 1111 1111 1111", "DE89 3704 0044 0532 0130 00", "Street", "St.", "Ave", "Rue", "Via", "strasse",
    "Apt 4", "Suite 501", "PO Box 12", "75011", "SW1A 1AA", "born", "DOB:", "passport", "licence", "account",
    "routing", "123-45-6789", "10.0.0.1", "::1", "@", ".com", ", ", "\n", " ", "Mary", "Lane", "Road", "No.",
])


@pytest.mark.parametrize("recognizer", VALUE_GROUP_RECOGNIZERS, ids=lambda r: r.name)
@settings(max_examples=60, deadline=None)
@given(text=st.lists(st.one_of(FRAGMENTS, st.text(alphabet=string.printable, max_size=6)), max_size=14).map("".join))
def test_keeps_every_matching_pattern_a_candidate_on_arbitrary_ascii(recognizer, text):
    assert _missed(recognizer, text) == []


class _CheckedRecognizer(ValueGroupRecognizer):
    """Two patterns on one value shape: one judged by validate_result, one taken on its cue word."""

    CUED_PATTERNS: ClassVar[dict[str, Callable[[str], bool]]] = {"after_cue": lambda value: len(value) >= 5}

    def __init__(self):
        super().__init__("TEST_NUMBER", [Pattern("bare", r"\b(?P<value>\d{5,9})\b", 0.6),
                                         Pattern("after_cue", r"\bref\s+(?P<value>\d{3,9})\b", 0.8)])

    def validate_result(self, pattern_text: str) -> bool:
        return pattern_text.startswith("1")


def test_checks_cued_pattern_by_shape_instead_of_validate_result():
    recognizer = _CheckedRecognizer()
    found = {(text[r.start : r.end], r.score) for text in ["ref 99999", "ref 999", "88888", "12345"]
             for r in recognizer.analyze(text, ["TEST_NUMBER"])}
    # "ref 99999" fails validate_result but passes the cue's shape test; "ref 999" is too short for it.
    assert found == {("99999", 0.8), ("12345", 1.0)}


def test_compiles_a_pattern_only_when_a_text_makes_it_a_candidate():
    recognizer = _CheckedRecognizer()
    assert recognizer._regexes == [None, None]
    assert recognizer.analyze("no digits here", ["TEST_NUMBER"]) == []
    assert recognizer._regexes == [None, None]
    # "after_cue" needs "ref": the Hyperscan pass leaves it out, and its regex is not compiled.
    assert [r.start for r in recognizer.analyze("12345", ["TEST_NUMBER"])] == [0]
    assert recognizer._regexes[0] is not None and recognizer._regexes[1] is None
