"""The Unicode character classes a shadow text normalises, as fast stdlib `re` patterns and sets.

Built once per process, on the first text that is not ASCII (about 0.15 s: every code point up to
U+2FFFF and the tag block is looked at once), so an ASCII-only run never pays for it. Classes:

- `format`: invisible format characters (Cf: zero-width spaces and joiners, bidi controls, soft
  hyphen, tag characters);
- `marks`: combining marks (Mn, Me);
- `digits`: decimal digits of other scripts (Nd outside 0-9);
- `compat`: characters NFKC folds to ASCII letters, digits or one of `_-@.+/=%` (full-width forms,
  mathematical letters, ligatures, circled letters), except superscripts and fractions (No), spaces
  and the general punctuation block, which are prose;
- look-alikes come from `sanitizers.confusables`.

Patterns over the Basic Multilingual Plane use `re`'s bitmap classes (a few ns per character); the
few astral ranges that matter (mathematical alphanumerics, enclosed letters, tags) get their own
pattern, because a class with astral ranges is searched range by range.
"""

import functools
import re
import unicodedata
from dataclasses import dataclass

from sanitizers.confusables import CONFUSABLES

# Full-width brackets: folded only next to a digit, as in a phone number's area code "（415）".
BRACKETS = "\uff08\uff09"
_KEPT_PUNCTUATION = frozenset("_-@.+/=%")
# Astral characters that matter: mathematical alphanumerics, enclosed alphanumerics, tag characters.
# (Patterns start with one class, `[x][x]*` rather than `[x]+`: then `re` scans for that class in C.)
_ASTRAL = "\U0001d400-\U0001d7ff\U0001f100-\U0001f1ff\U000e0000-\U000e007f"


@dataclass(frozen=True, slots=True)
class Classes:
    """Compiled patterns (see the module docstring); all but `astral` cover the BMP only."""

    any_char: re.Pattern  # a character of any class, look-alikes included: no match, nothing to do
    any_astral: re.Pattern  # any character beyond the BMP (one range: a fast scan)
    astral: re.Pattern  # the astral characters that matter (all fold to ASCII or are tags)
    rest: re.Pattern  # any class but look-alikes: no match, only look-alikes can matter
    strong: re.Pattern  # runs of other scripts' digits and compat forms: always folded
    # The patterns below match with the neighbour that gives them their meaning (a digit, a printable
    # character), so that they start with one class and `re` scans for it in C; the characters to
    # fold are their last matched group.
    bracket_digit: re.Pattern  # a full-width bracket next to a digit
    format_after: re.Pattern  # invisible characters after printable ASCII or full-width text
    format_before: re.Pattern  # invisible characters before printable ASCII or full-width text
    marks_on_ascii: re.Pattern  # combining marks stacked on a printable ASCII character
    look_alike: re.Pattern  # any look-alike letter
    # `str.translate` table: what each character of a class reads as ("" for invisible ones and marks).
    fold: dict[int, str]


def _class(chars: list[int]) -> str:
    """A regex character class body for the code points `chars` (ranges where they are consecutive)."""
    chars = sorted(set(chars))
    parts: list[str] = []
    i = 0
    while i < len(chars):
        j = i
        while j + 1 < len(chars) and chars[j + 1] == chars[j] + 1:
            j += 1
        low, high = re.escape(chr(chars[i])), re.escape(chr(chars[j]))
        parts.append(low if i == j else f"{low}-{high}")
        i = j + 1
    return "".join(parts)


def _folds_to_ascii(ch: str, code: int, category: str) -> bool:
    if category in ("No", "Zs", "Cn", "Co", "Cs") or 0x2000 <= code <= 0x206F:
        return False
    folded = unicodedata.normalize("NFKC", ch)
    return folded != ch and folded.isascii() and all(c.isalnum() or c in _KEPT_PUNCTUATION for c in folded)


@functools.cache
def classes() -> Classes:
    """The classes, built on first use."""
    format_chars: list[int] = []
    marks: list[int] = []
    digits: list[int] = []
    compat: list[int] = []
    for code in (*range(0x80, 0x30000), *range(0xE0000, 0xE1000)):
        ch = chr(code)
        category = unicodedata.category(ch)
        if category == "Cf":
            format_chars.append(code)
        elif category in ("Mn", "Me"):
            marks.append(code)
        elif category == "Nd":
            digits.append(code)
        elif _folds_to_ascii(ch, code, category):
            compat.append(code)
    keyish = r"!-~\uff01-\uff5e"  # printable ASCII and its full-width forms
    fmt = _class([c for c in format_chars if c < 0x10000])
    mark = _class([c for c in marks if c < 0x10000])
    strong = _class([c for c in (*digits, *compat) if c < 0x10000])  # always folded
    looks = _class([ord(c) for c in CONFUSABLES])
    fold: dict[int, str] = {code: "" for code in (*format_chars, *marks)}
    fold.update((code, str(unicodedata.decimal(chr(code)))) for code in digits)
    fold.update((code, unicodedata.normalize("NFKC", chr(code))) for code in (*compat, *map(ord, BRACKETS)))
    fold.update((ord(ch), plain) for ch, plain in CONFUSABLES.items())
    return Classes(
        any_char=re.compile(f"[{fmt}{mark}{strong}{looks}{BRACKETS}]"),
        any_astral=re.compile("[\U00010000-\U0010ffff]"),
        astral=re.compile(f"[{_ASTRAL}][{_ASTRAL}]*"),
        rest=re.compile(f"[{fmt}{mark}{strong}{BRACKETS}]"),
        strong=re.compile(f"[{strong}][{strong}]*"),
        bracket_digit=re.compile(f"([{BRACKETS}])[0-9{strong}]|[0-9{strong}]([{BRACKETS}])"),
        format_after=re.compile(f"[{keyish}]([{fmt}]+)"),
        format_before=re.compile(f"(?<![{fmt}])([{fmt}]+)[{keyish}]"),  # from a run start only: linear
        marks_on_ascii=re.compile(f"[!-~]([{mark}]+)"),
        look_alike=re.compile(f"[{looks}]"),
        fold=fold,
    )
