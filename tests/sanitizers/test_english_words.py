import pytest

from sanitizers.english_words import english_words


@pytest.mark.parametrize(
    ("word", "inflected"),
    [
        ("miles", True),  # "mile"
        ("hunting", True),  # "hunt"
        ("stopped", True),  # "stop", the doubled consonant dropped
        ("sarah", False),  # no other word inside it
        ("james", False),  # "jam" + "es" is no rule of ours
        ("mile", False),  # the lemma itself
    ],
)
def test_is_inflection_tells_inflected_forms_of_other_words(word, inflected):
    assert english_words().is_inflection(word) is inflected


def test_is_common_weighs_frequency_and_is_stop_knows_chat_words():
    words = english_words()
    assert words.is_common("stone") and not words.is_common("galois")
    assert words.is_stop("the") and words.is_stop("team") and not words.is_stop("maria")
