"""Tests for sanitizers.unicode_classes: which characters each class holds, and what they fold to."""

import pytest

from sanitizers.unicode_classes import classes

CLS = classes()


@pytest.mark.parametrize(
    ("char", "folded"),
    [
        ("\u200b", ""),  # zero-width space
        ("\u202e", ""),  # right-to-left override
        ("\u00ad", ""),  # soft hyphen
        ("\u0301", ""),  # combining acute accent
        ("\u0663", "3"),  # Arabic-Indic three
        ("\u06f4", "4"),  # Extended Arabic-Indic (Persian) four
        ("\u096b", "5"),  # Devanagari five
        ("\uff17", "7"),  # full-width seven
        ("\uff47", "g"),  # full-width g
        ("\uff3f", "_"),  # full-width low line
        ("\uff20", "@"),  # full-width commercial at
        ("\ufb01", "fi"),  # ligature
        ("\U0001d420", "g"),  # mathematical bold g
        ("\u24d6", "g"),  # circled g
        ("\uff08", "("),  # full-width bracket (folded next to a digit only)
        ("\u0440", "p"),  # Cyrillic er (folded next to ASCII only)
    ],
)
def test_folds_character_to_its_plain_form(char: str, folded: str) -> None:
    assert char.translate(CLS.fold) == folded


@pytest.mark.parametrize(
    "char",
    ["\u00e9", "\u2019", "\u2026", "\u00b2", "\u00bd", "\u00a0", "\u3000", "\uff01", "\u6771", "\U0001f600"],
    ids=["é", "curly quote", "ellipsis", "superscript two", "one half", "no-break space", "ideographic space",
         "full-width !", "kanji", "emoji"],
)
def test_leaves_prose_character_alone(char: str) -> None:
    assert char.translate(CLS.fold) == char
    assert CLS.any_char.search(char) is None and CLS.astral.search(char) is None


def test_finds_marks_only_on_ascii_and_invisible_characters_only_next_to_text() -> None:
    assert CLS.marks_on_ascii.search("e\u0301").span(1) == (1, 2)
    assert CLS.marks_on_ascii.search("\u0915\u093f") is None  # a Devanagari vowel sign on its consonant
    assert CLS.format_after.search("a\u200b").span(1) == (1, 2)
    assert CLS.format_before.search("\u200b\u200ba").span(1) == (0, 2)
    assert CLS.format_after.search("\U0001f469\u200d\U0001f4bb") is None  # a joiner inside an emoji
    assert CLS.format_before.search("\U0001f469\u200d\U0001f4bb") is None


def test_finds_bracket_only_next_to_a_digit() -> None:
    assert CLS.bracket_digit.search("\uff08\uff14\uff11\uff15\uff09") is not None
    assert CLS.bracket_digit.search("\uff08\u66f4\u65b0\uff09") is None  # brackets around words
