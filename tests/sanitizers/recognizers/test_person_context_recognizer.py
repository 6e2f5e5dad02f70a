import pytest

from sanitizers.recognizers.person_context_recognizer import (
    _GATES,
    _LOWER_SPEECH,
    _RUN,
    _UPPER,
    PersonContextRecognizer,
)


@pytest.fixture(scope="module")
def recognizer():
    found = PersonContextRecognizer()
    found.load()
    return found


def _names(recognizer, text):
    return [text[r.start : r.end] for r in recognizer.analyze(text, ["PERSON"])]


FOUND = [
    ("Captain Eldridge and Lt. Gen. Jubal Early rode on.", ["Eldridge", "Jubal Early"]),  # titles
    ("“Yes,” said Bartleby, and Tuppence nodded.", ["Bartleby", "Tuppence"]),  # speech, gesture
    ("Durbeyfield's wife came in.", ["Durbeyfield"]),  # family word
    ("As Quilis (1993) and (Smith and Jones 2001) show", ["Quilis", "Smith", "Jones"]),  # citations
    ("as argued by Bavelier et al. in a review", ["Bavelier"]),
    ("memory (Thorell, Lindqvist, Bohlin, & Klingberg, 2009) and", ["Thorell", "Lindqvist", "Bohlin", "Klingberg"]),
    ("inspired by Carrano & Nida [7] but", ["Carrano", "Nida"]),  # an author list before a reference
    ("a feeling when Captain Lennox came", ["Lennox"]),  # a title before a word that is also a town
    ("at once (Boot, Kramer, & Gratton, 2008).", ["Boot", "Kramer", "Gratton"]),  # English words in an author list
    ("Austen, Jane. Pride and Prejudice", ["Austen", "Jane"]),  # a bibliography entry, family name first
    ("he said: “Siddy, I'll lick you for that.”", ["Siddy"]),  # a name opening quoted speech
    ("“Don't put your feet up there, Huckleberry;” and", ["Huckleberry"]),  # closing it
    ("as shown by Lee, Park and Cho (2011) in", ["Lee", "Park", "Cho"]),
    ("Emanuel Bunzel (born 1828) was a paleontologist.", ["Emanuel Bunzel"]),  # life dates
    ("By:/s/Charles E. Brinley ---- President", ["Charles E. Brinley"]),  # a signature
    ("“Yes, Curtis; you know it.” “Hullo, Wilson!” he said.", ["Curtis", "Wilson"]),  # vocatives
    ("it extends Quennell’s (2016) analysis", ["Quennell"]),  # a possessive before the year
    ("as reported (Stone & Varhaug, 2010; Tarrow, 2009)", ["Stone", "Varhaug", "Tarrow"]),  # an ampersand pair
    ("(Varhaug et al., 2017; Baker, 2017; Tarrow, 2009)", ["Varhaug", "Baker", "Tarrow"]),  # group items
    ("Tarrowby's illness kept him home; Quennell's memoirs say so.", ["Tarrowby", "Quennell"]),  # a life's words
    ("“Go on,” said Tumble gruffly. “Hullo, Sprocket!” “Not you,” Whistle murmured.", ["Tumble", "Sprocket", "Whistle"]),
    ("T. Ravenhill c Oduya b M. Quarshie 12", ["Ravenhill", "Quarshie"]),  # initials open a name (scorecards)
    ("Prepared by J. R. Oyelaran for the board.", ["Oyelaran"]),
    ("4. Urska Varnholt (Slovenia) 108 points", ["Urska Varnholt"]),  # a country in brackets after a competitor
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_finds_names_given_away_by_their_context(recognizer, text, expected):
    assert _names(recognizer, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "He said it works. The server said no.",  # pronouns, ordinary words
        "General Motors and Major League teams",  # titles before ordinary or company words
        "King Street is closed.",  # an ordinary word after a title
        "Thanks, Team!",  # an ordinary word spoken to
        "We visited Paris, London and Berlin, 2019 was fun.",  # a list and a year outside brackets
        "He said, “In Paris, we ate.”",  # a place opening quoted speech
        "“Yesterday, I went home,” he said.",  # an ordinary word opening it
        'the file "Config, Main" is',  # no speech: a capital after the comma
        "Paris, Texas. A film",  # a place where an entry has a given name
        "Note, please. Done",
        "Language: Its Nature, Development and Origin (1922) is",  # a title of ordinary words before a year
        "using a Park and Ride [1] costs",
        "the fair (London, 1851) and the sequel (March, 1852; Summer, 1853)",  # where and when, not who
        "“Yes, Sir,” said Mother.",  # forms of address
        "“Rubbish, rubbish!” ‘Listen, old fellow,’ he said.",  # a word said twice, a verb opening a quote
        "Shares of U.S. Bancorp rose; see Appendix B. Research costs and S. Main Street.",  # glued, ordinary, a place
        "Office: Haidian District, Beijing, P. R. China Attn: Legal Department",  # a place after initials
        "Juventus (Italy) 2 Ajax Amsterdam (Netherlands) 0, Quiet Harbour (Norway)",  # clubs, a place, English words
    ],
)
def test_leaves_titles_and_verbs_without_a_name(recognizer, text):
    assert _names(recognizer, text) == []


@pytest.mark.parametrize(
    "text",
    [text for text, _ in FOUND]
    + ["ok so maria said yes", "brandy is on it", "MR. JOHN SMITH called", "SEÑOR Álvarez waited",
       "Smith and Jones et al. 2001", "Galois died young", "Citrone was born", "Grant wasborn here"],
)
def test_a_pattern_that_matches_passes_its_gate(text):
    # The gates skip a pattern on texts it cannot match in; one that matches must never be skipped.
    runs = set(_RUN.findall(text))
    matched = [pattern for pattern in _GATES if pattern.search(text)]
    assert matched
    for pattern in matched:
        assert _GATES[pattern](text, runs)
        assert pattern is _LOWER_SPEECH or _UPPER.search(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The path sloped to a ridge called Tarrock Hill.", []),  # a determiner's noun; a place word closes it
        ("They built a project called Nimbus.", []),  # a kind of thing before "called"
        ("He ran for Governor of Vermont, said the paper.", []),  # a realm's head before "of"
        ("a man called Tarrock Hillard came", ["Tarrock Hillard"]),  # a person's noun before "called"
        ("ok so maria said yes", ["maria"]),  # a lower-case name, no determiner before it
    ],
)
def test_words_around_a_candidate_can_say_it_names_a_thing(recognizer, text, expected):
    assert _names(recognizer, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("film roles include A Lonely Brellow (2009) and more", []),  # a title opening with an article
        ("she starred in Elevator to the Brellows (1958)", []),  # an article right before the word
        ('"shells fell near the posts", said KRNA.', []),  # an acronym speaks for an agency
        ("Quilis (1993) showed it", ["Quilis"]),  # a citation
        ('"Not now," said JOHN.', ["JOHN"]),  # a known name in capitals
    ],
)
def test_works_and_agencies_are_no_names(recognizer, text, expected):
    assert _names(recognizer, text) == expected
