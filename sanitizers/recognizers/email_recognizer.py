"""E-mail addresses, without Presidio's tldextract check (it fetches the public suffix list online)."""

from typing import ClassVar

from presidio_analyzer import Pattern

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
            r"(?<![\w.%+-])[\w%+-]+(?:['.][\w%+-]+)*"
            r"@(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+(?:[^\W\d_]{2,24}|xn--[a-z0-9-]{2,59})(?![\w-])",
            0.9,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["email", "e-mail", "mail", "contact"]

    def __init__(self, patterns: list[Pattern] | None = None, supported_entity: str = "EMAIL_ADDRESS"):
        super().__init__(supported_entity, patterns or self.PATTERNS, name="EmailRecognizer", context=self.CONTEXT)
