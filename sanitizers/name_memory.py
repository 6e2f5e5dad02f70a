"""A name found in some mentions of a chunk is found in all of them: the chunk's name memory.

Detection judges one record at a time, and a surname alone ("Winterbourne laughed") often has no cue
that it names someone, while the record before called him "Frederick Winterbourne". So a chunk is read
twice: first every text is detected, and each PERSON finding becomes a candidate, with each name-like
word of a multi-word one ("Frederick", "Winterbourne"). A candidate is remembered when the detector
found it as a person in at least three of every ten of its mentions in the chunk (`VOTE`): that vote is
the evidence. The last word of a full name needs one in ten (`SURNAME_VOTE`): a text that introduced
"Delwyn J. Langejans" goes on with "Langejans made...", and cue-less mentions are the rule there. A word
the detector took for a person once in twenty mentions ("Stardust") is not spread, and neither is a
place or an ordinary word unless it is also a known name (or, for a place, the family name of a full
name found: "Charles J. Fillmore" ... "Fillmore retired").

In the second pass the remembered names' other mentions become PERSON findings, except where the
mention is part of a longer capitalised phrase ("Lincoln Park", "King's College", "Museum of Art"):
another word of the phrase that is no remembered name is positive evidence the phrase names a place or
an organisation. A title, "I" or another remembered name next to it keeps it a person's ("Captain Lennox", "Herncastle
and I"); a preposition of place before it ("in Divar"), or "the" with no noun after it ("the Garonne,"),
makes it a place. Matching is on word boundaries, as written, in capitals ("TOM") or, after "the", as a
family's plural ("the Verlocs").

The memory lives in the worker that sanitizes the chunk: it is never written, logged or returned.
"""

import bisect
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

import regex as re

from sanitizers.findings import Finding

RECOGNIZER = "NameMemory"
SCORE = 0.5
VOTE = 0.3  # found as a person in at least three of every ten mentions
SURNAME_VOTE = 0.1  # for the last word of a full name found in the chunk
# An ordinary word that names someone in one text ("Tumble" in '," said Tumble') needs most of its mentions, and
# a few of them: a nickname in fiction is called by it throughout, a word is not found as a person that often.
ORDINARY_VOTE = 0.5
ORDINARY_MIN_FOUND = 3
_WORD = re.compile(r"\p{Lu}[\p{L}\p{M}'’-]*\p{Ll}[\p{L}\p{M}'’-]*")  # "Winterbourne", "O'Hara", "McBride"
_NAME_TOKEN = re.compile(rf"\p{{Lu}}\.|{_WORD.pattern}")  # a name word or an initial ("J.")
_ORDINARY_WORD = re.compile(r"\p{Lu}\p{Ll}{2,}")  # "Tumble": a capitalised word, no capitals inside
_CAPITAL = re.compile(r"(?<![\p{L}\p{N}'’-])\p{Lu}[\p{L}\p{M}\p{N}'’-]*")
# What joins the words of one capitalised phrase: a space or hyphen, a possessive, or a short link word.
_AFTER = re.compile(r"(?:['’]s)?(?:[ \t-]|[ \t](?:de|du|des|la|le|and|&)[ \t])(\p{Lu}[\p{L}'’-]*)")
_POSSESSIVE_PHRASE = re.compile(r"['’]s[ \t]\p{Lu}")
_BEFORE = re.compile(r"(\p{Lu}[\p{L}'’-]*)(\.?)(?:[ \t-]|[ \t](?:of|the|de|du|des|la|le)[ \t])$")
_THE_BEFORE = re.compile(r"(?<![\p{L}\p{N}])(?i:the)[ \t]+$")
_MODIFIED_NOUN = re.compile(r"[ \t]+\p{Ll}")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“‘(\n]\s*)$")
_LOOK = 80  # characters before a mention read for the phrase check


class _Candidate(Enum):
    NAME = "name"
    SURNAME = "surname"  # the last word of a full name
    ORDINARY = "ordinary"  # an ordinary word found alone as a person


def _wins_vote(name: str, found: int, mentions: int, surnames: set[str], ordinary: set[str]) -> bool:
    if name in ordinary:
        return found >= ORDINARY_MIN_FOUND and found >= ORDINARY_VOTE * mentions
    return found >= (SURNAME_VOTE if name in surnames else VOTE) * mentions


class _Kind(Enum):
    AS_FOUND = "as found"
    CAPITALS = "capitals"
    FAMILY = "family"


@dataclass(frozen=True)
class NameWords:
    """What tells a name from a place or a word: the given/family lists, places, English words, titles."""

    is_name: Callable[[str], bool]
    is_given: Callable[[str], bool]
    is_place: Callable[[str], bool]
    is_common: Callable[[str], bool]
    titles: frozenset[str]
    after_place_preposition: Callable[[str, int, int], bool]

    @classmethod
    def default(cls) -> "NameWords":
        from sanitizers.english_words import english_words
        from sanitizers.name_lists import name_lists
        from sanitizers.person_judge import after_place_preposition
        from sanitizers.place_names import place_names
        from sanitizers.recognizers.person_context_recognizer import TITLE_WORDS

        names, places, words = name_lists(), place_names(), english_words()
        return cls(names.is_name, names.is_given, lambda w: w.casefold() in places.all, words.is_common,
                   TITLE_WORDS, lambda text, start, end: after_place_preposition(text, start, end, names.is_name))

    def may_remember(self, candidate: str) -> bool:
        """No word of it is an ordinary word that is no known name ("Red" in "Boston Red Sox"); one word
        is no place either, unless it is also a given or family name ("Paris", "Holt"): the
        vote and the phrase checks tell the person from the town."""
        if " " in candidate:
            return not any(self.is_common(w) and not self.is_name(w) for w in candidate.split(" "))
        if self.is_place(candidate) and not self.is_name(candidate):
            return False
        return not (self.is_common(candidate) and not self.is_name(candidate))


class NameMemory:
    """The names of one chunk that its detector found in enough of their mentions."""

    def __init__(self, remembered: Iterable[str], words: NameWords):
        self._words = words
        self._by_first: dict[str, list[str]] = defaultdict(list)  # first word -> names, longest first
        self._names = frozenset(remembered)
        for name in sorted(self._names, key=len, reverse=True):
            self._by_first[name.split(" ", 1)[0]].append(name)

    def __len__(self) -> int:
        return len(self._names)

    @classmethod
    def learn(cls, texts: Sequence[str], findings: Sequence[Sequence[Finding]],
              words: NameWords | None = None) -> "NameMemory":
        """Vote over `texts` (each once) and their `findings`: which candidates to remember."""
        words = words or NameWords.default()
        candidates: set[str] = set()
        surnames: set[str] = set()  # last words of full names: how a text refers to a person it introduced
        ordinary: set[str] = set()  # ordinary words found alone as a person: a nickname or a mistake
        for text, found in zip(texts, findings):
            for value, kind in _candidates(text, found, words):
                candidates.add(value)
                (surnames if kind is _Candidate.SURNAME else ordinary if kind is _Candidate.ORDINARY else set()).add(value)
        ordinary -= {value for value in candidates if words.may_remember(value)}
        if not candidates:
            return cls((), words)
        index = cls(candidates, words)
        mentions: dict[str, int] = defaultdict(int)
        as_person: dict[str, int] = defaultdict(int)
        for text, found in zip(texts, findings):
            people = _Spans((f.start, f.end) for f in found if f.entity_type == "PERSON")
            for name, start, end, kind in index._mentions(text, every=True):
                if kind is not _Kind.AS_FOUND:
                    continue  # "TOM!", "the Verlocs": only the written form votes
                mentions[name] += 1
                as_person[name] += people.cover(start, end)
        return cls((name for name in candidates if _wins_vote(name, as_person[name], mentions[name], surnames, ordinary)),
                   words)

    def findings(self, text: str, found: Sequence[Finding]) -> list[Finding]:
        """PERSON findings for the remembered names' mentions in `text` that nothing in `found` covers."""
        if not self._by_first:
            return []
        covered = _Spans((f.start, f.end) for f in found)
        out: list[Finding] = []
        # Mentions come left to right and never overlap each other: only the findings can cover them.
        for _, start, end, kind in self._mentions(text, every=False):
            if covered.overlap(start, end):
                continue
            if kind is _Kind.FAMILY:
                if not _THE_BEFORE.search(text, max(0, start - _LOOK), start):
                    continue  # a plural is a family only after "the": "the Verlocs had no children"
            elif _in_longer_phrase(text, start, end, self._names, self._words):
                continue
            out.append(Finding("PERSON", start, end, SCORE, RECOGNIZER))
        return out

    def _mentions(self, text: str, every: bool) -> Iterable[tuple[str, int, int, "_Kind"]]:
        """(name, start, end, kind) of remembered names in `text`: every one (nested too), or the longest at
        each place. A name is matched as written, in capitals ("TOM", "JOHN WARWICK"), or as a family's
        plural ("Verlocs", "Wilcoxes": the span is the whole plural word)."""
        pos_end = -1
        for m in _CAPITAL.finditer(text):
            start = m.start()
            if not every and start < pos_end:
                continue
            word = m.group().rstrip("'’-")
            if word[-2:] in ("'s", "’s"):
                word = word[:-2]
            for name, end, kind in self._names_at(text, start, word):
                yield name, start, end, kind
                if not every:
                    pos_end = end
                    break

    def _names_at(self, text: str, start: int, word: str) -> Iterable[tuple[str, int, "_Kind"]]:
        for name in self._by_first.get(word, ()):
            end = start + len(name)
            if text.startswith(name, start) and not _word_char(text, end):
                yield name, end, _Kind.AS_FOUND
        if word.isupper() and len(word) > 1:
            for name in self._by_first.get(word.title(), ()):
                end = start + len(name)
                if text[start:end] == name.upper() and not _word_char(text, end):
                    yield name, end, _Kind.CAPITALS
        elif word.endswith("s"):
            for singular in (word[:-1], word[:-2] if word.endswith("es") else ""):
                if singular in self._names:
                    yield singular, start + len(word), _Kind.FAMILY


class _Spans:
    """Sorted (start, end) spans, asked in O(log n) whether one overlaps or covers a range."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._max_end: list[int] = []  # the largest end among the spans up to each index
        for _, e in ordered:
            self._max_end.append(max(e, self._max_end[-1]) if self._max_end else e)

    def overlap(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._starts, end)  # the spans that start before `end`
        return i > 0 and self._max_end[i - 1] > start

    def cover(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self._starts, start)  # the spans that start at or before `start`
        return i > 0 and self._max_end[i - 1] >= end


def _word_char(text: str, i: int) -> bool:
    return i < len(text) and (text[i].isalnum() or text[i] == "_")


def _candidates(text: str, found: Sequence[Finding], words: NameWords) -> Iterable[tuple[str, _Candidate]]:
    """Each PERSON finding's name (initials kept: "Charles J. Fillmore") and name-like words, with what kind of
    candidate it is: a name, the last word of a full name, or an ordinary word found alone."""
    for f in found:
        if f.entity_type != "PERSON":
            continue
        span = text[f.start : f.end]
        parts = _WORD.findall(span)
        if not parts:
            continue
        value = " ".join(_NAME_TOKEN.findall(span))  # "Charles J. Fillmore": initials kept
        if value in span and words.may_remember(value):
            yield value, _Candidate.NAME
        elif value == span and _ORDINARY_WORD.fullmatch(value) and words.is_common(value) and not words.is_place(value):
            yield value, _Candidate.ORDINARY  # "Tumble": remembered on a stricter vote
        if len(parts) > 1:
            yield from ((p, _Candidate.NAME) for p in parts[:-1] if words.may_remember(p))
            if not (words.is_common(parts[-1]) and not words.is_name(parts[-1])):
                yield parts[-1], _Candidate.SURNAME  # a family name may be a town too ("Fillmore"): the vote tells


def _person_word(word: str, remembered: frozenset[str], words: NameWords) -> bool:
    """A word next to a mention that keeps it a person's: a remembered name, a title, or "I"."""
    return word in remembered or word in words.titles or word == "I"


def _in_longer_phrase(text: str, start: int, end: int, remembered: frozenset[str], words: NameWords) -> bool:
    """The mention is one word of a capitalised phrase whose other words are no remembered names, or it
    follows a preposition of place, or an article with no noun after it."""
    after = _AFTER.match(text, end)
    if after and not _person_word(after.group(1).rstrip("'’-"), remembered, words):
        return True
    if _POSSESSIVE_PHRASE.match(text, end):
        return True
    look = max(0, start - _LOOK)
    before_text = text[look:start]
    if words.after_place_preposition(text, start, end):
        return True  # "in Divar", "across Langeland" ("into Winterbourne's bench" is his)
    if _THE_BEFORE.search(before_text) and not _MODIFIED_NOUN.match(text, end):
        return True  # "the Garonne,", "the Goths": but "the Obama administration" is about a person
    before = _BEFORE.search(before_text)
    if before is None:
        return False
    word = before.group(1)
    if words.is_place(f"{word} {text[start:end]}"):
        return True  # "Fort Lee", "Santa Ana"
    if _person_word(word, remembered, words):
        return False
    return not (_SENTENCE_START.search(text, 0, look + before.start()) and words.is_common(word))
