import pytest

from sanitizers.recognizers.together_key_recognizer import TogetherKeyRecognizer
from tests.sanitizers.recognizers.fakes import ALNUM, HEX, URLSAFE, fake, found, scores

REC = TogetherKeyRecognizer()
KEY = "tgp_v1_" + fake(43, URLSAFE, seed=1)
SECOND = "tgp_v1_" + fake(43, URLSAFE, seed=3)
LEGACY = fake(64, HEX, seed=2)
BRIEF_STYLE = "tgp_v1_" + "a1B2" * 10 + "xyz"  # hand-made but key-shaped: still redacted

TRUE_POSITIVES = [
    (f"TOGETHER_API_KEY={KEY}", [KEY]),  # env line
    (f"client = Together(api_key='{KEY}')", [KEY]),  # code
    (f'{{"key": "{KEY}"}}', [KEY]),  # JSON value
    (f"config:\\n{KEY}\\n", [KEY]),  # after a literal \n escape (JSON inside text)
    (f"my key is {KEY}.", [KEY]),  # prose, sentence dot after
    (f"{KEY} and {SECOND}", [KEY, SECOND]),  # two keys
    (BRIEF_STYLE, [BRIEF_STYLE]),  # repeated unit: a prefix + exact length is enough
    (f"export TOGETHER_API_KEY={LEGACY}", [LEGACY]),  # legacy 64-hex key after the env name
    (f"together api key: {LEGACY}", [LEGACY]),  # legacy key after "together"
    (f"Together key = '{LEGACY}'", [LEGACY]),  # capitalised context
]

NEAR_MISSES = [
    "tgp_v1_" + fake(42, URLSAFE, seed=4),  # one char short
    "tgp_v1_" + fake(44, URLSAFE, seed=4),  # one char long
    "tgp_v1_" + "YOUR_API_KEY_HERE".ljust(43, "_"),  # template
    "tgp_v2_" + fake(43, URLSAFE, seed=5),  # not the documented prefix
    "xtgp_v1_" + fake(43, URLSAFE, seed=6),  # glued to a word
    "tgp_v1_...",  # elided
    f"sha256 of the file: {LEGACY}",  # bare 64-hex: a digest, no Together context
    f"together model weights sha256:{LEGACY}",  # Together context but a hash word in between
    f"together checksum {LEGACY}",  # same, checksum
    f"merged together in commit {LEGACY}",  # same, a SHA-256 commit id
    "together" + " " * 50 + LEGACY,  # context too far away
    f"TOGETHER_API_KEY={LEGACY.upper()}",  # legacy keys are lowercase hex
    "TOGETHER_API_KEY=" + "0" * 64,  # filler
    "TOGETHER_API_KEY=" + "deadbeef" * 8,  # repeated filler
    f"together commit {fake(40, HEX, seed=7)}",  # a git SHA is 40 hex, not 64
    f"together {fake(64, ALNUM, seed=8)}",  # 64 alphanumerics is not hex
    "let's work together on this task",  # plain prose
]


@pytest.mark.parametrize(("text", "expected"), TRUE_POSITIVES)
def test_finds_key_when_shape_and_context_match(text, expected):
    assert found(REC, text) == expected


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_ignores_text_when_near_miss(text):
    assert found(REC, text) == []


def test_scores_legacy_key_below_prefixed_key_when_both_present():
    assert scores(REC, f"{KEY} TOGETHER_API_KEY={LEGACY}") == [0.95, 0.8]


def test_reports_together_entity_when_key_found():
    assert [r.entity_type for r in REC.analyze(KEY, ["TOGETHER_API_KEY"])] == ["TOGETHER_API_KEY"]


# Fillers at the exact shape are how docs and scanner suites write such a key: reported (recall first).
FILLERS = [
    "tgp_v1_" + "x" * 43,
    "tgp_v1_" + ("0123456789abcdefghij" * 3)[:43],
]


@pytest.mark.parametrize("text", FILLERS)
def test_finds_filler_when_exact_shape(text):
    assert found(REC, text) == [text]
