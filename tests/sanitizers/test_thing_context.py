import pytest

from sanitizers.name_lists import name_lists
from sanitizers.place_names import place_names
from sanitizers.thing_context import is_place_mate, is_quoted_title, names_thing


def _names_thing(text, span):
    start = text.index(span)
    return names_thing(text, start, start + len(span), place_names(), name_lists().is_given)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("a song by the post-punk band Velmora Drift.", "Velmora Drift"),  # a kind of thing before it
        ("The first part is called Andantino.", "Andantino"),  # "is called" after a kind of thing
        ("a small village called Tarloch on the coast", "Tarloch"),  # "called" after a kind of thing
        ("She studied at the University of Kestrel.", "Kestrel"),  # an institution's head before "of"
        ("the dry plains of Ostravel stretched west", "Ostravel"),  # a place's head before "of"
        ("He ran for Governor of Vermont, and lost.", "Vermont"),  # a realm's head before "of"
        ("They marched to Greyhook, Maryland, by dawn.", "Greyhook"),  # a known region closes it
    ],
)
def test_names_a_thing_when_the_words_around_say_so(text, span):
    assert _names_thing(text, span)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("my friend Marta Ostrowska called", "Marta Ostrowska"),  # a person's noun before it
        ("a man called Ove lived there", "Ove"),  # "called" after a person's noun
        ("the poet Byron wrote it", "Byron"),  # a person's noun
        ("In the novel, Talbot decides to leave.", "Talbot"),  # a comma ends the kind noun's reach
        ("the son of Eadric came home", "Eadric"),  # family, not a realm
        ("Hernan Oyarzo, Panama coach, said no.", "Hernan Oyarzo"),  # a region with a role after it
        ("Greetings to Tom, Georgia and Sam!", "Tom"),  # a region that is also a given name: a list
    ],
)
def test_names_no_thing_next_to_people_words(text, span):
    assert not _names_thing(text, span)


def test_a_capitalised_head_right_before_names_a_thing():
    assert _names_thing("as Hurricane Nadia neared", "Nadia")
    assert _names_thing("skating on Lake Brennor", "Brennor")
    assert not _names_thing("at State University Simon spoke", "Simon")


@pytest.mark.parametrize(
    ("text", "thing"),
    [
        ("Tarloch is a village in the north.", True),  # a kind of thing after a copula
        ("Brellka is a Danish chain of shops.", True),  # adjectives between
        ("Marta is a village doctor.", False),  # the kind noun is followed by another noun
        ("Marta was a ship's cook.", False),  # a possessive goes on
    ],
)
def test_a_kind_of_thing_said_of_it_by_a_copula(text, thing):
    assert _names_thing(text, text.split()[0]) is thing


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ('her later story "Tarnoki" was praised', True),  # one word alone in quotes
        ('Robert "Bob" Okafor called', False),  # a nickname between names
        ('"Edith!" she cried', False),  # a word spoken with its own punctuation
    ],
)
def test_a_word_alone_in_double_quotes_is_a_title(text, title):
    word = text.split('"')[1].rstrip("!")
    start = text.index(word)
    assert is_quoted_title(text, start, start + len(word)) is title


@pytest.mark.parametrize(
    ("text", "word", "mate"),
    [
        ("the line leads to Heydour and Fareham", "Heydour", True),  # joined to a known place
        ("Fareham, Heydour and the coast", "Heydour", True),  # a known place before it
        ("Marta and Jackson went home", "Marta", False),  # a place that is also a name
        ("Marta and Tomasz went home", "Marta", False),  # no place at all
    ],
)
def test_a_word_joined_to_a_known_place_is_a_place(text, word, mate):
    start = text.index(word)
    assert is_place_mate(text, start, start + len(word), place_names(), name_lists().is_name) is mate


@pytest.mark.parametrize(
    ("text", "club"),
    [
        ("In 2014 he was signed by Velmora and stayed at the club for two seasons.", "Velmora"),
        ("He played three seasons for A.S. Ostravia before retiring.", "A.S. Ostravia"),
        ("The striker joined Kestrel Rovers on a free transfer.", "Kestrel Rovers"),
        ("After 40 appearances he was loaned out to Brannock in the second division.", "Brannock"),
        ("She made her debut for Ashport in the league opener.", "Ashport"),
    ],
)
def test_a_step_of_a_players_career_names_a_club(text, club):
    assert _names_thing(text, club)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("In 1940 he joined Ellington and toured the country.", "Ellington"),  # no word of sport near it
        ("The deed was signed by Ostrava before the notary.", "Ostrava"),  # a signatory
        ("He joined Maria at the club after the season.", "Maria"),  # a known given name: a person
        ("In the final he played against Novotny for two seasons' worth of points.", "Novotny"),  # an opponent
    ],
)
def test_no_career_step_or_no_sport_leaves_a_person(text, person):
    assert not _names_thing(text, person)
