"""Tests for sanitizers.encoded_runs: %XX, base64 and hex runs decoded when they hold text."""

import base64

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanitizers.encoded_runs import _ENCODED_RUN, _encoded_runs, decode_runs, may_hold_encoded
from tests.fake_keys import together_key

KEY = together_key(7)


def decoded(text: str) -> str | None:
    found = decode_runs(text)
    return None if found is None else found[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"k={KEY[:9]}%{ord(KEY[9]):02X}%{ord(KEY[10]):02x}{KEY[11:]}", f"k={KEY}"),  # %XX inside a key
        (f"export K={base64.b64encode(KEY.encode()).decode()}", f"export K={KEY}"),  # standard base64
        (f"K: {base64.urlsafe_b64encode(KEY.encode()).decode().rstrip('=')}", f"K: {KEY}"),  # URL-safe, unpadded
        (f"hex {KEY.encode().hex()} end", f"hex {KEY} end"),  # lower-case hex
        (f"HEX {KEY.encode().hex().upper()}", f"HEX {KEY}"),  # upper-case hex
        (f"GET /v1/keys/{base64.b64encode(KEY.encode()).decode()}", f"GET /v1/keys/{KEY}"),  # segment of a path
        ("a%20b", "a b"),  # an escaped space is text too
    ],
)
def test_decodes_run_when_it_encodes_text(text: str, expected: str) -> None:
    assert decoded(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Plain prose, with no long runs at all.",  # fails the cheap gate
        "commit 3f786850e387550fdab836ed7e6dc881de23001b and 3f786850e387550fdab836ed7e6dc881de23001b",  # SHA-1
        "id 123e4567-e89b-12d3-a456-426614174000",  # a UUID decodes to bytes, not text
        "AbstractSingletonProxyFactoryBeanConfigurer",  # a long identifier
        "image iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
        "100% sure",  # "%" without hex digits
        "%ff%fe",  # escapes of bytes that are not UTF-8 text
    ],
)
def test_changes_nothing_when_runs_are_not_encoded_text(text: str) -> None:
    assert decode_runs(text) is None


def test_maps_finding_back_to_whole_run_when_text_was_decoded() -> None:
    run = base64.b64encode(KEY.encode()).decode()
    text = f"key: {run} (keep)"
    shadow, offsets = decode_runs(text)
    start = shadow.index(KEY)
    assert offsets.source_span(start, start + len(KEY)) == (5, 5 + len(run))
    assert shadow.endswith(" (keep)")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("plain words only", False), ("a%41", True), ("x" * 24, True), ("y" * 23 + " " + "z" * 23, False)],
)
def test_gate_says_whether_decoding_may_change_text(text: str, expected: bool) -> None:
    assert may_hold_encoded(text) is expected


# Runs of base64 characters broken by what ends a run ("=", ".", a space, a line break, a non-ASCII letter).
_RUN_PIECES = st.one_of(st.sampled_from(["A" * 23, "a" * 24, "x9+/_-" * 5, "=", "==", "===", " ", ".", "\n", "é"]),
                        st.text(alphabet="Ab9+/_-=. ", max_size=30))


@settings(max_examples=500, deadline=None)
@given(st.lists(_RUN_PIECES, max_size=12).map("".join))
def test_finds_the_runs_the_run_regex_finds_when_text_is_arbitrary(text: str) -> None:
    assert _encoded_runs(text) == [match.span() for match in _ENCODED_RUN.finditer(text)]
