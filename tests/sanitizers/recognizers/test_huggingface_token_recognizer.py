import pytest

from sanitizers.recognizers.huggingface_token_recognizer import HuggingFaceTokenRecognizer
from tests.sanitizers.recognizers.fakes import ALNUM, LETTERS, fake, found, scores

REC = HuggingFaceTokenRecognizer()
TOKEN = "hf_" + fake(34, LETTERS, seed=1)
LONGER = "hf_" + fake(37, ALNUM, seed=2)
ORG = "api_org_" + fake(34, LETTERS, seed=3)

TRUE_POSITIVES = [
    (f"huggingface-cli login --token {TOKEN}", [TOKEN]),  # CLI login
    (f"HF_TOKEN={TOKEN} python app.py", [TOKEN]),  # env prefix
    (f"use_auth_token='{LONGER}')", [LONGER]),  # alphanumeric, longer body
    (f"os.environ['HUGGINGFACEHUB_API_TOKEN'] = '{ORG}'", [ORG]),  # legacy org token
]

NEAR_MISSES = [
    "hf_hub_download_with_a_long_function_name",  # identifier: "_" breaks the body
    "hf_requiredcharacteristictypesfordisplay",  # lower case only: a word run
    "hf_" + fake(33, LETTERS, seed=4),  # one short
    "_kHMSymptomhf_generatedByHomeAppForDebuggingPurposesKey",  # gitleaks near-miss: glued
    "API_ORG_EXIST = 'APIOrganizationExist'",  # gitleaks near-miss: constant name
]


@pytest.mark.parametrize(("text", "expected"), TRUE_POSITIVES)
def test_finds_token_when_huggingface_shape(text, expected):
    assert found(REC, text) == expected


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_ignores_text_when_near_miss(text):
    assert found(REC, text) == []


def test_scores_documented_shape_higher_when_letters_only():
    assert scores(REC, TOKEN) == [0.95]
    assert scores(REC, LONGER) == [0.75]


# Fillers at the exact shape are how docs and scanner suites write such a key: reported (recall first).
FILLERS = [
    "hf_" + "x" * 34,
    "api_org_" + "X" * 34,
]


@pytest.mark.parametrize("text", FILLERS)
def test_finds_filler_when_exact_shape(text):
    assert found(REC, text) == [text]
