import pytest

from sanitizers.english_words import english_words
from sanitizers.name_lists import name_lists
from sanitizers.person_judge import PersonJudge
from sanitizers.place_names import place_names


@pytest.fixture(scope="module")
def judge():
    return PersonJudge(english_words(), name_lists(), place_names())


def _span(text, span):
    start = text.index(span)
    return text, start, start + len(span)


@pytest.mark.parametrize(
    ("text", "span", "kept"),
    [
        ("Kenji Tanaka called", "Kenji Tanaka", True),  # full name
        ("Maria said it shipped", "Maria", True),  # lone given name
        ("In 1801 it was published by Schlegel.", "Schlegel", True),  # lone surname nobody lists
        ("Galois was buried in a common grave.", "Galois", True),  # rare WordNet entry: a name
        ("We use Northwind Analytics now", "Northwind Analytics", False),  # company word in the span
        ("Acme Cloud Pro is down", "Acme Cloud", False),  # product word
        ("Sure, I can help.", "Sure", False),  # one ordinary English word
        ("They sailed up the Arno at dawn.", "Arno", False),  # an article before it: a thing or a place
        ("He moved to Exeter in May.", "Exeter", False),  # a known town that is no name
        ("He lived on Riverside Drive for years.", "Riverside Drive", False),  # place word closing it
        ("Broken Promises toured in 1985.", "Broken Promises", False),  # only ordinary English words
        ("x = 1\n# Prefix inside another word\n", "Prefix", False),  # a noun opening a code comment
        ("x = 1\n// Placeholder tokens below\n", "Placeholder", False),  # a noun opening a code comment
        ("x = 1\n# Maria wrote it\n", "Maria", True),  # a known name opening a comment
        ("the big Prefix sat down", "Prefix", True),  # a noun-name with no comment before it
    ],
)
def test_keeps_ner_person_unless_evidence_says_otherwise(judge, text, span, kept):
    assert judge.keeps_ner_person(*_span(text, span)) is kept


@pytest.mark.parametrize(
    ("text", "span", "label", "person"),
    [
        ("a photo of Paris Hilton today", "Paris Hilton", "ORG", True),  # given + family name as ORG
        ("a film by Nikita Hilton", "Nikita Hilton", "GPE", True),  # a place label needs a family name
        ("thought Alice to herself", "Alice", "ORG", True),  # a given name labelled ORG
        ("Hauser joined the board", "Hauser", "ORG", True),  # a family name that names no place
        ("shares of Microsoft fell", "Microsoft", "ORG", False),
        ("the Acme Labs team", "Acme Labs", "ORG", False),
        ("flights to Florence", "Florence", "GPE", False),  # a place label keeps a lone name a place
        ("the Nova Scotia coast", "Nova Scotia", "GPE", False),  # a known place
        ("dinner at Green Gables", "Green Gables", "FAC", False),
    ],
)
def test_relabels_spans_that_read_as_personal_names(judge, text, span, label, person):
    assert judge.relabels_as_person(*_span(text, span), label) is person


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Whenever James goes over, she will be hearing of us.", ["James"]),
        ("Will you check it? Mark it as done.", []),  # verbs first
        ("Grace is fine, thanks.", []),  # an English noun starting a sentence
        ("We flew to Paris with the Victoria crew.", []),  # a place; an article before a name
        ("JAMES SMITH LTD", []),  # capitals: a heading or a company
        ("DB_URL = 1\n# Makefile variable patterns\n", []),  # an unknown word opening a code comment
        ("x = 1\n# ask Zoltar about it\n", ["Zoltar"]),  # inside the comment it is read as a name
    ],
)
def test_finds_lone_given_names_with_no_other_reading(judge, text, names):
    assert [text[s:e] for s, e in judge.lone_given_names(text, [])] == names


def test_lone_given_names_leave_names_inside_other_entities(judge):
    text = "The Linguistic Society of America met James."
    taken = [(0, text.index(" met"))]
    assert [text[s:e] for s, e in judge.lone_given_names(text, taken)] == ["James"]


def test_list_mates_are_the_other_names_of_a_list_of_mostly_found_names(judge):
    text = "hosted by Sattler, Maumill, Mabury, Jones and Lee."
    people = [(text.index(n), text.index(n) + len(n)) for n in ("Sattler", "Maumill", "Jones")]
    assert [text[s:e] for s, e in judge.list_mates(text, people)] == ["Mabury", "Lee"]


def test_list_mates_leave_places_and_lists_with_one_found_name(judge):
    text = "Sattler, Maumill and London toured; Paris, Lyon, Mabury and Nantes too."
    people = [(0, 7), (9, 16)]
    assert judge.list_mates(text, people) == []  # London is a place; the second list holds no found name
    one = "Tours to Grimpen, Mabury and Koln with Maria."
    assert judge.list_mates(one, [(one.index("Maria"), one.index("Maria") + 5)]) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("ok so lekha said yes, tripti maybe", ["lekha", "tripti"]),  # lower-case names no dictionary has
        ("the grace period and a mark on the wall", []),  # lower-case names that are English words
        ("happy bday kevin!! love u", ["kevin"]),  # a frequent name is still no English word
        ("ah ok, hmm", []),  # chat words, even where a locale has them as names
        ("lekha: are you coming?\ntripti: 12pm works", ["lekha", "tripti"]),  # chat speakers' labels
        ("lekha: 9f2c-41Ab_x7\n  - tripti = /etc/tripti.conf\n", []),  # config keys with technical values
    ],
)
def test_finds_lower_case_given_names_that_are_no_english_words(judge, text, names):
    assert [text[s:e] for s, e in judge.lower_case_names(text, [])] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("had dinner with sarah last night", ["sarah"]),  # WordNet's noun, a name only in dictionaries
        ("me and kevin went to the beach", ["kevin"]),  # coordinated with the speaker
        ("taylor said she would come", ["taylor"]),  # a verb of speech after it
        ("the hunter and the deer", []),  # no person's words around it
        ("connect to cassandra and redis", []),  # "to" and "and" sit next to things too
        ("works with cassandra cluster", []),  # a name before a noun names a thing
        ("we flew with london airways", []),  # a big place, and a company word
        ("ran with max retries", []),  # short words are abbreviations as often
        ("walked 5 miles with friends", []),  # an inflected word ("mile")
        ("he cared about bonnie bennett, no one else", ["bonnie bennett"]),  # a lower-case full name
        ("we saw will smith and grace kelly", []),  # family names that are also words need a cue
        ("nice save, jacob!", ["jacob"]),  # spoken to: after a comma, closing the sentence
        ("@ab ted did you eat yet?", ["ted"]),  # asked something
        ("is it cold in june, tom or not", []),  # a comma, but the sentence goes on
        ("the cat did you see it", []),  # asked, but no given name
    ],
)
def test_finds_lower_case_names_dictionaries_list_only_with_a_capital_next_to_people_words(judge, text, names):
    assert [text[s:e] for s, e in judge.lower_case_names(text, [])] == names


@pytest.mark.parametrize(
    ("text", "span", "kept"),
    [
        ("Ada compiler is slow", "Ada", False),  # a name before a bare noun names a thing
        ("Mark it as done.", "Mark", False),  # a verb with an object: an imperative
        ("Mary saw the ship.", "Mary", True),  # "saw" is a noun too, but here the verb
        ("Unlike the Rivera novel, it ends well.", "Rivera", True),  # a family's novel
        ("Our team in Adelaide moved on.", "Adelaide", False),  # a big place after "in"
        ("Meet Marnie http://t.co/x1", "Marnie", True),  # a URL's scheme is no noun after her name
    ],
)
def test_keeps_ner_person_weighs_nouns_verbs_and_places_after_it(judge, text, span, kept):
    assert judge.keeps_ner_person(*_span(text, span)) is kept


@pytest.mark.parametrize(
    ("text", "span", "label", "person"),
    [
        ("The Alexa build failed.", "Alexa", "ORG", False),  # an article before a lone name: a thing
        ("support assistant for Contoso.", "Contoso", "ORG", False),  # a role's company
        ("by the wonderful Siobhan Lynam on now", "Siobhan Lynam", "FAC", True),  # given + unknown word
        ("We drove through Santa Clara today", "Santa Clara", "GPE", False),  # a known place
    ],
)
def test_relabel_weighs_articles_and_roles(judge, text, span, label, person):
    assert judge.relabels_as_person(*_span(text, span), label) is person


def test_a_role_before_a_known_given_name_keeps_the_person(judge):
    assert judge.keeps_ner_person(*_span("I am the assistant for Maria Lopez.", "Maria Lopez"))
    assert not judge.keeps_ner_person(*_span("You are the support assistant for Contoso.", "Contoso"))


@pytest.mark.parametrize(
    ("text", "span", "kept"),
    [
        ("Mark the flaky test as skipped.", "Mark", False),  # a verb with an article and an object
        ("Mark the Evangelist wrote it.", "Mark", True),  # an epithet in capitals: a name
        ("The Rendle build failed overnight.", "Rendle", False),  # a build names a product
        ("Aino Virtanen from Globnik says hi.", "Globnik", False),  # a full name, then her company
        ("A letter came from Durnford today.", "Durnford", True),  # no full name before "from"
        ("Maria plus Jonas went home.", "Maria", True),  # "plus" in lower case joins two people
        ("the folk band Velmora toured", "Velmora", False),  # a kind of thing before it
    ],
)
def test_keeps_ner_person_weighs_objects_products_and_kinds(judge, text, span, kept):
    assert judge.keeps_ner_person(*_span(text, span)) is kept


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Do I need an umbrella in São Paulo today?", []),  # a given name inside a known place
        ("1. Alexa upgrade: owner assigned.", []),  # a product word after it
        ("We met Paulo in Lisbon.", ["Paulo"]),  # the given name alone
    ],
)
def test_lone_given_names_leave_places_and_products(judge, text, names):
    assert [text[s:e] for s, e in judge.lone_given_names(text, [])] == names


@pytest.mark.parametrize(
    ("text", "span", "kept"),
    [
        ("the Tommy Rendle Statue is old", "Tommy Rendle Statue", False),  # a thing word closes it
        ("Cyclone Nadia hit the coast.", "Cyclone Nadia", False),  # a head opens it
        ("Grace Hill said no.", "Grace Hill", True),  # a place word that is a family name too
    ],
)
def test_keeps_ner_person_weighs_thing_words_that_open_or_close_it(judge, text, span, kept):
    assert judge.keeps_ner_person(*_span(text, span)) is kept


@pytest.mark.parametrize(
    ("text", "span", "kept"),
    [
        ("At the edge of Brellow Heath we waited.", "Brellow Heath", False),  # a heath, a moor: places
        ("They crossed Quarnby Moor at dusk.", "Quarnby Moor", False),
        ("Edward Heath spoke first.", "Edward Heath", True),  # a given name opens it: a person
        ("The letter went to Ostravia's board.", "Ostravia", False),  # a company's board, chairman
        ("Then Ostravia's chairman resigned.", "Ostravia", False),
        ("Then Walter Grisby's board game arrived.", "Walter Grisby", True),  # a full name's possessive
        ("It was shot at nearby Chester.", "Chester", False),  # a known place after "nearby", "northern"
        ("It was shot with Chester.", "Chester", True),
    ],
)
def test_keeps_ner_person_weighs_place_generics_and_a_companys_people(judge, text, span, kept):
    assert judge.keeps_ner_person(*_span(text, span)) is kept


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("too many decades of Ivy League elites", []),  # a thing word closes the run
        ("as Cyclone Nadia neared the coast", []),  # a head opens it
        ("a talk at Washington State University by Simon today", ["Simon"]),  # words before close nothing
    ],
)
def test_lone_given_names_leave_names_of_things(judge, text, names):
    assert [text[s:e] for s, e in judge.lone_given_names(text, [])] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("thanks for the ride home -Damien", ["Damien"]),  # a sign-off's dash closes the line
        ("see you all soon -Damien :)\nP.S. bring snacks", ["Damien"]),
        ("Get-ChildItem -Path C:\\logs -Recurse", []),  # a command's switches
        ("New-Item -Name report -Force", []),
        ("the Jean-Damien case", []),  # inside a hyphenated word
    ],
)
def test_lone_given_names_read_a_sign_offs_dash(judge, text, names):
    assert [text[s:e] for s, e in judge.lone_given_names(text, [])] == names


@pytest.mark.parametrize(
    ("text", "span", "kept"),
    [
        ("a long weekend in #Sydney with the team", "Sydney", False),  # a tag of a big place is the place's
        ("a long weekend with Sydney and the team", "Sydney", True),
        ("happy birthday #Damien", "Damien", True),  # no place
        ("Brellow Police are looking for witnesses", "Brellow Police", False),  # a public body
        ("a late winner for Quarnby FC", "Quarnby FC", False),  # a club
        ("a late winner for Quarnby Rovers", "Quarnby Rovers", False),
    ],
)
def test_keeps_ner_person_reads_a_big_places_hashtag_a_public_body_and_a_club_as_no_person(judge, text, span, kept):
    assert judge.keeps_ner_person(*_span(text, span)) is kept


@pytest.mark.parametrize(
    ("text", "span", "kept"),
    [
        ("He had first come to live in Tarnbury that spring.", "Tarnbury", False),  # a preposition of place
        ("She saw it in Tarnbury's eyes.", "Tarnbury", True),  # a possessive: his
        ("The coal field of Wexleshire was found.", "Wexleshire", False),  # a region's ending
        ("The _ Vellorina _ had been struck.", "Vellorina", False),  # an article past emphasis markup
    ],
)
def test_keeps_ner_person_weighs_places_and_markup(judge, text, span, kept):
    assert judge.keeps_ner_person(*_span(text, span)) is kept


@pytest.mark.parametrize(
    ("text", "span", "kept"),
    [
        ("Brellonews interviewed the mayor.", "Brellonews", False),  # a company word grown into one word
        ("They signed with Vardisoft last year.", "Vardisoft", False),
        ("Elizabeth Bennet laughed.", "Bennet", True),  # a known name with such an ending
    ],
)
def test_keeps_ner_person_weighs_company_compounds(judge, text, span, kept):
    assert judge.keeps_ner_person(*_span(text, span)) is kept


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Yours ever, and meaning it, DELPHINE McHARGUE.", ["DELPHINE McHARGUE"]),  # a signature in capitals
        ("THE WALTER GRISBY HOME, March 3.", ["WALTER GRISBY"]),  # a name inside a heading
        ("Your obedient servant, R. TALLBRIDGE", ["R. TALLBRIDGE"]),  # an initial and a family name
        ("Faithfully, OSWIN PERRAULT P.S. do write", ["OSWIN PERRAULT"]),  # a postscript's initial is not his
        ("NIELS HARTWOOD VENTURES, GRACE HILL ROAD", []),  # a company word, a place word after the name
        ("GRACE PERIODS APPLY; OLIVER STREET", []),  # ordinary words after a given name
        ("THE USA TEAM, JAMES", []),  # acronyms, one word alone
        ("SAN JOSE", []),  # a known place
    ],
)
def test_finds_full_names_written_in_capitals(judge, text, names):
    assert [text[s:e] for s, e in judge.capitals_names(text, [])] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("It passed into the possession of Tarrowby then.", ["Tarrowby"]),  # a noun said of a person before "of"
        ("We saw the plays of Quennell last year.", ["Quennell"]),
        ("A hamlet in the parish of Tarrowby, near Quennell.", []),  # a place's noun before "of", "near"
        ("The army of Tarrowby marched.", []),  # a realm's noun: fiction gives it places too
    ],
)
def test_lone_unknown_words_after_of_are_people_after_a_noun_said_of_people(judge, text, names):
    assert [text[s:e] for s, e in judge.lone_given_names(text, [])] == names


@pytest.mark.parametrize(
    ("text", "label", "person"),
    [
        ("with the help of Quennell, he finished", "GPE", True),  # spaCy's label yields to "the help of"
        ("the parish of Quennell was small", "GPE", False),
    ],
)
def test_relabel_reads_a_noun_said_of_people_before_of(judge, text, label, person):
    start = text.index("Quennell")
    assert judge.relabels_as_person(text, start, start + len("Quennell"), label) is person


@pytest.mark.parametrize(
    ("words", "full"),
    [
        ("Oswin Perrault", True),  # a given name and a word no dictionary has
        ("Walter J. Grisby", True),
        ("Green Perrault", False),  # a given name that is an adjective too
        ("River Quennell", False),  # a place word first
        ("Santo Quennell", False),  # "saint" in a place's language
        ("Oswin Brothers", False),  # an ordinary word (inflected) last
    ],
)
def test_a_full_name_opens_with_a_given_name_and_closes_with_a_family_name(judge, words, full):
    assert judge.is_full_name(words.split()) is full


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("the Netherlands Oswin Perrault", "Oswin Perrault"),  # glued to a place before it
        ("Oswin Perrault for Food Standards Agency", "Oswin Perrault"),  # to a company after it
        ("the Oswin Perrault Photographic Program", None),  # inside a run of capitalised words: a title
        ("the Liberal Party of Oswin Perrault", None),  # after "of": the name's place
        ("the Black Oswin Perrault", None),  # glued to a word, not to a place
    ],
)
def test_finds_a_full_name_that_opens_or_closes_a_longer_span(judge, text, name):
    found = judge.full_name_inside(text, 0, len(text))
    assert (text[found[0] : found[1]] if found else None) == name


def test_a_full_name_after_an_article_or_before_a_possessive_stays_a_person(judge):
    text = "an Oswin Perrault exhibit opened; the Arno flooded; Walter Grisby's staff left."
    assert judge.keeps_ner_person(text, 3, 17)
    assert not judge.keeps_ner_person(text, text.index("Arno"), text.index("Arno") + 4)
    start = text.index("Walter")
    assert not judge.is_org_like(text, start, start + len("Walter Grisby"))


@pytest.mark.parametrize(
    ("text", "word", "kept"),
    [
        ("Years later they came back to Tarrowby.", "Tarrowby", False),  # a verb of going before "to": where
        ("She fled again to Quennell in May.", "Quennell", False),
        ("She wrote to Quennell in May.", "Quennell", True),  # "wrote to": to whom
        ("The estate goes to Harvey.", "Harvey", True),  # a known name stays a person
    ],
)
def test_keeps_ner_person_reads_a_verb_of_going_before_to(judge, text, word, kept):
    start = text.index(word)
    assert judge.keeps_ner_person(text, start, start + len(word)) is kept


def test_a_verb_of_going_counts_only_when_names_are_told_apart():
    from sanitizers.person_judge import after_place_preposition

    text = "they came to Tarrowby"
    start = text.index("Tarrowby")
    assert after_place_preposition(text, start, len(text), lambda word: False)
    assert not after_place_preposition(text, start, len(text))  # without a name test: prepositions of place only


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Lena confirms the booking for six.", ["Lena"]),  # a noun-name opening a sentence, a verb after it
        ("Okafor attacks the new budget.", ["Okafor"]),  # a family name opening a sentence, a verb after it
        ("Lena pudding recipes.", []),  # no verb after it
        ("Grace is what they needed.", []),  # a name that dictionaries list in lower case: the word
        ("loved the photo of Renata's garden", ["Renata"]),  # a given name before a possessive
        ("the O'Neill family", []),  # an apostrophe inside a name is no possessive
        ("stop that, for Heaven's sake", []),  # an ordinary word's possessive
        ("a year later Haverford's was added to the mall", []),  # a shop's possessive before a verb
    ],
)
def test_lone_given_names_take_a_name_opening_a_sentence_as_the_subject_of_a_verb(judge, text, names):
    assert [text[s:e] for s, e in judge.lone_given_names(text, [])] == names


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Okafor attacks the new budget.", True),  # a family name that names no place, acting
        ("Okafor pudding recipes.", False),  # a family name under a place label, nothing acting
    ],
)
def test_relabel_takes_a_family_name_under_a_place_label_as_a_subject(judge, text, person):
    assert judge.relabels_as_person(*_span(text, "Okafor"), "GPE") is person


@pytest.mark.parametrize(
    ("text", "mates"),
    [
        ("dinner with nadia and kaiteh tonight", ["kaiteh"]),  # a word no list knows, joined to a found name
        ("dinner with nadia, oskaro and bettany", ["oskaro", "bettany"]),  # a list goes on
        ("dinner with nadia and pizza", []),  # a dictionary word
        ("dinner with nadia and the kids", []),  # a function word
    ],
)
def test_lower_list_mates_join_unknown_words_to_a_found_lower_case_name(judge, text, mates):
    start = text.index("nadia")
    assert [text[s:e] for s, e in judge.lower_list_mates(text, [(start, start + 5)])] == mates
