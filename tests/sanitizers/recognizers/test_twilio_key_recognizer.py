import pytest

from sanitizers.recognizers.twilio_key_recognizer import TwilioKeyRecognizer
from tests.sanitizers.recognizers.fakes import HEX, fake, found

REC = TwilioKeyRecognizer()
API_KEY = "SK" + fake(32, HEX, seed=1)
ACCOUNT = "AC" + fake(32, HEX, seed=2)
AUTH = fake(32, HEX, seed=3)

TRUE_POSITIVES = [
    (f"TWILIO_API_KEY={API_KEY}", [API_KEY]),  # API key SID
    (f"TWILIO_ACCOUNT_SID={ACCOUNT}", [ACCOUNT]),  # account SID next to "twilio"
    (f"TWILIO_AUTH_TOKEN={AUTH}", [AUTH]),  # auth token
    (f'account_sid = "{ACCOUNT}"\nauth_token = "{AUTH}"', [ACCOUNT, AUTH]),  # quickstart code
]

NEAR_MISSES = [
    f"id {ACCOUNT}",  # account SID without Twilio context
    "SK" + fake(32, HEX, seed=4).upper(),  # upper-case hex
    "SK" + fake(31, HEX, seed=5),  # one short
    "SK" + "0" * 32,  # filler
    f"md5: {AUTH}",  # a 32-hex digest, no auth-token context
    "TWILIO_AUTH_TOKEN=your_auth_token",  # template
    "TASK" + fake(32, HEX, seed=6),  # glued to a word
]


@pytest.mark.parametrize(("text", "expected"), TRUE_POSITIVES)
def test_finds_credential_when_twilio_shape(text, expected):
    assert found(REC, text) == expected


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_ignores_text_when_near_miss(text):
    assert found(REC, text) == []
