import string

import pytest

from sanitizers.recognizers.openai_key_recognizer import OpenAIKeyRecognizer
from tests.sanitizers.recognizers.fakes import ALNUM, HEX, URLSAFE, fake, found, scores

REC = OpenAIKeyRecognizer()
MARKER = "T3Blbk" + "FJ"  # base64 of "OpenAI", split so the file holds no key-like run
PROJECT = "sk-proj-" + fake(74, URLSAFE, seed=1) + MARKER + fake(74, URLSAFE, seed=2)
SVCACCT = "sk-svcacct-" + fake(58, URLSAFE, seed=3) + MARKER + fake(58, URLSAFE, seed=4)
ADMIN = "sk-admin-" + fake(58, URLSAFE, seed=5) + MARKER + fake(58, URLSAFE, seed=6)
LEGACY = "sk-" + fake(20, seed=7) + MARKER + fake(20, seed=8)
PROJECT_NO_MARKER = "sk-proj-" + fake(120, URLSAFE, seed=9)
USER_48 = "sk-" + fake(48, seed=10)
HEX_32 = "sk-" + fake(32, HEX, seed=11)  # DeepSeek-style

TRUE_POSITIVES = [
    (f"OPENAI_API_KEY={PROJECT}", [PROJECT]),  # project key in env line
    (f'{{"api_key": "{SVCACCT}"}}', [SVCACCT]),  # service-account key in JSON
    (f"admin key: {ADMIN}", [ADMIN]),  # admin key in prose
    (f"openai.api_key = '{LEGACY}'", [LEGACY]),  # legacy user key with marker
    (f"key={PROJECT_NO_MARKER}", [PROJECT_NO_MARKER]),  # project prefix, long random body, no marker
    (f"Authorization: Bearer {USER_48}", [USER_48]),  # legacy-length user key without marker
    (f"DEEPSEEK_API_KEY={HEX_32}", [HEX_32]),  # other vendors' sk- + 32 random
    (f"line one\\n{LEGACY}", [LEGACY]),  # after a literal \n escape
]

NEAR_MISSES = [
    "sk-xxxx",  # placeholder
    "sk-...",  # elided
    "sk-" + "x" * 48,  # placeholder of the right length
    "sk-proj-" + "X" * 40 + MARKER + "X" * 40,  # placeholder around a real marker
    "sk-your-openai-api-key-here",  # template
    "pip install sk-learn; import sklearn",  # library name
    "the skeleton of the task",  # words containing sk
    "task-" + fake(40, seed=12),  # "sk-" inside another word
    "disk-" + fake(48, seed=13),  # same, glued
    "sk-" + fake(20, seed=14),  # too short for any rule
    "sk-" + fake(101, seed=15),  # longer than any key
    "sk-proj-" + fake(20, URLSAFE, seed=16),  # project prefix, short body
    "sk-1234567890abcdef1234567890abcdef",  # counting filler
    "sk-" + "abcd" * 12,  # repeated unit, no marker
    "sk-" + fake(42, string.ascii_lowercase, seed=17),  # one class only: not a generated key
]


@pytest.mark.parametrize(("text", "expected"), TRUE_POSITIVES)
def test_finds_key_when_openai_shape(text, expected):
    assert found(REC, text) == expected


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_ignores_text_when_near_miss(text):
    assert found(REC, text) == []


@pytest.mark.parametrize(
    ("key", "score"),
    [
        (PROJECT, 1.0),  # the marker proves it
        (LEGACY, 1.0),  # same
        (PROJECT_NO_MARKER, 0.8),  # prefix only
        (USER_48, 0.6),  # generic sk- shape
    ],
)
def test_scores_by_evidence_when_key_found(key, score):
    assert scores(REC, key) == [score]


def test_leaves_anthropic_keys_alone_when_scanning_sk_prefix():
    assert found(REC, "sk-ant-api03-" + fake(93, URLSAFE, seed=18) + "AA") == []


def test_ignores_alphanumeric_run_when_not_random():
    assert found(REC, "sk-" + ALNUM[:40]) == []  # alphabet in order
