"""A named regex with its base score: the fields of presidio's `Pattern`, without importing presidio.

Secret recognizers are declared with it so that a secrets-only run never imports presidio (whose
package imports spaCy: about 2 s of start-up per process). `SecretRecognizer.as_presidio()` turns
them into presidio's own `Pattern` objects when presidio is wanted.
"""

from dataclasses import dataclass

import regex


@dataclass(frozen=True, slots=True)
class Pattern:
    """`name` (shown in reports and explanations), `regex` (source) and `score` (0 to 1)."""

    name: str
    regex: str
    score: float

    def __post_init__(self) -> None:
        if not 0 <= self.score <= 1:
            raise ValueError(f"pattern {self.name!r}: score {self.score} is outside 0..1")
        try:
            # With the flags secret recognizers scan with (SecretRecognizer.REGEX_FLAGS): `regex` caches
            # compiled patterns by source and flags, so the scanner's own compile is then a cache hit
            # (compiling the ~200 secret patterns twice cost ~0.1 s of CPU at every start, more under load).
            regex.compile(self.regex, flags=regex.MULTILINE)
        except regex.error as e:
            raise ValueError(f"pattern {self.name!r}: invalid regex ({e}); fix the pattern source") from None
