"""Tests for schemas.strict_json: what plain json.loads lets through is refused, with value-free messages."""

import pytest

from schemas.strict_json import StrictJsonError, loads_strict

CANARY = "zq" + "canary" + "7731"


@pytest.mark.parametrize(
    "text",
    [
        '{"a": 1, "b": [true, null, "x"]}',  # ordinary object
        '  {"a": 1}\t',  # JSON whitespace around the value
        '"\\ud83d\\ude00"',  # a surrogate *pair*: an emoji written by an ensure_ascii writer
        '"\\\\ud800"',  # an escaped backslash followed by text that only looks like an escape
        "1e308",  # large but finite
        '{"a": {"a": 1}}',  # the same key at two levels is not a repeat
    ],
)
def test_parses_when_text_is_strict_json(text: str) -> None:
    loads_strict(text)


@pytest.mark.parametrize(
    "text",
    [
        '{"a": NaN}',  # json.loads accepts NaN; JSON does not
        '{"a": Infinity}',
        "[-Infinity]",
        '{"a": 1, "a": 2}',  # a repeated key: json.loads would keep only the last value
        '[{"k": 1, "k": 1}]',  # even when both values are equal
        '"\\ud800"',  # a lone high surrogate cannot be written back as UTF-8
        '{"x": "a\\udc00b"}',  # a lone low surrogate
        "[" * 10_000 + "]" * 10_000,  # deeper than the parser's recursion limit
        "1" * 5000,  # longer than Python's int conversion limit
        '{"a": 1',  # syntax error
        "",  # nothing at all
    ],
)
def test_raises_when_text_is_not_strict_json(text: str) -> None:
    with pytest.raises(StrictJsonError):
        loads_strict(text)


@pytest.mark.parametrize(
    "text",
    [
        '{"a": "' + CANARY + "\x01" + '"}',  # control character inside a string
        '{"a": "' + CANARY + '\\q"}',  # invalid escape
        '{"' + CANARY + '": 1, "' + CANARY + '": 2}',  # repeated key
        '{"a": "' + CANARY + '" "b"}',  # missing comma right after the value
        CANARY,  # a bare word
        '{"a": NaN, "b": "' + CANARY + '"}',
    ],
)
def test_message_never_quotes_the_text_when_parsing_fails(text: str) -> None:
    with pytest.raises(StrictJsonError) as caught:
        loads_strict(text)
    assert CANARY not in str(caught.value)
    assert caught.value.what and caught.value.fix


def test_says_at_column_once_when_a_string_is_unterminated() -> None:
    with pytest.raises(StrictJsonError) as caught:
        loads_strict('{"a": "' + CANARY)
    assert "starting at column 7" in caught.value.what
    assert "at at" not in caught.value.what
    assert CANARY not in str(caught.value)
