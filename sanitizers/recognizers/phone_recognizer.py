"""Phone numbers in the forms people type: +44 20 7946 0958, (415) 555-0132, 415.555.0132, 0049 30 1234567.

Candidates come from one anchored regex; python-phonenumbers then decides. Dates, version strings,
order numbers and bare digit runs without a phone cue are not phone numbers.
"""

import phonenumbers
import regex as re
from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

# A run of digit groups with at most one separator between groups; an optional +CC / 00CC and (area).
_CANDIDATE = re.compile(
    r"(?<![\w+/.:#@$€£-])(?:\+|00)?(?:\(\d{1,5}\)[ .-]?)?\d(?:[ .-]?\(?\d+\)?)*\d"
    r"(?:[ ]*(?:x|ext\.?|extension)[ ]*\d{1,6})?(?![\w]|[.-]\d|/\d)",
    re.IGNORECASE,
)
_GROUP = re.compile(r"\d+")
_DATE = re.compile(
    r"\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./](?:\d{4}|\d{2})|\d{1,2}:\d{2}(?::\d{2})?"
)
# North American 3-3-4 shape, with an optional leading 1: strong enough on its own.
_NANP_SHAPE = re.compile(r"(?:\+?1[ .-]?)?(?:\(\d{3}\)[ .-]?|\d{3}[ .-])\d{3}[ .-]\d{4}")
_EXTENSION = re.compile(r"[ ]*(?:x|ext\.?|extension)[ ]*\d{1,6}$", re.IGNORECASE)
# Words that make a bare digit run a phone number ("call me on 02079460958").
_PHONE_CUE = re.compile(
    r"\b(?:phone|tel|telephone|mobile|cell|cellphone|call|calling|ring|text|sms|whats\s?app|fax|number|"
    r"reach\s+me|contact)\b[^\n\d]{0,25}$",
    re.IGNORECASE,
)
# Words that make a digit run something else ("order 4155550132", "build 2024.01.15").
_NOT_PHONE_CUE = re.compile(
    r"\b(?:order|invoice|ticket|case|ref|reference|tracking|id|version|build|release|account|acct|"
    r"serial|sku|item|pin|otp|code|zip|postcode)\b[^\n\d]{0,12}$|#\s*$",
    re.IGNORECASE,
)
# Regions tried for numbers without a country code, most common in the data first.
DEFAULT_REGIONS = ("US", "GB", "DE", "FR", "IN", "CA", "AU", "ES", "IT", "NL", "BR", "MX", "IE", "PL")
MIN_DIGITS, MAX_DIGITS = 7, 15  # E.164 allows at most 15 digits


class PhoneRecognizer(LocalRecognizer):
    """International and national phone numbers, checked with python-phonenumbers.

    Known limits: a national number of a region not in `regions` is found only when written with
    +CC/00CC or after a phone cue; fictional 555-01xx numbers are found like real ones (they are valid).
    """

    def __init__(self, regions: tuple[str, ...] = DEFAULT_REGIONS, supported_entity: str = "PHONE_NUMBER"):
        self.regions = regions
        super().__init__(supported_entities=[supported_entity], name="PhoneRecognizer",
                         context=["phone", "call", "mobile", "tel"])

    def load(self) -> None:
        """Nothing to load: the phonenumbers metadata is imported with the module."""

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        """Phone numbers in `text`."""
        if entities and self.supported_entities[0] not in entities:
            return []
        results = []
        for match in _CANDIDATE.finditer(text):
            span = self._best_span(text, match.start(), match.end())
            if span is not None:
                results.append(self._result(*span))
        return results

    def _best_span(self, text: str, start: int, end: int) -> tuple[int, int, float] | None:
        """The longest run of whole digit groups inside the candidate that is a phone number."""
        whole = self._score(text, start, end)
        if whole:
            return start, end, whole
        groups = [(start + m.start(), start + m.end()) for m in _GROUP.finditer(text, start, end)]
        if len(groups) < 2 or len(groups) > 8:
            return None
        best = None
        for i in range(len(groups)):
            for j in range(len(groups) - 1, i, -1):
                s = start if i == 0 else groups[i][0]
                e = groups[j][1]
                if s == start and e == end:
                    continue
                score = self._score(text, s, e, inner=True)
                if score and (best is None or e - s > best[1] - best[0]):
                    best = (s, e, score)
        return best

    def _score(self, text: str, start: int, end: int, inner: bool = False) -> float:
        """The finding's score, or 0.0 when the span is not a phone number."""
        value = text[start:end]
        core = _EXTENSION.sub("", value)
        digits = sum(ch.isdigit() for ch in core)
        if not MIN_DIGITS <= digits <= MAX_DIGITS or _DATE.fullmatch(core):
            return 0.0
        if inner and (start > 0 and text[start - 1].isdigit() or end < len(text) and text[end].isdigit()):
            return 0.0
        before = text[max(0, start - 40) : start]
        if _NOT_PHONE_CUE.search(before):
            return 0.0
        cue = bool(_PHONE_CUE.search(before))
        separated = any(not ch.isdigit() for ch in core)
        if "." in core and not _NANP_SHAPE.fullmatch(core) and not core.startswith(("+", "00")):
            return 0.0  # dotted runs are versions and amounts, except the 415.555.0132 shape
        if core.startswith(("+", "00")):
            return 0.85 if self._possible(core, None) else 0.0
        if _NANP_SHAPE.fullmatch(core):
            return 0.85
        if not separated and not cue:
            return 0.0  # a bare digit run is an id until something says it is a phone number
        valid = any(self._valid(core, region) for region in self.regions)
        if valid:
            return 0.85 if cue else 0.7
        return 0.6 if cue and any(self._possible(core, r) for r in self.regions) else 0.0

    @staticmethod
    def _parse(value: str, region: str | None) -> phonenumbers.PhoneNumber | None:
        if value.startswith("00"):
            value = "+" + value[2:]
        try:
            return phonenumbers.parse(value, region)
        except phonenumbers.NumberParseException:
            return None

    def _valid(self, value: str, region: str | None) -> bool:
        number = self._parse(value, region)
        return number is not None and phonenumbers.is_valid_number_for_region(number, region)

    def _possible(self, value: str, region: str | None) -> bool:
        number = self._parse(value, region)
        return number is not None and phonenumbers.is_possible_number(number)

    def _result(self, start: int, end: int, score: float) -> RecognizerResult:
        return RecognizerResult(
            entity_type=self.supported_entities[0], start=start, end=end, score=score,
            recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                  RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id},
        )
