import pytest

from sanitizers.recognizers.street_address_recognizer import StreetAddressRecognizer

REC = StreetAddressRecognizer()


def found(text: str) -> list[str]:
    return [text[r.start : r.end] for r in REC.analyze(text, ["STREET_ADDRESS"])]


TRUE_POSITIVES = [
        ("ship it to 221B Baker Street please", ["221B Baker Street"]),  # UK classic
        ("i live at 221b baker street", ["221b baker street"]),  # typed in lower case
        ("1600 Amphitheatre Pkwy, Mountain View, CA 94043.", ["1600 Amphitheatre Pkwy, Mountain View, CA 94043"]),
        ("42 W 5th Ave Apt 4B", ["42 W 5th Ave Apt 4B"]),  # direction, ordinal street, unit
        ("10 Downing St, London SW1A 2AA", ["10 Downing St, London SW1A 2AA"]),  # UK postcode tail
        ("88 Kings Road, #12", ["88 Kings Road, #12"]),  # unit with #
        ("Hauptstraße 5, 10115 Berlin", ["Hauptstraße 5, 10115 Berlin"]),  # German order + PLZ
        ("send to Keizersgracht 123, 1015 CJ Amsterdam", ["Keizersgracht 123, 1015 CJ Amsterdam"]),  # Dutch
        ("Calle Mayor 12, Madrid", ["Calle Mayor 12"]),  # Spanish, city alone stays
        ("Rua Augusta, 123", ["Rua Augusta, 123"]),  # Portuguese with comma
        ("Via Roma 10", ["Via Roma 10"]),  # Italian
        ("12 rue de la Paix, 75002 Paris", ["12 rue de la Paix, 75002 Paris"]),  # French number-first
        ("P.O. Box 4471", ["P.O. Box 4471"]),  # PO box
        ("Best regards,\nJan Nowak\nGlobex\nul. Prosta 51\n00-838 Warszawa\nTel. +48 22 123 45 67",
         ["ul. Prosta 51\n00-838 Warszawa"]),  # signature block: street line above a postcode line
        ("Kind regards\nAmy Lee\nFlat 2 Kestrel House\nLondon SW1A 2AA", ["Flat 2 Kestrel House\nLondon SW1A 2AA"]),
        ("Globex\nCampo Lopes, 74\n04766051 Porto Alegre\nTel. 1", ["Campo Lopes, 74\n04766051 Porto Alegre"]),  # CEP
        ("my zip code is 94043", ["94043"]),  # postcode after a cue
        ("4 Privet Drive", ["4 Privet Drive"]),  # Title-case-only street type
        ("1600 Broadway", ["1600 Broadway"]),  # a street name without a type
        ("i live at 12 oak drive", ["12 oak drive"]),  # after a cue, any street type in any case
        ("ship to: 9 Elm Park, Dublin", ["9 Elm Park"]),  # ambiguous type after a cue
        ("Flat 3, 12 High Street", ["Flat 3, 12 High Street"]),  # unit written first
        ("742 Evergreen Terrace\nSpringfield, IL 62704", ["742 Evergreen Terrace\nSpringfield, IL 62704"]),  # 2 lines
        ("100 Queen St W, Toronto, ON M5H 2N2", ["100 Queen St W, Toronto, ON M5H 2N2"]),  # Canadian postcode
        ("Mannerheimintie 10, 00100 Helsinki", ["Mannerheimintie 10, 00100 Helsinki"]),  # Finnish -tie
        ("new address: ul. Żelazna 9\nthanks", ["ul. Żelazna 9"]),  # rest of the line after the label
        ("my address is 14 Rosenvænget Kbh. Thanks!", ["14 Rosenvænget Kbh"]),  # unknown street word
        ("change the delivery address on my account to 7 Quai Voltaire, 75007 Paris (name on it: X)",
         ["7 Quai Voltaire, 75007 Paris"]),  # "address on my account to", rest of the line
        ("Bahnhofstr. 7, 8001 Zürich", ["Bahnhofstr. 7, 8001 Zürich"]),  # abbreviated German type
        ("HAUPTSTRASSE 12", ["HAUPTSTRASSE 12"]),  # upper case, ß written as SS
        ("Drottninggatan\t12", ["Drottninggatan\t12"]),  # Swedish, tab before the number
]


@pytest.mark.parametrize(("text", "expected"), TRUE_POSITIVES)
def test_finds_address_when_number_and_street_type(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I waited 3 hours on the road",  # quantity, then a stopword
        "my 2 hard drive bays are full",  # "drive" in lower case is not a street type
        "we shipped 500 units via email 2 times",  # "via" is a preposition in lower case
        "see section 4 street lighting",  # ... but "4 street" alone has no name: still needs a word
        "Berlin is nice in May",  # a city alone is LOCATION, not an address
        "string 5 is too long",  # English word ending like a street type
        "the road to v2 took 3 months",  # no house number
        "room 101 is upstairs",  # no street type
        "we installed 3 Access Point units",  # tech phrase ending like a street type
        "plug it into the 2 Serial Port slots",  # idem
        "my email address is in the profile since 2019",  # e-mail address, not a postal one
        "ip address 10.0.0.12 is blocked",  # IP address
        "address: see the FAQ",  # no number
        "Step 2 of the guide\n10 minutes later it worked",  # a numbered line above a line starting with a number
        "Order 12345678 shipped\n12345 Berlin",  # a long number is no house number
    ],
)
def test_finds_nothing_when_not_an_address(text):
    assert found(text) == []


@pytest.mark.parametrize(("text", "expected"), TRUE_POSITIVES)
def test_passes_each_pattern_gate_when_the_pattern_matches(text, expected):
    # A gate is a necessary condition: false where its pattern matches would hide an address.
    for pattern, compiled, gate in REC._compiled:
        if gate is not None and compiled.search(text):
            assert gate(text), f"gate of {pattern.name} rejects a text the pattern matches"
