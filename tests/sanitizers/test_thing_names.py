import pytest

from sanitizers.english_words import english_words
from sanitizers.findings import Finding
from sanitizers.name_lists import name_lists
from sanitizers.person_judge import PersonJudge
from sanitizers.place_names import place_names
from sanitizers.thing_names import drop_thing_names


@pytest.fixture(scope="module")
def judge():
    return PersonJudge(english_words(), name_lists(), place_names())


def _person(text, word, recognizer="SpacyRecognizer", nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return Finding("PERSON", start, start + len(word), 0.85, recognizer)


def _kept(texts, findings, judge):
    return [[t[f.start : f.end] for f in found] for t, found in zip(texts, drop_thing_names(texts, findings, judge))]


def test_drops_a_lone_name_word_that_another_turn_calls_a_product(judge):
    texts = ["Quick one about Rendle: is the mirror down?", "The Rendle job failed on a cache miss."]
    findings = [[_person(texts[0], "Rendle")], []]
    assert _kept(texts, findings, judge) == [[], []]


@pytest.mark.parametrize(
    ("evidence", "why"),
    [
        ("We upgraded Rendle to 4.12 last night.", "a version after it"),
        ("You are the support assistant for Rendle.", "a role before it"),
        ("Rendle Analytics is down again.", "a company word after it"),
        ("the software Rendle crashed", "a kind of thing before it"),
    ],
)
def test_drops_a_lone_name_word_with_thing_evidence_anywhere_in_the_record(judge, evidence, why):
    texts = ["it's about Rendle", evidence]
    assert _kept(texts, [[_person(texts[0], "Rendle")], []], judge) == [[], []], why


def test_keeps_a_name_the_words_around_call_a_person(judge):
    texts = ["Mr. Rendle called.", "The Rendle build failed."]
    findings = [[_person(texts[0], "Rendle", "PersonContextRecognizer")], []]
    assert _kept(texts, findings, judge) == [["Rendle"], []]


def test_keeps_a_word_of_a_full_name_found_in_the_record(judge):
    text = "Henry Rendle founded Rendle Motors. Rendle said it would grow."
    findings = [[_person(text, "Henry Rendle"), _person(text, "Rendle", "ValueRepeat", nth=2)]]
    assert _kept([text], findings, judge) == [["Henry Rendle", "Rendle"]]


def test_keeps_names_without_thing_evidence(judge):
    texts = ["Quick one about Rendle: is she in?", "Rendle plus Nicholas are off to Lyon."]
    findings = [[_person(texts[0], "Rendle")], [_person(texts[1], "Rendle", "GivenNameRecognizer")]]
    assert _kept(texts, findings, judge) == [["Rendle"], ["Rendle"]]


def test_full_detection_keeps_a_product_named_like_a_person(full_detector):
    text = "Our team moved to Cassandra last week. The Cassandra cluster is healthy now."
    found = full_detector.detect_batch([text])[0]
    assert not [f for f in found if f.entity_type == "PERSON"]


@pytest.mark.parametrize(
    ("code", "person"),
    [
        ("class Rendle(BaseSettings):", False),  # a class name
        ("cfg = Rendle.load()", False),  # an attribute access
        ("mail Rendle.Okafor@example.test today", True),  # an e-mail address is no identifier
    ],
)
def test_a_word_used_as_an_identifier_in_the_record_is_no_person(judge, code, person):
    texts = ["Staging fails. Rendle:", code]
    kept = _kept(texts, [[_person(texts[0], "Rendle")], []], judge)
    assert (kept == [["Rendle"], []]) is person


@pytest.mark.parametrize(
    ("other_turn", "person"),
    [
        ("Wishing you a wonderful start in Jackson.", False),  # a big place after "in"
        ("It was all in Jackson's words.", True),  # a possessive after it: his
    ],
)
def test_a_big_place_after_a_preposition_of_place_is_a_place_record_wide(judge, other_turn, person):
    texts = ["Hedda and Paul are leaving Jackson after ten years.", other_turn]
    kept = _kept(texts, [[_person(texts[0], "Jackson")], []], judge)
    assert (kept == [["Jackson"], []]) is person


def test_a_word_that_opens_a_company_name_is_the_company(judge):
    text = "signed by Brellox Creative Software Ltd. (\"Brellox\") and Brellox is registered"
    findings = [[_person(text, "Brellox", "SpacyRecognizer", nth=2)]]
    assert _kept([text], findings, judge) == [[]]


def test_drops_a_name_holding_the_domain_of_a_web_address_in_the_record(judge):
    texts = ["# Valid Cloudflare URL (not a token)", "https://api.cloudflare.com/client/v4/zones"]
    findings = [[_person(texts[0], "Valid Cloudflare")], []]
    assert _kept(texts, findings, judge) == [[], []]


def test_keeps_a_name_that_is_only_a_subdomain_or_an_e_mail_domain(judge):
    texts = ["See https://jane.github.io by Jane Doe, or write to doe@doe.dev. Doe replies fast."]
    findings = [[_person(texts[0], "Jane Doe"), _person(texts[0], "Doe", "GivenNameRecognizer", nth=1)]]
    assert _kept(texts, findings, judge) == [["Jane Doe", "Doe"]]
