import pytest

from sanitizers.recognizers.gitlab_token_recognizer import GitLabTokenRecognizer
from tests.sanitizers.recognizers.fakes import ALNUM, HEX, URLSAFE, fake, found

REC = GitLabTokenRecognizer()
PAT = "glpat-" + fake(20, URLSAFE, seed=1)
ROUTABLE = (
    "glpat-"
    + fake(27, URLSAFE, seed=2)
    + "."
    + fake(2, "abcdefghij0123456789", seed=3)
    + fake(7, "abcdefghij0123456789", seed=4)
)
DEPLOY = "gldt-" + fake(20, URLSAFE, seed=5)
RUNNER = "glrt-" + fake(20, URLSAFE, seed=6)
TRIGGER = "glptt-" + fake(40, HEX, seed=7)
REGISTRATION = "GR1348941" + fake(20, URLSAFE, seed=8)
MAIL = "glimt-" + fake(25, URLSAFE, seed=9)
OAUTH = "gloas-" + fake(64, URLSAFE, seed=10)
JOB = "glcbt-" + fake(4, ALNUM, seed=11) + "_" + fake(20, URLSAFE, seed=12)

TRUE_POSITIVES = [
    (f"PRIVATE-TOKEN: {PAT}", [PAT]),  # API header
    (f"GITLAB_TOKEN={ROUTABLE}", [ROUTABLE]),  # routable token (GitLab 17.x)
    (f"deploy token {DEPLOY}", [DEPLOY]),  # deploy token
    (f"token = '{RUNNER}'", [RUNNER]),  # runner authentication token
    (f"curl -F token={TRIGGER} url", [TRIGGER]),  # pipeline trigger token
    (f"--registration-token {REGISTRATION}", [REGISTRATION]),  # runner registration token
    (f"{MAIL}", [MAIL]),  # incoming mail token
    (f"secret: {OAUTH}", [OAUTH]),  # OAuth application secret
    (f"CI_JOB_TOKEN={JOB}", [JOB]),  # CI/CD job token
]

NEAR_MISSES = [
    "glpat-" + fake(19, URLSAFE, seed=13),  # one short
    "glpat-" + fake(21, ALNUM, seed=14),  # one long
    "glptt-" + "x" * 40,  # not hex
    "xglpat-" + fake(20, URLSAFE, seed=15),  # glued to a word
    "glpax-" + fake(20, URLSAFE, seed=16),  # unknown prefix
]


@pytest.mark.parametrize(("text", "expected"), TRUE_POSITIVES)
def test_finds_token_when_gitlab_shape(text, expected):
    assert found(REC, text) == expected


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_ignores_text_when_near_miss(text):
    assert found(REC, text) == []


# Fillers at the exact shape are how docs and scanner suites write such a key: reported (recall first).
FILLERS = [
    "glpat-XXXXXXXXXXX-XXXXXXXX",
    "glptt-" + "0" * 40,
    "GR1348941" + "X" * 20,
    "glpat-xxxxxxxx-xxxxxxxxxxxxxxxxxx.xxxxxxxxx",
]


@pytest.mark.parametrize("text", FILLERS)
def test_finds_filler_when_exact_shape(text):
    assert found(REC, text) == [text]
