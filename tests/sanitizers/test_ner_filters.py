import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanitizers.ner_filters import (
    _REGIONS,
    is_ner_noise,
    looks_like_identifier,
    merge_spans,
    technical_regions,
)


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
        ("Hi.\nLorem ipsum dolor sit amet, nostrum Tempora Velit\nBye", "Lorem ipsum dolor sit amet, nostrum Tempora Velit"),
        ("x\nEnim ipsam voluptatem quia Magni Dolores eos", "Enim ipsam voluptatem quia Magni Dolores eos"),  # filler
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
        "Dolores Amet and Lorena Ipsen met in Laborde",  # names close to filler words
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


# The region patterns run only where one Hyperscan pass says they can match: the regions are those of all.

REGION_FRAGMENTS = st.sampled_from([
    "```", "`x`", "https://", "www.", "ex.com", "/usr/local", "C:\\Users\\", "src/app/main.py", "v2.31.0",
    "0123abcd", "-", "os.environ", "snake_case", '"key":', "render(", "const ", "x < y", "KeyError", "McDonald",
    "Maria", " ", "\n", ".", "O.J.", "(", "=", "4",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(REGION_FRAGMENTS, st.text(alphabet=string.printable, max_size=5)), max_size=16).map("".join))
def test_finds_the_regions_of_every_pattern_when_most_are_skipped(text):
    every = merge_spans([m.span() for pattern in _REGIONS for m in pattern.finditer(text)])
    assert technical_regions(text) == every
