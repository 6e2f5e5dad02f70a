"""The shared base of every secret recognizer: case-sensitive regexes plus a cheap literal prefilter.

Not registered itself (it has no patterns); `tests/sanitizers/test_registry.py` names it as the base.
"""

from collections.abc import Sequence
from typing import ClassVar

import regex
from presidio_analyzer import Pattern, PatternRecognizer

from sanitizers.entropy import looks_like_placeholder

# Left edge of a token: not glued to a letter or digit, except the letter of a JSON escape such as
# `\n` (service-account JSON and code samples embedded in chat text keep their escapes literally).
LEFT = r"(?<!(?<!\\)[A-Za-z0-9])"


class SecretRecognizer(PatternRecognizer):
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
        chosen = patterns if patterns is not None else self.PATTERNS
        if patterns is not None:
            # Class-level prefilters describe the class patterns, not overrides: never reuse them.
            if prefilter is None and prefilter_exact is None:
                prefilter, prefilter_exact = (), ()
            pattern_literals = pattern_literals or {}
        super().__init__(
            supported_entity=supported_entity or self.ENTITY,
            name=name,
            supported_language=supported_language,
            # Fresh Pattern objects: presidio caches the compiled regex on the Pattern itself.
            patterns=[Pattern(p.name, p.regex, p.score) for p in chosen],
            context=list(context if context is not None else self.CONTEXT),
            global_regex_flags=self.REGEX_FLAGS,
        )
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
        for pattern in self.patterns:
            # Compile now, exactly as presidio would on first use, so the fast scanner and
            # `analyze` share one compiled object per pattern.
            pattern.compiled_regex = regex.compile(pattern.regex, flags=self.global_regex_flags)
            pattern.compiled_with_flags = self.global_regex_flags

    @property
    def always_runs(self) -> bool:
        """True when no prefilter is declared: the recognizer is a candidate for every text."""
        return not self.prefilter and not self.prefilter_exact

    def invalidate_result(self, pattern_text: str) -> bool:
        """Drop template placeholders (`<token>`, `${TOKEN}`, `xxxx`); subclasses add their own rules."""
        return looks_like_placeholder(pattern_text)
