"""Secrets assigned to a telling name: `password=...`, `"api_key": "..."`, `--token ...`, `Bearer ...`."""

import base64
import binascii
import math
import re
from typing import ClassVar

from sanitizers.entropy import (
    char_classes,
    is_repetitive,
    is_sequential,
    looks_like_code_reference,
    looks_like_identifier,
    looks_like_placeholder,
    shannon_entropy,
)
from sanitizers.pattern import Pattern
from sanitizers.recognizers.secret_recognizer import SecretRecognizer

# After the name: optional closing quote/bracket, then `=`, `:`, `:=` or `=>`.
_SEP = r"(?:\\?[\"'])?\]?[ \t]*(?::=|=>|=|:)[ \t]*"
# One character of a bare value: not blank, quote or bracket, and an `&` only when it does not
# start the next query parameter (`?token=abc&page=2` ends the value at `&`). That needs a query
# string: a `?` or `&` earlier in the same run. Without one, `&x=` is part of a password
# (`DB_PASSWORD=nax4&h=T^DkZ` in an env file or compose list).
_BARE_CHAR = r"(?:[^\s\"'`,;<>(){}\[\]\\&]|&(?![A-Za-z_][A-Za-z0-9_.-]*=)|(?<![?&][^\s\"'`]{0,512})&)"
# The value, span only (\K): quoted (spaces allowed inside, the quote ends it) or bare (ends at
# whitespace or punctuation; must be the whole run so a long secret is never cut in half, and not
# the head of a template such as `tgp_v1_<your-key>` or `key_{name}`).
_VALUE = (
    r"(?:\\?[\"'`]\K[^\"'`\\\r\n]{6,512}(?=\\?[\"'`])"
    r"|\K" + _BARE_CHAR + r"{6,1024}(?!" + _BARE_CHAR + r"|[<{(\[]))"
)
# Values that refer to a secret instead of holding it: YAML aliases/anchors (*db_pass, &pw; the
# name must read as one, see `looks_like_identifier`) and tags (!Ref), curl/CLI file references
# (@secret.txt), paths (/run/secrets/db, ./pw.txt, ~/.pgpass; a bare `/x` only as a file name).
_ANCHOR = re.compile(r"^[*&](.+)$")
_WHITESPACE = re.compile(r"\s")  # what str.isspace() calls whitespace
_REFERENCE = re.compile(
    r"^(?:![A-Za-z]+|@[\w.-]+\.[A-Za-z]{1,5}"
    r"|(?:~|\.{1,2})/[\w.-]+(?:/[\w.-]*)*"
    r"|/[\w.-]+(?:/[\w.-]*)+"
    r"|/[\w-]+\.[A-Za-z]{1,5})$"
)
_BASIC = re.compile(r"^[A-Za-z0-9+/]{8,}={0,2}$")


def _assignment(name_regex: str) -> str:
    return name_regex + _SEP + _VALUE


def _is_basic_credential(value: str) -> bool:
    """True when `value` is base64 of `user:password` (an HTTP Basic credential)."""
    if not _BASIC.match(value):
        return False
    try:
        decoded = base64.b64decode(value, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return False
    user, sep, password = decoded.partition(":")
    return bool(sep and user and password and decoded.isprintable())


class PasswordAssignmentRecognizer(SecretRecognizer):
    """Detects values assigned to password/secret/token/api-key names; the span is the value only.

    The value must look like a secret: not a placeholder or code reference, and random enough for its
    length (or, for chosen passwords, all four character classes). Known misses: passphrases with
    spaces, digit-only PINs, words (`password: tiger`), and letters-only random values that happen
    to read as a camelCase name (`tqwXbnRfoZk`, ~2% of 15-letter ones): in code, `password=smtpPassword`
    names a variable far more often than it holds a password.
    """

    ENTITY = "PASSWORD_ASSIGNMENT"
    PATTERNS: ClassVar[list[Pattern]] = [
        # detect-secrets KeywordDetector and gitleaks "generic-api-key" look for the same
        # name = value shapes; one pattern per name so each starts with a fast literal search.
        Pattern("password assignment", _assignment(r"(?i:pass)(?i:word|wd|phrase|code)?"), 0.7),
        Pattern("pwd assignment", _assignment(r"(?i:pwd)"), 0.7),
        Pattern("secret assignment", _assignment(r"(?i:secret)(?i:[_-]?(?:access[_-]?)?key)?"), 0.7),
        Pattern("token assignment", _assignment(r"(?i:token)"), 0.7),
        Pattern("api key assignment", _assignment(r"(?i:api)[_-]?(?i:key)"), 0.7),
        Pattern(
            "access/private/auth key assignment",
            _assignment(r"(?i:access|private|auth|signing|encryption|master)[_-]?(?i:key)"),
            0.7,
        ),
        Pattern("credentials assignment", _assignment(r"(?i:credential)(?i:s)?"), 0.7),
        # Command-line flags: --password X, --token=X, --api-key X (curl, CLIs, docker run).
        Pattern(
            "secret command-line flag",
            r"--(?i:password|passwd|pass|token|api-key|apikey|api_key|secret|auth-token|access-token)"
            r"(?:=|[ \t]+)" + _VALUE,
            0.7,
        ),
        # Prose: "my password is X", "the passcode was X".
        Pattern(
            "password in prose",
            r"(?i:pass)(?i:word|code|phrase)[ \t]+(?i:is|was)[ \t]*:?[ \t]*" + _VALUE,
            0.6,
        ),
        # RFC 6750 bearer tokens and RFC 7617 Basic credentials in an Authorization header
        # (gitleaks "curl-auth-header"). Span = the credential after the scheme.
        Pattern(
            "authorization header credential",
            r"(?i:authorization)[\"']?[ \t]*[:=][ \t]*[\"']?(?i:bearer|basic|token)[ \t]+\K"
            r"[A-Za-z0-9._~+/-]{16,4096}=*(?![A-Za-z0-9._~+/=-])",
            0.8,
        ),
        Pattern(
            "bearer token",
            r"(?i:bearer)[ \t]+\K[A-Za-z0-9._~+/-]{20,4096}=*(?![A-Za-z0-9._~+/=-])",
            0.75,
        ),
        # curl -u / --user user:password (curl man page "-u, --user <user:password>"); span = password.
        Pattern(
            "curl user:password option",
            r"(?:(?<![\w-])-u|(?i:--user))(?:=|[ \t]+)[\"']?[^\s:\"'@]{1,64}:\K[^\s\"'@]{6,256}"
            r"(?=[\"']?(?:\s|$))",
            0.8,
        ),
        # mysql -p<password> (glued, per the MySQL client docs) and sshpass -p <password>.
        Pattern(
            "mysql/sshpass password option",
            r"(?:(?i:mysql)\w*[ \t][^\n]{0,80}?(?<![\w-])-p(?=[^\s-])|(?i:sshpass)[ \t]+-p[ \t]+)[\"']?\K"
            r"[^\s\"']{6,256}(?![^\s\"'])",
            0.75,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["password", "secret", "token", "api_key", "credential", "bearer"]
    PREFILTER: ClassVar[tuple[str, ...]] = (
        "pass",
        "pwd",
        "secret",
        "token",
        "key",
        "credential",
        "bearer",
        "authorization",
        "-u",
        "--user",
        "mysql",
        "sshpass",
    )
    # Which literal each pattern needs, so a text holding only "key" runs two patterns, not eleven.
    PATTERN_LITERALS: ClassVar[dict[str, tuple[str, ...]]] = {
        "password assignment": ("pass",),
        "pwd assignment": ("pwd",),
        "secret assignment": ("secret",),
        "token assignment": ("token",),
        "api key assignment": ("key",),
        "access/private/auth key assignment": ("key",),
        "credentials assignment": ("credential",),
        "secret command-line flag": ("pass", "token", "key", "secret"),
        "password in prose": ("pass",),
        "authorization header credential": ("authorization",),
        "bearer token": ("bearer",),
        "curl user:password option": ("-u", "--user"),
        "mysql/sshpass password option": ("mysql", "sshpass"),
    }

    def validate_result(self, pattern_text: str) -> bool | None:
        """A base64 `user:password` pair is certainly a credential; otherwise keep the pattern score."""
        return True if _is_basic_credential(pattern_text) else None

    def invalidate_result(self, pattern_text: str) -> bool:
        """Drop values that name or template a secret instead of holding one, and weak fillers."""
        value = pattern_text
        if _REFERENCE.match(value) or value.startswith("-----") or "://" in value:
            return True
        anchor = _ANCHOR.match(value)
        if anchor and looks_like_identifier(anchor.group(1)):
            return True
        # Secrets are ASCII; non-ASCII values are words or tokenizer pieces ("\u0120world", "\u2581the").
        if not value.isascii() or _WHITESPACE.search(value):
            return True
        if looks_like_placeholder(value) or looks_like_code_reference(value) or value.isdigit():
            return True
        if is_sequential(value) or is_repetitive(value):
            return True
        entropy = shannon_entropy(value)
        classes = char_classes(value)
        if classes == 4 and len(value) >= 10:
            # Chosen passwords mix words, digits and symbols and often repeat a word
            # ("Willow!Willow440!": 2.9 bits a char); no filler, date or name holds all four classes
            # at this length, so only near-constant ones ("Aaaa1111!!!!", 1.9 bits) are dropped.
            return entropy < 2.4
        if len(value) < 10 and classes < 3:
            return True  # short and plain ("hello!", "abc_de"): a word, not a password
        if classes >= 2:
            # Short values cannot reach high entropy: scale the bar with the length (log2 n is the
            # maximum); 0.8 of the maximum keeps "Xk9#mP2$" and drops "aaaa1111" or "2024-01-01".
            return entropy < min(3.0, 0.8 * math.log2(len(value)))
        # One character class (all lowercase, all digits...): only long random strings.
        return len(value) < 24 or entropy < 3.8
