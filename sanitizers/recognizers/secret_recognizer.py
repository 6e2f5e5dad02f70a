"""The shared base of every secret recognizer: case-sensitive regexes plus a cheap literal prefilter.

Not registered itself (it has no patterns); `tests/sanitizers/test_registry.py` names it as the base.

It does not import presidio: a secrets-only run (`--detectors secrets`) would otherwise pay presidio's
package import, which imports spaCy (about 2 s per process, more than scanning 20 MB). It keeps the
interface of presidio's `PatternRecognizer` that matters here (`name`, `supported_entities`,
`patterns`, `context`, `global_regex_flags`, `validate_result`, `invalidate_result`, `analyze`), and
`as_presidio()` gives a real `PatternRecognizer` with the same patterns and rules, for an
`AnalyzerEngine` registry; `analyze` runs through it, so it is presidio's own code path.
"""

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

import regex

from sanitizers.entropy import looks_like_placeholder
from sanitizers.pattern import Pattern

if TYPE_CHECKING:
    from presidio_analyzer import PatternRecognizer, RecognizerResult

# Left edge of a token: not glued to a letter or digit, except the letter of a JSON escape such as
# `\n` (service-account JSON and code samples embedded in chat text keep their escapes literally).
LEFT = r"(?<!(?<!\\)[A-Za-z0-9])"


class SecretRecognizer:
    """Base class: `ENTITY`, `PATTERNS`, `CONTEXT` and `PREFILTER` are set by each subclass.

    `PREFILTER` lists lowercase literals of which at least one occurs (case-insensitively) in any text
    where a pattern can match; `PREFILTER_EXACT` lists case-sensitive ones. `SecretScanner` skips the
    recognizer for texts that contain none, so a wrong prefilter would hide findings: every pattern
    must require one of them, and the scanner tests check it on every test row.
    `PATTERN_LITERALS` optionally narrows this per pattern (pattern name -> literals from `PREFILTER`
    or `PREFILTER_EXACT`, one of which that pattern needs), for recognizers with several patterns.
    """

    ENTITY: ClassVar[str] = ""
    PATTERNS: ClassVar[list[Pattern]] = []
    CONTEXT: ClassVar[list[str]] = []
    PREFILTER: ClassVar[tuple[str, ...]] = ()
    PREFILTER_EXACT: ClassVar[tuple[str, ...]] = ()
    PATTERN_LITERALS: ClassVar[dict[str, tuple[str, ...]]] = {}
    # Case-sensitive on purpose (presidio defaults to IGNORECASE): vendor prefixes like `AKIA` or
    # `sk-` are exact, and case-insensitive matching would turn ordinary words into candidates.
    REGEX_FLAGS: ClassVar[int] = regex.MULTILINE

    def __init__(
        self,
        patterns: Sequence[Pattern] | None = None,
        context: Sequence[str] | None = None,
        supported_entity: str | None = None,
        supported_language: str = "en",
        name: str | None = None,
        prefilter: Sequence[str] | None = None,
        prefilter_exact: Sequence[str] | None = None,
        pattern_literals: dict[str, tuple[str, ...]] | None = None,
    ):
        """Build the recognizer; `patterns` without a `prefilter` disables prefiltering (always run)."""
        chosen = list(patterns if patterns is not None else self.PATTERNS)
        if patterns is not None:
            # Class-level prefilters describe the class patterns, not overrides: never reuse them.
            if prefilter is None and prefilter_exact is None:
                prefilter, prefilter_exact = (), ()
            pattern_literals = pattern_literals or {}
        entity = supported_entity or self.ENTITY
        if not entity or not chosen:
            raise ValueError(f"{type(self).__name__}: a secret recognizer needs an entity and at least one pattern")
        self.name: str = name or type(self).__name__
        self.supported_entities: list[str] = [entity]
        self.supported_language = supported_language
        self.patterns: list[Pattern] = [Pattern(p.name, p.regex, p.score) for p in chosen]
        self.context: list[str] = list(context if context is not None else self.CONTEXT)
        self.global_regex_flags: int = self.REGEX_FLAGS
        self.prefilter: tuple[str, ...] = tuple(
            p.casefold() for p in (prefilter if prefilter is not None else self.PREFILTER)
        )
        self.prefilter_exact: tuple[str, ...] = tuple(
            prefilter_exact if prefilter_exact is not None else self.PREFILTER_EXACT
        )
        # Taken as written: folded literals are lowercase already, exact ones keep their case.
        self.pattern_literals: dict[str, tuple[str, ...]] = dict(
            pattern_literals if pattern_literals is not None else self.PATTERN_LITERALS
        )
        self._presidio: PatternRecognizer | None = None

    @property
    def always_runs(self) -> bool:
        """True when no prefilter is declared: the recognizer is a candidate for every text."""
        return not self.prefilter and not self.prefilter_exact

    def validate_result(self, pattern_text: str) -> bool | None:
        """True: certainly a secret (score 1.0); False: certainly not; None: keep the pattern's score."""
        return None

    def invalidate_result(self, pattern_text: str) -> bool:
        """Drop template placeholders (`<token>`, `${TOKEN}`, `xxxx`); subclasses add their own rules."""
        return looks_like_placeholder(pattern_text)

    def as_presidio(self) -> "PatternRecognizer":
        """This recognizer as presidio's `PatternRecognizer` (same name, patterns, flags and rules)."""
        if self._presidio is None:
            self._presidio = _presidio_adapter(self)
        return self._presidio

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None, regex_flags: int | None = None,
                ) -> "list[RecognizerResult]":
        """presidio's `PatternRecognizer.analyze` on this recognizer (the reference `SecretScanner` equals)."""
        return self.as_presidio().analyze(text, entities, nlp_artifacts, regex_flags)


def _presidio_adapter(recognizer: SecretRecognizer) -> "PatternRecognizer":
    from presidio_analyzer import Pattern as PresidioPattern
    from presidio_analyzer import PatternRecognizer

    class _Adapter(PatternRecognizer):
        def validate_result(self, pattern_text: str) -> bool | None:
            return recognizer.validate_result(pattern_text)

        def invalidate_result(self, pattern_text: str) -> bool:
            return recognizer.invalidate_result(pattern_text)

    _Adapter.__name__ = _Adapter.__qualname__ = type(recognizer).__name__
    return _Adapter(
        supported_entity=recognizer.supported_entities[0],
        name=recognizer.name,
        supported_language=recognizer.supported_language,
        patterns=[PresidioPattern(p.name, p.regex, p.score) for p in recognizer.patterns],
        context=list(recognizer.context),
        global_regex_flags=recognizer.global_regex_flags,
    )
