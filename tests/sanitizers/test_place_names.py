from sanitizers.place_names import place_names


def test_knows_cities_countries_and_us_states():
    places = place_names().all
    for place in ("exeter", "trincomalee", "edinburgh", "munich", "france", "alaska"):
        assert place in places, place


def test_leaves_out_alternate_names_that_are_given_names():
    # GeoNames lists "James" and "John" among alternate names of towns; only main names are read.
    places = place_names().all
    assert "james" not in places and "john" not in places


def test_big_places_are_the_ones_a_given_name_yields_to():
    places = place_names()
    for place in ("paris", "florence", "america", "france"):
        assert place in places.big, place
    for town in ("harvey", "cameron", "ogden"):  # towns named like people: in `all`, not in `big`
        assert town in places.all and town not in places.big, town


def test_former_countries_are_big_places():
    # GeoNames lists only today's countries; "Zaire" is also a given name in Faker's lists.
    places = place_names()
    for country in ("zaire", "ceylon", "yugoslavia", "soviet union", "persia"):
        assert country in places.big, country
