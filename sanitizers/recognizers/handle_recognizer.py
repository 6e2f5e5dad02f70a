"""Social and chat handles: "@jsmith said", "cc @maria.k". A handle points at one person as a name does.

Left alone: e-mail addresses (a word before the "@"), decorators and annotations in code ("@property",
"@app.route(...)", "@Override" at a line's start), npm scopes ("@types/node"), group mentions that name no
one ("@here", "@channel", "@everyone", "@team") and anything inside code spans, URLs or paths.
"""

import itertools

import regex as re
from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from sanitizers.english_words import word_set
from sanitizers.name_lists import NameLists, name_lists
from sanitizers.ner_filters import overlaps
from sanitizers.person_judge import ORG_WORDS
from sanitizers.place_names import place_names
from sanitizers.recognizer_result import recognizer_result

SCORE = 0.7
# Not after a path's or an address's character, nor after a slash unless it is chat's "w/" ("with") or closes another
# handle; not before a slash unless a capital or another handle follows ("@types/node" is an npm scope, "@ana/@ben"
# two people).
_HANDLE = re.compile(
    r"(?<![\w.@+\\-])(?:(?<!/)|(?<=(?:^|[\s(])w/)|(?<=@[A-Za-z0-9_]{1,40}/))@(?P<name>[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,38}[A-Za-z0-9_])?)"
    r"(?![\w@(]|/(?![@\p{Lu}])|\.\w)"
)
# A decorator or annotation: "@property" alone on its line (after indentation).
_DECORATOR = re.compile(r"(?:^|(?<=\n))[ \t]*@[\w.]+[ \t]*(?:\n|$)")
# Code spans and URLs: a handle there is code or an address (snake_case is fine in a handle).
# Template tags hold code too: ERB/EJS "<%= @user %>", Jinja/Handlebars "{{ @index }}".
_CODE_OR_URL = re.compile(r"```.*?(?:```|\Z)|`[^`\n]+`|\b[a-z][a-z0-9+.-]*://\S+|<%.*?%>|\{\{.*?\}\}",
                          re.DOTALL | re.IGNORECASE)
# Stand-ins for a handle in docs and examples: they point at no one.
PLACEHOLDER_HANDLES = word_set(
    """something someone somebody anyone variable var username user name handle example foo bar baz"""
)
GROUP_MENTIONS = word_set(
    """here channel everyone all team devs dev ops oncall on-call admins admin mods moderators support staff
    engineering sales marketing security"""
)

# Words that make a handle an organisation's account: media, sport, public bodies, shops ("@IrishTimes",
# "@NRLKnights", "@DublinCityUni", "@MansfieldLibr"), with the company words of person_judge.
ORG_HANDLE_WORDS = ORG_WORDS | word_set(
    """radio tv fm am magazine mag official hq fc afc gaa nrl afl nfl nba mlb nhl knights giants bulldogs united
    rovers wanderers athletic sport sports police library libr council uni univ gov govt army navy legion party
    labour airport airlines post live online daily weekly tonight today show music records festival fest prize
    awards fans charity project campaign society union museum gallery theatre theater cinema zoo park parks
    church hall centre center ctr tourism travel network channel studio studios tix tickets"""
)
# The words of a handle: Title-case words, capital runs and digit runs ("RTERadio1" -> RTE, Radio, 1).
_HANDLE_PART = re.compile(r"\p{Lu}+(?=\p{Lu}\p{Ll})|\p{Lu}?\p{Ll}+|\p{Lu}+|\d+")
MAX_ACRONYM = 6


def is_org_handle(name: str, big_places: frozenset[str], names: NameLists) -> bool:
    """A handle that names an organisation, a show or a place rather than a person: an acronym ("@NSPCC"),
    or a word of organisations or a big place that is nobody's name among its parts ("@IrishTimes", "@TV3nz",
    "@DublinAirport"), unless a full name is in it ("@TerriClarkMusic", "@PaulHenryShow" are hers and his)."""
    letters = name.replace("_", "")
    if letters.isalpha() and letters.isupper() and len(letters) <= MAX_ACRONYM:
        return True
    parts = _HANDLE_PART.findall(name)
    if len(parts) < 2:
        return False  # one word: "@colgo", "@Trimega" could be anyone's
    folded = [part.casefold() for part in parts]
    if not any(part in ORG_HANDLE_WORDS or len(part) >= 4 and part in big_places for part in folded):
        return False
    return not any(first[:1].isupper() and names.is_given(first) and second[:1].isupper() and names.is_family(second)
                   for first, second in itertools.pairwise(parts))


class HandleRecognizer(LocalRecognizer):
    """PERSON: @handles in prose and chat."""

    def __init__(self, supported_entity: str = "PERSON"):
        self._big_places: frozenset[str] | None = None
        self._names: NameLists | None = None
        super().__init__(supported_entities=[supported_entity], name="HandleRecognizer")

    def load(self) -> None:
        """Read the big places (once per process)."""
        self._names = names = name_lists()
        # Big places that are no person's name: "Dublin", "Canberra" (not "Nancy", "Austin", "Newton").
        self._big_places = frozenset(place for place in place_names().big if not names.is_name(place))

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        """The @handles of `text`, the "@" included."""
        if "@" not in text or entities and self.supported_entities[0] not in entities:
            return []
        results = []
        regions: list[tuple[int, int]] | None = None
        for match in _HANDLE.finditer(text):
            name = match.group("name")
            if name.casefold() in GROUP_MENTIONS or name.casefold() in PLACEHOLDER_HANDLES or name.isdigit():
                continue
            if self._big_places is None:
                self.load()
            assert self._big_places is not None and self._names is not None
            if is_org_handle(name, self._big_places, self._names):
                continue  # "@IrishTimes", "@NRLKnights": an organisation's account
            if _DECORATOR.match(text, text.rfind("\n", 0, match.start()) + 1):
                continue  # "@property" on a line of its own: a decorator
            if regions is None:
                regions = [m.span() for m in _CODE_OR_URL.finditer(text)]
            if overlaps(match.start(), match.end(), regions):
                continue
            results.append(recognizer_result(self, match.start(), match.end(), SCORE))
        return results
