"""The stem an input file's outputs are named after: always one safe name inside the output folder.

An input name is data: `...jsonl` would make the stem `..` (the parent of --out), `.work.jsonl` would
collide with the resume folder, a name with escape codes or bytes that are not UTF-8 would reach every
tool that lists the folder, and a long name plus `.quarantine.jsonl` can pass the file system's
255-byte limit. Plain names are used as they are; any other name keeps its printable characters and
gets a short hash of the full name, so two inputs never share outputs.
"""

import hashlib
import os

INPUT_SUFFIX = ".jsonl"
# 255 bytes per name on Linux file systems, minus the longest suffix (`.quarantine.jsonl`) and the
# temporary name's `.` + `.XXXXXXXX.tmp`, with room to spare.
MAX_STEM_BYTES = 200
_READABLE_CHARS = 64
_HASH_CHARS = 12


def output_stem(input_name: str) -> str:
    """The stem for `input_name`'s outputs (the name without `.jsonl`, made safe when it is not)."""
    stem = input_name.removesuffix(INPUT_SUFFIX)
    if _is_plain(stem):
        return stem
    readable = "".join(ch if _is_plain_char(ch) else "_" for ch in stem).lstrip("._")[:_READABLE_CHARS]
    digest = hashlib.sha256(os.fsencode(input_name)).hexdigest()[:_HASH_CHARS]
    return f"{readable}-{digest}" if readable else f"file-{digest}"


def _is_plain(stem: str) -> bool:
    return (
        bool(stem)
        and not stem.startswith(".")
        and all(_is_plain_char(ch) for ch in stem)
        and len(stem.encode("utf-8")) <= MAX_STEM_BYTES
    )


def _is_plain_char(ch: str) -> bool:
    # isprintable() is False for control and format characters (escape codes, newlines, zero-width and
    # direction marks) and for the lone surrogates that stand for bytes that are not UTF-8.
    return ch.isprintable() and ch not in "/\\"
