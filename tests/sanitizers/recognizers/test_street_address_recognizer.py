import pytest

from sanitizers.recognizers.street_address_recognizer import StreetAddressRecognizer
from tests.sanitizers.recognizers.gates import rejecting_gates

REC = StreetAddressRecognizer()


def found(text: str) -> list[str]:
    return [text[r.start : r.end] for r in REC.analyze(text, ["STREET_ADDRESS"])]


TRUE_POSITIVES = [
        ("ship it to 221B Baker Street please", ["221B Baker Street"]),  # UK classic
        ("As a Suite 415 resident, I have", ["Suite 415"]),  # a unit with no street next to it
        ("held at our new Apt. 208 location.", ["Apt. 208"]),  # idem, abbreviated
        ("drop them at my place, Apartment 12B, tonight", ["Apartment 12B"]),  # idem, with a letter
        ("the team at 41 7720 Fennel Stravenue is here", ["41 7720 Fennel Stravenue"]),  # a building number first
        ("i live at 221b baker street", ["221b baker street"]),  # typed in lower case
        ("Send it to Hauptstr. 5, 10115 Berlin please", ["Hauptstr. 5, 10115 Berlin"]),  # the city ends the address
        ("I moved to 12 Rue de Rivoli, 75004 Paris last month", ["12 Rue de Rivoli, 75004 Paris"]),
        ("the keys are at 3397 Quill Locks, see you", ["3397 Quill Locks"]),  # a rarer USPS suffix
        ("we moved to 88 Harlow Camp, it is quiet", ["88 Harlow Camp"]),  # a suffix that is a noun, after a cue
        ("1600 Amphitheatre Pkwy, Mountain View, CA 94043.", ["1600 Amphitheatre Pkwy, Mountain View, CA 94043"]),
        ("42 W 5th Ave Apt 4B", ["42 W 5th Ave Apt 4B"]),  # direction, ordinal street, unit
        ("10 Downing St, London SW1A 2AA", ["10 Downing St, London SW1A 2AA"]),  # UK postcode tail
        ("88 Kings Road, #12", ["88 Kings Road, #12"]),  # unit with #
        ("Hauptstraße 5, 10115 Berlin", ["Hauptstraße 5, 10115 Berlin"]),  # German order + PLZ
        ("send to Keizersgracht 123, 1015 CJ Amsterdam", ["Keizersgracht 123, 1015 CJ Amsterdam"]),  # Dutch
        ("Calle Mayor 12, Madrid", ["Calle Mayor 12, Madrid"]),  # Spanish, the city ends the address
        ("Rua Augusta, 123", ["Rua Augusta, 123"]),  # Portuguese with comma
        ("Via Roma 10", ["Via Roma 10"]),  # Italian
        ("12 rue de la Paix, 75002 Paris", ["12 rue de la Paix, 75002 Paris"]),  # French number-first
        ("P.O. Box 4471", ["P.O. Box 4471"]),  # PO box
        ("Best regards,\nJan Nowak\nGlobex\nul. Prosta 51\n00-838 Warszawa\nTel. +48 22 123 45 67",
         ["ul. Prosta 51\n00-838 Warszawa"]),  # signature block: street line above a postcode line
        ("Kind regards\nAmy Lee\nFlat 2 Kestrel House\nLondon SW1A 2AA", ["Flat 2 Kestrel House\nLondon SW1A 2AA"]),
        ("Globex\nCampo Lopes, 74\n04766051 Porto Alegre\nTel. 1", ["Campo Lopes, 74\n04766051 Porto Alegre"]),  # CEP
        ("my zip code is 94043", ["94043"]),  # postcode after a cue
        ('{"postcode": "D02 X285"}', ["D02 X285"]),  # Irish Eircode in a JSON field
        ("4 Privet Drive", ["4 Privet Drive"]),  # Title-case-only street type
        ("1600 Broadway", ["1600 Broadway"]),  # a street name without a type
        ("i live at 12 oak drive", ["12 oak drive"]),  # after a cue, any street type in any case
        ("ship to: 9 Elm Park, Dublin", ["9 Elm Park, Dublin"]),  # ambiguous type after a cue, then the city
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

# Support and banking requests in several countries' styles: the whole address goes, with its unit,
# postcode, city and country, on one line or as a block.
WHOLE_ADDRESSES = [
        ("my new address is 42 Rue des Lilas, 75011 Paris. Please update my records.",
         ["42 Rue des Lilas, 75011 Paris"]),  # the next sentence is no part of the city
        ("Address: Hauptstraße 5, 10115 Berlin. Danke", ["Hauptstraße 5, 10115 Berlin"]),
        ("Send it to 12 High St, St. Albans AL1 3AW please", ["12 High St, St. Albans AL1 3AW"]),  # an abbreviation
        ("Please update my address to 5678 Oak Street Suite 501, Springfield, IL 62704. Thanks",
         ["5678 Oak Street Suite 501, Springfield, IL 62704"]),  # US, unit and state/ZIP
        ("Lossi 12 / Suite 4 / Tartu / Estonia 51003", ["Lossi 12 / Suite 4 / Tartu / Estonia 51003"]),  # slashes
        ("Ship to:\nKarin Tamm\nLossi 12\nSuite 4\nTartu\nEstonia 51003\n\nThanks!",
         ["Lossi 12\nSuite 4\nTartu\nEstonia 51003"]),  # Estonian block, name line kept for the name detector
        ("Please send the card to Sreznevského 525, 916 18 Vajkovce, Slovakia.",
         ["Sreznevského 525, 916 18 Vajkovce, Slovakia"]),  # Slovak, number after the street, "123 45" postcode
        ("new address: Szabadság utca 81., H-8101 Pécs", ["Szabadság utca 81., H-8101 Pécs"]),  # Hungarian
        ("I live on Elm Street", ["Elm Street"]),  # no house number after an address cue
        ("ship to: Bahnhofstraße, 8001 Zürich", ["Bahnhofstraße, 8001 Zürich"]),  # idem, German word
        ("Customer's living address is 785, Barrows Glens, Suite 158, North Ettieview.",
         ["785, Barrows Glens, Suite 158, North Ettieview"]),  # number, comma, street, unit, city
        ("Apt. 841\n77 Scott Avenue\nPort Stratfordtown 8543",
         ["Apt. 841\n77 Scott Avenue\nPort Stratfordtown 8543"]),  # unit line above the street (NZ)
        ("Studio 0\nMandy Forges\nDanielleborough\nLA1 3GD",
         ["Studio 0\nMandy Forges\nDanielleborough\nLA1 3GD"]),  # UK block without a house number
        ("deliver to Louislei 16, 5423 Niel, Belgium, the courier", ["Louislei 16, 5423 Niel, Belgium"]),  # Flemish
        ("Kungsgatan 7, 111 43 Stockholm", ["Kungsgatan 7, 111 43 Stockholm"]),  # Swedish postcode "123 45"
        ("ul. Prosta 51, 00-838 Warszawa, Polska", ["ul. Prosta 51, 00-838 Warszawa, Polska"]),  # Polish
        ("Via Roma 10, 00184 Roma (RM)", ["Via Roma 10, 00184 Roma (RM)"]),  # Italian province code
        ("Rua Augusta, 123, 1100-053 Lisboa", ["Rua Augusta, 123, 1100-053 Lisboa"]),  # Portuguese
        ("12 rue de la Paix, 75002 Paris, France", ["12 rue de la Paix, 75002 Paris, France"]),  # French
        ("Calle Mayor 12, 3º 2ª, 28013 Madrid", ["Calle Mayor 12, 3º 2ª, 28013 Madrid"]),  # Spanish floor and door
        ("Keizersgracht 123\n1015 CJ Amsterdam\nNederland",
         ["Keizersgracht 123\n1015 CJ Amsterdam\nNederland"]),  # Dutch block with country
        ("89264 Knight Cape Apt. 673, Regina, SK T9X 9K3",
         ["89264 Knight Cape Apt. 673, Regina, SK T9X 9K3"]),  # unknown street type, evidence: unit
        ("Flat 2, 17 Jones Light\nNorth Holly\nS6 7LJ", ["Flat 2, 17 Jones Light\nNorth Holly\nS6 7LJ"]),  # UK
        ("my address is 14 Elm St, thanks!", ["14 Elm St"]),  # growing stops at a word that is no city
        ("The parcel for 287 Holmes Island never arrived.", ["287 Holmes Island"]),  # USPS suffix, no cue
        ("rue de Toussaint", ["rue de Toussaint"]),  # a JSON field's value that is only a street name
        ("Goethestraße", ["Goethestraße"]),  # idem
        ("Tamásinémetii út 166., Floor 3, H-3174 Egyházashátkőrös, Hungary",
         ["Tamásinémetii út 166., Floor 3, H-3174 Egyházashátkőrös, Hungary"]),  # a unit between street and city
]


@pytest.mark.parametrize(("text", "expected"), WHOLE_ADDRESSES)
def test_finds_whole_address_when_unit_postcode_city_follow(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), TRUE_POSITIVES)
def test_finds_address_when_number_and_street_type(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I waited 3 hours on the road",  # quantity, then a stopword
        "We did 3 Boot Camp sessions, then 2 Northern Lights tours",  # suffixes that are nouns, no cue
        "Step 2 Press Any Key, and the 3 European Union members agreed",
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
        "I moved to Berlin last year",  # a city alone after a cue
        "we live in a flat on the 3rd floor",  # a floor is no address
        "Windows 10, 2023 Edition",  # "Word 12, 1234 Word" with a product word after the year
        "Python 3, 2024 Release notes",  # idem
        "Score 3, 1000 Points",  # idem, an English word after four digits
        "Start date: 10 October 2021\nP.S. unrelated",  # a date, then a line
        "my birthday is May 4, 1988\nthanks",  # a date is no "Word 12, 1234 Word"
        "Chapter 5, Room 12",  # a room is no apartment
        "Lesson 4, Unit 2",  # nor is a unit of a course
        "Java 17, Spring 6",  # versions
        "Meeting on 12 March 2024, Berlin office",  # a date and a city
        "Dated March 31,2007 Thinkplus Investments Limited (as the Lender)",  # a date, then a company
        "The Street",  # a field value that is only a street word
        "as shown before (Laws, 2016; Lindsay, 2015).",  # citations are no "Street 12, City 1234"
        "In 2007 Bowling Green won the title.",  # a year after a preposition is no house number
        "the show starts at 5:00 pm Main Street stage",  # a time is no house number
        "The mosque is located in Naqsh-e Jahan Square.",  # a landmark, no postal cue
        "the 2007 Bowling Green Falcons",  # a season, not a house number
        "winner of the 1961 Westercon, 1968 Worldcon and more",  # years and events
        "games such as NASCAR 4, NASCAR 2002, 2003",  # product titles and years
        "at Cyprus Avenue in Cork on October 9",  # an English phrase after "Avenue"
        "Main Street is closed today",  # a street name in a sentence, no cue
        "Adobe Creative Suite 6 is old",  # a product after a capitalised word
        "the test suite 3 times",  # lower case
        "Apt 2.4.8 upgrade",  # a version
        "Suite 5% off",  # an amount
    ],
)
def test_finds_nothing_when_not_an_address(text):
    assert found(text) == []


@pytest.mark.parametrize(("text", "expected"), TRUE_POSITIVES + WHOLE_ADDRESSES)
def test_passes_each_pattern_gate_when_the_pattern_matches(text, expected):
    assert rejecting_gates(REC, text) == []


@pytest.mark.parametrize("unit", ["4 ", "Ab 4, ", "Ab 4\n", "4 Ab, ", "Suite 4, ", "12345 Ab\n", "Ab Cd, NY 12345, "])
def test_finds_addresses_in_linear_time_when_parts_repeat(unit):
    # Issue 13: every pattern is bounded; 30 KB of repeated address-like parts must finish (no timing
    # assert: a backtracking regression shows as a hung test run) and give spans inside the text.
    text = unit * (30_000 // len(unit))
    for result in REC.analyze(text, ["STREET_ADDRESS"]):
        assert 0 <= result.start < result.end <= len(text)
