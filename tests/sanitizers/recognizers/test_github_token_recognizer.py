import zlib

import pytest

from sanitizers.recognizers.github_token_recognizer import GitHubTokenRecognizer
from tests.sanitizers.recognizers.fakes import ALNUM, fake, found, scores

REC = GitHubTokenRecognizer()
BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def with_checksum(prefix: str, seed: int) -> str:
    """A classic token whose last 6 chars are base62(CRC32(30 random chars)), as GitHub issues them."""
    random_part = fake(30, ALNUM, seed=seed)
    value, digits = zlib.crc32(random_part.encode()), ""
    while value:
        value, rest = divmod(value, 62)
        digits = BASE62[rest] + digits
    return prefix + random_part + digits.rjust(6, "0")


PAT = with_checksum("ghp_", 1)
OAUTH = with_checksum("gho_", 2)
NO_CHECKSUM = "ghu_" + fake(36, ALNUM, seed=3)
INSTALL = "ghs_" + fake(36, ALNUM, seed=4)
REFRESH = "ghr_" + fake(36, ALNUM, seed=5)
FINE = "github_pat_" + fake(22, ALNUM, seed=6) + "_" + fake(59, ALNUM, seed=7)

TRUE_POSITIVES = [
    (f"GITHUB_TOKEN={PAT}", [PAT]),  # classic PAT, valid checksum
    (f"git clone https://{OAUTH}@github.com/o/r", [OAUTH]),  # OAuth token in a clone URL
    (f"user token {NO_CHECKSUM}", [NO_CHECKSUM]),  # checksum unknown: still a token shape
    (f"x-access-token:{INSTALL}", [INSTALL]),  # app installation token
    (f'"refresh_token": "{REFRESH}"', [REFRESH]),  # refresh token in JSON
    (f"gh auth login --with-token <<< {FINE}", [FINE]),  # fine-grained PAT
    (f"\\n{PAT}", [PAT]),  # after a literal \n escape
]

NEAR_MISSES = [
    "ghp_" + fake(35, ALNUM, seed=8),  # one short
    "ghp_" + fake(37, ALNUM, seed=9),  # one long
    "ghx_" + fake(36, ALNUM, seed=10),  # unknown prefix
    "xghp_" + fake(36, ALNUM, seed=11),  # glued to a word
    "github_pat_" + fake(22, ALNUM, seed=12) + fake(59, ALNUM, seed=13),  # missing the inner "_"
    "ghp_...",  # elided
    "commit 3f2c9a1e5b7d4c6a8e0f1b2d3c4e5f6a7b8c9d0e",  # classic git SHA
]


@pytest.mark.parametrize(("text", "expected"), TRUE_POSITIVES)
def test_finds_token_when_github_shape(text, expected):
    assert found(REC, text) == expected


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_ignores_text_when_near_miss(text):
    assert found(REC, text) == []


@pytest.mark.parametrize(
    ("token", "score"),
    [
        (PAT, 1.0),  # checksum proves it
        (OAUTH, 1.0),  # same
        (NO_CHECKSUM, 0.85),  # shape only
        (PAT[:-1] + ("A" if PAT[-1] != "A" else "B"), 0.85),  # checksum broken by one char
        (FINE, 0.95),  # fine-grained shape
    ],
)
def test_scores_by_checksum_when_classic_token(token, score):
    assert scores(REC, token) == [score]


# Fillers at the exact shape are how docs and scanner suites write such a key: reported (recall first).
FILLERS = [
    "ghp_" + "x" * 36,
    "ghp_" + "0123456789" * 3 + "abcdef",
    "github_pat_" + "X" * 22 + "_" + "X" * 59,
]


@pytest.mark.parametrize("text", FILLERS)
def test_finds_filler_when_exact_shape(text):
    assert found(REC, text) == [text]
