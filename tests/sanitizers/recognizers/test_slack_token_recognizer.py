import pytest

from sanitizers.recognizers.slack_token_recognizer import SlackTokenRecognizer
from tests.sanitizers.recognizers.fakes import ALNUM, fake, found

REC = SlackTokenRecognizer()
DIGITS = "0123456789"
LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"
BOT = "xoxb-" + fake(13, DIGITS, seed=1) + "-" + fake(13, DIGITS, seed=2) + "-" + fake(24, ALNUM, seed=3)
USER = (
    "xoxp-"
    + "-".join(fake(12, DIGITS, seed=s) for s in (4, 5, 6))
    + "-"
    + fake(32, "0123456789abcdef", seed=7)
)
LEGACY_BOT = "xoxb-" + fake(12, DIGITS, seed=8) + "-" + fake(24, ALNUM, seed=9)
LEGACY = (
    "xoxs-"
    + "-".join(fake(10, DIGITS, seed=s) for s in (10, 11, 12))
    + "-"
    + fake(10, "0123456789abcdef", seed=13)
)
APP = (
    "xapp-1-A"
    + fake(10, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", seed=14)
    + "-"
    + fake(13, DIGITS, seed=15)
    + "-"
    + fake(64, LOWER_ALNUM, seed=16)
)
CONFIG = "xoxe.xoxp-1-" + fake(164, ALNUM, seed=17)
REFRESH = "xoxe-1-" + fake(146, ALNUM, seed=18)

TRUE_POSITIVES = [
    (f"SLACK_BOT_TOKEN={BOT}", [BOT]),  # bot token
    (f'"user_token": "{USER}"', [USER]),  # user token in JSON
    (f"token {LEGACY_BOT}", [LEGACY_BOT]),  # legacy bot token
    (f"legacy={LEGACY}", [LEGACY]),  # legacy xoxs token
    (f"SLACK_APP_TOKEN={APP}", [APP]),  # app-level token
    (f"config token {CONFIG}", [CONFIG]),  # configuration access token
    (f"refresh {REFRESH}", [REFRESH]),  # configuration refresh token
    (f"\\n{BOT}", [BOT]),  # after a literal \n escape
]

NEAR_MISSES = [
    "xoxb-xxxxxxxxx-xxxxxxxxxx-xxxxxxxxxxxx",  # gitleaks near-miss: placeholder
    "xoxb-xxx",  # placeholder
    "xoxb-12345-abcd234",  # too short
    "xoxb-xoxb-my-bot-token",  # template
    "xoxp-1234567890",  # missing segments
    "https://github.com/xoxa-nyc/xoxa-nyc.github.io",  # gitleaks near-miss: a repo name
    "xoxo hugs and kisses",  # prose
    "axoxb-" + fake(12, DIGITS, seed=21) + "-" + fake(24, ALNUM, seed=22),  # glued to a word
]


@pytest.mark.parametrize(("text", "expected"), TRUE_POSITIVES)
def test_finds_token_when_slack_shape(text, expected):
    assert found(REC, text) == expected


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_ignores_text_when_near_miss(text):
    assert found(REC, text) == []


# Fillers at the exact shape are how docs and scanner suites write such a key: reported (recall first).
FILLERS = [
    BOT.rsplit("-", 1)[0] + "-" + "x" * 24,
]


@pytest.mark.parametrize("text", FILLERS)
def test_finds_filler_when_exact_shape(text):
    assert found(REC, text) == [text]
