import pytest

from sanitizers.recognizers.aws_secret_key_recognizer import AwsSecretKeyRecognizer
from tests.sanitizers.recognizers.fakes import BASE64, HEX, LETTERS, fake, found, scores

REC = AwsSecretKeyRecognizer()
SECRET = fake(40, BASE64, seed=1)
OTHER = fake(40, BASE64, seed=2)
DOC_EXAMPLE = "wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCY" + "EXAMPLEKEY"  # AWS documentation secret

TRUE_POSITIVES = [
    (f"aws_secret_access_key = {SECRET}", [SECRET]),  # ~/.aws/credentials
    (f"export AWS_SECRET_ACCESS_KEY={SECRET}", [SECRET]),  # env line
    (f'{{"AccessKeyId": "x", "SecretAccessKey": "{SECRET}"}}', [SECRET]),  # STS JSON ("Secret")
    (f"AWS secret: {SECRET}", [SECRET]),  # prose
    (f"aws key {SECRET}\naws other {OTHER}", [SECRET, OTHER]),  # two lines, two mentions
]

NEAR_MISSES = [
    f"aws_secret_access_key = {DOC_EXAMPLE}",  # documented example
    f"value: {SECRET}",  # no aws/secret context
    f"aws\n{SECRET}",  # context on another line
    f"aws commit {fake(40, HEX, seed=3)}",  # git SHA: lowercase hex
    "aws " + "A" * 40,  # filler
    f"aws {fake(40, LETTERS, seed=4)}",  # no digit: not base64 of random bytes
    "aws path Users/ana/Documents/Projects/ab/cd/ef",  # a path with many slashes
    f"aws {SECRET}x",  # 41 chars
    "aws" + " " * 70 + SECRET,  # context too far
    "aws " + "0123456789ABCDEFGHIJabcdefghij0123456789",  # counting filler
]


@pytest.mark.parametrize(("text", "expected"), TRUE_POSITIVES)
def test_finds_secret_when_aws_context_precedes(text, expected):
    assert found(REC, text) == expected


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_ignores_text_when_near_miss(text):
    assert found(REC, text) == []


def test_scores_aws_context_above_secret_context_when_both_apply():
    assert scores(REC, f"aws_secret_access_key={SECRET}") == [0.8]
    assert scores(REC, f"secret={SECRET}") == [0.7]
