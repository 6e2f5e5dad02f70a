"""SecretScanner: the fast path equals presidio's path on every test row, and overlaps resolve safely."""

import importlib
import logging
import pkgutil
import random
import string
from typing import ClassVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tests.sanitizers.recognizers
from sanitizers.findings import Finding
from sanitizers.pattern import Pattern
from sanitizers.recognizers.jwt_recognizer import JwtRecognizer
from sanitizers.recognizers.secret_recognizer import SecretRecognizer
from sanitizers.recognizers.together_key_recognizer import TogetherKeyRecognizer
from sanitizers.secret_scan import SecretScanner
from sanitizers.spans import by_length, merge_overlaps
from tests.sanitizers.recognizers.fakes import ALNUM, BASE32, HEX, URLSAFE, fake

SCANNER = SecretScanner()
MARKER = "T3Blbk" + "FJ"


def recognizer_test_rows() -> list[str]:
    """Every text from every secret recognizer's test tables (true positives and near-misses)."""
    texts: list[str] = []
    for info in pkgutil.iter_modules(tests.sanitizers.recognizers.__path__):
        module = importlib.import_module(f"tests.sanitizers.recognizers.{info.name}")
        for row in getattr(module, "TRUE_POSITIVES", []):
            texts.append(row[0])
        texts.extend(getattr(module, "NEAR_MISSES", []))
    return texts


ROWS = recognizer_test_rows()


def test_collects_rows_when_recognizer_tests_exist():
    assert len(ROWS) > 250


@pytest.mark.parametrize("text", ROWS)
def test_equals_presidio_path_when_scanning_test_rows(text):
    assert SCANNER.scan(text) == SCANNER.scan_reference(text)


# Fragments that make the prefilter and the regexes work: prefixes, context words, separators,
# escapes and characters that case-fold to ASCII letters (Kelvin sign, long s).
FRAGMENTS = st.sampled_from(
    [
        "tgp_v1_",
        "sk-",
        "sk-proj-",
        "sk-ant-api03-",
        MARKER,
        "AKIA",
        "ASIA",
        "aws",
        "secret",
        "SECRET_KEY",
        "ghp_",
        "github_pat_",
        "glpat-",
        "xoxb-",
        "hooks.slack.com/services/T",
        "sk_live_",
        "AIza",
        "hf_",
        "SG.",
        "SK",
        "AC",
        "twilio",
        "auth_token",
        "AccountKey=",
        "DefaultEndpointsProtocol=https;",
        "eyJ",
        "-----BEGIN RSA PRIVATE KEY-----",
        "-----END RSA PRIVATE KEY-----",
        "://",
        ":",
        "@",
        "password",
        "Password",
        "token",
        "api_key",
        "Bearer ",
        "together",
        "=",
        '"',
        "'",
        " ",
        "\n",
        "\\n",
        "-",
        "_",
        ".",
        "/",
        "\u212a",
        "\u017f",
        "\u0130",
        "PRIVATE KEY",
        "sv=2024-01-01&",
        "&sig=",
        "curl -u a:",
        "mysql -p",
        "sshpass -p ",
        "&",
        "?token=",
        "Authorization: Basic ",
        "my password is ",
        "--token ",
    ]
)
RANDOM_RUNS = st.integers(min_value=1, max_value=120).flatmap(
    lambda n: st.sampled_from([ALNUM, HEX, BASE32, URLSAFE]).map(lambda a: fake(n, a, seed=n))
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(FRAGMENTS, RANDOM_RUNS, st.text(max_size=8)), max_size=25).map("".join))
def test_equals_presidio_path_when_text_is_arbitrary(text):
    assert SCANNER.scan(text) == SCANNER.scan_reference(text)


# ASCII texts take the Hyperscan path (non-ASCII ones the literal prefilter): both must equal presidio's.
ASCII_FRAGMENTS = FRAGMENTS.filter(str.isascii)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(ASCII_FRAGMENTS, RANDOM_RUNS, st.text(alphabet=string.printable, max_size=8)),
                max_size=25).map("".join))
def test_equals_presidio_path_when_text_is_arbitrary_ascii(text):
    assert SCANNER.scan(text) == SCANNER.scan_reference(text)


def real_shaped_texts() -> list[str]:
    """Every string of records shaped like real ones: the bench's support chats (each with a pasted
    credential) and the eval set's records of all four formats (secrets, PII, near-misses, code)."""
    from faker import Faker

    from benchmarks.eval.generate_eval_set import FORMAT_SHARES, build_record
    from benchmarks.eval.people import People
    from benchmarks.eval.record_text import iter_strings
    from benchmarks.eval.secret_snippets import SecretDeck
    from benchmarks.make_chat_data import conversation

    rng, faker, deck = random.Random(5), Faker("en_US"), SecretDeck(5)
    faker.seed_instance(5)
    records = [conversation(rng, faker, deck, density=1.0) for _ in range(120)]
    people = People(5)
    records += [build_record(fmt, rng, people, deck, benign_only=i % 3 == 0)[0]
                for i in range(60) for fmt in FORMAT_SHARES]
    return [text for record in records for text in iter_strings(record)]


def test_equals_presidio_path_when_texts_are_real_shaped():
    texts = real_shaped_texts()
    assert sum(text.isascii() for text in texts) > 500  # the Hyperscan path is what is tested here
    assert sum(bool(SCANNER.scan(text)) for text in texts) > 150  # and it finds secrets
    mismatched = [i for i, text in enumerate(texts) if SCANNER.scan(text) != SCANNER.scan_reference(text)]
    assert mismatched == []


def _found_in_none(texts: list[str]) -> bool:
    return not any(SCANNER.scan(text) for text in texts)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.one_of(ASCII_FRAGMENTS, RANDOM_RUNS, st.text(alphabet=string.printable, max_size=8)),
                         max_size=8).map("".join), min_size=1, max_size=6))
def test_finds_nothing_per_text_when_joined_texts_cannot_match(texts):
    if SCANNER.none_can_match(texts):
        assert _found_in_none(texts)


def test_finds_nothing_per_text_when_real_shaped_records_cannot_match():
    texts = real_shaped_texts()
    records = [texts[i : i + 5] for i in range(0, len(texts), 5)]
    clean = [record for record in records if SCANNER.none_can_match(record)]
    assert len(clean) > 20  # records with no credential are common: the one-pass answer is used
    assert all(_found_in_none(record) for record in clean)
    # Every test row that holds a secret makes its record (with a clean text before and after) a candidate.
    for row in ROWS:
        if SCANNER.scan(row):
            assert not SCANNER.none_can_match(["Hello there.", row, "Thanks!"])


def test_reads_texts_one_by_one_when_one_is_not_ascii():
    assert not SCANNER.none_can_match(["plain words", "café"])


def test_reads_texts_one_by_one_when_a_pattern_anchors_to_the_buffer():
    custom = SecretRecognizer(patterns=[Pattern("whole text", r"\Atgp_[A-Za-z0-9]{20}\Z", 0.9)],
                              supported_entity="API_KEY", prefilter=("tgp_",))
    scanner = SecretScanner([custom])
    assert scanner.scan("tgp_" + fake(20, ALNUM, seed=8)) != []
    assert not scanner.none_can_match(["nothing", "here"])  # \A and \Z see the buffer: never joined


# The brief's near-misses, all in one place, through the whole scanner.
NEAR_MISSES = [
    "sk-xxxx",  # placeholder
    "sk-...",  # elided
    "OPENAI_API_KEY=YOUR_API_KEY",  # template
    "api_key: <token>",  # template
    "export TOKEN=${TOKEN}",  # shell variable
    'api_key = "{{api_key}}"',  # template
    "password: ********",  # masked
    "password: changeme",  # placeholder word
    "password=${PASSWORD}",  # template
    "aws_access_key_id = " + "AKIA" + "IOSFODNN7" + "EXAMPLE",  # AWS documentation key
    "aws_secret_access_key = " + "wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCY" + "EXAMPLEKEY",  # AWS docs secret
    "commit " + fake(40, HEX, seed=1),  # git SHA
    "request_id=" + "-".join(fake(n, HEX, seed=n) for n in (8, 4, 4, 4, 12)),  # UUID
    "image sha256:" + fake(64, HEX, seed=2),  # digest in a hash context
    "checksum " + fake(64, HEX, seed=3),  # same
    "token: " + "a" * 32,  # low entropy
    "a skeleton crew; pip install sk-learn; task-" + fake(40, ALNUM, seed=4),  # sk inside words
    "tgp_v1_" + fake(42, URLSAFE, seed=5),  # wrong prefix length
    "Tokens are the unit of text a model reads; max_tokens=512 caps the reply.",  # ML prose
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_reports_nothing_when_near_miss(text):
    assert SCANNER.scan(text) == []


def test_keeps_vendor_type_when_assignment_and_vendor_rule_cover_same_value():
    key = "sk-proj-" + fake(60, URLSAFE, seed=6) + MARKER + fake(60, URLSAFE, seed=7)
    text = f'api_key = "{key}"'
    [finding] = SCANNER.scan(text)
    assert (finding.entity_type, text[finding.start : finding.end], finding.score) == (
        "OPENAI_API_KEY",
        key,
        1.0,
    )


def test_types_whole_string_when_connection_string_contains_storage_key():
    key = fake(86, ALNUM + "+/", seed=8) + "=="
    conn = f"DefaultEndpointsProtocol=https;AccountName=acme;AccountKey={key};EndpointSuffix=core.windows.net"
    [finding] = SCANNER.scan(f'"{conn}"')
    assert finding.entity_type == "AZURE_CONNECTION_STRING"
    assert (finding.start, finding.end) == (1, 1 + len(conn))


def test_finds_each_secret_when_text_mixes_vendors():
    together = "tgp_v1_" + fake(43, URLSAFE, seed=9)
    aws = "AKIA" + fake(16, BASE32, seed=10)
    text = f"TOGETHER_API_KEY={together}\naws_access_key_id={aws}\nplain words"
    found = [(f.entity_type, text[f.start : f.end]) for f in SCANNER.scan(text)]
    assert found == [("TOGETHER_API_KEY", together), ("AWS_ACCESS_KEY_ID", aws)]


@pytest.mark.parametrize(
    ("findings", "expected"),
    [
        # disjoint: unchanged, sorted by start
        (
            [Finding("JWT", 10, 20, 1.0, "J"), Finding("JWT", 0, 5, 1.0, "J")],
            [Finding("JWT", 0, 5, 1.0, "J"), Finding("JWT", 10, 20, 1.0, "J")],
        ),
        # contained: the longer one wins, the group keeps the best score
        (
            [Finding("PASSWORD_ASSIGNMENT", 0, 50, 0.7, "P"), Finding("JWT", 5, 20, 1.0, "J")],
            [Finding("PASSWORD_ASSIGNMENT", 0, 50, 1.0, "P")],
        ),
        # partial overlap: the union, so neither span survives in part
        (
            [Finding("A_KEY", 0, 30, 0.9, "A"), Finding("B_KEY", 20, 60, 0.8, "B")],
            [Finding("B_KEY", 0, 60, 0.9, "B")],
        ),
        # chain of overlaps: one group
        (
            [Finding("A", 0, 10, 0.6, "a"), Finding("B", 8, 20, 0.6, "b"), Finding("C", 18, 25, 0.6, "c")],
            [Finding("B", 0, 25, 0.6, "b")],
        ),
        # touching spans do not overlap
        (
            [Finding("A", 0, 10, 0.6, "a"), Finding("B", 10, 20, 0.6, "b")],
            [Finding("A", 0, 10, 0.6, "a"), Finding("B", 10, 20, 0.6, "b")],
        ),
        # same span: the higher score names it
        (
            [Finding("PASSWORD_ASSIGNMENT", 5, 25, 0.7, "P"), Finding("TOGETHER_API_KEY", 5, 25, 0.8, "T")],
            [Finding("TOGETHER_API_KEY", 5, 25, 0.8, "T")],
        ),
    ],
)
def test_merges_into_disjoint_spans_when_findings_overlap(findings, expected):
    assert merge_overlaps(findings, by_length) == expected


def test_skips_recognizers_when_their_literals_are_absent():
    text = "An ordinary sentence about deployment plans and weekly goals."
    assert SCANNER.candidate_indexes(text) == []
    assert SCANNER.scan(text) == []


def test_runs_recognizer_always_when_patterns_overridden_without_prefilter():
    custom = TogetherKeyRecognizer(patterns=TogetherKeyRecognizer.PATTERNS[:1])
    scanner = SecretScanner([custom])
    assert scanner.candidate_indexes("nothing here") == [0]


def test_uses_only_given_recognizers_when_built_with_a_subset():
    scanner = SecretScanner([JwtRecognizer()])
    assert scanner.scan("tgp_v1_" + fake(43, URLSAFE, seed=11)) == []


def test_rejects_plain_presidio_recognizer_when_building_scanner():
    from presidio_analyzer.predefined_recognizers import EmailRecognizer

    with pytest.raises(TypeError, match="EmailRecognizer is not a SecretRecognizer"):
        SecretScanner([EmailRecognizer()])


def test_rejects_pattern_literal_when_missing_from_prefilter():
    with pytest.raises(ValueError, match="PATTERN_LITERALS names literals missing"):
        SecretScanner([TogetherKeyRecognizer(pattern_literals={"together key (tgp_v1)": ("tgp_v9_",)})])


def test_compiles_every_registered_pattern_when_asked():
    scanner = SecretScanner()
    scanner.compile_all()
    assert None not in scanner._compiled


def test_names_pattern_not_source_when_regex_is_invalid():
    broken = TogetherKeyRecognizer(patterns=[Pattern("broken", r"(unclosed", 0.5)])
    scanner = SecretScanner([broken])  # compiled when first needed: this recognizer always runs
    with pytest.raises(ValueError, match="'broken'") as err:
        scanner.scan("any text")
    assert "(unclosed" not in str(err.value)
    with pytest.raises(ValueError, match="'broken'"):
        scanner.compile_all()


def test_skips_pattern_when_its_literal_is_absent():
    # Only "key" occurs: the password patterns cannot match, the api-key pattern does.
    value = fake(24, URLSAFE, seed=13)
    [finding] = SCANNER.scan(f"api_key={value}")
    assert finding.entity_type == "PASSWORD_ASSIGNMENT"


def test_logs_no_value_when_scanning(caplog):
    key = "tgp_v1_" + fake(43, URLSAFE, seed=12)
    with caplog.at_level(logging.DEBUG):
        findings = SCANNER.scan(f"key={key}")
    assert findings
    assert key not in caplog.text
    assert key not in repr(findings)


def test_returns_nothing_when_text_is_empty():
    assert SCANNER.scan("") == []


class _BranchResetRecognizer(SecretRecognizer):
    """A rule Hyperscan cannot compile (branch reset): the scanner must still run it, gated by its literal."""

    ENTITY = "VENDOR_API_KEY"
    PATTERNS: ClassVar[list[Pattern]] = [Pattern("branch reset token", r"(?|zq_|qz_)[A-Za-z0-9]{24}(?![A-Za-z0-9])", 0.9)]
    PREFILTER_EXACT = ("zq_", "qz_")


def test_runs_rule_hyperscan_cannot_compile_when_its_literal_occurs():
    scanner = SecretScanner([_BranchResetRecognizer(), TogetherKeyRecognizer()])
    assert scanner._pattern_set.uncompiled == (0,)
    token = "zq_" + fake(24, ALNUM, seed=14)
    text = f"deploy with {token} and tgp_v1_{fake(43, URLSAFE, seed=15)}"
    assert [f.entity_type for f in scanner.scan(text)] == ["VENDOR_API_KEY", "TOGETHER_API_KEY"]
    assert scanner.scan(text) == scanner.scan_reference(text)
    assert scanner.scan("nothing for either rule") == []


class _CountingRecognizer(SecretRecognizer):
    """A weaker rule for the tail of a Together key: counts its `invalidate_result` calls."""

    ENTITY = "GENERIC_SECRET"
    PATTERNS: ClassVar[list[Pattern]] = [Pattern("key tail", r"(?<=tgp_v1_)[A-Za-z0-9_-]{43}", 0.5)]
    PREFILTER_EXACT = ("tgp_v1_",)
    calls = 0

    def invalidate_result(self, pattern_text: str) -> bool:
        type(self).calls += 1
        return super().invalidate_result(pattern_text)


def test_skips_checks_of_match_inside_stronger_finding_when_it_cannot_change_the_merge():
    scanner = SecretScanner([TogetherKeyRecognizer(), _CountingRecognizer()])
    text = f"export TOGETHER_API_KEY=tgp_v1_{fake(43, URLSAFE, seed=21)} and tgp_v1_short"
    _CountingRecognizer.calls = 0
    found = scanner.scan(text)
    assert _CountingRecognizer.calls == 0  # inside the key, shorter and weaker: never judged
    assert [f.entity_type for f in found] == ["TOGETHER_API_KEY"]
    assert found == scanner.scan_reference(text)
    assert SecretScanner([_CountingRecognizer()]).scan(text) != [] and _CountingRecognizer.calls > 0  # alone, judged


def _outside(text: str, spans: list[tuple[int, int]]) -> bool:
    return any(not any(a <= f.start and f.end <= b for a, b in spans) for f in SCANNER.scan(text))


def _replaced(text: str) -> tuple[str, list[tuple[int, int]]]:
    """`text` with each finding replaced by a placeholder, and the placeholders' spans (as a re-scan sees)."""
    parts, spans, cursor, length = [], [], 0, 0
    for f in SCANNER.scan(text):
        parts.append(text[cursor : f.start])
        length += f.start - cursor
        placeholder = f"<{f.entity_type}_1>"
        parts.append(placeholder)
        spans.append((length, length + len(placeholder)))
        length += len(placeholder)
        cursor = f.end
    parts.append(text[cursor:])
    return "".join(parts), spans


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(ASCII_FRAGMENTS, RANDOM_RUNS, st.text(alphabet=string.printable, max_size=8)),
                max_size=25).map("".join), st.lists(st.integers(min_value=0, max_value=400), max_size=6))
def test_tells_finding_outside_spans_as_scan_does_when_text_is_arbitrary(text, cuts):
    found = [(f.start, f.end) for f in SCANNER.scan(text)]
    points = sorted(set(cuts))
    arbitrary = list(zip(points[::2], points[1::2]))
    cases = [(text, spans) for spans in (found, found[::2], arbitrary, [])] + [_replaced(text)]
    assert SCANNER.finds_outside(cases) == [_outside(*case) for case in cases]


def test_tells_finding_outside_spans_as_scan_does_when_texts_are_real_shaped():
    texts = real_shaped_texts() + ROWS
    rescans = [_replaced(text) for text in texts if SCANNER.scan(text)]
    assert len(rescans) > 150
    assert SCANNER.finds_outside(rescans) == [_outside(*r) for r in rescans]
    found = [(text, [(f.start, f.end) for f in SCANNER.scan(text)][1:]) for text in texts]
    assert SCANNER.finds_outside(found) == [_outside(*case) for case in found]


def test_finds_what_scan_finds_text_by_text_when_scanning_a_batch():
    texts = real_shaped_texts() + ROWS + ["", "café tgp_v1_" + fake(43, URLSAFE, seed=3)]
    assert SCANNER.scan_batch(texts) == [SCANNER.scan(text) for text in texts]
    assert sum(map(bool, SCANNER.scan_batch(texts))) > 150
