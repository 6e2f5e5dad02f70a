"""E-mail addresses, without Presidio's tldextract check (it fetches the public suffix list online).

Addresses spelled out to dodge scrapers (`ana [at] example [dot] com`, `ana (at) example dot com`) are
found through the text's shadow: `spelled_out_addresses` gives each one's span and its plain form,
which `sanitizers.shadow_text` puts in the shadow, where the pattern below finds it.
"""

import re as stdlib_re
from typing import ClassVar

import regex as re

from sanitizers.pattern import Pattern
from sanitizers.value_group import ValueGroupRecognizer


class EmailRecognizer(ValueGroupRecognizer):
    """E-mail addresses in prose, code and URLs (`mailto:`).

    The domain must end in an alphabetic top-level label, so `user@host` on a LAN and `pkg@1.2.3`
    (npm versions) stay. Known false positive: `git@github.com`-style SSH remotes, which are harmless to replace.
    """

    PATTERNS: ClassVar[list[Pattern]] = [
        # RFC 5322 dot-atom local part, restricted to the characters real addresses use (quotes, "=" and
        # "/" are code delimiters far more often) @ hostname labels, TLD of 2-24 letters or punycode.
        Pattern(
            "email",
            # Not the "password@host" of a URL's userinfo ("https://user:password@host"): no address.
            r"(?<![\w.%+-])(?<!://[^\s/@:]{0,128}:)[\w%+-]+(?:['.][\w%+-]+)*"
            r"@(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+(?:[^\W\d_]{2,24}|xn--[a-z0-9-]{2,59})(?![\w-])",
            0.9,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["email", "e-mail", "mail", "contact"]

    def __init__(self, patterns: list[Pattern] | None = None, supported_entity: str = "EMAIL_ADDRESS"):
        super().__init__(supported_entity, patterns or self.PATTERNS, name="EmailRecognizer", context=self.CONTEXT)

    def invalidate_result(self, pattern_text: str) -> bool:
        """Drop mailboxes that reach no person (`noreply@...`) and placeholders (`your-name@your-co.com`)."""
        local = pattern_text.split("@", 1)[0].casefold()
        return local in _NO_PERSON_MAILBOXES or bool(_PLACEHOLDER_WORD.search(pattern_text))


# Mailboxes no one reads or that name a role of a machine (RFC 2142 postmaster, bounce addresses).
_NO_PERSON_MAILBOXES = frozenset(
    {"noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "do_not_reply", "mailer-daemon",
     "postmaster"}
)
# "your" as a word of its own: "your-service@your-project...", "your.name@company.com".
_PLACEHOLDER_WORD = stdlib_re.compile(r"(?<![A-Za-z])[Yy]our(?![a-z])")


# "at" in brackets (a bare " at " is ordinary English), then domain labels joined by ".", "[dot]",
# "(dot)" or " dot ", ending in an alphabetic top-level label; brackets may be [], (), {} or <>.
_OPEN, _CLOSE = r"[\[({<]", r"[\])}>]"
_DOT = rf"(?:\s*{_OPEN}\s*dot\s*{_CLOSE}\s*|\s+dot\s+|\.)"
SPELLED_OUT = re.compile(
    rf"(?<![\w.%+-])(?P<local>[\w%+-]+(?:{_DOT}[\w%+-]+){{0,5}})\s*{_OPEN}\s*at\s*{_CLOSE}\s*"
    rf"(?P<domain>[^\W_][\w-]{{0,62}}(?:{_DOT}[^\W_][\w-]{{0,62}}){{0,5}}{_DOT}[^\W\d_]{{2,24}})(?![\w-])",
    flags=re.IGNORECASE,
)
_DOT_ONLY = re.compile(_DOT, flags=re.IGNORECASE)
# The cheap test first: stdlib `re` scans for the opening bracket in C.
_BRACKETED_AT = stdlib_re.compile(r"[\[({<]\s*[aA][tT]\s*[\])}>]")


def spelled_out_addresses(text: str) -> list[tuple[int, int, str]]:
    """(start, end, plain address) for each address in `text` written with "[at]" / "(at)" and dots in words."""
    if _BRACKETED_AT.search(text) is None:  # one fast scan for a bracket: most texts stop here
        return []
    return [
        (m.start(), m.end(), _DOT_ONLY.sub(".", m.group("local")) + "@" + _DOT_ONLY.sub(".", m.group("domain")))
        for m in SPELLED_OUT.finditer(text)
    ]
