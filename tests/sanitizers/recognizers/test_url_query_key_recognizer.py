import pytest

from sanitizers.recognizers.url_query_key_recognizer import UrlQueryKeyRecognizer, looks_like_query_key
from tests.sanitizers.recognizers.fakes import ALNUM, HEX, fake, found

REC = UrlQueryKeyRecognizer()
KEY = fake(32, ALNUM, seed=1)
SIG = fake(20, ALNUM, seed=2) + "%2B" + fake(20, ALNUM, seed=3) + "%3D"
AMZ = fake(64, HEX, seed=4)

TRUE_POSITIVES = [
    (f'url := "https://api.example.org/v1/users?key={KEY}"', [KEY]),
    (f"GET /maps/api/geocode/json?address=Tartu&key={KEY}&language=et", [KEY]),
    (f"https://acct.blob.core.windows.net/c/f.txt?sp=r&sv=2022-11-02&sr=b&sig={SIG}", [SIG]),
    (f"https://bucket.s3.amazonaws.com/a.pdf?X-Amz-Expires=900&X-Amz-Signature={AMZ}", [AMZ]),
    (f"curl 'https://api.example.org/search?apikey={KEY}&q=test'", [KEY]),
]

NEAR_MISSES = [
    "https://maps.example.com/api?key=YOUR_API_KEY&q=1",
    "https://example.org/?key=value&page=2",
    "https://example.org/list?sort_key=created_at&order=desc",
    "https://example.org/list?key=created_at_descending_order",
    "https://example.org/?key=" + "a" * 24,
    "the key=value pairs of the query string",
]


@pytest.mark.parametrize(("text", "expected"), TRUE_POSITIVES)
def test_finds_value_when_query_parameter_names_a_key_or_signature(text, expected):
    assert found(REC, text) == expected


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_ignores_parameter_when_value_is_a_word_placeholder_or_filler(text):
    assert found(REC, text) == []


@pytest.mark.parametrize(("value", "expected"), [(KEY, True), (AMZ, True), ("user_profile_settings", False),
                                                 ("0123456789abcdefghij", False), ("short1", False)])
def test_reads_value_as_key_when_random_and_long(value, expected):
    assert looks_like_query_key(value) is expected
