from sanitizers.findings import Finding
from sanitizers.value_repeats import add_repeats


def spans(texts, findings):
    return [[(f.entity_type, t[f.start : f.end]) for f in fs] for t, fs in zip(texts, findings)]


def test_finds_value_in_other_slots_when_found_once_in_record():
    texts = ["hi this is Maria Gonzalez", '{"holder": "maria gonzalez"}', "Thanks Maria!"]
    findings = [[Finding("PERSON", 11, 25, 0.85, "cue")], [], []]
    out = spans(texts, add_repeats(texts, findings))
    assert out[1] == [("PERSON", "maria gonzalez")]
    assert out[2] == [("PERSON", "Maria")]


def test_repeats_emails_and_numbers_when_found_once():
    texts = ["mail ana@example.org", "ANA@EXAMPLE.ORG again", "card 4111 1111 1111 1111", "4111 1111 1111 1111"]
    findings = [[Finding("EMAIL_ADDRESS", 5, 20, 0.9, "e")], [], [Finding("CREDIT_CARD", 5, 24, 1.0, "c")], []]
    out = spans(texts, add_repeats(texts, findings))
    assert out[1] == [("EMAIL_ADDRESS", "ANA@EXAMPLE.ORG")]
    assert out[3] == [("CREDIT_CARD", "4111 1111 1111 1111")]


def test_skips_dictionary_words_and_word_parts_when_repeating_names():
    texts = ["this is Mark Twain", "please mark it done; Twainsville is far", "Mark agreed"]
    findings = [[Finding("PERSON", 8, 18, 0.85, "cue")], [], []]
    out = spans(texts, add_repeats(texts, findings))
    assert out[1] == []  # "mark" the verb in lower case; "Twain" inside another word
    assert out[2] == [("PERSON", "Mark")]


def test_skips_ordinary_word_of_a_name_when_it_is_no_known_name():
    texts = ["the Space Shuttle Columbia flew", "Kennedy Space Center and Columbia"]
    findings = [[Finding("PERSON", 4, 29, 0.85, "spacy")], []]
    out = spans(texts, add_repeats(texts, findings))
    assert out[1] == [("PERSON", "Columbia")]  # "Space" is a word; "Columbia" is no English word


def test_leaves_secrets_alone_when_repeating():
    texts = ["key ghp_" + "a" * 36, "ghp_" + "a" * 36]
    findings = [[Finding("GITHUB_TOKEN", 4, 44, 1.0, "gh")], []]
    assert spans(texts, add_repeats(texts, findings))[1] == []


def test_repeats_address_parts_when_tool_call_splits_address():
    texts = ["new address: 12 Kowalska Street, 00-950 Warsaw", '{"street": "12 Kowalska Street", "city": "Warsaw"}']
    findings = [[Finding("STREET_ADDRESS", 13, 47, 0.75, "addr")], []]
    assert spans(texts, add_repeats(texts, findings))[1] == [("STREET_ADDRESS", "12 Kowalska Street")]


def test_repeats_comma_runs_of_address_when_street_field_has_a_comma():
    texts = ["new address Rua Xavier, 12, 20040-002 Rio de Janeiro.", '{"street": "Rua Xavier, 12"}']
    findings = [[Finding("STREET_ADDRESS", 12, 53, 0.75, "addr")], []]
    assert spans(texts, add_repeats(texts, findings))[1] == [("STREET_ADDRESS", "Rua Xavier, 12")]
