"""A PatternRecognizer whose patterns may name the reported part: `(?P<value>...)`.

Context-triggered entities ("date of birth: 1988-03-04", "passport no. X1234567") match the cue and the
value together, so the regex stays anchored on a rare word and is cheap; only the value is reported,
so the cue ("date of birth") stays readable in the sanitized text. Patterns without a `value` group
report the whole match, as in Presidio.
"""

import logging
from collections.abc import Callable
from typing import ClassVar

import regex as re
from presidio_analyzer import EntityRecognizer, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from sanitizers.pattern import Pattern
from sanitizers.pattern_set import PatternSet
from sanitizers.recognizer_result import recognizer_result

logger = logging.getLogger(__name__)

VALUE_GROUP = "value"
# Case-insensitive cues; patterns that care about case use inline `(?-i:...)`.
DEFAULT_FLAGS = re.IGNORECASE | re.MULTILINE
# Generous, but bounded: a pathological text must not stall a whole batch.
REGEX_TIMEOUT_SECONDS = 5


def holds_any(*words: str) -> Callable[[str], bool]:
    """A gate for a pattern every match of which holds one of `words` (lower-case ASCII) in some case.

    On a text that is not ASCII it is always true: case-insensitive matching pairs letters that
    `lower()` does not (the Kelvin sign matches "k", a long s matches "s").
    """

    def gate(text: str) -> bool:
        if not text.isascii():
            return True
        lowered = text.lower()
        return any(word in lowered for word in words)

    return gate


class ValueGroupRecognizer(PatternRecognizer):
    """Reports the `value` group of each match; validation sees the value only.

    `PATTERN_GATES` maps a pattern name to a cheap test that is true of every text the pattern can
    match in (a necessary condition); the pattern is skipped for texts that fail it. A gate must
    never be false where the pattern matches: the recognizer tests run every pattern's true
    positives through its gate.
    """

    PATTERN_GATES: ClassVar[dict[str, Callable[[str], bool]]] = {}
    # Patterns whose value is taken on its cue word alone ("SSN 912-34-5678", "IBAN FR12345678901234567890"):
    # their value passes this shape test instead of `validate_result` and `invalidate_result` (recall first:
    # synthetic and test data are full of IDs that fail their checksums).
    CUED_PATTERNS: ClassVar[dict[str, Callable[[str], bool]]] = {}

    def __init__(self, supported_entity: str, patterns: list[Pattern], name: str | None = None,
                 context: list[str] | None = None, flags: int = DEFAULT_FLAGS):
        super().__init__(
            supported_entity=supported_entity, patterns=patterns, name=name, context=context,
            global_regex_flags=flags,
        )
        self._flags = flags
        # (index, pattern, gate) per pattern. Its regex is compiled the first time a text makes it a
        # candidate (`_regex`): compiling all ~60 PII patterns up front took ~0.2 s of the fork server's
        # preload, before any worker could start, and a run needs a handful of them.
        self._runs = [(i, p, self.PATTERN_GATES.get(p.name)) for i, p in enumerate(self.patterns)]
        self._regexes: list[re.Pattern | None] = [None] * len(self.patterns)
        # Which patterns can match an ASCII text, in one Hyperscan pass (`PatternSet`: a superset, so no
        # finding is lost); patterns it cannot take run wherever their gate passes, as without it. The
        # expressions derived from the regexes are kept on disk (`cache_name`), like the secret patterns'.
        self._pattern_set = PatternSet([(p.regex, flags) for p in self.patterns], [None] * len(self.patterns),
                                       cache_name=f"value_group-{self.name}")

    @property
    def _compiled(self) -> list[tuple[Pattern, re.Pattern, Callable[[str], bool] | None]]:
        """(pattern, compiled regex, gate) of every pattern, all compiled (for checks and tests)."""
        return [(p, self._regex(i), gate) for i, p, gate in self._runs]

    def _regex(self, i: int) -> re.Pattern:
        """Pattern i's compiled regex, compiled on first use."""
        compiled = self._regexes[i]
        if compiled is None:
            compiled = self._regexes[i] = re.compile(self.patterns[i].regex, flags=self._flags)
        return compiled

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None,
                regex_flags: int | None = None) -> list[RecognizerResult]:
        """Findings of every pattern in `text` (an empty list when this entity is not asked for)."""
        if entities and self.supported_entities[0] not in entities:
            return []
        results: list[RecognizerResult] = []
        # The Hyperscan pass first, then the gates of the patterns it leaves (most texts: none; all of them
        # on a text that is not ASCII). One pattern behind a gate skips the pass: a substring test is cheaper.
        runs = self._runs
        if len(runs) > 1 or runs[0][2] is None:
            runs = self._pattern_set.select(text, runs)
        for i, pattern, gate in runs:
            if gate is not None and not gate(text):
                continue
            try:
                for match in self._regex(i).finditer(text, timeout=REGEX_TIMEOUT_SECONDS):
                    result = self._result(pattern, match)
                    if result is not None:
                        results.append(result)
            except TimeoutError:
                # The pattern name only: the text is the customer's.
                logger.warning("pattern %s timed out; its findings are skipped for one text", pattern.name)
        return EntityRecognizer.remove_duplicates(results)

    def _result(self, pattern: Pattern, match: re.Match) -> RecognizerResult | None:
        group = VALUE_GROUP if VALUE_GROUP in match.re.groupindex else 0
        start, end = match.span(group)
        if start < 0 or end <= start:
            return None
        value = match.string[start:end]
        score = pattern.score
        cued = self.CUED_PATTERNS.get(pattern.name)
        if cued is not None:
            return recognizer_result(self, start, end, score) if cued(value) else None
        valid = self.validate_result(value)
        if valid is not None:
            score = EntityRecognizer.MAX_SCORE if valid else EntityRecognizer.MIN_SCORE
        if self.invalidate_result(value):
            score = EntityRecognizer.MIN_SCORE
        if score <= EntityRecognizer.MIN_SCORE:
            return None
        return recognizer_result(self, start, end, score)
