import pytest

from sanitizers.recognizers.sendgrid_key_recognizer import SendGridKeyRecognizer
from tests.sanitizers.recognizers.fakes import URLSAFE, fake, found

REC = SendGridKeyRecognizer()
KEY = "SG." + fake(22, URLSAFE, seed=1) + "." + fake(43, URLSAFE, seed=2)

TRUE_POSITIVES = [
    (f"SENDGRID_API_KEY={KEY}", [KEY]),  # env line
    (f"sg = SendGridAPIClient('{KEY}')", [KEY]),  # code
    (f"\\n{KEY}\\n", [KEY]),  # between literal \n escapes
]

NEAR_MISSES = [
    "SG.xxx",  # placeholder
    "SG." + fake(21, URLSAFE, seed=3) + "." + fake(43, URLSAFE, seed=4),  # id one short
    "sg." + fake(22, URLSAFE, seed=5) + "." + fake(43, URLSAFE, seed=6),  # lower-case prefix
    "XSG." + fake(22, URLSAFE, seed=7) + "." + fake(43, URLSAFE, seed=8),  # glued to a word
]


@pytest.mark.parametrize(("text", "expected"), TRUE_POSITIVES)
def test_finds_key_when_sendgrid_shape(text, expected):
    assert found(REC, text) == expected


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_ignores_text_when_near_miss(text):
    assert found(REC, text) == []


# Fillers at the exact shape are how docs and scanner suites write such a key: reported (recall first).
FILLERS = [
    "SG." + "x" * 22 + "." + "x" * 43,
]


@pytest.mark.parametrize("text", FILLERS)
def test_finds_filler_when_exact_shape(text):
    assert found(REC, text) == [text]
