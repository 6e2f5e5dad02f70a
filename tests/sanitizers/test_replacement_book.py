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
