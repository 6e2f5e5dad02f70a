"""Fake secrets for the recognizer tests, built at run time so no key-shaped string sits in the repo.

`fake(n, alphabet, seed)` is a deterministic pseudo-random filler: random-looking enough to pass the
recognizers' entropy checks (as a real key would), but generated here, never copied from anywhere.
"""

import random
import string

ALNUM = string.ascii_letters + string.digits
LETTERS = string.ascii_letters
HEX = "0123456789abcdef"
BASE32 = string.ascii_uppercase + "234567"
BASE64 = ALNUM + "+/"
URLSAFE = ALNUM + "_-"


def fake(n: int, alphabet: str = ALNUM, seed: int = 0) -> str:
    """`n` pseudo-random characters of `alphabet`, the same for the same arguments."""
    rng = random.Random(f"{seed}:{n}:{alphabet}")
    return "".join(rng.choice(alphabet) for _ in range(n))


def found(recognizer, text: str) -> list[str]:
    """The values `recognizer.analyze` reports in `text`, in text order (test helper only)."""
    results = sorted(recognizer.analyze(text, recognizer.supported_entities), key=lambda r: (r.start, r.end))
    return [text[r.start : r.end] for r in results]


def scores(recognizer, text: str) -> list[float]:
    """The scores `recognizer.analyze` gives its findings in `text`, in text order."""
    results = sorted(recognizer.analyze(text, recognizer.supported_entities), key=lambda r: (r.start, r.end))
    return [r.score for r in results]
