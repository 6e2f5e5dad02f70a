import math
import operator
import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanitizers.entropy import (
    _ANY_WORD_MARKER,
    _PLACEHOLDER_WORDS,
    _SINGLE_CASE_WORD,
    _marker_hits,
    char_classes,
    has_few_characters,
    has_placeholder_marker,
    is_fake_token_body,
    is_placeholder_word,
    is_repetitive,
    is_sequential,
    is_template_body,
    is_variable_reference,
    looks_like_code_reference,
    looks_like_identifier,
    looks_like_placeholder,
    looks_like_version,
    looks_random,
    shannon_entropy,
)
from tests.sanitizers.recognizers.fakes import ALNUM, HEX, URLSAFE, fake


@pytest.mark.parametrize(
    ("value", "bits"),
    [
        ("", 0.0),  # empty
        ("aaaa", 0.0),  # one symbol
        ("abab", 1.0),  # two symbols, even
        ("abcd", 2.0),  # four distinct
        (HEX, 4.0),  # sixteen distinct
    ],
)
def test_computes_bits_per_char_when_given_value(value, bits):
    assert math.isclose(shannon_entropy(value), bits)


@pytest.mark.parametrize(
    ("value", "classes"),
    [("abc", 1), ("aB", 2), ("aB3", 3), ("aB3#", 4), ("1234", 1), ("é", 1)],
)
def test_counts_character_classes_when_given_value(value, classes):
    assert char_classes(value) == classes


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("abcdefgh", True),  # counting up
        ("987654321", True),  # counting down
        ("1234567890abcdef", True),  # two runs
        ("ababababab", True),  # +1/-1 steps
        (fake(32, ALNUM, seed=1), False),  # random
        ("abc", False),  # too short to judge
    ],
)
def test_flags_counting_fillers_when_steps_dominate(value, expected):
    assert is_sequential(value) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("a1B2" * 10, True),  # repeated unit
        ("deadbeef" * 8, True),  # repeated word
        (fake(40, ALNUM, seed=2), False),  # random
        ("short", False),  # too short to judge
    ],
)
def test_flags_repeated_units_when_trigrams_repeat(value, expected):
    assert is_repetitive(value) is expected


@pytest.mark.parametrize(
    "value",
    [
        "xxxxxxxxxxxx",  # filler
        "XXXX-XXXX",  # masked
        "********",  # masked
        "sk-...",  # elided
        "\u2026",  # ellipsis
        "YOUR_API_KEY",  # template word
        "your-token-here",  # template
        "<token>",  # angle brackets
        "${TOKEN}",  # shell variable
        "$TOKEN",  # shell variable
        "%DB_PASSWORD%",  # Windows variable
        "{{api_key}}",  # template
        "changeme",  # stock word
        "password123",  # stock word + digits
        "Secret!",  # stock word + punctuation
        "EXAMPLEKEY",  # documentation marker
        "REDACTED",  # redaction marker
        "AKIAIOSFODNN7EXAMPLE",  # documented example (AWS docs)
        "P@ssw0rd!",  # stock word in leetspeak
        "s3cr3t",  # stock word in leetspeak
        "",  # empty
    ],
)
def test_flags_placeholder_when_template_or_stock_word(value):
    assert looks_like_placeholder(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (fake(60, ALNUM, seed=10) + "YOuR" + fake(35, ALNUM, seed=11), False),  # mixed case: chance
        (fake(40, URLSAFE, seed=12) + "ToDo" + fake(40, URLSAFE, seed=13), False),  # mixed case: chance
        (fake(30, ALNUM, seed=14) + "your" + fake(30, ALNUM, seed=15), False),  # amid 60 random chars
        (fake(40, ALNUM, seed=16) + "xXxX" + fake(20, ALNUM, seed=17), False),  # mixed-case x run
        ("YourStripeSecretKeyGoesHere1234", True),  # a sentence of words around it
        ("ReplaceWithYourOwnKey2024abc", True),  # words
        ("your_key_" + fake(30, ALNUM, seed=18), True),  # a word of its own, even before random text
        (fake(30, ALNUM, seed=19) + "-todo", True),  # a word of its own at the end
        (fake(12, ALNUM, seed=20) + "YOUR" + "KEY", True),  # too little random text around it
        # Issue 13: a real key with a tag glued on is still a real key; the tag never overrides it.
        (fake(30, ALNUM, seed=21) + "XXXXXXXX", False),  # random body, mask glued on
        (fake(30, ALNUM, seed=23) + "EXAMPLE", False),  # random body, EXAMPLE glued on
        (fake(32, ALNUM, seed=24) + "Dummy", False),  # random body, Dummy glued on
        ("P621lhk4n93wb" + "FIXME" + "hJbXlS", False),  # a 24-char key holding FIXME by chance
        ("sk_live_51Hx" + "x" * 20, True),  # a mask after a short head: a mask
        ("AKIA" + fake(9, ALNUM, seed=25).upper() + "EXAMPLE", True),  # too little random text
        (fake(30, ALNUM, seed=26) + "-XXXX", True),  # a mask written as its own word
        (fake(30, ALNUM, seed=22) + "...", True),  # elided: symbols never occur by chance
        # Templates count when well formed; braces inside a random password are part of it.
        ("key-${API_KEY}", True),  # shell expansion
        ("{{ vault_db_password }}", True),  # Jinja
        ("%(password)s", True),  # printf-style
        ("<%= ENV['TOKEN'] %>", True),  # ERB
        ("&lt;YOURPASSWORD&gt;", True),  # HTML-escaped angle brackets
        ("m{{h}o)p${e]n8b(z[Qf>-_$#Tw9}}", False),  # brackets, but no template in them
    ],
)
def test_tells_written_marker_from_chance_hit_when_word_marker_in_value(value, expected):
    assert has_placeholder_marker(value) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("db_pass", True),  # snake case
        ("db-pass-2", True),  # kebab case
        ("DB_PASSWORD", True),  # env var
        ("dbPassword", True),  # camelCase
        ("DefaultPassword2", True),  # PascalCase, trailing digit
        ("_private", True),  # leading underscore
        ("ZFaVafOKBrj", False),  # two capitals glued inside a word
        ("Xk9aPq2Zx7", False),  # digits inside words
        ("qW3rTy", False),  # case switches inside a word
    ],
)
def test_reads_name_as_identifier_when_written_like_code(name, expected):
    assert looks_like_identifier(name) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("$DB_PASSWORD", True),  # shell variable
        ("$dbPass", True),  # camelCase shell variable
        ("%APPDATA", True),  # Windows variable, unclosed
        ("$RTmcXbnPQaz", False),  # a password that starts with "$"
        ("%Hq7vLw2Kp9Zt", False),  # a password that starts with "%"
        ("%xfyoAtyYhyv", False),  # reads as camelCase, but Windows variables are upper case
        ("DB_PASSWORD", False),  # no sigil
    ],
)
def test_tells_variable_from_password_when_value_starts_with_sigil(value, expected):
    assert is_variable_reference(value) is expected


@pytest.mark.parametrize(
    "value", [fake(20, ALNUM, seed=3), "Tr0ub4dor&3", "Willow.Harbor696$", "$RTmcXbnPQaz", "%Hq7vLw2Kp9Zt"]
)
def test_keeps_value_when_not_a_placeholder(value):
    assert not looks_like_placeholder(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("os.environ", True),  # dotted attribute
        ("settings.SECRET_KEY", True),  # settings attribute
        ("DB_PASSWORD", True),  # env var name
        ("api_key", True),  # snake_case name
        ("getPassword", True),  # camelCase name
        ("Optional", True),  # a capitalised word
        ("Willow.Harbor696", False),  # words with digits: a password
        ("xfyoAtyYhyv", False),  # alternating case in short chunks: random letters, no name
        (fake(16, ALNUM, seed=4), False),  # random
    ],
)
def test_detects_code_reference_when_value_names_something(value, expected):
    assert looks_like_code_reference(value) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("v2.3.1", True),  # a tag
        ("1.4.2-beta", True),  # a pre-release
        ("jjwt-jackson-0.11.2", True),  # a package and its version
        ("node@18.2.0", True),  # npm's name@version
        ("rc0.15.0_20231217_1420-SNAPSHOT", True),  # a build with a date and a qualifier
        ("10.0.0.1", True),  # four numbers: no secret either
        ("Willow.Harbor696", False),  # words and digits: a password
        ("Xk9aPq2Zx7-1.2", False),  # a random run glued to a number
        ("s.Z4bTMtngfLeQ18AqVo", False),  # a Vault token
        ("t1.9euelZqXkJWPz5yQ", False),  # a Yandex token
        ("2024", False),  # no dot
        (fake(24, URLSAFE, seed=12), False),  # random
    ],
)
def test_reads_version_when_value_names_a_release(value, expected):
    assert looks_like_version(value) is expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("x" * 36, True),  # placeholder
        ("0" * 40, True),  # near-constant
        ("0123456789abcdef" * 2, True),  # counting
        ("a1B2" * 10 + "xyz", False),  # hand-made but key-shaped: kept for vendor tokens
        (fake(36, ALNUM, seed=5), False),  # random
    ],
)
def test_flags_only_obvious_fakes_when_body_follows_vendor_prefix(body, expected):
    assert is_fake_token_body(body) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (fake(40, ALNUM, seed=6), True),  # random key
        (fake(40, HEX, seed=7), True),  # random hex (2 classes)
        ("a1B2" * 10, False),  # repeated
        (fake(40, "abcdefghijklmnopqrstuvwxyz", seed=8), False),  # one class
        ("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1B", False),  # low entropy
    ],
)
def test_accepts_generated_secrets_when_entropy_and_mix_suffice(value, expected):
    assert looks_random(value, min_entropy=3.0) is expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<your-key>", True),  # template
        ("${API_KEY}", True),  # template variable
        ("*" * 20, True),  # mask
        ("sk-...", True),  # elision
        ("YOUR_KEY_HERE_" + "0" * 10, True),  # placeholder words of their own
        ("wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCY" + "EXAMPLEKEY", True),  # AWS's published example
        ("x" * 32, False),  # filler at a vendor's shape: reported
        ("Z" * 16, False),  # filler
        ("0123456789abcdef" * 2, False),  # counting filler
        (fake(36, ALNUM, seed=11), False),  # random
        (fake(32, ALNUM, seed=12) + "XXXX", False),  # a tag glued to a random key
    ],
)
def test_flags_only_templates_when_body_is_judged_for_template(body, expected):
    assert is_template_body(body) is expected


# The cheaper checks must give the textbook results exactly: values built from few characters, ASCII
# and not, marker words in any case, long and short (the entropy table stops at 512 characters).
_PIECES = ("example", "EXAMPLE", "Dummy", "your", "YOUR", "YoUr", "todo", "ToDo", "xxxx", "XXXX", "_here",
           " here", "insert", "in\u017fert", "\u212a", "\u0130", "password", "P@ssw0rd", "123", "abc", "=", "\n")
_VALUES = st.one_of(
    st.text(max_size=40),
    st.text(alphabet="ab", max_size=20),
    st.text(alphabet="abcxyz0123", min_size=5, max_size=700),
    st.lists(st.one_of(st.sampled_from(_PIECES), st.text(alphabet="aBc9+/_-.\u00e9", max_size=6)), max_size=8).map(
        "".join
    ),
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("", True), ("aaaa", True), ("abab", True), ("aab", True), ("abca", False), ("ab" * 9 + "c", False)],
)
def test_tells_values_of_two_characters_when_counting_distinct(value, expected):
    assert has_few_characters(value) is expected


@settings(max_examples=300, deadline=None)
@given(_VALUES)
def test_gives_textbook_results_when_checks_take_shortcuts(value):
    length = len(value)
    assert shannon_entropy(value) == (
        -sum(n / length * math.log2(n / length) for n in Counter(value).values()) if value else 0.0
    )
    assert has_few_characters(value) is (len(set(value)) <= 2)
    if len(value) >= 6:
        codes = list(map(ord, value))
        steps = list(map(operator.sub, codes[1:], codes))
        assert is_sequential(value) is ((steps.count(1) + steps.count(-1)) / (length - 1) > 0.45)
    if len(value) >= 12:
        trigrams = [value[i : i + 3] for i in range(length - 2)]
        assert is_repetitive(value) is (len(set(trigrams)) / len(trigrams) < 0.5)
    words = [m.span() for m in _ANY_WORD_MARKER.finditer(value)]
    assert sorted(_marker_hits(value)) == sorted(words + [m.span() for m in _SINGLE_CASE_WORD.finditer(value)])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="passwordADMINtker0134@$!._-\n", max_size=24))
def test_reads_stock_words_when_noise_trails_them(value):
    folded = value.casefold()
    stripped = re.sub(r"[0-9!@#$%^&*._-]+$", "", folded)
    leet = str.maketrans({"@": "a", "4": "a", "3": "e", "1": "i", "!": "i", "0": "o", "$": "s", "5": "s", "7": "t"})
    spellings = {folded, stripped, stripped.translate(leet), folded.translate(leet)}
    assert is_placeholder_word(value) is bool(spellings & _PLACEHOLDER_WORDS)
