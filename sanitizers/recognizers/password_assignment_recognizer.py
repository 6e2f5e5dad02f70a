"""Credentials named by a keyword, in the syntaxes people paste: `password=...`, `"apiKey": "..."`,
`API_KEY: ...`, `<add key="DbPassword" value="..."/>`, `--api-key ...`, `-Password ...`,
`Authorization: Bearer ...`, `curl -u user:pass`, `ConvertTo-SecureString "..."`, netrc lines.

The keywords are data (`sanitizers/credential_keywords.py`); this module turns them into patterns
whose span is the value alone, and decides from the value whether it holds a secret.
"""

import binascii
import math
import re
import string
from typing import ClassVar

from sanitizers.credential_keywords import (
    CREDENTIAL_WORDS,
    KEY_COMPOUNDS,
    KEY_QUALIFIERS,
    NOT_CREDENTIAL_TAILS,
    NOT_CREDENTIAL_TOKEN_HEADS,
    PUBLIC_HEADS,
)
from sanitizers.entropy import (
    char_classes,
    is_repetitive,
    is_sequential,
    looks_like_code_reference,
    looks_like_identifier,
    looks_like_placeholder,
    looks_like_version,
    shannon_entropy,
)
from sanitizers.pattern import Pattern
from sanitizers.recognizers.secret_recognizer import SecretRecognizer


def _alternation(words) -> str:
    return "|".join(words)


# Each family of credential names (any case): (regex, prefilter literal, label). A qualified key is
# found at "key" and checked behind it (`access_key`, `licenseKey`), in one look-behind: `regex` ran it
# 3x faster than one look-behind per qualifier and separator (same matches).
# ...and not glued to a word that makes "key" another word (`UserKeyword`, `accessKeyboard`).
_QUALIFIED_KEY = (
    "key(?<=(?:" + _alternation(KEY_QUALIFIERS) + ")[_.-]?key)"
    + "(?!(?-i:" + _alternation(KEY_COMPOUNDS) + "|" + _alternation(w.title() for w in KEY_COMPOUNDS) + ")(?![a-z]))"
)
# A head that makes the name public (`PUBLIC_TOKEN`, `publicApiKey`, `pub_key`): checked before the word,
# as a word of its own (`republic_token` is no public token).
def _head(words) -> str:
    return ("(?:(?<![A-Za-z])(?:" + _alternation(words) + ")|(?-i:" + _alternation(w.title() for w in words)
            + "))")


_PUBLIC_HEAD = _head(PUBLIC_HEADS) + "[_.-]?(?:(?:api|access)[_.-]?)?"
_TOKEN_HEAD = _head(NOT_CREDENTIAL_TOKEN_HEADS) + "[_.-]?"


def _unless_after(head: str, word: str) -> str:
    """`word`, unless `head` ends where it starts. Checked after the word, so each family still starts
    with its literal, which the regex engine searches for fast (a look-behind first made it try every
    position: the credential env line ran 4x slower). Same matches as a look-behind before the word: a
    word of the tables that ends at a position can have started at one place only."""
    return word + "(?<!" + head + "(?:" + word + "))"


_FAMILIES: tuple[tuple[str, str, str], ...] = tuple(
    (_unless_after(_PUBLIC_HEAD, regex_)
     + (_unless_after(_TOKEN_HEAD, regex_)[len(regex_):] if label == "token" else ""), literal, label)
    for regex_, literal, label in (*CREDENTIAL_WORDS, (_QUALIFIED_KEY, "key", "qualified key"))
)
# Any of them, for patterns that start elsewhere (a quote, `--`, a line start).
_KEYWORD = "(?i:" + _alternation(regex_ for regex_, _, _ in _FAMILIES) + ")"
# ...unless the rest of the name makes it name something else (`password_hash`, `tokenUrl`).
_TAIL_GUARD = (
    r"(?![A-Za-z0-9_.-]{0,40}?(?:[_.-](?i:"
    + _alternation(NOT_CREDENTIAL_TAILS)
    + ")|(?:"
    + _alternation(sorted({t.title() for t in NOT_CREDENTIAL_TAILS}))
    + "))(?![a-z]))"
)
NAME_TAIL = _TAIL_GUARD + r"[A-Za-z0-9_.-]{0,40}"
_NAME = _KEYWORD + NAME_TAIL
# After the name: its closing quote or bracket, a subscript (`secret[25]`), then the operator.
_NAME_END = r"(?:\\?[\"'])?\]?(?:\[[0-9]{0,4}\])?"
_OPERATOR = (
    # (a comparison only before a quoted value: in `Password==9x;` the second "=" is the password's)
    r"[ \t]{0,40}(?::{1,3}=|=>|(?:===?|!==?)(?=[ \t]{0,40}@?[\"'`])|->|<-|[?+.|]{1,2}=|:|=)[ \t]{0,40}"
    # a line continuation (`PASSWORD = \` and the value on the next line: Python, shell, Makefiles);
    r"(?:\\\r?\n[ \t]{0,40})?"
    r"(?:@(?=[\"']))?"
)
# One character of a bare value: not blank, quote, `,`, `;` or backslash, and an `&` only when it does
# not start the next parameter, a lower-case name of 2+ characters and `=` (`?token=abc&page=2` ends
# the value at `&`; in `Password=3tsf&J=jr;` the `&J=` is part of the password).
_NEXT_PARAMETER = r"&(?=[a-z_][a-z0-9_.-]{1,40}=)"
_BARE_CHAR = r"(?:[^\s\"'`,;\\&]|(?!" + _NEXT_PARAMETER + ")&)"
# The value (span only, \K): quoted (the quote ends it) or bare (the whole run, so a long secret is
# never cut in half). Possessive and bounded: no backtracking, linear in the text (issue 13).
# Quoted: up to the same quote, so a password may hold the other quote marks; a backslash escape
# inside is part of it, a backslash before the closing quote (`\"` in JSON inside text) ends it.
# Up to 4096 characters: a long key (a base64 service-account file, a SAS token) is a key too; a quoted
# run ends at its quote, so keyword repeats cannot make it rescan the text.
_QUOTED = (
    r"(?:\\?\"\K(?:[^\"\\\r\n]|\\[^\"\r\n]){6,4096}+(?=\\?\")"
    r"|\\?'\K(?:[^'\\\r\n]|\\[^'\r\n]){6,4096}+(?=\\?')"
    r"|`\K[^`\\\r\n]{6,4096}+(?=`))"
)
_BARE_RUN = r"[^\s\"'`,;\\&]"
# An attribute path (`env.X_TOKEN`, `settings.SECRET_KEY`) is code, not a value: refused in the regex
# itself, so that a credential name inside it is still searched (`env.X_TOKEN || "..."`).
_NOT_ATTRIBUTE = (
    r"(?![a-z_][a-z0-9_]{0,40}"
    r"(?:\.(?:[a-z_][a-z0-9_]{0,40}|[A-Z_][A-Z0-9_]{0,40}|[a-z]{1,20}(?:[A-Z][a-z0-9]{0,20}){1,5})){1,6}"
    r"(?:[\s;,)|}\]]|$))"
)
_BARE = (
    r"\K" + _NOT_ATTRIBUTE + r"(?=" + _BARE_CHAR + r"{6})" + _BARE_RUN + r"{0,256}+(?:(?!" + _NEXT_PARAMETER + r")&"
    + _BARE_RUN + r"{0,256}+){0,8}+(?!" + _BARE_CHAR + ")"
)
# A bare value longer than `_BARE` reads: key characters only, so it never holds another `name=` (a run
# of those stays bounded by `_BARE`: linear however the keyword repeats).
_KEY_RUN = r"[A-Za-z0-9+/_.~-]"
_BARE_LONG = r"\K(?=" + _KEY_RUN + r"{257})" + _KEY_RUN + r"{257,4096}+={0,2}(?!" + _BARE_CHAR + ")"
_VALUE = "(?:" + _QUOTED + "|" + _BARE + "|" + _BARE_LONG + ")"
# A command-line argument: quoted, or everything up to the next blank or quote (`&`, `=` included).
_ARGUMENT = "(?:" + _QUOTED + r"|\K[^\s\"'`]{6,256}+(?![^\s\"'`])|" + _BARE_LONG + ")"

# Values that refer to a secret instead of holding it: YAML anchors/aliases (*db_pass, &pw) and tags
# (!Ref), curl/CLI file references (@secret.txt), paths (/run/secrets/db, ./pw.txt, ~/.pgpass,
# cms/sites/edit), variables with a path or member after them ($HOME/x, $_POST[...]), command
# substitution ($(...), `...`), calls and subscripts (getPassword(), form["x"]), CSS selectors (#add-pw),
# ARNs, ISO dates, interpolations (#{...}), expressions and template heads ({x}, <base64, xoxb-<team),
# and bare token prefixes (sk-ant-api03-, github_pat_).
_ANCHOR = re.compile(r"^[*&](.+)$")
_WHITESPACE = re.compile(r"\s")
_REFERENCE = re.compile(
    r"^(?:!!?(?:[a-z]+|(?:[A-Z][a-z]+)+)|@[\w.-]+\.[A-Za-z]{1,5}"
    r"|(?:~|\.{1,2})/[\w.-]+(?:/[\w.-]*)*"
    r"|/[\w.@-]+(?:/[\w.@-]*)+"
    r"|/[\w-]+\.[A-Za-z]{1,5}"
    r"|[a-z0-9_.#:-]+(?:/[a-z0-9_.#:-]*)+"
    r"|\$[A-Za-z_][A-Za-z0-9_]*[/.:\[(].*"
    r"|\$[({].*|`.*"
    r"|[A-Za-z_$][A-Za-z0-9_.$]*[(\[].*"
    r"|[A-Za-z_$][A-Za-z0-9_$]*[_.][A-Za-z0-9_.$]*[()\[\]{}].*"
    r"|[(\[{<].*"
    r"|.*<[A-Za-z0-9_][A-Za-z0-9_-]*"
    r"|[a-z0-9]{1,8}(?:[_-][a-z0-9]{1,8}){0,3}[_-]"
    r"|[#.][A-Za-z][a-z0-9]*(?:[-_][a-z0-9]+)+"
    r"|arn:aws[\w-]*:.*"
    r"|--[a-z][a-z0-9-]*|.*:"
    r"|\d{4}-\d{2}-\d{2}(?:[T ].*)?"
    r"|.*#\{[^}]*\}.*)$",
    re.DOTALL,
)
_BASIC = re.compile(r"^[A-Za-z0-9+/]{8,}={0,2}$")
_HAS_ALNUM = re.compile(r"[A-Za-z0-9]")
# The bytes of ASCII letters and the blank: what a decoded text of words is made of.
_LETTER_OR_BLANK_BYTES = (string.ascii_letters + " ").encode("ascii")
# A value holding another assignment (`password=password=...`): a run of assignments, not a secret.
_CHAINED = re.compile(
    r"(?i:pass(?:word|wd)|secret|token|api[_.-]?key|credentials?)[A-Za-z0-9_.-]{0,40}(?::=|=|:)(?=[^=\s])"
)
# The same, for an ASCII value lowered (same offsets, same matches): a case-blind search cannot skip
# ahead by the first letters and costs several times more.
_LOWER_CHAINED = re.compile(
    r"(?:pass(?:word|wd)|secret|token|api[_.-]?key|credentials?)[a-z0-9_.-]{0,40}(?::=|=|:)(?=[^=\s])"
)
# Word chunks: a capitalised or lowercase word, an uppercase run, a digit run.
_CHUNK = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+")
# Letters in runs glued by one separator: no optional separator between runs (that would backtrack).
_LETTERS_AND_GLUE = re.compile(r"^[A-Za-z]+(?:[_.-][A-Za-z]+)*\.?$")
_WORD_CHUNK = re.compile(r"^[A-Z]?[a-z]+$")
# Long values: from this length a value assigned to a credential name is a credential unless it is
# a placeholder, a reference, a name or a near-constant filler (dummy values in configs included).
_LONG = 16


# What may follow a credential name, each ending in the value (span only, \K):
AFTER_NAME = (
    # a typed declaration (tried first): Go `var apiToken string = "..."`, Kotlin `token: String = "..."`;
    r"[ \t]{0,5}:?[ \t]{1,5}[A-Za-z_][A-Za-z0-9_.<>\[\]?]{0,30}[ \t]{0,5}=(?!=)[ \t]{0,5}" + _QUOTED,
    # an operator (`=`, `:`, `:=`, `=>`, `==`, `!==`, `?=`...) or blanks before a quote;
    _NAME_END + "(?:" + _OPERATOR + r"|[ \t]{1,10}(?=\\?[\"'`]))" + _VALUE,
    # a fallback after a credential variable: env.API_TOKEN || "...", os.getenv("PW") or "...";
    r"[\"')\]]{0,3}[ \t]{1,5}(?:\|\||\?\?|or)[ \t]{1,5}" + _QUOTED,
    # .NET config and XML attributes: <add key="SmtpPassword" value="..."/>;
    r"[\"'][ \t]{1,10}(?i:value)[ \t]{0,3}=[ \t]{0,3}[\"']\K[^\"'\r\n]{6,512}+(?=[\"'])",
    # XML elements: <password>...</password>, <ApiKey>...</ApiKey>, also with the value on its own line;
    r"(?:[ \t][^<>\r\n]{0,80})?>[ \t\r\n]{0,40}\K[^<\s]{6,512}+(?=[ \t\r\n]{0,40}</)",
    # a YAML block scalar: `api_token: |` (or `>`) with the value on the next line;
    r"[ \t]{0,5}:[ \t]{0,5}[|>][-+]?[ \t]{0,5}\r?\n[ \t]{1,20}\K[^\s]{6,512}+(?!\S)",
    # a CSV row: `apiToken,VALUE,`.
    r",(?=[^\s,])" + _BARE + r"(?=,|\r?$)",
)


def _family_patterns() -> list[Pattern]:
    """One pattern per family of credential names, each starting with the family's own word.

    detect-secrets KeywordDetector, gitleaks "generic-api-key" and CredSweeper's keyword rules look
    for the same name/operator/value shapes (env, YAML, INI, JSON, XML, code, comparisons).
    """
    after = "(?:" + "|".join(f"(?:{tail})" for tail in AFTER_NAME) + ")"
    return [
        Pattern(f"credential after a name ({label})", "(?i:" + word + ")" + NAME_TAIL + after, 0.7)
        for word, _, label in _FAMILIES
    ]


def _is_basic_credential(value: str) -> bool:
    """True when `value` is base64 of `user:password` (an HTTP Basic credential)."""
    if not _BASIC.match(value):
        return False
    try:
        raw = binascii.a2b_base64(value, strict_mode=True)  # what base64.b64decode(validate=True) calls
    except (binascii.Error, ValueError):
        return False
    if b":" not in raw:  # no colon: no pair (in UTF-8 the byte of ":" is never part of another character)
        return False
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    user, sep, password = decoded.partition(":")
    return bool(sep and user and password and decoded.isprintable())


def decodes_to_prose(value: str) -> bool:
    """True when `value` is base64 of plain words ("ZHVtbXkgdGV4dA==" is "dummy text"): encoded text, no key.

    Keys decode to random bytes; a Basic credential decodes to `user:password` (no blank).
    """
    if not _BASIC.match(value):
        return False
    try:
        raw = binascii.a2b_base64(value + "=" * (-len(value) % 4), strict_mode=True)
    except (binascii.Error, ValueError):
        return False
    if b" " not in raw or not raw.isascii():  # no blank, no words; random bytes are seldom all ASCII
        return False
    decoded = raw.decode("ascii")
    letters = len(raw) - len(raw.translate(None, _LETTER_OR_BLANK_BYTES))
    return decoded.isprintable() and letters >= 0.85 * len(decoded)


def _has_foreign_letters(value: str) -> bool:
    """True for non-ASCII letters or digits (words, tokenizer pieces such as "\u0120world")."""
    return not value.isascii() and any(not ch.isascii() and ch.isalnum() for ch in value)  # ASCII: one C call


def _reads_as_words(value: str) -> bool:
    """True for letters-only values made of long words glued by case, `-`, `_` or `.`
    (`ConvertTo-SecureString`, `postgresNoted.`).

    Random letters average under 2 characters a chunk or run capitals together ("AYIHHEZbbqBqlw");
    names of commands, types and settings are words. Chosen passwords add digits or symbols
    ("Willow.Harbor696$") and stay.
    """
    if not _LETTERS_AND_GLUE.match(value):
        return False
    chunks = _CHUNK.findall(value)
    return (
        bool(chunks)
        and all(_WORD_CHUNK.match(chunk) for chunk in chunks)
        and sum(map(len, chunks)) / len(chunks) >= 4
    )


def names_a_reference(value: str) -> bool:
    """True when `value` refers to a secret (variable, path, call, URL, YAML alias) instead of holding one."""
    if _REFERENCE.match(value) or value.startswith("-----") or "://" in value:
        return True
    anchor = _ANCHOR.match(_strip_code(value))
    return bool(anchor and looks_like_identifier(anchor.group(1)))


def holds_chained_assignment(value: str) -> bool:
    """True when `value` holds another assignment (`password=password=...`): a run of them, no secret."""
    if "=" not in value and ":" not in value:
        return False  # no operator: most values
    if value.isascii():
        return bool(_LOWER_CHAINED.search(value.lower()))
    return bool(_CHAINED.search(value))


def _has_few_distinct(value: str, count: int) -> bool:
    """True when `value` holds fewer than `count` distinct characters; most keys show them in their head."""
    return len(set(value[:16])) < count and len(set(value)) < count


def _strip_code(value: str) -> str:
    # Code around a name: closing brackets after it (`self.key}`, `x.secret)`), underscores before it.
    return value.rstrip(")]},").lstrip("_") or value


def _names_or_templates(value: str) -> bool:
    """True when `value` refers to a secret (reference, variable, template, code) instead of holding one."""
    if names_a_reference(value):
        return True
    value = _strip_code(value)
    return (looks_like_placeholder(value) or looks_like_code_reference(value) or _reads_as_words(value)
            or looks_like_version(value))


def _is_weak_short_value(value: str) -> bool:
    """For values under `_LONG` characters: True unless random enough for the length, or all four classes."""
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
        # Three classes are rarer in fillers: 0.7 keeps "rI@Tibibb@TB" and drops "Aaaa1111".
        share = 0.7 if classes >= 3 else 0.8
        return entropy < min(3.0, share * math.log2(len(value)))
    return True  # one character class and short: a word or a number


class PasswordAssignmentRecognizer(SecretRecognizer):
    """Detects values given to credential names (password, secret, token, api key, `*_key`...).

    The span is the value only. A value of 16+ characters assigned to a credential name is reported
    unless it is a placeholder (`YOUR_KEY`, `<token>`, `${VAR}`), a reference (variable, path, call,
    attribute), a name (`db_password`, `getToken`) or near-constant (`aaaa...`); dummy values such as
    `abcd1234abcd1234...` are reported too. Shorter values must also look random for their length,
    or mix all four character classes. Plain chosen passwords and passphrases in password slots
    (`password: tiger`, `thisismypassword`) are `WeakPasswordRecognizer`'s. Known misses: digit-only
    PINs, a password with a `,` or `;` written unquoted, and credentials under names that hold no
    credential word.
    """

    ENTITY = "PASSWORD_ASSIGNMENT"
    PATTERNS: ClassVar[list[Pattern]] = [
        # detect-secrets KeywordDetector, gitleaks "generic-api-key" and CredSweeper's keyword rules
        # look for the same name/operator/value shapes (env, YAML, INI, JSON, code, comparisons).
        *_family_patterns(),
        # env files and compose lists keep "&x=" inside a value: from the line start, only blanks end it.
        # The look-ahead changes no match: everything before the operator (blanks, `export`, `-`, name and
        # keyword characters) stays on the line, so a line start without "=" or ":" after it on its line
        # cannot match; it spares the name and keyword tries there (half this pattern's time on chat text).
        Pattern(
            "credential env line",
            r"^(?=[^\n]*[=:])[ \t]{0,20}(?:export[ \t]{1,5}|-[ \t]{1,5})?(?:[A-Za-z_][A-Za-z0-9_.-]{0,60}?)?"
            + _NAME
            + r"[ \t]{0,5}[=:][ \t]{0,5}(?:\K[^\s\"'`]{6,256}+(?!\S)|" + _BARE_LONG + ")",
            0.7,
        ),
        # Dockerfile ENV/ARG lines, whose value may follow the name after a blank.
        Pattern(
            "dockerfile env credential",
            r"^[ \t]{0,20}(?:ENV|ARG)[ \t]{1,5}[A-Za-z_][A-Za-z0-9_.-]{0,60}?" + _NAME + r"[ \t]{1,5}" + _VALUE,
            0.7,
        ),
        # A quoted name and value as call arguments: getenv("API_KEY", "..."), put('password', '...').
        # The name is one identifier inside its quotes ("api token" in prose is no name).
        Pattern(
            "credential name/value arguments",
            r"[\"'][A-Za-z0-9_.-]{0,40}?" + _NAME + r"[\"'][ \t]{0,5},[ \t]{0,5}" + _QUOTED,
            0.7,
        ),
        # A quoted value compared with a credential name on its right: `if ("..." == password)`.
        Pattern(
            "credential comparison (value first)",
            r"[\"'`]\K[^\"'`\\\r\n]{6,256}+(?=[\"'`][ \t]{0,5}(?:===?|!==?)[ \t]{0,5}"
            r"(?:[A-Za-z_$][A-Za-z0-9_.$>-]{0,40}?)?" + _KEYWORD + ")",
            0.7,
        ),
        # Command-line flags: --password X, --api-key=X, --softlayer-api-key "X", --tls-bootstrap-token X.
        Pattern(
            "credential command-line flag",
            r"--[A-Za-z0-9_-]{0,30}?" + _NAME + r"(?:=|[ \t]{1,5})" + _ARGUMENT,
            0.7,
        ),
        # PowerShell and Windows tools: -Password X (Connect-VIServer, New-LocalUser...), -ApiKey X, -pw X.
        Pattern(
            "credential parameter",
            r"(?<![\w-])-[A-Za-z0-9_]{0,30}?" + _NAME + r"[ \t]{1,5}" + _ARGUMENT,
            0.7,
        ),
        # -u USER -p PASSWORD (PsExec, docker login, many CLIs), and PsExec's -p anywhere after it.
        Pattern(
            "user and password options",
            r"(?:(?<![\w-])-u[ \t]{1,5}[^\s]{1,64}[ \t]{1,5}|(?i:psexec|paexec)[^\r\n]{0,200}?[ \t])-p[ \t]{1,5}"
            r"[\"']?\K[^\s\"']{6,256}+(?![^\s\"'])",
            0.75,
        ),
        # redis-cli -a PASSWORD.
        Pattern(
            "redis-cli password option",
            r"(?i:redis-cli)[^\r\n]{0,200}?[ \t]-a[ \t]{1,5}[\"']?\K[^\s\"']{6,256}+(?![^\s\"'])",
            0.75,
        ),
        # PowerShell: ConvertTo-SecureString "..." -AsPlainText (or -String "...").
        Pattern(
            "powershell securestring",
            # (its switches in any order, the quotes escaped inside a string, or the value unquoted)
            r"(?i:convertto-securestring)[ \t]{1,5}(?:-(?i:string|force|asplaintext)[ \t]{1,5}){0,3}"
            r"(?:\\?[\"']\K(?:[^\"'\\\r\n]|\\(?![\"'])){1,256}+(?=\\?[\"'])|\K[^\s\"'$(-][^\s\"']{5,255}+(?!\S))",
            0.8,
        ),
        # .NET: new NetworkCredential("user", "password"), new DirectoryEntry("LDAP://...", "user", "pw").
        Pattern(
            "dotnet credential constructor",
            r"(?:(?i:networkcredential)[ \t]{0,3}\([ \t]{0,3}|(?i:directoryentry)[ \t]{0,3}\([ \t]{0,3}"
            r"\"[^\"\r\n]{0,200}\"[ \t]{0,3},\s{0,20})\"[^\"\r\n]{0,100}\"[ \t]{0,3},\s{0,20}\"\K"
            r"[^\"\r\n]{1,256}+(?=\")",
            0.8,
        ),
        # .netrc: machine HOST login USER password PASSWORD (on one line or several).
        Pattern(
            "netrc password",
            r"(?i:login)[ \t\r\n]{1,20}[^\s]{1,100}[ \t\r\n]{1,20}(?i:password)[ \t]{1,5}\K[^\s]{6,256}+(?!\S)",
            0.75,
        ),
        # Prose: "my password is X", "the passcode was X".
        Pattern(
            "password in prose",
            r"(?i:pass)(?i:word|code|phrase)[ \t]{1,5}(?i:is|was)[ \t]{0,5}:?[ \t]{0,5}" + _VALUE,
            0.6,
        ),
        # RFC 6750 bearer tokens, RFC 7617 Basic credentials and bare tokens in an Authorization
        # header (gitleaks "curl-auth-header"). Span = the credential after the scheme.
        Pattern(
            "authorization header credential",
            r"(?i:authorization)[\"']?[ \t]{0,5}[:=][ \t]{0,5}[\"']?"
            r"(?:(?i:bearer|basic|token|digest|apikey|api-key|api-token|sso-key|ssws)[ \t]{1,5})?\K"
            r"[A-Za-z0-9._~+/:-]{8,4096}+=*(?![A-Za-z0-9._~+/=-])",
            0.8,
        ),
        Pattern(
            "bearer token",
            r"(?i:bearer):?[ \t]{1,5}\K[A-Za-z0-9._~+/-]{20,4096}+=*(?![A-Za-z0-9._~+/=-])",
            0.75,
        ),
        # curl -u / --user user:password (curl man page "-u, --user <user:password>"); span = password.
        Pattern(
            "curl user:password option",
            # The user may be empty (`-u ":pw"`) or an e-mail; the password may be quoted apart
            # (`--user kevin:'pw'`); `<user:password>` is a template.
            r"(?:(?<![\w-])-u|(?i:--user))(?:=|[ \t]{1,5})[\"']?[^\s:\"'<]{0,64}:[\"']?\K[^\s\"']{6,256}+"
            r"(?=[\"']?(?:\s|$))",
            0.8,
        ),
        # mysql -p<password> (glued, per the MySQL client docs) and sshpass -p <password>.
        Pattern(
            "mysql/sshpass password option",
            r"(?:(?i:mysql)\w{0,20}[ \t][^\n]{0,80}?(?<![\w-])-p(?=[^\s-])|(?i:sshpass)[ \t]{1,5}-p[ \t]{1,5})"
            r"[\"']?\K[^\s\"']{6,256}+(?![^\s\"'])",
            0.75,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["password", "secret", "token", "api_key", "credential", "bearer"]
    PREFILTER: ClassVar[tuple[str, ...]] = (
        "pass",
        "pw",
        "pat",
        "secret",
        "token",
        "key",
        "cred",
        "auth",
        "sonar",
        "bearer",
        "-u",
        "--user",
        "mysql",
        "sshpass",
        "psexec",
        "paexec",
        "redis-cli",
        "securestring",
        "networkcredential",
        "directoryentry",
        "login",
    )
    # Which literals each pattern needs: a text holding only "key" runs a few patterns, not all.
    _NAME_LITERALS: ClassVar[tuple[str, ...]] = ("pass", "pw", "pat", "secret", "token", "key", "cred", "auth", "sonar")
    PATTERN_LITERALS: ClassVar[dict[str, tuple[str, ...]]] = {
        **{f"credential after a name ({label})": (literal,) for _, literal, label in _FAMILIES},
        "credential env line": _NAME_LITERALS,
        "credential comparison (value first)": _NAME_LITERALS,
        "credential command-line flag": _NAME_LITERALS,
        "credential parameter": _NAME_LITERALS,
        "user and password options": ("-u", "psexec", "paexec"),
        "redis-cli password option": ("redis-cli",),
        "dockerfile env credential": _NAME_LITERALS,
        "credential name/value arguments": _NAME_LITERALS,
        "powershell securestring": ("securestring",),
        "dotnet credential constructor": ("networkcredential", "directoryentry"),
        "netrc password": ("login",),
        "password in prose": ("pass",),
        "authorization header credential": ("auth",),
        "bearer token": ("bearer",),
        "curl user:password option": ("-u", "--user"),
        "mysql/sshpass password option": ("mysql", "sshpass"),
    }

    def validate_result(self, pattern_text: str) -> bool | None:
        """A base64 `user:password` pair is certainly a credential; otherwise keep the pattern score."""
        return True if _is_basic_credential(pattern_text) else None

    def invalidate_result(self, pattern_text: str) -> bool:
        """Drop values that name, template or reference a secret instead of holding one, and weak fillers."""
        value = pattern_text
        if _is_basic_credential(value):
            return False  # base64 of user:password: a credential, whatever it spells
        if len(value) > 2 and value[0] == value[-1] and value[0] in "'\"`":
            value = value[1:-1]  # a value quoted twice ("'$VAR'"): judge what is inside
        if not _HAS_ALNUM.search(value) or _WHITESPACE.search(value) or _has_foreign_letters(value):
            return True
        if len(value) < 6 or _names_or_templates(value) or value.isdigit() or holds_chained_assignment(value):
            return True
        if len(value) >= _LONG:
            # Assigned to a credential name and long: a credential, unless near-constant ("aaaa...1B")
            # or encoded prose.
            return shannon_entropy(value) < 2.5 or _has_few_distinct(value, 6) or decodes_to_prose(value)
        return _is_weak_short_value(value)
