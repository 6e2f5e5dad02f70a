"""Names made safe to print: a file name can hold escape codes, newlines or bytes that are not UTF-8.

A terminal would obey an escape code in a printed name (colours, cursor moves, a cleared screen) and a
newline would forge a line of output; a name that is not UTF-8 cannot be printed at all. Every name the
CLI prints goes through `printable`, which escapes those characters the way Python writes them.
"""

import os

# Python decodes a file name byte that is not UTF-8 to a lone surrogate U+DC80..U+DCFF
# (PEP 383 "surrogateescape"); printed as the byte it stands for.
_ESCAPED_BYTES = range(0xDC80, 0xDD00)


def printable(value: str | os.PathLike[str]) -> str:
    """`value` with every non-printable character escaped: `\\n`, `\\x1b`, `\\u200b`, `\\xff` (a raw byte).

    A backslash is doubled, so an escaped name can never be mistaken for a name that contains the escape.
    """
    text = os.fspath(value)
    if text.isprintable() and "\\" not in text:  # the common case, one C-level check
        return text
    return "".join(_escape(ch) for ch in text)


def _escape(ch: str) -> str:
    if ch == "\\":
        return "\\\\"
    if ch.isprintable():
        return ch
    if ord(ch) in _ESCAPED_BYTES:
        return f"\\x{ord(ch) - 0xDC00:02x}"
    return ch.encode("unicode_escape").decode("ascii")
