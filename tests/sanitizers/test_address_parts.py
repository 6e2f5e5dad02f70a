import pytest

from sanitizers.address_parts import (
    grow_address,
    grow_back_over_house_number,
    grow_back_over_lines,
    grow_forward,
    may_hold_address,
)


def grown(text: str, street: str) -> str:
    start = text.index(street)
    s, e = grow_address(text, start, start + len(street))
    return text[s:e]


@pytest.mark.parametrize(
    ("text", "street", "expected"),
    [
        ("to 12 Oak St, Apt 4B, Springfield, IL 62704, USA. Thanks", "12 Oak St",
         "12 Oak St, Apt 4B, Springfield, IL 62704, USA"),  # unit, city, state/ZIP, country
        ("Lossi 12\nSuite 4\nTartu\nEstonia 51003\n\nRegards", "Lossi 12",
         "Lossi 12\nSuite 4\nTartu\nEstonia 51003"),  # block: unit, city, country with postcode
        ("Hauptstraße 5 Top 3, 1010 Wien", "Hauptstraße 5", "Hauptstraße 5 Top 3, 1010 Wien"),  # Austrian unit
        ("Flat 2, 17 High St, London SW1A 2AA", "17 High St", "Flat 2, 17 High St, London SW1A 2AA"),  # unit first
        ("Apt. 841\n77 Scott Avenue", "77 Scott Avenue", "Apt. 841\n77 Scott Avenue"),  # unit on the line above
        ("Calle Mayor 12, Madrid", "Calle Mayor 12", "Calle Mayor 12, Madrid"),  # a city that ends the address
        ("send to 12 Oak St, Monday works for me", "12 Oak St", "12 Oak St"),  # a weekday is no city
        ("12 Oak St, Springfield is where I live", "12 Oak St", "12 Oak St"),  # a city alone mid-sentence stays
        ("12 Oak St\nTel. 0171 8477783", "12 Oak St", "12 Oak St"),  # a phone line is no postcode line
        ("12 Oak St, thanks!", "12 Oak St", "12 Oak St"),  # nothing to grow over
        ("she lives at 12 Oak St now", "12 Oak St", "12 Oak St"),  # "now" is no unit "no" + "w"
        ("12 Oak St not far away", "12 Oak St", "12 Oak St"),
        ("12 Oak St Apt B", "12 Oak St", "12 Oak St Apt B"),  # a unit's letter set apart
    ],
)
def test_grows_over_address_parts_when_they_follow_the_street(text, street, expected):
    assert grown(text, street) == expected


def test_counts_strong_parts_when_growing_forward():
    text = "Lossi 12, Suite 4, 51003 Tartu"
    end, strong = grow_forward(text, len("Lossi 12"))
    assert (text[:end], strong) == (text, 2)


@pytest.mark.parametrize(
    ("text", "last_line", "expected"),
    [
        ("Max Owen\nStudio 0\nMandy Forges\nDanielleborough\nLA1 3GD", "LA1 3GD",
         "Studio 0\nMandy Forges\nDanielleborough\nLA1 3GD"),  # stops at the name line
        ("Dear Sir,\nplease see below.\nLondon SW1A 2AA", "London SW1A 2AA", "London SW1A 2AA"),  # sentences stay
        ("Order 12\nticket 5\n12 Oak St\nSpringfield, IL 62704", "Springfield, IL 62704",
         "12 Oak St\nSpringfield, IL 62704"),  # an id line is no address line
    ],
)
def test_grows_back_over_street_lines_when_block_ends_in_postcode(text, last_line, expected):
    assert text[grow_back_over_lines(text, text.index(last_line)):] == expected


@pytest.mark.parametrize(
    ("text", "digits", "expected"),
    [
        ("12 Oak St", 2, True),  # a house number
        ("I live on Elm Street, near the station and the old mill by the river bank", 0, True),  # a cue
        ("rue de Toussaint", 0, True),  # a short text: a field value
        ("We talked about the weather and the football results for a long while today.", 0, False),
    ],
)
def test_lets_text_through_prefilter_when_it_can_hold_an_address(text, digits, expected):
    assert may_hold_address(text, digits) is expected


@pytest.mark.parametrize(
    ("text", "street", "expected"),
    [
        ("our team at 317 8540 Oak Forge is here", "8540 Oak Forge", "317 8540 Oak Forge"),  # building number
        ("meet at 12B 77 Elm Street", "77 Elm Street", "12B 77 Elm Street"),  # with a letter
        ("sold in 2019 12 Oak Street", "12 Oak Street", "12 Oak Street"),  # a year after "in"
        ("at 2019 12 Oak Street", "12 Oak Street", "12 Oak Street"),  # a year after "at"
        ("page 3 12 Oak Street", "12 Oak Street", "12 Oak Street"),  # no preposition
        ("at Elm Street", "Elm Street", "Elm Street"),  # no number on the street
    ],
)
def test_takes_building_number_when_left_before_a_numbered_street(text, street, expected):
    start = text.index(street)
    assert text[grow_back_over_house_number(text, start) : start + len(street)] == expected
