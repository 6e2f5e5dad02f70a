"""Normalised shadows of a text, for detection only, with a map back to the original offsets.

Detectors look for ASCII shapes (`ghp_` + 36 base62, `name@domain`). A key with a zero-width space or
a right-to-left override inside, written in full-width forms (ｇｈｐ＿…) or with look-alike letters
(`ghр_`, Cyrillic `р`), or URL-, base64- or hex-encoded, and a phone number in Arabic-Indic digits,
have no such shape. A shadow undoes these, in this order:

1. invisible format characters (zero-width spaces and joiners, bidi controls, soft hyphens, tag
   characters) next to ASCII or full-width text, and combining marks on ASCII characters, are removed;
2. compatibility forms that NFKC folds to ASCII (full-width and mathematical letters, ligatures) are
   folded; digits of any script become ASCII digits;
3. look-alike letters (`sanitizers.confusables`) touching an ASCII letter or digit become that letter;
4. for PII detection, e-mail addresses spelled out with "[at]" and "[dot]" are written plainly;
5. %XX runs, and base64 or hex runs that decode to text, are decoded (`sanitizers.encoded_runs`).

Text between a right-to-left override (U+202E) and the end of its embedding is also read in display
order (reversed) in a second shadow, because that is how a reader sees it.

Detectors run on each shadow as on the text; `Shadow.original_span` maps a finding back, so the
original span (invisible characters, look-alikes and encoded run included) is what gets replaced and
every other character of the text stays. `build_shadows` returns [] when there is nothing to undo:
ASCII text costs one `isascii` and the encoded-run gate; other text two scans more with `re` bitmap
classes (`sanitizers.unicode_classes`), a few more only where a class is present.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sanitizers.confusables import CONFUSABLES
from sanitizers.encoded_runs import decode_runs, may_hold_encoded
from sanitizers.offset_map import OffsetMap, Rewriter
from sanitizers.unicode_classes import BRACKETS, classes

_ASCII_WORD = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_]*")

_RIGHT_TO_LEFT = "\u202e"
# What ends a right-to-left override: POP DIRECTIONAL FORMATTING, another embedding, or a line end.
_OVERRIDDEN = re.compile(r"\u202e([^\u202a-\u202e\u2066-\u2069\n]*)")


@dataclass(frozen=True, slots=True)
class Shadow:
    """A rewritten text and the maps back to the original (applied last to first)."""

    text: str
    maps: tuple[OffsetMap, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that the shadow's span [start, end) stands for."""
        for offset_map in reversed(self.maps):
            start, end = offset_map.source_span(start, end)
        return start, end


def may_have_shadows(text: str) -> bool:
    """False when `build_shadows(text)` (without `addresses`) is surely []: ASCII text with no encoded run."""
    return not text.isascii() or may_hold_encoded(text)


def build_shadows(text: str, *, addresses: bool = False, found: Sequence[tuple[int, int]] = ()) -> list[Shadow]:
    """The shadows of `text` that differ from it: usually none, one, or two with a right-to-left override.

    `addresses` (for PII detection) also writes spelled-out e-mail addresses (`ana [at] example [dot]
    com`) in their plain form. `found`: spans of `text` already detected; encoded runs inside them are
    left encoded (they are replaced whole anyway), which spares a second scan of most JWT-bearing texts.
    """
    if not addresses and text.isascii():  # most texts: nothing to normalise, only encodings to look for
        if not may_hold_encoded(text):
            return []
        decoded = decode_runs(text, gate_passed=True, found=found)
        return [] if decoded is None else [Shadow(decoded[0], (decoded[1],))]
    base, maps = text, ()
    for step in (_normalise, _spelled_out if addresses else None, decode_runs):
        if step is None or (step is _normalise and text.isascii()):
            continue
        rewritten = step(base)
        if rewritten is not None:
            base, maps = rewritten[0], (*maps, rewritten[1])
    shadows = [Shadow(base, maps)] if maps else []
    if _RIGHT_TO_LEFT in text:
        shown = _display_order(text)
        if shown is not None:
            again = _normalise(shown[0])
            shadows.append(Shadow(again[0], (shown[1], again[1])) if again else Shadow(shown[0], (shown[1],)))
    return shadows


def normal_char(ch: str) -> str:
    """What one character reads as in a shadow, wherever its class applies ("" for an invisible one)."""
    return ch.translate(classes().fold)


def _normalise(text: str) -> tuple[str, OffsetMap] | None:
    """Steps 1-3 of the module docstring, or None when they change nothing."""
    cls = classes()
    astral = cls.any_astral.search(text) is not None and cls.astral.search(text) is not None
    if not astral and cls.any_char.search(text) is None:
        return None  # most non-ASCII text (accents, curly quotes, emoji): one scan of the text
    patterns: list[re.Pattern] = [cls.astral] if astral else []
    if cls.rest.search(text) is not None:
        patterns += [cls.strong, cls.format_after, cls.format_before, cls.marks_on_ascii]
        if BRACKETS[0] in text or BRACKETS[1] in text:
            patterns.append(cls.bracket_digit)
    # The characters to fold: the last group a pattern matched, or its whole match when it has none.
    spans = [match.span(match.lastindex or 0) for pattern in patterns for match in pattern.finditer(text)]
    if cls.look_alike.search(text) is not None:
        spans += _look_alike_runs(text)
    if not spans:
        return None
    rewriter = Rewriter(text)
    for start, end in _merged(spans):
        rewriter.put(start, end, text[start:end].translate(cls.fold), one_for_one=True)
    return rewriter.finish() if rewriter.changed else None


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _look_alike_runs(text: str) -> list[tuple[int, int]]:
    """Runs of look-alike letters that touch an ASCII letter, digit or `_` (`ghр_`, `рk-`).

    Found from the ASCII side: texts in Cyrillic or Greek hold few ASCII runs, so this stays cheap.
    """
    runs: list[tuple[int, int]] = []
    n = len(text)
    for match in _ASCII_WORD.finditer(text):
        i = match.start()
        while i > 0 and text[i - 1] in CONFUSABLES:
            i -= 1
        if i < match.start():
            runs.append((i, match.start()))
        j = match.end()
        while j < n and text[j] in CONFUSABLES:
            j += 1
        if j > match.end():
            runs.append((match.end(), j))
    return runs


def _spelled_out(text: str) -> tuple[str, OffsetMap] | None:
    """Spelled-out e-mail addresses written plainly (`ana [at] example [dot] com` -> `ana@example.com`)."""
    # Imported here: the recognizer module imports presidio, which a secrets-only run never loads.
    from sanitizers.recognizers.email_recognizer import spelled_out_addresses

    found = spelled_out_addresses(text)
    if not found:
        return None
    rewriter = Rewriter(text)
    for start, end, address in found:
        rewriter.put(start, end, address)
    return rewriter.finish()


def _display_order(text: str) -> tuple[str, OffsetMap] | None:
    """`text` with each right-to-left overridden stretch reversed (as displayed), or None."""
    rewriter = Rewriter(text)
    for match in _OVERRIDDEN.finditer(text):
        start, end = match.span(1)
        if end - start > 1:
            rewriter.put(start, end, text[start:end][::-1])
    return rewriter.finish() if rewriter.changed else None
