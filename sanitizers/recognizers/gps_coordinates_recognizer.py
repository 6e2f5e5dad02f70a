"""A place given as a latitude and longitude ("-27.406112, 153.024501", "35.6812° N, 139.7671° E").

Coordinates with 4 decimals or more point at a building (about 10 m); a pair of them in range is taken
anywhere, unless it sits in a longer run of numbers (a CSV row, a vector, a table of measurements).
With fewer decimals the pair needs a cue before it ("GPS", "coordinates", "location", "lat/long") or
hemisphere letters or degree signs; labelled values ("lat": 40.71, "lng": -74.00) are taken one by one.
Versions (1.2.3), prices (2 decimals, no cue), ranges ("12.5-13.5") and single numbers stay.
"""

import re
from collections.abc import Callable
from typing import ClassVar

from sanitizers.code_cues import cued_regex
from sanitizers.pattern import Pattern
from sanitizers.value_group import ValueGroupRecognizer, holds_any

# Not a number of a longer run: no digit, dot or word before, and no list separator after a number; not
# the first number in brackets (a tuple, an array, a point in code or maths: "(20.3423, 3.1427)").
_BEFORE = r"(?<![\w.,;|\t+-]|[,;|\t]\s{0,40}|[\[(]\s{0,40})"
_AFTER = r"(?!\w|\.\w|°|\s*[,;|\t]\s*[+-]?\d|\s*\])"
_LAT = r"[+-]?\d{1,2}\.\d{%s}"
_LON = r"[+-]?1?\d{1,2}\.\d{%s}"
# 4-8 decimals: a GPS fix has 5-7; a float with more is computed, not measured.
_PAIR = rf"{_LAT % '4,8'},[ ]?{_LON % '4,8'}"
# A pair after a cue, 1+ decimals; hemisphere letters or degree signs make a pair on their own.
_CUED_PAIR = rf"(?<![+-]){_LAT % '1,10'}(?:°)?,[ ]?{_LON % '1,10'}(?:°)?"
_HEMISPHERES = r"\d{1,2}(?:\.\d+(?:°)?|°)[ ]?(?-i:[NS]),?[ ]{0,2}1?\d{1,2}(?:\.\d+(?:°)?|°)[ ]?(?-i:[EW])"
_LAT_LABEL = r"(?:lat|latitude)[\"']?\s*[:=]\s*[\"']?"
_LON_LABEL = r"(?:lng|lon|long|longitude)[\"']?\s*[:=]\s*[\"']?"
_LABELLED_LAT = r"[+-]?\d{1,2}\.\d{2,}"
_LABELLED_LON = r"[+-]?1?\d{1,2}\.\d{2,}"
_BETWEEN_LABELS = r"[\"']?\s*[,;\n]\s*[\"']?"
# Every pair's latitude has decimals, then a comma and a digit or a hemisphere letter (a degree sign is not
# ASCII); labelled values a "lat:" / "latitude =" label.
_PAIR_HINT = re.compile(r"\.\d+(?:,\s?[+-]?\d|\s?[NSns][, ])|[Ll][Aa][Tt](?:[Ii][Tt][Uu][Dd][Ee])?[\"']?\s*[:=]")


def may_hold_coordinates(text: str, digits: int) -> bool:
    """The PiiAnalyzer prefilter: 2+ digits and decimals before a pair's comma or a hemisphere, or a "lat:" label."""
    return digits >= 2 and (not text.isascii() or _PAIR_HINT.search(text) is not None)


def _numbers(value: str) -> list[float]:
    cleaned = "".join(ch if ch.isdigit() or ch in ".-+" else " " for ch in value)
    return [float(part) for part in cleaned.split() if part.strip("+-.")]


def pair_ok(value: str) -> bool:
    """A latitude within +-90 and a longitude within +-180, not both zero (a filler)."""
    numbers = _numbers(value)
    if len(numbers) != 2:
        return False
    lat, lon = numbers
    return abs(lat) <= 90 and abs(lon) <= 180 and (lat, lon) != (0, 0)


def lat_ok(value: str) -> bool:
    return abs(float(value.strip("\"'"))) <= 90


def lon_ok(value: str) -> bool:
    return abs(float(value.strip("\"'"))) <= 180


class GpsCoordinatesRecognizer(ValueGroupRecognizer):
    """Latitude-longitude pairs: 4+ decimals anywhere, fewer after a cue or with hemispheres; labelled values.

    Limits: degrees-minutes-seconds (40°42'46"N) and a pair written "lat lon" with no comma are missed;
    a two-column table of 4-decimal numbers in range, one pair a line, reads as coordinates.
    """

    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("pair", rf"{_BEFORE}(?P<value>{_PAIR}){_AFTER}", 0.7),
        # A pair alone in brackets in prose ("near [-41.2865,174.7762]"): not after a word, another bracket or
        # an assignment (a call, an array, "a = [1.4999999, 0.00003]"), the brackets closing before prose.
        Pattern("bracketed_pair", rf"(?<![\w\[(,]|[=:]\s{{0,3}})[\[(](?P<value>{_PAIR})[\])](?![\w\[\](),])", 0.7),
        Pattern("pair_after_cue", cued_regex("COORDINATES", _CUED_PAIR) + _AFTER, 0.8),
        Pattern("pair_with_hemispheres", rf"(?<![\w.])(?P<value>{_HEMISPHERES})(?!\w)", 0.8),
        Pattern("labelled_latitude",
                rf"\b{_LAT_LABEL}(?P<value>{_LABELLED_LAT})(?=[\"']?\s*[,;\n]\s*[\"']?{_LON_LABEL}[+-]?\d)", 0.8),
        Pattern("labelled_longitude",
                rf"(?<=\b{_LAT_LABEL}{_LABELLED_LAT}{_BETWEEN_LABELS}){_LON_LABEL}(?P<value>{_LABELLED_LON})(?![\w.])",
                0.8),
    ]
    CONTEXT: ClassVar[list[str]] = ["gps", "coordinates", "location", "latitude", "longitude"]
    PATTERN_GATES: ClassVar[dict[str, Callable[[str], bool]]] = {
        "pair_after_cue": holds_any("coord", "gps", "geo", "lat", "locat", "position", "pinned"),
        "labelled_latitude": holds_any("lat"),
        "labelled_longitude": holds_any("lat"),
    }
    CUED_PATTERNS: ClassVar[dict[str, Callable[[str], bool]]] = {
        "pair": pair_ok,
        "bracketed_pair": pair_ok,
        "pair_after_cue": pair_ok,
        "pair_with_hemispheres": pair_ok,
        "labelled_latitude": lat_ok,
        "labelled_longitude": lon_ok,
    }

    def __init__(self, patterns: list[Pattern] | None = None, supported_entity: str = "GPS_COORDINATES"):
        super().__init__(supported_entity, patterns or self.PATTERNS, name="GpsCoordinatesRecognizer",
                         context=self.CONTEXT)
