"""A browser's user-agent string, replaced whole ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) ... Safari/537.36").

A user agent is a fingerprint of a person's device (platform, language, browser and versions); every
browser's starts with "Mozilla/" or (old Opera) "Opera/", then its platform in brackets, parts parted by ";"
("(Pygments Updater)" in a tool's code names no platform). The rest is
product/version tokens, bracketed comments ("(KHTML, like Gecko)"), "Mobile", and the odd time stamp
that generated data put in Gecko's slot. Tools' agents ("curl/8.4.0", "python-requests/2.31") name no
person's device and stay.
"""

from collections.abc import Callable
from typing import ClassVar

from sanitizers.pattern import Pattern
from sanitizers.value_group import ValueGroupRecognizer, holds_any

# A product/version token ending in a letter or digit (a sentence's full stop stays outside).
_TOKEN = r"[A-Za-z][\w.!-]*/[\w.+:-]*[\w+]"
_COMMENT = r"\([^()\n]{0,300}\)"
_USER_AGENT = (
    rf"(?<![\w/])(?-i:Mozilla|Opera)/\d+(?:\.\d+)*\.?[ ]?\([^()\n;]{{1,150}};[^()\n]{{1,300}}\)"
    rf"(?:[ ]+(?:{_TOKEN}|{_COMMENT}|(?-i:Mobile)|\d{{1,2}}:\d{{2}}:\d{{2}}))*"
)


def may_hold_user_agent(text: str, digits: int) -> bool:
    """The PiiAnalyzer prefilter: "Mozilla/" or "Opera/" as the pattern writes them (case-sensitive)."""
    return "Mozilla/" in text or "Opera/" in text


class UserAgentRecognizer(ValueGroupRecognizer):
    """Browser user-agent strings, from "Mozilla/" or "Opera/" to their last product token.

    Limits: agents of apps and crawlers that do not start with Mozilla/Opera are missed, and a user
    agent cut before its bracketed platform is kept.
    """

    PATTERNS: ClassVar[list[Pattern]] = [Pattern("browser_user_agent", _USER_AGENT, 0.8)]
    CONTEXT: ClassVar[list[str]] = ["user-agent", "user agent", "browser"]
    PATTERN_GATES: ClassVar[dict[str, Callable[[str], bool]]] = {
        "browser_user_agent": holds_any("mozilla/", "opera/"),
    }

    def __init__(self, patterns: list[Pattern] | None = None, supported_entity: str = "USER_AGENT"):
        super().__init__(supported_entity, patterns or self.PATTERNS, name="UserAgentRecognizer",
                         context=self.CONTEXT)
