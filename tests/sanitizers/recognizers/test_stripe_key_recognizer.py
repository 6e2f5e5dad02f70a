import pytest

from sanitizers.recognizers.stripe_key_recognizer import StripeKeyRecognizer
from tests.sanitizers.recognizers.fakes import ALNUM, fake, found, scores

REC = StripeKeyRecognizer()
LIVE = "sk_" + "live_" + fake(24, ALNUM, seed=1)
RESTRICTED = "rk_" + "live_" + fake(99, ALNUM, seed=2)
TEST = "sk_" + "test_" + fake(24, ALNUM, seed=3)
WEBHOOK = "whsec_" + fake(32, ALNUM, seed=4)
# A long random body can spell a placeholder word by chance, in mixed case or amid random text.
CHANCE_MIXED = "sk_" + "live_" + fake(60, ALNUM, seed=9) + "YOuR" + fake(35, ALNUM, seed=10)
CHANCE_ONE_CASE = "rk_" + "live_" + fake(40, ALNUM, seed=11) + "Todo" + fake(40, ALNUM, seed=12)

TRUE_POSITIVES = [
    (f"STRIPE_SECRET_KEY={LIVE}", [LIVE]),  # live secret key
    (f"stripe.api_key = '{RESTRICTED}'", [RESTRICTED]),  # restricted key, long form
    (f'"secret": "{TEST}"', [TEST]),  # test key: still a credential
    (f"STRIPE_WEBHOOK_SECRET={WEBHOOK}", [WEBHOOK]),  # webhook signing secret
    (f"our live key {CHANCE_MIXED} got flagged", [CHANCE_MIXED]),  # "YOuR" inside: chance, not a marker
    (f"STRIPE_KEY={CHANCE_ONE_CASE}", [CHANCE_ONE_CASE]),  # "Todo" amid 80 random chars: chance
]

NEAR_MISSES = [
    "sk_" + "live_" + fake(23, ALNUM, seed=16),  # one short of Stripe's 24
    "pk_" + "live_" + fake(24, ALNUM, seed=5),  # publishable key: public by design
    "sk_" + "live_" + "YourStripeSecretKeyGoesHere1234",  # placeholder sentence
    "sk_" + "live_" + "your_key_" + fake(30, ALNUM, seed=13),  # "your" as a word of its own
    "sk_" + "live_" + fake(12, ALNUM, seed=14) + "YOUR" + "KEY",  # marker with little random text
    "sk_" + "live_" + fake(8, ALNUM, seed=15) + "X" * 24,  # masked after a visible head
    "sk_" + "live_" + fake(10, ALNUM, seed=6),  # too short
    "sk_" + "prod_" + fake(24, ALNUM, seed=7),  # not a Stripe mode
    "risk_" + "live_" + fake(24, ALNUM, seed=8),  # glued to a word
    "whsec_" + "...",  # elided
    "stripe('sk_" + "test_" + "4eC39HqLyjWDarjt" + "T1zdp7dc')",  # the key printed in Stripe's API docs
]


@pytest.mark.parametrize(("text", "expected"), TRUE_POSITIVES)
def test_finds_key_when_stripe_shape(text, expected):
    assert found(REC, text) == expected


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_ignores_text_when_near_miss(text):
    assert found(REC, text) == []


def test_scores_test_key_below_live_key_when_both_found():
    assert scores(REC, f"{LIVE} {TEST}") == [0.95, 0.85]


# Fillers at the exact shape are how docs and scanner suites write such a key: reported (recall first).
FILLERS = [
    "sk_" + "live_" + "x" * 24,
    "sk_" + "test_" + "1234567890abcdefghijklmn",
]


@pytest.mark.parametrize("text", FILLERS)
def test_finds_filler_when_exact_shape(text):
    assert found(REC, text) == [text]
