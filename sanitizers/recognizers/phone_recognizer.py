"""Phone numbers in the forms people type: +44 20 7946 0958, (415) 555-0132, 415.555.0132, 0049 30 1234567,
04.72.15.33.90, 030/1234567, and national numbers after a phone cue ("tel. 61 402 775").

Candidates come from one anchored regex; python-phonenumbers then decides, with the words before the
number as evidence: a phone cue ("call", "Tel.", "mobil") lets any possible number of a known region
through; an id cue ("order", "ticket", "card"), a currency or a date shape keeps it out.
"""

import itertools
import unicodedata

import phonenumbers
import regex as re
from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from sanitizers.recognizer_result import recognizer_result

# One separator between digit groups: a space, or a dot, dash or slash with optional spaces around it
# (Unicode dashes and no-break spaces too, as pasted from documents).
_SEP = r"(?:[ \u00a0\u202f]?[.\-/\u2010-\u2015\u2212\uff0d][ \u00a0\u202f]?|[ \u00a0\u202f])"
# Digit groups, each optionally parenthesised; an optional +CC / 00CC / (0) / (area) in front.
# Linear time: every quantifier is bounded and possessive, so a start position costs at most
# `_MAX_GROUPS` steps whatever follows; a run that goes on past that is no candidate at all, and a start
# right after a digit and a separator (inside such a run) is rejected at once by the look-behind.
_MAX_GROUPS = 10
_CANDIDATE = re.compile(
    rf"(?<![\w+/.:#@$€£-])(?:\([+\uff0b]\d{{1,4}}\){_SEP}?+|[+\uff0b]|(?<!\d{_SEP}))(?:\(\d{{1,5}}\){_SEP}?+)?\d{{1,15}}+"
    rf"(?:{_SEP}?+\(?+\d{{1,15}}+\)?+){{0,{_MAX_GROUPS - 1}}}+"
    r"(?:[ ]*(?:x|ext\.?|extension)[ ]*\d{1,6})?+"
    rf"(?!\w|{_SEP}?\(?\d)",
    re.IGNORECASE,
)
_GROUP = re.compile(r"\d+")
_LONE_DIGIT_END = re.compile(r"\d[ ]\d$")
_DATE = re.compile(
    r"\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./](?:\d{4}|\d{2})|\d{1,2}:\d{2}(?::\d{2})?"
)
# A date and the hour of a time after it ("2024-11-05 09" of "2024-11-05 09:12:44", "[2023-06-30 17:02:09,114]",
# "12/04/2022 11:25 AM"): the candidate stops at the time's colon, and year, month, day and hour are in range.
_DATE_HOUR = re.compile(
    r"(?:(?P<y>\d{4})[-./](?P<m>\d{1,2})[-./](?P<d>\d{1,2})|(?P<d2>\d{1,2})[-./](?P<m2>\d{1,2})[-./](?P<y2>\d{4}))"
    r"[ T]{1,2}(?P<h>\d{1,2})"
)
# North American 3-3-4 shape, with an optional leading 1: strong enough on its own.
_NANP_SHAPE = re.compile(r"(?:\+?1[ .-]?)?(?:\(\d{3}\)[ .-]?|\d{3}[ .-])\d{3}[ .-]\d{4}")
# The French/Belgian/Swiss dotted shape, 0X.XX.XX.XX.XX: no version or amount looks like it.
_DOTTED_PAIRS = re.compile(r"0\d(?:\.\d{2}){4}")
# Digits grouped by thousands ("8 336 817", "1.299.000"): a count or an amount unless a cue says phone.
_THOUSANDS_SHAPE = re.compile(r"\d{1,3}(?:([ .,\u00a0\u202f])\d{3})(?:\1\d{3})*")
_EXTENSION = re.compile(r"[ ]*(?:x|ext\.?|extension)[ ]*\d{1,6}$", re.IGNORECASE)
# Words that make a digit run a phone number ("call me on 02079460958", "Tél. : 04 72 15 33 90"), in the
# languages of the regions below; "T:", "M:" and "Ph" as in signatures.
_PHONE_CUE = re.compile(
    r"(?:\b(?:phone|ph|tel|tél|telephone|téléphone|telefon|telefoon|teléfono|telefone|telefono|tlf|tfn|"
    r"mobile|mobil|mob|móvil|movil|cell|cellphone|cellulare|cellulaire|portable|handy|gsm|puhelin|"
    r"call|calling|called|ring|text|sms|whats\s?app|signal|fax|hotline|helpline|"
    r"number|nummer|numéro|número|numero|reach\s+me|reach\s+us|contact|dial|"
    r"anrufen|erreichbar|appelez|appeler|llámame|llamar|chiamare|bellen|телефон|тел|هاتف|هاتفي)\b|\b[tm]\s*:|"
    r"電話|电话|手机)"
    r"[^\n\d]{0,25}$",
    re.IGNORECASE,
)
# The cues that name a phone itself (not "number", "contact"): after them a counting run grouped as people
# write a phone number ("Phone: (123) 456-7890") is one, as forms and synthetic data write it.
_EXPLICIT_PHONE_CUE = re.compile(
    r"(?:\b(?:phone|ph|tel|tél|telephone|téléphone|telefon|telefoon|teléfono|telefone|telefono|tlf|tfn|"
    r"mobile|mobil|mob|móvil|movil|cell|cellphone|cellulare|cellulaire|handy|gsm|fax|whats\s?app|"
    r"call\s+(?:me|us)|text\s+(?:me|us)|ring\s+(?:me|us))\b|\b[tm]\s*:|電話|电话|手机)[^\n\d]{0,25}$",
    re.IGNORECASE,
)
# Words that make a digit run something else ("order 4155550132", "build 2024.01.15", "card 5018...").
_NOT_PHONE_CUE = re.compile(
    r"\b(?:order|invoice|ticket|case|ref|reference|tracking|id|version|build|release|account|acct|"
    r"serial|sku|item|pin|otp|code|zip|postcode|card|iban|bic|swift|routing|sort\s+code|transaction|"
    # "customer service at +1 ...", "member services": a line people call, no customer's number.
    r"txn|confirmation|booking|policy|claim|(?:customer|member)(?!\s+(?:service|support|care|relations))|"
    r"membership|contract|po|purchase\s+order|isbn|issn|ean|upc|"
    r"imei|vin|ssn|passport|licen[cs]e|tax|vat|amount|total|balance|price|population|page|pages|"
    r"commit|sha|hash|revision|rev)\b"
    r"[^\n\d]{0,12}$|#\s*$",
    re.IGNORECASE,
)
# A currency right before or after the digits: an amount, not a phone number.
_CURRENCY_BEFORE = re.compile(r"(?:[$€£¥₹₽₩]|\b(?:usd|eur|gbp|chf|sek|nok|dkk|pln|czk|huf|inr|jpy|rs|kr|zł)\.?)\s*$",
                              re.IGNORECASE)
_CURRENCY_AFTER = re.compile(r"^\s*(?:[$€£¥₹₽₩]|(?:usd|eur|gbp|chf|sek|nok|dkk|pln|czk|huf|inr|jpy|kr|zł|"
                             r"euros?|dollars?|pounds?|kronor|kroner|złotych)\b)", re.IGNORECASE)
# Regions tried for numbers without a country code and without a cue, most common in the data first.
DEFAULT_REGIONS = ("US", "GB", "DE", "FR", "IN", "CA", "AU", "ES", "IT", "NL", "BR", "MX", "IE", "PL")
# Regions tried after a phone cue: the above plus the rest of Europe and the larger markets.
CUE_REGIONS = DEFAULT_REGIONS + (
    "AT", "CH", "BE", "LU", "PT", "SE", "NO", "DK", "FI", "IS", "EE", "LV", "LT", "CZ", "SK", "HU", "SI",
    "HR", "RO", "BG", "GR", "CY", "MT", "TR", "UA", "NZ", "ZA", "JP", "CN", "KR", "SG", "PH", "AR", "CL",
    "CO", "AE", "IL",
)
MIN_DIGITS, MAX_DIGITS = 7, 15  # E.164 allows at most 15 digits
MIN_BARE_DIGITS = 9  # a national number written without separators and without a cue: 0 + 8 digits at least
_LOOK_BACK = 40  # characters before a number searched for cues
SURE = 0.85  # the score of a number whose shape or cue leaves no doubt


def _counts(core: str) -> bool:
    """True for a counting run of digits ("0123456789", "98765432"): a filler, no subscriber's number."""
    digits = [int(ch) for ch in core if ch.isdigit()]
    steps = {(b - a) % 10 for a, b in itertools.pairwise(digits)}
    return steps in ({1}, {9})


class PhoneRecognizer(LocalRecognizer):
    """International and national phone numbers, checked with python-phonenumbers.

    Known limits: a national number of a region not in `cue_regions` is found only when written with
    +CC/00CC; without a cue, a bare digit run is found only when it starts with a trunk 0 and is valid
    in one of `regions`; fictional 555-01xx numbers are found like real ones (they are valid).
    """

    def __init__(self, regions: tuple[str, ...] = DEFAULT_REGIONS, supported_entity: str = "PHONE_NUMBER",
                 cue_regions: tuple[str, ...] = CUE_REGIONS):
        self.regions = regions
        self.cue_regions = cue_regions
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
            end = match.end()
            if _LONE_DIGIT_END.search(text, match.start(), end):
                end -= 2  # "tel: 415 555 0132 2 times": no phone number ends in a lone digit after a space
            span = self._best_span(text, match.start(), end)
            if span is not None:
                results.append(self._result(*span))
        return results

    def _best_span(self, text: str, start: int, end: int) -> tuple[int, int, float] | None:
        """The surest, then longest, run of whole digit groups inside the candidate that is a phone number.

        A part is cut at spaces only ("tel: 415 555 0132 2 times" gives "415 555 0132"), never inside a
        dashed or dotted run ("ISBN 978-3-16-148410-0" holds no phone number); a valid number beats a
        longer possible one.
        """
        best = None
        whole = self._score(text, start, end, start)
        if whole:
            best = (start, end, whole)
        if whole >= SURE:
            return best
        groups = [m.span() for m in _GROUP.finditer(text, start, end)]  # offsets in `text`
        if len(groups) < 2 or len(groups) > 8:
            return best
        for i in range(len(groups)):
            for j in range(len(groups) - 1, i, -1):
                s = start if i == 0 else groups[i][0]
                e = groups[j][1]
                if s == start and e == end or not _cut_at_spaces(text, s, e, start, end):
                    continue
                score = self._score(text, s, e, start)
                if score and (best is None or (score, e - s) > (best[2], best[1] - best[0])):
                    best = (s, e, score)
        return best

    def _score(self, text: str, start: int, end: int, candidate_start: int) -> float:
        """The finding's score, or 0.0 when the span is not a phone number.

        Cues are read before the candidate the span was cut from.
        """
        core = _EXTENSION.sub("", ascii_digits(text[start:end]))
        digits = sum(ch.isdigit() for ch in core)
        if not MIN_DIGITS <= digits <= MAX_DIGITS or _DATE.fullmatch(core) or _is_date_hour(core, text[end:end + 1]):
            return 0.0
        before = text[max(0, candidate_start - _LOOK_BACK) : candidate_start]
        if _counts(core) and (core.isdigit() or not _EXPLICIT_PHONE_CUE.search(before)):
            return 0.0  # a bare counting run is a filler in code and config; grouped after "Phone:", a phone
        if _NOT_PHONE_CUE.search(before) or _is_amount(before, text[end : end + 12]):
            return 0.0
        cue = bool(_PHONE_CUE.search(before))
        if core.startswith(("+", "00", "(+")):
            return SURE if self._possible(core, None) else 0.0
        if _NANP_SHAPE.fullmatch(core) or _DOTTED_PAIRS.fullmatch(core):
            return SURE
        if cue:
            if any(self._valid(core, r) for r in self.regions):
                return SURE
            if any(self._valid(core, r) for r in self.cue_regions):
                return 0.8
            return 0.6 if any(self._possible(core, r) for r in self.cue_regions) else 0.0
        return self._score_without_cue(core)

    def _score_without_cue(self, core: str) -> float:
        """A national number with nothing around it: its own shape must say phone."""
        trunk_zero = core[0] == "0" and core[1:2].isdigit() and core[1] != "0" or core.startswith("(0")
        if _THOUSANDS_SHAPE.fullmatch(core) and not trunk_zero:
            return 0.0  # "8 336 817" is a count; "031 985 877" is not
        separated = any(not ch.isdigit() for ch in core)
        if "." in core and not trunk_zero:
            return 0.0  # dotted runs are versions and amounts, unless they start with a trunk 0
        if "/" in core and not trunk_zero:
            return 0.0  # "030/1234567" is a phone number, "120/134" is not
        if not separated and (not trunk_zero or len(core) < MIN_BARE_DIGITS):
            return 0.0  # a bare digit run is an id (a short git sha, a code) until something says phone
        if any(self._valid(core, region) for region in self.regions):
            return 0.7 if separated else 0.6
        if separated and trunk_zero and any(self._valid(core, region) for region in self.cue_regions):
            return 0.6  # a national number with its trunk 0, grouped as people write them
        return 0.0

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
        return recognizer_result(self, start, end, score)


def may_hold_phone(text: str, digits: int) -> bool:
    """Prefilter: 7 digits; `digits` counts the ASCII ones, other scripts' digits count in non-ASCII texts."""
    if digits >= MIN_DIGITS:
        return True
    return not text.isascii() and sum(1 for ch in text if ch.isdecimal()) >= MIN_DIGITS


def ascii_digits(value: str) -> str:
    """`value` with every Unicode decimal digit as its ASCII digit, and a full-width plus and dash as ASCII."""
    if value.isascii():
        return value
    chars = (str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in value)
    return "".join(chars).replace("\uff0b", "+").replace("\uff0d", "-")


def _cut_at_spaces(text: str, s: int, e: int, start: int, end: int) -> bool:
    """True when the part [s, e) of the candidate [start, end) is cut from it at spaces only."""
    return (s == start or text[s - 1].isspace()) and (e == end or text[e].isspace())


def _is_date_hour(core: str, after: str) -> bool:
    """True for a date and an hour cut at the time's colon ("2024-11-05 09" before ":12:44")."""
    match = _DATE_HOUR.fullmatch(core)
    if match is None or after != ":":
        return False
    month, day = int(match["m"] or match["m2"]), int(match["d"] or match["d2"])
    return 1 <= month <= 12 and 1 <= day <= 31 and int(match["h"]) <= 23


def _is_amount(before: str, after: str) -> bool:
    """A currency sign or code right before or after the digits."""
    return bool(_CURRENCY_BEFORE.search(before) or _CURRENCY_AFTER.search(after))
