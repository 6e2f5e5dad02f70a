from sanitizers.name_lists import name_lists


def test_reads_given_and_family_names_of_many_locales():
    names = name_lists()
    assert len(names.given) > 10_000 and len(names.family) > 10_000
    for given in ("Maria", "Kenji", "Olena", "Siobhan", "Bartholomew"):
        assert names.is_given(given), given
    for family in ("Gonzalez", "Schmidt", "Nguyen", "Rossi"):
        assert names.is_family(family), family


def test_is_case_insensitive_and_knows_no_function_words():
    names = name_lists()
    assert names.is_name("maria") and names.is_name("MARIA")
    for word in ("the", "and", "kubernetes", "python", "invoice"):
        assert not names.is_name(word), word


def test_knows_which_given_names_dictionaries_list_only_with_a_capital():
    names = name_lists()
    for name in ("sarah", "Kevin", "taylor", "jonathan"):
        assert names.is_only_name(name), name
    for word in ("mark", "rose", "will", "grace", "kubernetes"):  # English words too, or no name
        assert not names.is_only_name(word), word
