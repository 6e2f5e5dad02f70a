"""User names without an "@": "username: kevin.ortiz", "logged in as anna77", "kevinortiz, your results are in".

A user name points at one person as a handle does. Three kinds are found:
- the value after a user-name cue ("username", "login", "user id", "screen name", "logged in as"), when it is
  set off as a value (a colon, "is", quotes) or looks like one (a digit, a dot or an underscore inside);
- a user name built from a person's name ("kevinortiz", "anna77", "lauren_m21": a known given name with a
  family name or digits) addressed at the start of a line or after a greeting ("Hey there, anna77!");
- a hashtag that is a person's name ("#BillClinton", "#laurenbacall"), or a name and ordinary words about them
  ("#MarthaTalks", "#TeamSigrid": a campaign's or a show's tag names its person).
"""

import itertools

import regex as re
from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from sanitizers.english_words import COMMON_ZIPF, EnglishWords, english_words, word_set
from sanitizers.name_lists import NameLists, name_lists
from sanitizers.pattern_set import PatternSet
from sanitizers.place_names import place_names
from sanitizers.recognizer_result import recognizer_result

SCORE = 0.7
_VALUE = r"[A-Za-z0-9][A-Za-z0-9._-]{1,30}[A-Za-z0-9]"
_CUE = re.compile(
    r"(?<![\w-])(?:user[ _-]?name|user[ _-]?id|login(?:[ _-]?name|[ _-]?id)?|screen[ _-]?name|gamertag|"
    r"(?:logged|log|signed|sign)[ \t]+in[ \t]+as)"
    rf"(?P<set>[ \t]*(?:[:=]|is|was|-)?[ \t]*[\"'“‘`]?)(?P<value>{_VALUE})(?![\w@])",
    re.IGNORECASE,
)
# Where a reader is addressed: a line's start, or after a greeting ("Hey there, "). The value is followed by
# a comma, "!" or ":" ("anna77, your order", "kevinortiz!").
_ADDRESSED_VALUE = r"(?P<value>[a-z][a-z0-9._-]{3,30}[a-z0-9])(?=[ \t]*[,!:])"
_LINE_START = re.compile(rf"^{_ADDRESSED_VALUE}", re.IGNORECASE | re.MULTILINE)
_GREETED = re.compile(
    rf"(?<![\w'’])(?:hi|hey|hello|dear|welcome|thanks|thank[ \t]+you)(?:[ \t]+there)?[ \t]*,?[ \t]*{_ADDRESSED_VALUE}",
    re.IGNORECASE,
)
# A hashtag: "#BillClinton", "#laurenbacall" name someone when their words are a given and a family name.
_HASHTAG = re.compile(r"(?<![\w&#/])#(?P<value>[A-Za-z][A-Za-z0-9_]{4,40})(?![\w#])")
_CAMEL_PART = re.compile(r"\p{Lu}\p{Ll}+")
_CUED = (_CUE, _GREETED)
_SPLIT = re.compile(r"(?P<letters>[a-z]+(?:[._-][a-z]+)*)[._-]?(?P<digits>\d{1,4})?")
# Values after a cue that are no one's user name: the field talked about, not filled in, and the accounts of
# systems rather than people ("login: admin").
NOT_VALUES = word_set(
    """field fields and or is the a an your my their his her our its of for to in on with password passwords
    required missing invalid empty here there below above again page screen form box button link
    admin administrator root guest test demo postgres ubuntu system service operator default anonymous"""
)
MIN_NAME_CHARS = 3
# Titles that open a name in a hashtag: "#MrOkafor".
_HASHTAG_TITLES = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Lady"})


class UsernameRecognizer(LocalRecognizer):
    """PERSON: user names after a user-name cue, user names made of a person's name where a reader is
    addressed, and hashtags that are a name."""

    def __init__(self, supported_entity: str = "PERSON", words: EnglishWords | None = None,
                 names: NameLists | None = None):
        self.words = words
        self.names = names
        self._patterns = PatternSet.of(_CUED)
        self._big_places: frozenset[str] | None = None
        self._places: frozenset[str] = frozenset()
        super().__init__(supported_entities=[supported_entity], name="UsernameRecognizer")

    def load(self) -> None:
        """Read the English word and name lists (once per process)."""
        if self.words is None:
            self.words = english_words()
        if self.names is None:
            self.names = name_lists()
        places = place_names()
        self._big_places, self._places = places.big, places.all

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        """The user names of `text`."""
        if entities and self.supported_entities[0] not in entities:
            return []
        if self.words is None or self.names is None or self._big_places is None:
            self.load()
        may_match = set(self._patterns.select(text, _CUED))  # one Hyperscan pass: most texts hold no cue
        spans = [match.span("value") for match in _CUE.finditer(text) if self._is_cued_value(match)] if _CUE in may_match else []
        for pattern in (_LINE_START, _GREETED):
            if pattern is _LINE_START or pattern in may_match:
                spans += [match.span("value") for match in pattern.finditer(text)
                          if self.is_made_of_a_name(match.group("value"))]
        if "#" in text:
            spans += [match.span() for match in _HASHTAG.finditer(text) if self.hashtag_names(match.group("value"))]
        return [recognizer_result(self, start, end, SCORE) for start, end in sorted(set(spans))]

    def hashtag_names(self, body: str) -> bool:
        """A hashtag's words are a person's name: "BillClinton", "MichelMartelly" (Title-case words: a known given
        name, then a family name no dictionary has in lower case), "laurenbacall" (lower case, `is_made_of_a_name`);
        "WillPower", "MayDay", "TeamUsher" are not."""
        assert self.words is not None and self.names is not None
        parts = _CAMEL_PART.findall(body)
        if "".join(parts) != body:
            return body.islower() and self._given_and_family(body, unknown_ok=True)
        if 2 <= len(parts) <= 4 and self._name_and_words(parts):
            return True  # "MarthaTalks", "TeamSigrid"
        if not 2 <= len(parts) <= 3 or not self.names.is_given(parts[0]) or self.words.is_stop(parts[0]):
            return False
        last = parts[-1]
        if self._big_places and last.casefold() in self._big_places:
            return False  # "AustinTexas": a city and its state
        if self.words.is_descriptive_lemma(parts[0]):  # "WillPower", "MayDay": only a family name dictionaries lack
            return self.names.is_family(last) and self.names.is_only_name(last)
        return self.names.is_only_name(last) or not (self.names.is_name(last) or self.words.is_common(last)
                                                     or self.words.is_stop(last))

    def _name_and_words(self, parts: list[str]) -> bool:
        """The hashtag is a name and ordinary English words that name no place ("Talks", "Team", "Facts"; "#OkaforPeru"
        is a match): the name is one part that dictionaries list only with a capital and that names no place
        ("Martha"; not "Will", "Usher", "Chelsea"), or a given name or a title and then a family name dictionaries
        lack or a word no list has ("#SigridVossGame", "#MrOkafor")."""
        assert self.words is not None and self.names is not None
        for first, last in self._name_parts(parts):
            if all(self._ordinary(part) for part in parts[:first] + parts[last:]):
                return True
        return False

    def _name_parts(self, parts: list[str]) -> list[tuple[int, int]]:
        """The (first, last + 1) part indexes of each name that `_name_and_words` accepts."""
        assert self.words is not None and self.names is not None
        found = [(i, i + 1) for i, part in enumerate(parts) if len(part) >= MIN_NAME_CHARS + 1
                 and self.names.is_only_name(part) and part.casefold() not in self._places and not self.words.is_stop(part)]
        for i, (first, second) in enumerate(itertools.pairwise(parts)):
            opens = first in _HASHTAG_TITLES or self.names.is_given(first) and not self.words.is_stop(first)
            family = self.names.is_family(second) and self.names.is_only_name(second) or self._unknown_word(second)
            if opens and family and second.casefold() not in self._places and not self.words.is_descriptive_lemma(first):
                found.append((i, i + 2))
        return found

    def _ordinary(self, part: str) -> bool:
        """An ordinary English word, plurals too ("Facts"), that names no place."""
        assert self.words is not None
        common = self.words.is_common(part) or self.words.is_noun_form(part) and self.words.zipf(part) >= COMMON_ZIPF
        return common and part.casefold() not in self._places

    def _unknown_word(self, word: str) -> bool:
        """A word of four letters or more that no dictionary or given-name list has ("Zyrkov"; not "Robot", "Lewis")."""
        assert self.words is not None and self.names is not None
        return len(word) >= MIN_NAME_CHARS + 1 and not (
            self.words.is_noun_form(word) or self.words.is_descriptive(word) or self.names.is_given(word))

    def _is_cued_value(self, match: re.Match) -> bool:
        value = match.group("value")
        folded = value.casefold()
        if folded in NOT_VALUES or value.isdigit() or value.isupper() or "user" in folded or "name" in folded:
            return False  # a stand-in: "RANDOM_STRING", "your_username", "myUserName"
        if "=" in match.group("set"):
            return False  # code and config assign stand-ins and service accounts ("USER=deploy"): prose names people
        if "." in value and not self.is_made_of_a_name(value) and self._reads_as_code(value):
            return False  # code that reads it: "env.TEST_USER", "request.form" (not "j.xiao")
        set_off = bool(match.group("set").strip())
        return set_off or any(c.isdigit() or c in "._" for c in value) or self.is_made_of_a_name(value)

    def _reads_as_code(self, value: str) -> bool:
        """A dotted value with a capital, an underscore or an English word in it: an attribute or a module."""
        assert self.words is not None
        return any(ch.isupper() or ch == "_" for ch in value) or any(
            len(part) >= MIN_NAME_CHARS and self.words.is_common(part) for part in value.split("."))

    def is_made_of_a_name(self, value: str) -> bool:
        """A known given name with a family name, an initial or digits: "kevinortiz", "anna77", "lauren_m21",
        "j.smith"; English words are not ("password1", "summer2024": no given name)."""
        assert self.words is not None and self.names is not None
        split = _SPLIT.fullmatch(value.casefold())
        if split is None:
            return False
        parts, digits = split.group("letters").replace("-", ".").replace("_", ".").split("."), split.group("digits")
        if len(parts) == 1:
            return self._given_and_family(parts[0]) or bool(digits) and self._only_given(parts[0])
        if len(parts) != 2:
            return False
        first, last = parts
        if self._only_given(first):
            return len(last) <= 2 or self._family(last)
        return len(first) <= 2 and self._family(last)

    def _family(self, word: str) -> bool:
        assert self.names is not None
        return len(word) >= MIN_NAME_CHARS and self.names.is_family(word)

    def _only_given(self, word: str) -> bool:
        assert self.words is not None and self.names is not None
        if not self.names.is_given(word) or self.words.is_stop(word) or self.words.is_descriptive(word):
            return False  # "mark2", "will7": a word with a number
        return len(word) >= MIN_NAME_CHARS + 1 or not self.words.is_noun_form(word)

    def _given_and_family(self, run: str, unknown_ok: bool = False) -> bool:
        """`run` is a given name then a family name (with `unknown_ok`, or a word of 4 letters or more that no list
        knows: "laurenbacall"), each of 3 letters or more, and no English word itself."""
        assert self.words is not None and self.names is not None
        if self.words.is_noun_form(run) or self.words.is_descriptive(run) or self.words.zipf(run) > 0:
            return False
        return any(self.names.is_given(run[:i]) and not self.words.is_stop(run[:i]) and (i > MIN_NAME_CHARS or not unknown_ok) and (
            self.names.is_family(run[i:]) or unknown_ok and len(run) - i > MIN_NAME_CHARS and self._unknown(run[i:]))
            for i in range(MIN_NAME_CHARS, len(run) - MIN_NAME_CHARS + 1))

    def _unknown(self, word: str) -> bool:
        assert self.words is not None
        return self.words.zipf(word) == 0 and not (self.words.is_noun_form(word) or self.words.is_descriptive(word))
