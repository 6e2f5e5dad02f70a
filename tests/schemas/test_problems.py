"""Tests for schemas.problems: field paths, masked keys, and pydantic errors mapped to reason codes."""

import pytest

from schemas.problems import MASKED_KEY, field_path, problems_from_errors, reason_for, safe_key, schema_path
from schemas.reasons import Reason


@pytest.mark.parametrize(
    ("loc", "expected"),
    [
        (("messages", 3, "role"), "messages[3].role"),  # list index in brackets
        (("weight",), "weight"),  # top level
        (("input", "messages", 0, "content", 2, "text"), "input.messages[0].content[2].text"),
        ((), ""),  # the whole record
        (("messages", 0, "a b"), f"messages[0].{MASKED_KEY}"),  # a key that is not an identifier
    ],
)
def test_renders_path_when_given_loc(loc: tuple, expected: str) -> None:
    assert field_path(loc) == expected


@pytest.mark.parametrize(
    ("key", "shown"),
    [
        ("metadata", True),  # identifier: shown so a person can find it
        ("source_id", True),
        ("x-trace", True),
        ("jane.doe@example.com", False),  # looks like data: masked
        ("my secret note", False),
        ("", False),
        ("a" * 65, False),  # longer than any field name
    ],
)
def test_masks_key_when_it_does_not_look_like_an_identifier(key: str, shown: bool) -> None:
    assert (safe_key(key) == key) is shown


@pytest.mark.parametrize(
    ("loc", "error_type", "reason"),
    [
        (("messages", 0, "foo"), "extra_forbidden", Reason.UNKNOWN_FIELD),  # any extra key
        (("messages", 0, "role"), "literal_error", Reason.INVALID_ROLE),
        (("messages", 1, "tool_calls", 0, "type"), "literal_error", Reason.INVALID_TOOL_CALL),
        (("messages", 1, "tool_call_id"), "string_type", Reason.INVALID_TOOL_CALL),
        (("messages", 1, "weight"), "less_than_equal", Reason.INVALID_WEIGHT),
        (("weight",), "float_type", Reason.INVALID_WEIGHT),  # the sample weight too
        (("messages", 0, "content", "#list", 0, "#image_url", "image_url"), "missing", Reason.INVALID_IMAGE),
        (("preferred_output",), "too_long", Reason.INVALID_PREFERENCE),
        (("preferred_output", 0, "content"), "content_type", Reason.SCHEMA_ERROR),  # near miss: inside it
        (("messages", 0, "content"), "content_type", Reason.SCHEMA_ERROR),
        (("tools", 0, "type"), "literal_error", Reason.SCHEMA_ERROR),  # tool definitions, not calls
    ],
)
def test_picks_reason_when_error_is_at_loc(loc: tuple, error_type: str, reason: Reason) -> None:
    assert reason_for(loc, error_type) is reason


def test_drops_union_tags_when_building_paths() -> None:
    errors = [{"type": "string_type", "loc": ("messages", 0, "content", "#list", 1, "#text", "text")}]
    [(found, loc)] = problems_from_errors(errors)
    assert found.field == "messages[0].content[1].text"
    assert loc == ("messages", 0, "content", 1, "text")
    assert found.message.startswith("messages[0].content[1].text must be a string;")


def test_keeps_unknown_key_when_it_looks_like_a_tag() -> None:
    [(found, loc)] = problems_from_errors([{"type": "extra_forbidden", "loc": ("#str",)}])
    assert loc == ("#str",)
    assert found.reason is Reason.UNKNOWN_FIELD


@pytest.mark.parametrize(
    ("loc", "expected"),
    [
        (("messages", 0, "metadata"), "messages[0].metadata"),  # a field other exports write: named
        (("messages", 0, "AKIA" + "Q" * 16), f"messages[0].{MASKED_KEY}"),  # identifier-shaped key: masked
        (("janedoe",), MASKED_KEY),  # a name used as a key
        (("tools", 0, "function", "parameters"), "tools[0].function.parameters"),  # schema fields
    ],
)
def test_masks_key_when_it_is_not_a_schema_word(loc: tuple, expected: str) -> None:
    assert field_path(loc) == expected


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("messages[2].tool_calls[0].function.arguments.city", f"messages[2].tool_calls[0].function.arguments.{MASKED_KEY}"),
        ("tools[].function.parameters.properties.city.description",
         f"tools[].function.parameters.properties.{MASKED_KEY}.description"),  # JSON Schema words stay
        ("input.messages[0].content[2].text", "input.messages[0].content[2].text"),  # all schema words
        (f"messages[0].tool_calls[0].function.arguments.{MASKED_KEY}",
         f"messages[0].tool_calls[0].function.arguments.{MASKED_KEY}"),  # already masked
        ("", ""),  # the whole line
    ],
)
def test_masks_record_keys_when_given_a_rendered_path(path: str, expected: str) -> None:
    assert schema_path(path) == expected
