"""Find every further mention of a PII value already found in the same record.

Detection looks at one text at a time, so a name caught in "hi this is Maria Gonzalez" can be missed
in a later turn ("Maria, your refund is on its way") or in a tool call's JSON arguments. Once a
value is known to be personal, each of its other mentions in the record is too: whole values are
matched again (case-insensitively, on word boundaries), for addresses also their comma-separated parts
that hold a number ("12 Kowalska St" of "12 Kowalska St, 00-950 Warsaw"), and for names each given or family name
on its own, unless it is an ordinary English word in lower case ("mark", "grace").
"""

from collections.abc import Sequence
from typing import TYPE_CHECKING

import regex as re

from sanitizers.findings import Finding

if TYPE_CHECKING:  # english_words imports spaCy: only runs that found a name need it
    from sanitizers.english_words import EnglishWords

RECOGNIZER = "ValueRepeat"
SCORE = 0.6
MIN_VALUE_CHARS = 3
MIN_ADDRESS_PART = 6
_WORD = re.compile(r"[\p{L}][\p{L}'’-]*")
_ADDRESS_PARTS = re.compile(r"[,\n]")


def add_repeats(texts: Sequence[str], findings: Sequence[list[Finding]], words: "EnglishWords | None" = None
                ) -> list[list[Finding]]:
    """`findings` plus a finding for each uncovered mention of an already found PII value in `texts`.

    `texts[i]` belongs with `findings[i]`; all texts are of one record. Secrets are left alone: the
    secret scanner finds every copy of a key by its shape.
    """
    values: dict[str, str] = {}  # casefolded value -> entity type
    name_words: set[str] = set()
    for text, found in zip(texts, findings):
        for f in found:
            if f.is_secret or f.end - f.start < MIN_VALUE_CHARS:
                continue
            value = text[f.start : f.end]
            values.setdefault(value.casefold(), f.entity_type)
            if f.entity_type == "STREET_ADDRESS":
                for part in _address_parts(value):
                    values.setdefault(part.casefold(), f.entity_type)
            if f.entity_type == "PERSON":
                name_words.update(w.casefold() for w in _WORD.findall(value))
    if not values:
        return [list(found) for found in findings]
    if name_words:
        if words is None:
            from sanitizers.english_words import english_words

            words = english_words()
        from sanitizers.name_lists import name_lists

        names = name_lists()
        # An ordinary word that is no known name is the name's only in the name ("Space" of "Space Shuttle
        # Columbia", "Hall" of "Albert Hall"): repeated alone it is the word.
        name_words = {w for w in name_words if len(w) >= MIN_VALUE_CHARS and not words.is_stop(w)
                      and not (words.is_common(w) and not names.is_name(w))}
    out = []
    for text, found in zip(texts, findings):
        covered = sorted((f.start, f.end) for f in found)
        extra = _value_mentions(text, values, covered)
        if name_words:
            assert words is not None
            extra += _name_word_mentions(text, name_words, covered + [(f.start, f.end) for f in extra], words)
        out.append(list(found) + extra)
    return out


def _address_parts(value: str) -> list[str]:
    """Runs of whole comma/line-separated parts that hold a number and a word.

    Tool calls split an address into fields ("street": "Rua Xavier, 12", "city": ...), so
    "Rua Xavier, 12, 20040-002 Rio de Janeiro" yields "Rua Xavier, 12", "20040-002 Rio de Janeiro", ...
    """
    cuts = [0] + [m.end() for m in _ADDRESS_PARTS.finditer(value)]
    ends = [m.start() for m in _ADDRESS_PARTS.finditer(value)] + [len(value)]
    runs = []
    for i in range(len(cuts)):
        for j in range(i, min(len(ends), i + 4)):
            run = value[cuts[i] : ends[j]].strip()  # the original text, separators as written
            if len(run) >= MIN_ADDRESS_PART and any(c.isdigit() for c in run) and any(c.isalpha() for c in run):
                runs.append(run)
    return runs


def _value_mentions(text: str, values: dict[str, str], covered: list[tuple[int, int]]) -> list[Finding]:
    folded = text.casefold()
    if len(folded) != len(text):  # a rare casefold that changes length ("ß" -> "ss"): offsets would drift
        folded = text.lower()
        if len(folded) != len(text):
            return []
    extra = []
    for value, entity in values.items():
        start = folded.find(value)
        while start >= 0:
            end = start + len(value)
            if _on_word_boundaries(text, start, end) and not _inside(start, end, covered):
                extra.append(Finding(entity, start, end, SCORE, RECOGNIZER))
            start = folded.find(value, start + 1)
    return extra


def _name_word_mentions(text: str, name_words: set[str], covered: list[tuple[int, int]], words: "EnglishWords"
                        ) -> list[Finding]:
    extra = []
    for match in _WORD.finditer(text):
        word = match.group()
        if word.casefold() not in name_words:
            continue
        start, end = match.span()
        if _inside(start, end, covered):
            continue
        if not word[:1].isupper() and (words.is_noun(word) or words.is_descriptive(word)):
            continue  # a dictionary word in lower case is probably the word, not the name
        extra.append(Finding("PERSON", start, end, SCORE, RECOGNIZER))
    return extra


def _on_word_boundaries(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_")


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)
