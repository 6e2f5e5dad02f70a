"""A named regex with its base score: the fields of presidio's `Pattern`, without importing presidio.

Secret recognizers are declared with it so that a secrets-only run never imports presidio (whose
package imports spaCy: about 2 s of start-up per process). `SecretRecognizer.as_presidio()` turns
them into presidio's own `Pattern` objects when presidio is wanted. The PII recognizers
(`ValueGroupRecognizer`) use it too: presidio's `Pattern` compiles its regex to validate it, and the
recognizer compiles it again with its flags (twice the ~0.3 s the street patterns alone take to compile).
"""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Pattern:
    """`name` (shown in reports and explanations), `regex` (source) and `score` (0 to 1)."""

    name: str
    regex: str
    score: float

    def __post_init__(self) -> None:
        # The regex is compiled where it is used (`SecretScanner` compiles a pattern when a text first
        # makes it a candidate, presidio when it builds its recognizer), not here: compiling all ~200
        # secret patterns at import cost ~0.25 s of every start. The registry test compiles them all.
        if not 0 <= self.score <= 1:
            raise ValueError(f"pattern {self.name!r}: score {self.score} is outside 0..1")
