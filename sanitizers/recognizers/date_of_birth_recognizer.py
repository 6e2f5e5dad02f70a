"""Dates of birth: a date right after a birth cue ("born on", "DOB:", "date of birth", "birthday").

Other dates (appointments, releases, "yesterday") are DATE_TIME and kept by default; only the date
is reported, so "date of birth: <DATE_OF_BIRTH_1>" still reads well.
"""

from typing import ClassVar

from sanitizers.pattern import Pattern
from sanitizers.value_group import ValueGroupRecognizer

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_DATE = (
    rf"(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:\d{{4}}|\d{{2}})|{_YEAR}[/.-]\d{{1,2}}[/.-]\d{{1,2}}"
    rf"|{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}|{_MONTH}\s+{_DAY},?\s+{_YEAR}|{_MONTH},?\s+{_YEAR}"
    rf"|{_DAY}\s+(?:of\s+)?{_MONTH}|{_MONTH}\s+{_DAY}|{_YEAR})"
)
_CUE = (
    r"(?:born|date\s+of\s+birth|d\.?\s?o\.?\s?b\.?|birth\s?date|birthday|b-?day|geburtsdatum|geboren|"
    r"fecha\s+de\s+nacimiento|nacid[oa]|date\s+de\s+naissance|né|née|data\s+di\s+nascita)"
)


class DateOfBirthRecognizer(ValueGroupRecognizer):
    """A date (numeric, textual, or a bare year) within a few words after a birth cue.

    Known false positive: "born" about someone or something else ("the project was born in 2019").
    """

    PATTERNS: ClassVar[list[Pattern]] = [
        # The gap may hold "on", "is", ":", "the" but not a sentence end or another number.
        Pattern("date_after_birth_cue", rf"\b{_CUE}(?!\w)[^\n\d.!?]{{0,25}}?(?<!\w)(?P<value>{_DATE})(?!\w|[/.-]\d)", 0.85),
    ]
    CONTEXT: ClassVar[list[str]] = ["born", "birth", "dob", "birthday"]

    def __init__(self, patterns: list[Pattern] | None = None, supported_entity: str = "DATE_OF_BIRTH"):
        super().__init__(supported_entity, patterns or self.PATTERNS, name="DateOfBirthRecognizer",
                         context=self.CONTEXT)
