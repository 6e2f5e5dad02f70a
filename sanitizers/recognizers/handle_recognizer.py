"""Social and chat handles: "@jsmith said", "cc @maria.k". A handle points at one person as a name does.

Left alone: e-mail addresses (a word before the "@"), decorators and annotations in code ("@property",
"@app.route(...)", "@Override" at a line's start), npm scopes ("@types/node"), group mentions that name no
one ("@here", "@channel", "@everyone", "@team") and anything inside code spans, URLs or paths.
"""

import regex as re
from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from sanitizers.english_words import word_set
from sanitizers.ner_filters import overlaps
from sanitizers.recognizer_result import recognizer_result

SCORE = 0.7
_HANDLE = re.compile(r"(?<![\w.@/+\\-])@(?P<name>[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,38}[A-Za-z0-9_])?)(?![\w@/(]|\.\w)")
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


class HandleRecognizer(LocalRecognizer):
    """PERSON: @handles in prose and chat."""

    def __init__(self, supported_entity: str = "PERSON"):
        super().__init__(supported_entities=[supported_entity], name="HandleRecognizer")

    def load(self) -> None:
        """Nothing to load."""

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
            if _DECORATOR.match(text, text.rfind("\n", 0, match.start()) + 1):
                continue  # "@property" on a line of its own: a decorator
            if regions is None:
                regions = [m.span() for m in _CODE_OR_URL.finditer(text)]
            if overlaps(match.start(), match.end(), regions):
                continue
            results.append(recognizer_result(self, match.start(), match.end(), SCORE))
        return results
