"""Keys of the right shape for tests, built at run time from a seed: none is real, none sits in the repo.

A GitHub classic token carries a valid CRC32 checksum (the recognizer then scores it 1.0), as a real
one would; the others have the vendor prefix and a random body of the documented length and alphabet.
"""

import random
import string
import zlib

_ALNUM = string.ascii_letters + string.digits
_BASE62 = string.digits + string.ascii_uppercase + string.ascii_lowercase


def _random(n: int, alphabet: str, seed: str) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice(alphabet) for _ in range(n))


def _base62(value: int, width: int) -> str:
    digits = ""
    while value:
        value, rest = divmod(value, 62)
        digits = _BASE62[rest] + digits
    return digits.rjust(width, "0")


def github_token(seed: int = 0) -> str:
    """`ghp_` + 30 random base62 characters + the 6-character base62 CRC32 of those 30."""
    body = _random(30, _ALNUM, f"github:{seed}")
    return "ghp_" + body + _base62(zlib.crc32(body.encode("ascii")), 6)


def together_key(seed: int = 0) -> str:
    """`tgp_v1_` + 43 characters of the URL-safe base64 alphabet."""
    return "tgp_v1_" + _random(43, _ALNUM + "_-", f"together:{seed}")


def openai_key(seed: int = 0) -> str:
    """`sk-proj-` + 64 URL-safe characters (a project key)."""
    return "sk-proj-" + _random(64, _ALNUM, f"openai:{seed}")
