import base64

import pytest

from sanitizers.recognizers.high_entropy_string_recognizer import HighEntropyStringRecognizer
from tests.sanitizers.recognizers.fakes import BASE64, HEX, URLSAFE, fake, found

REC = HighEntropyStringRecognizer()
URL_KEY = fake(64, URLSAFE, seed=1)
B64_KEY = fake(44, BASE64, seed=2) + "="

TRUE_POSITIVES = [
    (f'client = Client("{URL_KEY}")', [URL_KEY]),  # a key passed as a bare literal
    (f"String #2: '{B64_KEY}'", [B64_KEY]),  # base64 with padding, single quotes
    (f'["{URL_KEY}", "{B64_KEY}"]', [URL_KEY, B64_KEY]),  # two in a list
    (f'republic_key = "{URL_KEY}"', [URL_KEY]),  # "public" inside another word
]

NEAR_MISSES = [
    f'"{fake(64, HEX, seed=3)}"',  # a hex digest
    '"' + "-".join(fake(n, HEX, seed=4 + n) for n in (8, 4, 4, 4, 12)) + '"',  # a UUID
    '"' + base64.b64encode(b"this is only a plain sentence in base64").decode() + '"',  # encoded prose
    '"src/components/settings/AccountSettingsPanel.tsx"',  # a path
    f'"{fake(30, URLSAFE, seed=5)}"',  # too short: ids of tool calls and messages
    '"' + "Ab1" * 20 + '"',  # a repeated unit
    f'"{URL_KEY}\'',  # quotes that do not match
    f"{URL_KEY}",  # unquoted
    '"' + "x" * 48 + '"',  # filler
    f'public_key = "{URL_KEY}"',  # the value of a public key
    f"PUBLIC_TOKEN: '{B64_KEY}'",  # the value of a public token
    f'publishableApiKey => "{URL_KEY}"',  # a publishable key
]


@pytest.mark.parametrize(("text", "expected"), TRUE_POSITIVES)
def test_finds_random_literal_when_quoted(text, expected):
    assert found(REC, text) == expected


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_ignores_quoted_text_when_not_random(text):
    assert found(REC, text) == []
