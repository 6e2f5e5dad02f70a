import pytest

from sanitizers.recognizers.anthropic_key_recognizer import AnthropicKeyRecognizer
from tests.sanitizers.recognizers.fakes import URLSAFE, fake, found

REC = AnthropicKeyRecognizer()
API = "sk-ant-api03-" + fake(93, URLSAFE, seed=1) + "AA"
ADMIN = "sk-ant-admin01-" + fake(93, URLSAFE, seed=2) + "AA"
OAUTH = "sk-ant-oat01-" + fake(100, URLSAFE, seed=3)
REFRESH = "sk-ant-ort01-" + fake(80, URLSAFE, seed=4)
FUTURE = "sk-ant-api04-" + fake(95, URLSAFE, seed=5)

TRUE_POSITIVES = [
    (f"ANTHROPIC_API_KEY={API}", [API]),  # api key in env line
    (f'client = Anthropic(api_key="{API}")', [API]),  # code
    (f"admin: {ADMIN}", [ADMIN]),  # admin key
    (f"CLAUDE_CODE_OAUTH_TOKEN={OAUTH}", [OAUTH]),  # OAuth access token
    (f"refresh={REFRESH}", [REFRESH]),  # OAuth refresh token
    (f"new format {FUTURE}", [FUTURE]),  # a future key version keeps the sk-ant- prefix
    (f"\\n{API}\\n", [API]),  # between literal \n escapes
]

NEAR_MISSES = [
    "sk-ant-api03-" + fake(92, URLSAFE, seed=6) + "AA",  # one char short
    "sk-ant-api03-" + fake(93, URLSAFE, seed=7) + "BB",  # wrong suffix
    "sk-ant-admin01-" + fake(90, URLSAFE, seed=8) + "AA",  # admin key too short
    "sk-ant-api03-" + "x" * 93 + "AA",  # placeholder of the right length
    "sk-ant-oat01-tooShort",  # gitleaks near-miss
    "sk-ant-...",  # elided
    "sk-ant-api03-YOUR-KEY-HERE",  # template
    "task-ant-api03-" + fake(93, URLSAFE, seed=9) + "AA",  # glued to a word
]


@pytest.mark.parametrize(("text", "expected"), TRUE_POSITIVES)
def test_finds_key_when_anthropic_shape(text, expected):
    assert found(REC, text) == expected


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_ignores_text_when_near_miss(text):
    assert found(REC, text) == []
