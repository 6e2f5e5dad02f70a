"""Tests for sanitizers.offset_map: rewriting a text and mapping spans of the rewrite back."""

import pytest

from sanitizers.offset_map import Rewriter


def rewrite(source: str, edits: list[tuple[int, int, str]]):
    rewriter = Rewriter(source)
    for start, end, text in edits:
        rewriter.put(start, end, text)
    return rewriter, *rewriter.finish()


def test_copies_source_when_nothing_is_put() -> None:
    rewriter, text, offsets = rewrite("abc def", [])
    assert text == "abc def" and not rewriter.changed
    assert offsets.source_span(4, 7) == (4, 7)


def test_leaves_text_unchanged_when_put_repeats_the_source() -> None:
    rewriter, text, _ = rewrite("abc", [(1, 2, "b")])
    assert text == "abc" and not rewriter.changed


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        ((0, 2), (0, 2)),  # copied run before the edits: exact
        ((0, 4), (0, 5)),  # ends just after the dropped zero-width character: it falls inside
        ((3, 5), (4, 11)),  # starts in copied text, ends in the substitution: its whole source range
        ((4, 5), (5, 11)),  # inside the substitution only
        ((6, 8), (11, 13)),  # copied run after the edits: exact, shifted
    ],
)
def test_maps_span_back_when_text_was_rewritten(span: tuple[int, int], expected: tuple[int, int]) -> None:
    source = "abc\u200bd%41%42ef"
    _, text, offsets = rewrite(source, [(3, 4, ""), (5, 11, "AB")])
    assert text == "abcdABef"
    assert offsets.source_span(*span) == expected


def test_maps_each_output_char_to_its_source_char_when_one_char_becomes_two() -> None:
    _, text, offsets = rewrite("x\ufb01y", [(1, 2, "fi")])  # the "fi" ligature
    assert text == "xfiy"
    assert offsets.source_span(1, 3) == (1, 2) and offsets.source_span(0, 4) == (0, 3)
