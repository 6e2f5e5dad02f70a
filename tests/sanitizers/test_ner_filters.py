import pytest

from sanitizers.ner_filters import is_ner_noise, looks_like_identifier, technical_regions


def region_texts(text: str) -> list[str]:
    return [text[s:e] for s, e in technical_regions(text)]


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("run ```\nMaria = 1\n``` now", "```\nMaria = 1\n```"),  # fenced code
        ("use `Client` here", "`Client`"),  # inline code
        ("see https://x.io/Maria/Lopez?q=1 ok", "https://x.io/Maria/Lopez?q=1"),  # URL
        ("open /home/maria/notes.txt", "/home/maria/notes.txt"),  # POSIX path
        ("edit src/app/main.py", "src/app/main.py"),  # relative path
        ("id 8c1d2e3f-1111-4a2b-9c3d-0123456789ab", "8c1d2e3f-1111-4a2b-9c3d-0123456789ab"),  # UUID
        ("sha 3f2a9c1e", "3f2a9c1e"),  # git SHA
        ("v1.2.3-rc1 is out", "v1.2.3-rc1"),  # version
        ("call os.environ.get", "os.environ.get"),  # dotted name
        ("the user_id field", "user_id"),  # snake_case
        ("a KeyError here", "KeyError"),  # CamelCase
        ('{"owner": "Maria"}', '"owner":'),  # JSON key only, not the value
        ("const gitalk = new Gitalk({", "const gitalk"),  # a declaration
        ("const gitalk = new Gitalk({", "Gitalk("),  # a constructor call
        ("if (len < ulen + 2)", "len < "),  # an operand of a comparison
    ],
)
def test_marks_region_when_text_is_technical(text, region):
    assert region in region_texts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Maria Gonzalez called about the order",  # a plain name
        "Ronald McDonald and LaToya Jones",  # names with an inner capital
        "Yours, DELPHINE McHARGUE",  # and in capitals after the prefix
        "an interview with R.J. Quennell and K.C. Varhaug",  # initials run together are no dotted name
        "Hello, Maria. Thanks!",  # punctuation around a name
        "let Maria know (she asked) and call Tom (the plumber)",  # "let", a blank before "("
        "a new Mary Poppins film; Const Smith, Function Jones",  # "new", capitalised words
    ],
)
def test_marks_nothing_when_text_is_prose(text):
    assert region_texts(text) == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("parse_config", True),  # snake_case
        ("KeyError", True),  # CamelCase
        ("SQL", True),  # acronym
        ("x86", True),  # letters and digits
        ("Ticket TCK-2024-118", True),  # a ticket number inside the span
        ("os.environ", True),  # dotted
        ("Maria Gonzalez", False),  # name
        ("McDonald", False),  # inner-capital surname
        ("O'Brien", False),  # apostrophe surname
        ("R.J. Quennell", False),  # initials run together
    ],
)
def test_tells_identifier_from_name_when_asked(value, expected):
    assert looks_like_identifier(value) is expected


def test_drops_ner_finding_when_inside_code_and_keeps_it_in_prose():
    text = "`Maria` vs Maria"
    regions = technical_regions(text)
    assert is_ner_noise(text, 1, 6, regions)
    assert not is_ner_noise(text, 11, 16, regions)
