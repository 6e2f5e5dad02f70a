import pytest

from sanitizers.recognizers.aws_access_key_recognizer import AwsAccessKeyRecognizer
from tests.sanitizers.recognizers.fakes import BASE32, fake, found

REC = AwsAccessKeyRecognizer()
AKIA = "AKIA" + fake(16, BASE32, seed=1)
ASIA = "ASIA" + fake(16, BASE32, seed=2)
ABIA = "ABIA" + fake(16, BASE32, seed=3)
ACCA = "ACCA" + fake(16, BASE32, seed=4)
DOC_EXAMPLE = "AKIA" + "IOSFODNN7" + "EXAMPLE"  # AWS documentation key

TRUE_POSITIVES = [
    (f"aws_access_key_id = {AKIA}", [AKIA]),  # ~/.aws/credentials
    (f'{{"AccessKeyId": "{ASIA}"}}', [ASIA]),  # STS JSON
    (f"key {ABIA} here", [ABIA]),  # STS service bearer prefix
    (f"ctx={ACCA}", [ACCA]),  # context-specific credential prefix
    (f"a\\n{AKIA}", [AKIA]),  # after a literal \n escape
    (f"{AKIA},{ASIA}", [AKIA, ASIA]),  # two in a CSV row
    ("A3TX" + fake(16, BASE32, seed=11), ["A3TX" + fake(16, BASE32, seed=11)]),  # older A3T prefix
    # Fillers at the exact shape are how scanner suites and docs write a key id: reported.
    ("AKIA" + "X" * 16, ["AKIA" + "X" * 16]),
    ("AKIA" + "ABCDEFGHIJKLMNOP", ["AKIA" + "ABCDEFGHIJKLMNOP"]),
]

NEAR_MISSES = [
    DOC_EXAMPLE,  # documented example
    "AKIA" + "*" * 16,  # masked
    "AKIA" + fake(15, BASE32, seed=5),  # one short
    "AKIA" + fake(17, BASE32, seed=6),  # one long
    "akia" + fake(16, BASE32, seed=7).lower(),  # lower case
    "AKIA" + "0189" + fake(12, BASE32, seed=8),  # 0, 1, 8, 9 are not base32
    "TAKIA" + fake(16, BASE32, seed=9),  # glued to a word
    "AKIB" + fake(16, BASE32, seed=10),  # unknown prefix
    "TODAYINASIAASACKOFRICEFELLOVER",  # gitleaks near-miss: words
]


@pytest.mark.parametrize(("text", "expected"), TRUE_POSITIVES)
def test_finds_key_id_when_aws_shape(text, expected):
    assert found(REC, text) == expected


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_ignores_text_when_near_miss(text):
    assert found(REC, text) == []
