import pytest

from sanitizers.markdown_marks import blank_bold_marks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("**Employee ID:** 0451", "  Employee ID:   0451"),
        ("- **Last Name**: Okafor", "-   Last Name  : Okafor"),
        ("| **Policy Number** | PX-1 |", "|   Policy Number   | PX-1 |"),
        ("**Note:**\nsee below", "  Note:  \nsee below"),
    ],
)
def test_blanks_the_marks_of_bold_runs_when_a_label_is_bold(text, expected):
    assert blank_bold_marks(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "pa**word",  # inside a word: no mark
        "2**10 and x ** y",  # an exponent, an operator with blanks
        "*** rule ***",  # a thematic break
        "no marks at all",
    ],
)
def test_keeps_stars_when_they_open_or_close_no_bold_run(text):
    assert blank_bold_marks(text) == text


def test_keeps_the_length_when_marks_are_blanked():
    text = "**Customer ID**: 11-22 and **Name:** Ines Duarte"
    assert len(blank_bold_marks(text)) == len(text)
