import pytest

from sanitizers.english_words import english_words
from sanitizers.subject_verbs import acts, is_verb_form

WORDS = english_words()


@pytest.mark.parametrize(
    ("text", "acting"),
    [
        ("Voss attacks the plan", True),  # a verb in its -s form
        ("Voss promised a refund", True),  # a verb in its -ed form
        ("Voss stopped by", True),  # a doubled consonant before -ed
        ("Voss saying it again", True),  # a headline's -ing form
        ("Voss will call back", True),  # a modal
        ("Voss said no", True),  # an irregular past
        ("Voss just needed time", True),  # one adverb between
        ("Voss to walk free after the trial", True),  # a headline's future: "to" and a verb
        ("the Voss cover is out", False),  # a noun after it: the span modifies it
        ("the Voss soundtrack", False),  # a noun that is no verb
        ("Voss to Brussels", False),  # "to" and a place
        ("Voss, thanks", False),  # no blank-joined word
        ("Voss", False),  # nothing after it
    ],
)
def test_acts_reads_a_finite_verb_after_the_span(text, acting):
    assert acts(text, text.index("Voss") + len("Voss"), WORDS) is acting


@pytest.mark.parametrize(
    ("word", "verb"),
    [("confirms", True), ("tries", True), ("carried", True), ("pulls", True), ("glass", False),
     ("cover", False), ("ran", False), ("is", False)],
)
def test_is_verb_form_needs_an_inflection_of_a_listed_verb(word, verb):
    assert is_verb_form(word, WORDS) is verb
