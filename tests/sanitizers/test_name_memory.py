"""The chunk's name memory: a name found in some mentions is found in the others, on evidence only."""

import pytest

from sanitizers.findings import Finding
from sanitizers.name_memory import RECOGNIZER, NameMemory, NameWords


@pytest.fixture(scope="module")
def words():
    return NameWords.default()


def person(text, value):
    start = text.index(value)
    return Finding("PERSON", start, start + len(value), 0.85, "SpacyRecognizer")


def learn(words, *pairs):
    """pairs: (text, [person values found in it])"""
    texts = [t for t, _ in pairs]
    findings = [[person(t, v) for v in values] for t, values in pairs]
    return NameMemory.learn(texts, findings, words)


def found(memory, text):
    return [text[f.start : f.end] for f in memory.findings(text, [])]


def test_finds_lone_surname_when_chunk_found_the_full_name(words):
    memory = learn(words, ("Frederick Winterbourne arrived at noon.", ["Frederick Winterbourne"]),
                   ("Winterbourne laughed.", []))
    assert found(memory, "Winterbourne laughed.") == ["Winterbourne"]
    assert found(memory, "Later Frederick Winterbourne left.") == ["Frederick Winterbourne"]
    [f] = memory.findings("Winterbourne laughed.", [])
    assert (f.entity_type, f.recognizer) == ("PERSON", RECOGNIZER)


def test_finds_possessive_and_titled_mentions_when_name_is_remembered(words):
    memory = learn(words, ("Ottoline Brackenbury smiled.", ["Ottoline Brackenbury"]))
    assert found(memory, "It was Brackenbury's idea.") == ["Brackenbury"]
    assert found(memory, "Then Mrs Brackenbury sat down.") == ["Brackenbury"]


def test_leaves_word_when_detector_found_it_as_person_in_few_of_its_mentions(words):
    texts = ["Quorvane launched in May.", "Quorvane was late.", "The Quorvane team met.", "Ask Quorvane."]
    memory = learn(words, (texts[0], ["Quorvane"]), *((t, []) for t in texts[1:]))
    assert len(memory) == 0
    assert found(memory, "Quorvane again.") == []


def test_remembers_word_when_found_in_three_of_ten_mentions(words):
    texts = [f"Quorvane came on day {i}." for i in range(10)]
    memory = learn(words, *((t, ["Quorvane"] if i < 3 else []) for i, t in enumerate(texts)))
    assert found(memory, "Then Quorvane left.") == ["Quorvane"]
    fewer = learn(words, *((t, ["Quorvane"] if i < 2 else []) for i, t in enumerate(texts)))
    assert len(fewer) == 0


def test_remembers_word_when_found_in_one_of_three_mentions(words):
    texts = ["Quorvane smiled.", "Quorvane was late.", "Then Quorvane left."]
    memory = learn(words, (texts[0], ["Quorvane"]), *((t, []) for t in texts[1:]))
    assert found(memory, "Then Quorvane left.") == ["Quorvane"]


@pytest.mark.parametrize("value", ["Window", "Chicago"])
def test_leaves_ordinary_word_or_place_when_model_took_it_for_a_person(words, value):
    memory = learn(words, (f"{value} said no.", [value]))
    assert len(memory) == 0


@pytest.mark.parametrize("name", ["Charlotte", "Holt"])  # a given name, a family name
def test_keeps_name_when_it_is_also_a_place(words, name):
    memory = learn(words, (f"{name} Vexley wrote back.", [f"{name} Vexley"]), (f"Ann {name} came.", [f"Ann {name}"]))
    assert found(memory, f"{name} nodded.") == [name]


@pytest.mark.parametrize("text", [
    "We walked in Winterbourne Park.",        # a word after it that is no remembered name
    "He studied at Winterbourne's College.",  # a possessive phrase
    "The Museum of Winterbourne opened.",     # a link word before it
    "They lived in Winterbourne for years.",  # a preposition of place
    "On the banks of the Winterbourne, we rested.",  # an article and no noun after the word
])
def test_leaves_mention_when_evidence_says_place_or_organisation(words, text):
    memory = learn(words, ("Frederick Winterbourne arrived.", ["Frederick Winterbourne"]))
    assert found(memory, text) == []


def test_finds_mention_when_sentence_starts_with_ordinary_word(words):
    memory = learn(words, ("Frederick Winterbourne arrived.", ["Frederick Winterbourne"]))
    assert found(memory, "Yesterday Winterbourne called.") == ["Winterbourne"]


def test_adds_nothing_where_a_finding_already_covers_the_mention(words):
    memory = learn(words, ("Frederick Winterbourne arrived.", ["Frederick Winterbourne"]))
    text = "Winterbourne laughed."
    assert memory.findings(text, [person(text, "Winterbourne")]) == []


def test_matches_whole_words_with_their_case_only(words):
    memory = learn(words, ("Frederick Winterbourne arrived.", ["Frederick Winterbourne"]))
    assert found(memory, "winterbourne and Winterbournes and XWinterbourne") == []


def test_finds_mention_when_article_comes_before_a_modified_noun(words):
    memory = learn(words, ("Frederick Winterbourne arrived.", ["Frederick Winterbourne"]))
    assert found(memory, "It ended the Winterbourne administration.") == ["Winterbourne"]


def test_finds_name_in_capitals_when_remembered_as_written(words):
    memory = learn(words, ("Tom Verloc ran.", ["Tom Verloc"]))
    assert found(memory, "“TOM!” she called to TOM VERLOC.") == ["TOM", "TOM VERLOC"]


def test_finds_family_plural_only_after_the(words):
    memory = learn(words, ("Adolf Verloc kept a shop.", ["Adolf Verloc"]))
    assert found(memory, "The Verlocs had no children, and the Verlocs' shop was small.") == ["Verlocs", "Verlocs"]
    assert found(memory, "Verlocs everywhere.") == []


def test_counts_only_written_form_in_the_vote(words):
    texts = ["Quorvane smiled.", "QUORVANE was late.", "The Quorvanes left."]
    memory = learn(words, (texts[0], ["Quorvane"]), *((t, []) for t in texts[1:]))
    assert len(memory) == 1


def test_leaves_mention_when_word_before_it_makes_a_known_place(words):
    memory = learn(words, ("Robert E. Lee surrendered.", ["Robert E. Lee"]))
    assert found(memory, "Fort Lee is across the river.") == []
    assert found(memory, "Then Lee rode home.") == ["Lee"]


def test_remembers_surname_of_a_full_name_on_fewer_votes(words):
    texts = ["Delwyn Quorvane builds guitars."] + [f"Quorvane made guitar {i}." for i in range(9)]
    memory = learn(words, (texts[0], ["Delwyn Quorvane"]), *((t, []) for t in texts[1:]))
    assert found(memory, "Quorvane retired.") == ["Quorvane"]  # one in ten: the full name introduced him


def test_leaves_lone_word_found_in_one_of_ten_mentions(words):
    texts = [f"Quorvane made guitar {i}." for i in range(10)]
    memory = learn(words, *((t, ["Quorvane"] if i == 0 else []) for i, t in enumerate(texts)))
    assert len(memory) == 0


def test_remembers_full_name_with_initials_and_its_family_name_that_is_a_town(words):
    memory = learn(words, ("Charles J. Fillmore (1929-2014) was a linguist.", ["Charles J. Fillmore"]),
                   *((f"Fillmore wrote paper {i}.", []) for i in range(5)))
    assert found(memory, "Later Charles J. Fillmore taught.") == ["Charles J. Fillmore"]
    assert found(memory, "Fillmore retired in 1994.") == ["Fillmore"]


@pytest.mark.parametrize(("text", "expected"), [
    ("He sat down on Winterbourne's bench and into Winterbourne's coat.", ["Winterbourne", "Winterbourne"]),
    ("After that Winterbourne and I met again.", ["Winterbourne"]),  # "I" is no word of a phrase
    ("Then Winterbourne and Mrs Tull left.", ["Winterbourne"]),  # nor is a title
    ("According to Winterbourne the Council agreed.", ["Winterbourne"]),
])
def test_finds_mention_when_words_around_it_are_a_person_s(words, text, expected):
    memory = learn(words, ("Frederick Winterbourne arrived.", ["Frederick Winterbourne"]))
    assert found(memory, text) == expected


def test_remembers_ordinary_word_only_when_found_in_most_of_its_mentions(words):
    # A nickname ("Tumble") names someone throughout a story; a word the detector took once for a person does not.
    texts = [f"Tumble came on day {i}." for i in range(5)]
    memory = learn(words, *((t, ["Tumble"] if i < 3 else []) for i, t in enumerate(texts)))
    assert found(memory, "Then Tumble left.") == ["Tumble"]
    assert len(learn(words, *((t, ["Tumble"] if i < 2 else []) for i, t in enumerate(texts)))) == 0  # two found
    more = [f"Tumble came on day {i}." for i in range(10)]
    assert len(learn(words, *((t, ["Tumble"] if i < 4 else []) for i, t in enumerate(more)))) == 0  # under half


def test_leaves_mention_after_a_verb_of_going_unless_it_is_a_known_name(words):
    memory = learn(words, *((f"Quorvane spoke on day {i}.", ["Quorvane"]) for i in range(3)),
                   *((f"Harvey spoke on day {i}.", ["Harvey"]) for i in range(3)))
    assert found(memory, "They drove back to Quorvane.") == []
    assert found(memory, "The estate goes to Harvey.") == ["Harvey"]
