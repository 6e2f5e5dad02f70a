import pytest

from sanitizers.recognizers.gps_coordinates_recognizer import GpsCoordinatesRecognizer, may_hold_coordinates
from tests.sanitizers.recognizers.fakes import found
from tests.sanitizers.recognizers.gates import rejecting_gates

REC = GpsCoordinatesRecognizer()

FOUND = [
    ("the drone landed at 48.215530, -71.338104. Then", ["48.215530, -71.338104"]),
    ("our cabin is located at -27.406112, 153.024501 and has", ["-27.406112, 153.024501"]),
    ("pin -33.8713201, 18.422975 on the map", ["-33.8713201, 18.422975"]),
    ("GPS: 51.50, -0.12 ok", ["51.50, -0.12"]),  # 2 decimals after a cue
    ("coordinates (41.9, 12.5).", ["41.9, 12.5"]),
    ("meet at 35.6812° N, 139.7671° E today", ["35.6812° N, 139.7671° E"]),  # hemispheres
    ('{"lat": 52.5200, "lng": 13.4050}', ["52.5200", "13.4050"]),  # labelled values
    ("the cabin near [-41.2865,174.7762] has no signal", ["-41.2865,174.7762"]),  # a pair alone in brackets
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_finds_coordinates(text, expected):
    assert found(REC, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "upgrade from 3.2.1, 3.2.4 today",  # versions
        "weights 0.1234, 0.5678, 0.9123 per layer",  # a vector of three numbers
        "sensor,12.3456,45.6789",  # a CSV row
        "2024-01-01,12.3456,45.6789",  # a CSV row after a date
        "it costs 12.50, 13.75 with tax",  # prices: 2 decimals and no cue
        "a range 12.5-13.5 in prose",  # a range
        "latitude 95.1234, 12.3456",  # out of range
        "at 200.1234, 12.3456 km",  # out of range
        "position 0.0, 0.0 is the origin",  # the zero pair
        "force 12 N, 45 E on the beam",  # units, not hemispheres
        "assert_close(test(20.3423, 3.1427))",  # a call's arguments
        "desired = np.array([[0.6187947, 0.5916236],",  # a row of an array
        "array([[ 1.        ,  0.9925608, -0.6808098],",  # padded columns of an array
        "  [0.9450332, 0.7898483]])",  # the last row of an array
        "point = array([0.9450332, 0.7898483])",  # brackets of a call
        "a = [1.4999999, 0.00003]",  # a list assigned in code
        "rows [[0.9450, 0.7898], [0.1234, 0.5678]]",  # pairs of a nested list
        "ratio 0.618794771585679, 0.591623627759746 computed",  # computed floats, not a GPS fix
    ],
)
def test_keeps_numbers_that_are_no_place(text):
    assert found(REC, text) == []


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_passes_each_pattern_gate_when_the_pattern_matches(text, expected):
    assert rejecting_gates(REC, text) == []


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_passes_the_analyzer_prefilter_when_a_value_is_found(text, expected):
    # PiiAnalyzer runs the recognizer only on texts its prefilter passes: false here would hide a value.
    assert may_hold_coordinates(text, sum(ch.isdigit() for ch in text))
