import pytest

from sanitizers.pii_analyzer import PiiAnalyzer, _sentences
from schemas.run_config import DetectionOptions


@pytest.fixture(scope="session")
def analyzer() -> PiiAnalyzer:
    """The real spaCy-backed analyzer with the default entity list, built once."""
    return PiiAnalyzer(DetectionOptions())


def found(analyzer: PiiAnalyzer, text: str) -> list[tuple[str, str]]:
    return sorted((f.entity_type, text[f.start : f.end]) for f in analyzer.analyze(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # lower-case name after an introduction cue
        ("hi this is maria gonzalez, my order never arrived", ("PERSON", "maria gonzalez")),
        # a name of non-English origin after "my name is"
        ("Hello, my name is Oluwaseun Adeyemi", ("PERSON", "Oluwaseun Adeyemi")),
        # spaCy NER on a Title-case full name without a cue
        ("Yesterday Kenji Tanaka said the refund was sent.", ("PERSON", "Kenji Tanaka")),
        # e-mail inside a code block is still personal data
        ("```python\nsend(to='ana.lima@example.org')\n```", ("EMAIL_ADDRESS", "ana.lima@example.org")),
        # phone in international form
        ("call me on +44 20 7946 0958", ("PHONE_NUMBER", "+44 20 7946 0958")),
        # date of birth after its cue
        ("DOB: 1988-03-04", ("DATE_OF_BIRTH", "1988-03-04")),
        # street address with postcode
        ("ship to 221B Baker Street, London NW1 6XE", ("STREET_ADDRESS", "221B Baker Street, London NW1 6XE")),
        # public IP address
        ("my ip is 81.2.69.160", ("IP_ADDRESS", "81.2.69.160")),
        # identifiers after their cue words, in texts with few digits (the prefilters let them through)
        ("his SSN is XXX-XX-12 on file", ("US_SSN", "XXX-XX-12")),
        ("passport number DE-PP-QWER12XYZ and", ("PASSPORT", "DE-PP-QWER12XYZ")),
        ("my employee ID is EMP-55", ("ID_NUMBER", "EMP-55")),
        ("ACC: QWERTY55", ("US_BANK_NUMBER", "QWERTY55")),
    ],
)
def test_finds_pii_when_present_in_chat_text(analyzer, text, expected):
    assert expected in found(analyzer, text)


@pytest.mark.parametrize(
    "text",
    [
        "```python\nclass KeyError(Exception):\n    Client = Session()\n```",  # code block
        "The error is in `parse_config` of src/utils/loader.py line 42",  # inline code, path
        "See https://docs.example.com/Maria/Settings/Guide for details",  # URL path words
        "Upgrade requests to 2.31.0 and pin numpy==1.26.4",  # versions
        "commit 3f2a9c1e fixed run 8c1d2e3f-1111-4a2b-9c3d-0123456789ab",  # SHA, UUID
        "Call HttpClient.send() then check response.status_code",  # identifiers
        "Our office in Berlin reopens on Monday, June 3rd.",  # city and date are kept by default
        "We moved billing to Northwind Analytics last quarter.",  # organisation
        "router at 192.168.1.1 and docs at 203.0.113.7",  # private and documentation IPs
        "I was sent order 4155550132 on 2024-01-15",  # order number and plain date
        "Order ID: A12345, ticket ID 55021, invoice no. INV-2024-0012",  # identifiers of things
        "[2023-06-30 17:02:09,114] [INFO] Customer: hello",  # a log line's time stamp
        "Sure! First reset the router, then wait 30 seconds.",  # plain prose
    ],
)
def test_finds_nothing_when_text_is_benign(analyzer, text):
    assert found(analyzer, text) == []


def test_finds_every_mention_when_name_repeats_in_text(analyzer):
    text = "hi this is maria gonzalez. Gonzalez is my family name, Maria my given name."
    names = [value for entity, value in found(analyzer, text) if entity == "PERSON"]
    assert sorted(names) == ["Gonzalez", "Maria", "maria gonzalez"]


def test_judges_names_one_by_one_when_ner_joins_them_with_a_word(analyzer):
    text = "Write two lines for a farewell card. Anthony plus Steven are off to Victoria."
    names = [value for entity, value in found(analyzer, text) if entity == "PERSON"]
    assert names == ["Anthony", "Steven"]


def test_judges_joined_names_one_by_one_when_ner_calls_them_a_group(analyzer):
    # spaCy labels "Audrey & Hazel" ORG: a given name joined to a person's name is one too, though "hazel" is a colour
    text = "Privileged today to be with Audrey & Hazel who worked at the depot"
    assert [value for entity, value in found(analyzer, text) if entity == "PERSON"] == ["Audrey", "Hazel"]
    company = "We bought it at Marks & Spencer yesterday"
    assert [value for entity, value in found(analyzer, company) if entity == "PERSON"] == []


def test_cuts_handles_and_urls_off_a_name_when_ner_glues_them_to_it(analyzer):
    text = "Tonight we play Charades with Halle Berry & @chriscolfer. Edited by Ruairi Quinn http://t.co/x1Yz"
    names = [value for entity, value in found(analyzer, text) if entity == "PERSON"]
    assert "Halle Berry" in names and "Ruairi Quinn" in names and "@chriscolfer" in names


def test_keeps_the_greeting_out_of_a_name_when_ner_takes_it_in(analyzer):
    text = "Congrats Ngozi Okafor on the promotion!"
    names = {value for entity, value in found(analyzer, text) if entity == "PERSON"}
    assert "Ngozi Okafor" in names and not any(name.startswith("Congrats") for name in names)


def test_finds_a_full_name_in_capitals_whatever_label_ner_gives_it(analyzer):
    text = "Yours as ever, and meaning to stay so, DELPHINE McHARGUE."
    assert ("PERSON", "DELPHINE McHARGUE") in found(analyzer, text)


def test_finds_a_full_name_that_ner_glues_to_a_place_in_one_span(analyzer):
    text = "Vrije Universiteit Amsterdam, the Netherlands Oswin Perrault oswin@example.org National Library"
    assert ("PERSON", "Oswin Perrault") in found(analyzer, text)


def test_an_ordinary_word_speaking_is_a_nickname_unless_ner_calls_it_a_company(analyzer):
    names = [value for entity, value in found(analyzer, "“Go on,” Tumble said, and rose.") if entity == "PERSON"]
    assert names == ["Tumble"]
    company = "“We are pleased with the results,” Target said in a statement on Monday."
    assert [value for entity, value in found(analyzer, company) if entity == "PERSON"] == []


def test_finds_values_after_bold_labels_when_a_form_sets_its_labels_in_bold(analyzer):
    text = "**Employee ID:** 0451773\n- **Last Name**: Okafor\n**Customer ID**: 77120394"
    assert {("ID_NUMBER", "0451773"), ("ID_NUMBER", "77120394"), ("PERSON", "Okafor")} <= set(found(analyzer, text))


def test_detects_only_configured_entities_when_list_narrowed():
    narrow = PiiAnalyzer(DetectionOptions(pii_entities=("EMAIL_ADDRESS",)))
    text = "hi this is maria gonzalez, mail ana.lima@example.org or call +44 20 7946 0958"
    assert narrow.nlp is None  # no NER entity asked for: spaCy is not even loaded
    assert [(f.entity_type, text[f.start : f.end]) for f in narrow.analyze(text)] == [
        ("EMAIL_ADDRESS", "ana.lima@example.org")
    ]


def test_drops_findings_below_threshold_when_threshold_raised():
    strict = PiiAnalyzer(DetectionOptions(pii_entities=("PERSON",), score_threshold=0.9))
    assert strict.analyze("i'm priya") == []  # a lower-case name after a weak cue scores 0.6


def test_returns_one_list_per_text_when_batch_given(analyzer):
    texts = ["no pii here", "mail ana.lima@example.org", "", "Thanks, Siobhan!"]
    results = analyzer.analyze_batch(texts)
    assert [len(r) for r in results] == [0, 1, 0, 1]


def test_reports_offsets_and_types_only_when_finding_printed(analyzer):
    text = "my name is Zephyrine Quillfeather"
    findings = analyzer.analyze(text)
    assert ("PERSON", "Zephyrine Quillfeather") in found(analyzer, text)
    assert all("Zephyrine" not in repr(f) and "Quillfeather" not in str(f) for f in findings)


def test_keeps_line_breaks_when_ner_span_runs_over_lines(analyzer):
    text = "Best regards,\nAmanda Hawkins\nUmbrella Logistics\nTel. 555"
    for f in analyzer.analyze(text):
        assert "\n" not in text[f.start : f.end]


def test_finds_configured_ner_types_when_asked_for():
    wide = PiiAnalyzer(DetectionOptions(pii_entities=("LOCATION", "DATE_TIME")))
    text = "we met in Lisbon last friday"
    assert {f.entity_type for f in wide.analyze(text)} >= {"LOCATION"}
    assert [f.entity_type for f in wide.analyze("see you next tuesday")] == ["DATE_TIME"]


def test_cuts_sentences_at_ends_and_line_breaks_but_not_after_titles():
    text = "Hi, this is Dr. Ann Lee. How are you?\n\nThanks, Ms. Jo Park!  A. B. Smith said: ok"
    assert [(offset, text[offset : offset + len(s)] == s) for offset, s in _sentences(text)] == [
        (0, True), (25, True), (39, True), (61, True)]
    assert [s for _, s in _sentences(text)] == [
        "Hi, this is Dr. Ann Lee.", "How are you?", "Thanks, Ms. Jo Park!", "A. B. Smith said: ok"]
    assert _sentences("  \n\n ") == []


def test_maps_ner_offsets_back_when_name_is_in_a_later_sentence(analyzer):
    text = "My deployment failed again.\nI asked about it yesterday. Yesterday Kenji Tanaka said the refund was sent."
    assert ("PERSON", "Kenji Tanaka") in found(analyzer, text)


def test_runs_each_distinct_sentence_through_ner_once_when_repeated(analyzer):
    sentence = "Yesterday Kenji Tanaka said the refund was sent."
    texts = [f"Ticket {n} update. {sentence}" for n in range(3)]
    before = len(analyzer._sentence_cache)
    results = analyzer.analyze_batch(texts)
    assert all(("PERSON", "Kenji Tanaka") in [(f.entity_type, t[f.start : f.end]) for f in r]
               for t, r in zip(texts, results))
    # "Ticket n update." holds no name-like capital: only the shared sentence went through NER.
    assert len(analyzer._sentence_cache) - before <= 1


def test_finds_names_when_a_batch_holds_more_sentences_than_the_cache(analyzer, monkeypatch):
    monkeypatch.setattr("sanitizers.pii_analyzer.SENTENCE_CACHE_MAX", 2)
    texts = [f"Order {n} shipped. Yesterday Kenji Tanaka said refund {n} was sent." for n in range(6)]
    for text, findings in zip(texts, analyzer.analyze_batch(texts)):
        assert any(f.entity_type == "PERSON" for f in findings), text
    assert len(analyzer._sentence_cache) <= len(texts) * 3


def test_skips_ner_on_a_sentence_opened_by_an_ordinary_word_but_not_by_a_name(analyzer):
    # "Success" and "Door" are common words and nobody's name: NER has nothing to find there. "Hunter" is
    # both a word and a name, "Oluwaseun" no English word: those sentences still go through NER.
    texts = ["Success came late for the old project.", "Door sensors report twice a day.",
             "Hunter fixed the invoice.", "Oluwaseun fixed the invoice."]
    before = set(analyzer._sentence_cache)
    results = analyzer.analyze_batch(texts)
    assert set(analyzer._sentence_cache) - before == set(texts[2:])
    assert ("PERSON", "Hunter") in [(f.entity_type, texts[2][f.start : f.end]) for f in results[2]]


def test_runs_ner_on_an_ordinary_opening_word_when_groups_or_places_are_wanted():
    wide = PiiAnalyzer(DetectionOptions(pii_entities=("PERSON", "ORGANIZATION")))
    wide.analyze("Success came late for the old project.")
    assert "Success came late for the old project." in wide._sentence_cache


def test_skips_ner_on_a_sentence_whose_capitals_the_cues_already_found(analyzer):
    text = "Hi, this is Jennifer Callahan."
    before = set(analyzer._sentence_cache)
    assert ("PERSON", "Jennifer Callahan") in found(analyzer, text)
    assert set(analyzer._sentence_cache) - before == set()


def test_runs_ner_when_a_capital_touches_what_a_cue_found(analyzer):
    # The cue stops before "May" (also a month and a verb); NER takes the whole name.
    text = "Hi, this is Brittany May. Thanks!"
    before = set(analyzer._sentence_cache)
    assert ("PERSON", "Brittany May") in found(analyzer, text)
    assert set(analyzer._sentence_cache) - before == {"Hi, this is Brittany May."}


def test_runs_ner_when_a_context_cue_found_only_an_ordinary_word(analyzer):
    # NER may show the speaker to be a company: the cue's word alone explains nothing.
    text = '"We are pleased," Target said.'
    before = set(analyzer._sentence_cache)
    analyzer.analyze(text)
    assert set(analyzer._sentence_cache) - before == {text}
