import pytest

from sanitizers.recognizers.google_api_key_recognizer import GoogleApiKeyRecognizer
from tests.sanitizers.recognizers.fakes import URLSAFE, fake, found

REC = GoogleApiKeyRecognizer()
API_KEY = "AIza" + fake(35, URLSAFE, seed=1)
CLIENT_SECRET = "GOCSPX-" + fake(28, URLSAFE, seed=2)
ACCESS = "ya29." + fake(120, URLSAFE, seed=3)

TRUE_POSITIVES = [
    (f"GOOGLE_API_KEY={API_KEY}", [API_KEY]),  # env line
    (f"https://maps.googleapis.com/maps/api/js?key={API_KEY}&callback=x", [API_KEY]),  # in a URL query
    (f'"client_secret": "{CLIENT_SECRET}"', [CLIENT_SECRET]),  # OAuth client secret in JSON
    (f"Authorization: Bearer {ACCESS}", [ACCESS]),  # OAuth access token
]

NEAR_MISSES = [
    "AIza" + fake(34, URLSAFE, seed=4),  # one short
    "AIza" + fake(36, URLSAFE, seed=5),  # one long
    "AIza" + "SyYOUR_API_KEY_HERE".ljust(35, "_"),  # template
    "aiza" + fake(35, URLSAFE, seed=6),  # wrong case
    "GOCSPX-" + fake(10, URLSAFE, seed=7),  # too short
    "ya29.",  # prefix alone
]


@pytest.mark.parametrize(("text", "expected"), TRUE_POSITIVES)
def test_finds_credential_when_google_shape(text, expected):
    assert found(REC, text) == expected


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_ignores_text_when_near_miss(text):
    assert found(REC, text) == []


# Fillers at the exact shape are how docs and scanner suites write such a key: reported (recall first).
FILLERS = [
    "AIza" + "x" * 35,
]


@pytest.mark.parametrize("text", FILLERS)
def test_finds_filler_when_exact_shape(text):
    assert found(REC, text) == [text]
