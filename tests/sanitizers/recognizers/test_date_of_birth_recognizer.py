import pytest

from sanitizers.recognizers.date_of_birth_recognizer import DateOfBirthRecognizer

REC = DateOfBirthRecognizer()


def found(text: str) -> list[str]:
    return [text[r.start : r.end] for r in REC.analyze(text, ["DATE_OF_BIRTH"])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I was born on 03/04/1988, can you check", ["03/04/1988"]),  # numeric, slashes
        ("DOB: 1988-03-04", ["1988-03-04"]),  # ISO after DOB
        ("d.o.b. 4.3.88", ["4.3.88"]),  # dotted, two-digit year
        ("date of birth is March 4, 1988.", ["March 4, 1988"]),  # US textual
        ("my birthday is the 4th of March 1988", ["4th of March 1988"]),  # British textual
        ("birthday: 12 Sept", ["12 Sept"]),  # day and month only
        ("born in 1988 in Lagos", ["1988"]),  # year of birth
        ("Geburtsdatum 04.03.1988", ["04.03.1988"]),  # German cue
        ("birthdate:04-03-1988", ["04-03-1988"]),  # no space after the colon
    ],
)
def test_finds_date_when_birth_cue_precedes(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the invoice is dated 03/04/1988",  # a date without a birth cue
        "my appointment is on March 4, 2025",  # appointment date
        "born. Then on 2024-01-01 we met",  # the sentence ended after the cue
        "newborn photos from 2023-05-01",  # cue inside another word
        "birthday party in 3 weeks",  # no date
        "DOB field, version 2.31.0",  # a version string is no date
    ],
)
def test_finds_nothing_when_no_birth_date(text):
    assert found(text) == []
