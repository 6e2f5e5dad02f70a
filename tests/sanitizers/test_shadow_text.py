"""Tests for sanitizers.shadow_text: normalised shadows of a text and the way back to its offsets."""

import base64

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanitizers.shadow_text import build_shadows, may_have_shadows, normal_char
from tests.fake_keys import github_token

KEY = github_token(3)
FULL_WIDTH = {c: chr(ord(c) + 0xFEE0) for c in map(chr, range(0x21, 0x7F))}


def full_width(text: str) -> str:
    return "".join(FULL_WIDTH.get(c, c) for c in text)


def shadow_texts(text: str, **kw) -> list[str]:
    return [s.text for s in build_shadows(text, **kw)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"k {KEY[:9]}\u200b{KEY[9:]}", f"k {KEY}"),  # zero-width space inside
        (f"k {KEY[:5]}\u2060\ufeff{KEY[5:]}", f"k {KEY}"),  # word joiner + BOM
        (f"k {KEY[:5]}\u00ad{KEY[5:]}", f"k {KEY}"),  # soft hyphen
        (f"k {KEY[:5]}\u202e{KEY[5:]}", f"k {KEY}"),  # right-to-left override inside
        (f"k {full_width(KEY)}", f"k {KEY}"),  # full-width forms
        (f"k {KEY[:2]}\u0440{KEY[3:]}", f"k {KEY}"),  # Cyrillic er for the "p" of ghp_
        (f"k {KEY[:4]}\u0301{KEY[4:]}", f"k {KEY}"),  # a combining accent stacked on an ASCII letter
        ("tel \u0665\u0665\u0665 \u0660\u0661\u0663\u0662", "tel 555 0132"),  # Arabic-Indic digits
        ("tel \u096b\u096b\u096b", "tel 555"),  # Devanagari digits
        (f"k {base64.b64encode(KEY.encode()).decode()}", f"k {KEY}"),  # an encoded run, ASCII text
        (f"k {full_width(base64.b64encode(KEY.encode()).decode())}", f"k {KEY}"),  # full-width, then base64
    ],
)
def test_undoes_evasion_when_text_hides_a_value(text: str, expected: str) -> None:
    assert shadow_texts(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "plain ASCII prose, nothing to undo",
        "Привет, как дела? Всё хорошо.",  # Cyrillic prose: look-alikes are mapped only next to ASCII
        "Καλημέρα σας",  # Greek prose
        "東京は晴れです。今日は（たぶん）暑い！",  # CJK punctuation and full-width brackets stay
        "prix : 5\u00a0€ — 2019–2020…",  # no-break space, dashes and ellipsis are prose
        "m² and ½ cup",  # superscripts and fractions
        "👩\u200d💻 emoji joined by a ZWJ",  # a joiner between two emoji, not inside a token
    ],
)
def test_builds_no_shadow_when_nothing_hides(text: str) -> None:
    assert build_shadows(text) == []


def test_maps_finding_back_to_original_span_when_key_is_hidden() -> None:
    text = f"token: {KEY[:9]}\u200b{full_width(KEY[9:20])}{KEY[20:]} thanks"
    [shadow] = build_shadows(text)
    start = shadow.text.index(KEY)
    original = shadow.original_span(start, start + len(KEY))
    assert original == (7, 7 + len(KEY) + 1)  # the zero-width space is inside the span
    assert text[: original[0]] == "token: " and text[original[1] :] == " thanks"


def test_reads_overridden_stretch_in_display_order_when_right_to_left_override_is_used() -> None:
    text = f"a \u202e{KEY[::-1]}\u202c b"
    shadows = build_shadows(text)
    assert any(KEY in s.text for s in shadows)
    shown = next(s for s in shadows if KEY in s.text)
    start = shown.text.index(KEY)
    assert shown.original_span(start, start + len(KEY)) == (3, 3 + len(KEY))


def test_writes_spelled_out_address_plainly_when_addresses_are_asked_for() -> None:
    text = "reach ana.lima [at] example [dot] com today"
    assert build_shadows(text) == []  # secrets only: addresses are not a secret's business
    [shadow] = build_shadows(text, addresses=True)
    assert shadow.text == "reach ana.lima@example.com today"
    start = shadow.text.index("ana")
    assert shadow.original_span(start, start + len("ana.lima@example.com")) == (6, 37)


@pytest.mark.parametrize(
    ("char", "expected"),
    [("\u200b", ""), ("\uff47", "g"), ("\u0440", "p"), ("\u0663", "3"), ("\ufb01", "fi"), ("\u6771", "\u6771")],
)
def test_reads_one_character_as_its_plain_form(char: str, expected: str) -> None:
    assert normal_char(char) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["plain words ", "%41%42", base64.b64encode(b"a key inside!" * 3).decode(), "\u200b",
                                 "\uff47", "caf\u00e9", "x" * 30, "-_+/", "\n"]), max_size=8).map("".join))
def test_has_no_shadow_when_said_to_have_none(text: str) -> None:
    if not may_have_shadows(text):
        assert build_shadows(text) == []


def test_may_have_shadows_when_text_is_encoded_or_not_ascii() -> None:
    assert not may_have_shadows("Hello, my build fails at the deploy step.")
    assert may_have_shadows(base64.b64encode(github_token(3).encode()).decode())
    assert may_have_shadows("caf\u00e9")
