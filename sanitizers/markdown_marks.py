"""Markdown bold marks around a form's labels, blanked for the pattern recognizers.

LLM-written forms and letters set their labels in bold: "**Employee ID:** 008356", "**Last Name**: Kim",
"| **Policy Number** | ...". The cue patterns expect the label, a colon and the value with nothing but
blanks between, so the marks hid every value after such a label. `blank_bold_marks` turns each `**`
that opens or closes a bold run into two spaces: the text keeps its length, so every finding's offsets
still point at the original text. A `**` inside a word ("pa**word") is no mark and stays.
"""

import re

# A `**` opening a bold run (no word or `*` before it, a non-blank after it) or closing one (a non-blank
# before it, no word or `*` after it).
_BOLD_MARK = re.compile(r"(?<![\w*])\*\*(?=[^\s*])|(?<=[^\s*])\*\*(?![\w*])")


def blank_bold_marks(text: str) -> str:
    """`text` with the `**` marks of bold runs replaced by two spaces (same length, same offsets)."""
    if "**" not in text:
        return text
    return _BOLD_MARK.sub("  ", text)
