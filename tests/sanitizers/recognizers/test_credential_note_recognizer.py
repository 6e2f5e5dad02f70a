import pytest

from sanitizers.recognizers.credential_note_recognizer import CredentialNoteRecognizer, looks_generated
from tests.sanitizers.recognizers.fakes import ALNUM, HEX, fake, found

REC = CredentialNoteRecognizer()
# Made-up generated values: mixed case with digits, and a long lower-case hex run.
TOK = "Qx7" + fake(14, ALNUM, seed=1) + "9"
HEXTOK = "e4" + fake(30, HEX, seed=2)

TRUE_POSITIVES = [
    (f"token {TOK}", [TOK]),
    (f"Access Token {TOK}", [TOK]),
    (f"Client secret {TOK}", [TOK]),
    (f"session-token {HEXTOK}", [HEXTOK]),
    (f"clientsecret ({TOK})", [TOK]),
    (f"API key {TOK}", [TOK]),
    (f"Secret Key: {TOK}", [TOK]),
    (f"access key={HEXTOK}", [HEXTOK]),
    (f"토큰 {TOK}", [TOK]),
    # A bare key and a long generated value: a log line, a YAML entry, a quoted assignment.
    (f"[DEBUG] Using Key={TOK}{HEXTOK}", [TOK + HEXTOK]),
    (f"  key: {TOK}x2", [TOK + "x2"]),
    (f"client key = '{HEXTOK}'", [HEXTOK]),
]

NEAR_MISSES = [
    "the token limit is 4096 tokens",
    "secret santa2024 party",
    "token budget128k for gpt4",
    "key insight from Q3 2024 report",
    "Enter token : This is a query parameter",
    "use the access token from settings.ACCESS_TOKEN",
    "refresh token rotation policy v2",
    "the secret ingredient is Love2024",
    "tokens " + TOK,  # another word
    "key " + TOK,  # `key` alone names no credential
    "api key <your-api-key-goes-here>",
    "sort_key=created_at_2024_01_01_abcdef",  # another name
    "key: node-role.kubernetes.io/control-plane",  # a label, no digits
    "key: uploads/2024/05/report-final-v3.pdf",  # an object path
    "key=user_profile_settings_page_v2",  # words
    '"key":"attached_file_0"',  # short
]


@pytest.mark.parametrize(("text", "expected"), TRUE_POSITIVES)
def test_finds_value_when_credential_word_has_a_blank_or_bracket_after_it(text, expected):
    assert found(REC, text) == expected


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_ignores_text_when_value_is_no_generated_credential(text):
    assert found(REC, text) == []


@pytest.mark.parametrize(("value", "expected"), [(TOK, True), (HEXTOK, True), ("santa2024", False),
                                                 ("abcdefgh12345678", False), ("settings.ACCESS_TOKEN", False),
                                                 ("lowercase1234", False)])
def test_reads_value_as_generated_when_long_mixed_and_random(value, expected):
    assert looks_generated(value) is expected
