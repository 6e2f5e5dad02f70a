from sanitizers.replacement_book import ReplacementBook


def test_gives_same_placeholder_when_value_repeats():
    book = ReplacementBook()
    first = book.replacement("EMAIL_ADDRESS", "a@example.org")
    assert book.replacement("EMAIL_ADDRESS", "a@example.org") == first == "<EMAIL_ADDRESS_1>"


def test_numbers_placeholders_per_type_when_values_differ():
    book = ReplacementBook()
    assert book.replacement("PERSON", "Ana Lima") == "<PERSON_1>"
    assert book.replacement("EMAIL_ADDRESS", "a@example.org") == "<EMAIL_ADDRESS_1>"
    assert book.replacement("PERSON", "Kenji Sato") == "<PERSON_2>"


def test_treats_names_alike_when_case_and_spacing_differ():
    book = ReplacementBook()
    assert book.replacement("PERSON", "Ana  Lima") == book.replacement("PERSON", "ana lima")


def test_repr_shows_no_value_when_printed():
    book = ReplacementBook()
    book.replacement("PERSON", "Zephyrine Quillfeather")
    assert "Zephyrine" not in repr(book)


def test_a_part_of_a_full_name_shares_its_placeholder_in_any_order():
    book = ReplacementBook()
    book.link_names(["Bartholomew", "Bartholomew Okonkwo-Lindqvist", "Okonkwo-Lindqvist", "Maria"])
    first = book.replacement("PERSON", "Bartholomew")  # the part comes first
    assert book.replacement("PERSON", "Bartholomew Okonkwo-Lindqvist") == first
    assert book.replacement("PERSON", "okonkwo-lindqvist") == first
    assert book.replacement("PERSON", "Maria") != first


def test_a_part_shared_by_two_full_names_keeps_its_own_placeholder():
    book = ReplacementBook()
    book.link_names(["Maria Lopez", "Maria Chen", "Maria"])
    lopez, chen, maria = (book.replacement("PERSON", v) for v in ("Maria Lopez", "Maria Chen", "Maria"))
    assert len({lopez, chen, maria}) == 3


def test_particles_link_nothing():
    book = ReplacementBook()
    book.link_names(["Ana de la Cruz", "Luis de Souza"])
    assert book.replacement("PERSON", "Ana de la Cruz") != book.replacement("PERSON", "Luis de Souza")
    assert book.replacement("PERSON", "Cruz") == book.replacement("PERSON", "Ana de la Cruz")
