import pytest

from sanitizers.recognizers.user_agent_recognizer import UserAgentRecognizer, may_hold_user_agent
from tests.sanitizers.recognizers.fakes import found
from tests.sanitizers.recognizers.gates import rejecting_gates

REC = UserAgentRecognizer()

CHROME = ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
          "Chrome/121.0.6167.85 Safari/537.36")
ANDROID = ("Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) "
           "Chrome/121.0.0.0 Mobile Safari/537.36")
OLD_IE = "Mozilla/5.0 (compatible; MSIE 8.0; Windows NT 5.2; Trident/4.1)"
OPERA = "Opera/9.12.(X11; Linux i686; de-AT) Presto/2.9.160 Version/12.00"
GENERATED = "Mozilla/5.0 (X11; Linux i686; rv:1.9.6.20) Gecko/2011-08-30 17:12:44 Firefox/3.6"

FOUND = [
    (f"my browser is {CHROME}. It fails", [CHROME]),  # the sentence's full stop stays
    (f'"user_agent": "{ANDROID}"', [ANDROID]),
    (f"logged from {OLD_IE} yesterday", [OLD_IE]),
    (f"UA {OPERA} and then", [OPERA]),
    (f"agent {GENERATED}, ok", [GENERATED]),  # a generator's time stamp in Gecko's slot
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_finds_browser_user_agent_whole(text, expected):
    assert found(REC, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "curl/8.4.0 and python-requests/2.31.0 are tools",
        "Mozilla/5.0 is how every browser starts",  # no platform in brackets
        "version = 'Mozilla/5.0 (Example Docs Updater)'",  # a tool's own agent: no platform parts
        "see https://developer.mozilla.org/en-US/docs (MDN) for more",
    ],
)
def test_keeps_tool_agents_and_mentions(text):
    assert found(REC, text) == []


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_passes_each_pattern_gate_when_the_pattern_matches(text, expected):
    assert rejecting_gates(REC, text) == []


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_passes_the_analyzer_prefilter_when_a_value_is_found(text, expected):
    # PiiAnalyzer runs the recognizer only on texts its prefilter passes: false here would hide a value.
    assert may_hold_user_agent(text, sum(ch.isdigit() for ch in text))
