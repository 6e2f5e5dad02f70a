"""Tests for pipelines.output_names: an input's name never steers where its outputs go."""

import os

import pytest

from pipelines.output_names import MAX_STEM_BYTES, output_stem


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("data.jsonl", "data"),  # plain names are kept
        ("my data (v2).jsonl", "my data (v2)"),
        ("Bücher.jsonl", "Bücher"),
        ("notes", "notes"),  # no suffix: the whole name
    ],
)
def test_keeps_stem_when_name_is_plain(name: str, stem: str) -> None:
    assert output_stem(name) == stem


@pytest.mark.parametrize(
    "name",
    [
        "...jsonl",  # would be `..`: the parent of --out
        "..jsonl",  # would be `.`: --out itself
        ".jsonl",  # would be empty
        ".work.jsonl",  # would collide with the resume folder
        ".lock.jsonl",  # would collide with the lock file
        "a\nb.jsonl",  # newline
        "x\x1b[2Jy.jsonl",  # escape code
        os.fsdecode(b"bad\xff.jsonl"),  # not UTF-8
        "z\u200bw.jsonl",  # invisible character
        "n" * 249 + ".jsonl",  # 255 bytes: + ".quarantine.jsonl" would not fit
    ],
)
def test_makes_a_safe_unique_stem_when_name_is_not_plain(name: str) -> None:
    stem = output_stem(name)
    assert stem and not stem.startswith(".")
    assert stem.isprintable() and "/" not in stem and "\\" not in stem
    assert len(stem.encode("utf-8")) <= MAX_STEM_BYTES
    assert stem != name.removesuffix(".jsonl")


def test_gives_different_stems_when_names_differ_only_in_unsafe_characters() -> None:
    names = ["...jsonl", "..jsonl", ".jsonl", "a\nb.jsonl", "a\rb.jsonl", "a_b.jsonl"]
    stems = [output_stem(n) for n in names]
    assert len(set(stems)) == len(stems)


def test_gives_the_same_stem_when_called_again() -> None:
    assert output_stem("a\x1bb.jsonl") == output_stem("a\x1bb.jsonl")
