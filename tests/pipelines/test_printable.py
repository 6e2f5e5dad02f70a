"""Tests for pipelines.printable: names print as text a terminal cannot be steered by."""

import os

import pytest

from pipelines.printable import printable


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("data.jsonl", "data.jsonl"),  # plain: unchanged
        ("ünï cödé 日本.jsonl", "ünï cödé 日本.jsonl"),  # printable Unicode: unchanged
        ("a\nb", "a\\nb"),  # a newline would forge an output line
        ("x\x1b[31my", "x\\x1b[31my"),  # an escape code would colour or clear the terminal
        (os.fsdecode(b"bad\xffname"), "bad\\xffname"),  # a byte that is not UTF-8, shown as the byte
        ("zero\u200bwidth", "zero\\u200bwidth"),  # invisible format character
        ("right\u202eleft", "right\\u202eleft"),  # direction override
        ("back\\slash", "back\\\\slash"),  # a real backslash cannot pass for an escape
    ],
)
def test_escapes_name_when_it_holds_characters_a_terminal_would_obey(name: str, shown: str) -> None:
    assert printable(name) == shown
    printable(name).encode("utf-8")  # always printable as UTF-8


def test_accepts_paths_when_given_one() -> None:
    from pathlib import Path

    assert printable(Path("out") / "a\tb.jsonl") == "out/a\\tb.jsonl"
