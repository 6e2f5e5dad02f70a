"""Chosen passwords: weak, stock or worded values given to a password or secret name.

`PasswordAssignmentRecognizer` asks a short value to look random; people's passwords often do not
(`password = open_sesame`, `Pwd=letmein42;`, `-p dev_admin`, `"AdminPassword": "thisismypassword"`,
`password = "value with quotes and spaces"`, `the default password is 'blooberry'`). Recall first:
a literal value in a password slot is a password unless something positive says it is not one: a
template or mask, a reference to code or a variable, a name of a credential (`db_password`), a
literal of the language (`true`, `None`, `string`), a filler, or a sentence.
"""

import re
from typing import ClassVar

from sanitizers.credential_keywords import CREDENTIAL_WORDS
from sanitizers.entropy import (
    has_few_characters,
    has_placeholder_marker,
    is_template_body,
    looks_like_code_reference,
    looks_like_identifier,
    looks_like_version,
    shannon_entropy,
)
from sanitizers.pattern import Pattern
from sanitizers.recognizers.password_assignment_recognizer import (
    AFTER_NAME,
    NAME_TAIL,
    PasswordAssignmentRecognizer,
    holds_chained_assignment,
    names_a_reference,
)
from sanitizers.recognizers.secret_recognizer import SecretRecognizer

# The names whose value is a password however plain it reads (labels of `CREDENTIAL_WORDS`).
_PASSWORD_LABELS = ("password", "pwd", "pw", "secret")
# "pass" alone is an English verb and a Python keyword ("pass 'columns' instead", "Single pass: ..."):
# here it names a password only inside a name (`db_pass`, `REACT_APP_PASS`) or in capitals (`PASS =`).
_PASS_AS_NAME = r"pass(?:word|wd|phrase|code)(?![a-zA-Z])|(?<=[_.])pass(?![a-zA-Z])|(?-i:PASS)(?![a-zA-Z])"
_PASSWORD_WORDS = tuple(
    (_PASS_AS_NAME if label == "password" else r, lit, label)
    for r, lit, label in CREDENTIAL_WORDS if label in _PASSWORD_LABELS
)
# A name that says what it holds is no password: `not_secret`, `no_password`, `non_secret`.
_NOT_NEGATED = r"(?<![Nn][Oo][Tt][_.-])(?<![Nn][Oo][_.-])(?<![Nn][Oo][Nn][_.-])"
# The rest of a name, an operator and the value, in every syntax `PasswordAssignmentRecognizer` reads;
# a bare value with a word after it on its line is a description ("password: Valkey password to use",
# ":param secret: whether to ..."), and one before an operator, a call or a tuple's comma is code
# (`pw = opt_api + r"..."`, `username, password = proxy_auth, None`), not a value.
_AFTER = (NAME_TAIL + "(?:" + "|".join(f"(?:{tail})" for tail in AFTER_NAME) + ")"
          + r"(?![ \t]+[A-Za-z+*/%|^(]|[ \t]*,[ \t]*[A-Za-z_])")
# Patterns of `PasswordAssignmentRecognizer` whose slot holds a password by its syntax alone.
_PASSWORD_SLOTS = ("user and password options", "netrc password", "dotnet credential constructor",
                   "mysql/sshpass password option", "curl user:password option", "powershell securestring")
# Values that are literals or types of a language, states of a password ("the password is 'invalid'") or
# config keywords (GitHub Actions `secrets: inherit`, `password: generated`).
_LITERAL_LIST = """none null nil undefined empty blank string str text int integer bool boolean char
    varchar bytes true false yes no on off enabled disabled required optional hidden masked unset unknown default
    secret password passwd pwd pass passphrase token key apikey credential credentials notset
    invalid incorrect wrong expired weak strong valid correct changed reset locked
    inherit external internal generated random managed auto manual prompt"""
_LITERALS = frozenset(_LITERAL_LIST.split())
# Words that make a value a stand-in: "somefakekey", "dummy-pw", "sample_secret".
_STAND_IN = re.compile(r"(?i:fake|dummy|sample|example|placeholder)")
# A shell, PHP or Perl variable interpolated in a double-quoted string: "$super$ecret", "$dbPass".
_INTERPOLATED = re.compile(r"^\$[A-Za-z_]")
# A credential word inside a value that reads as a name: `db_password`, `realKey`, `smtp.secret`.
_CREDENTIAL_WORD = re.compile(r"(?i:pass(?:word|wd)?|pwd|secret|token|key|cred)")
_NAME_GLUE = re.compile(r"[_.-]|[a-z][A-Z]")
# A credential word as a value, alone or plural or with a plain qualifier: a variable, not a password.
_CREDENTIAL_NAME = re.compile(r"(?:new|old|the|current)?[_-]?(?:pass(?:word|wd)?|pwd|secret|token|key|cred(?:ential)?)s?")
# Three or more lower-case words joined by "_": a name in code (`saved_assert_hooks`); two may be chosen.
_LONG_SNAKE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+){2,}$")
_CAMEL_HUMP = re.compile(r"[a-z][A-Z]")
# Messages, not passphrases ("Password must be at least 8 characters", "Please enter a password").
_MESSAGE_WORD_LIST = """must should required invalid enter please characters least match matches incorrect
    wrong empty missing not no is are be your here the this that doesnt dont isnt cannot cant too short long
    weak expired"""
_MESSAGE_WORDS = frozenset(_MESSAGE_WORD_LIST.split())
_PASSPHRASE_WORD = re.compile(r"^[A-Za-z0-9!@#$%^&*_+=.,-]{1,30}$")
# One search each instead of a Python step per character: `[A-Za-z0-9]` is exactly the ASCII letters
# and digits, and `\s` exactly the characters `str.isspace` accepts.
_ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")
_BLANK = re.compile(r"\s")


def _is_passphrase(value: str) -> bool:
    """True for 2-6 plain words that no message or label would use ("open sesame", "value with spaces",
    "Ops Desk2024!")."""
    words = value.split()
    # A sentence ends in ".?!:"; a password may end in "!" after a digit ("Ops Desk2024!").
    ends_sentence = value[-1] in ".?:" or value[-1] == "!" and not any(ch.isdigit() for ch in words[-1])
    if not 2 <= len(words) <= 6 or ends_sentence or value != value.strip():
        return False
    lowered = [w.casefold() for w in words]
    return all(_PASSPHRASE_WORD.match(w) for w in words) and not any(
        w in _MESSAGE_WORDS or _CREDENTIAL_WORD.fullmatch(w) for w in lowered
    )


def _names_a_credential(value: str) -> bool:
    """True for a name built around a credential word (`db_password`, `realKey`, `smtp.secret`)."""
    return bool(_CREDENTIAL_WORD.search(value) and _NAME_GLUE.search(value) and looks_like_identifier(
        value.replace(".", "_")))


def _reads_as_code_name(value: str) -> bool:
    """True for names code gives values: `settings.db`, `DB_PASS`, `userInput` (a lower snake_case
    value such as `open_sesame` is as often a chosen password, and stays)."""
    if not looks_like_code_reference(value):
        return False
    return "." in value or ("_" in value and value.isupper()) or bool(_CAMEL_HUMP.search(value))


class WeakPasswordRecognizer(SecretRecognizer):
    """Detects plain passwords in password slots: `password: letmein42`, `Pwd=open_sesame;`, `-p dev_admin`.

    Values of 6+ characters (4+ in prose with quotes) after a password or secret name, in the -p/-a,
    netrc and constructor slots that hold a password by syntax, and quoted passphrases of 2-6 words.
    Not reported: templates and masks (`<pw>`, `${PW}`, `****`, `changeme`), references (variables,
    calls, paths, attributes), names of credentials (`db_password`), language literals (`None`,
    `string`), the credential words themselves (`password: password`), fillers and sentences.
    """

    ENTITY = "PASSWORD_ASSIGNMENT"
    PATTERNS: ClassVar[list[Pattern]] = [
        *(
            Pattern(f"plain password after a name ({label})", _NOT_NEGATED + f"(?i:{word})" + _AFTER, 0.6)
            for word, _, label in _PASSWORD_WORDS
        ),
        *(Pattern("plain " + p.name, p.regex, 0.6) for p in PasswordAssignmentRecognizer.PATTERNS
          if p.name in _PASSWORD_SLOTS),
        # Prose with a quoted value: "the default password for user 'postgres' is 'admin'".
        Pattern(
            "plain password in prose",
            r"(?i:pass(?:word|phrase|code)|pwd)[^\r\n.]{0,60}?[ \t](?i:is|was)[ \t]{1,3}[\"']\K"
            r"[^\"'\s](?:[^\"'\r\n]{2,62}[^\"'\s])?+(?=[\"'])",
            0.6,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["password", "secret", "login", "credentials"]
    PREFILTER: ClassVar[tuple[str, ...]] = (
        "pass", "pw", "secret", "-u", "--user", "psexec", "paexec", "login", "networkcredential",
        "directoryentry", "mysql", "sshpass", "securestring",
    )
    PATTERN_LITERALS: ClassVar[dict[str, tuple[str, ...]]] = {
        **{f"plain password after a name ({label})": (literal,) for _, literal, label in _PASSWORD_WORDS},
        **{"plain " + name: literals
           for name, literals in PasswordAssignmentRecognizer.PATTERN_LITERALS.items() if name in _PASSWORD_SLOTS},
        "plain password in prose": ("pass", "pw"),
    }

    def invalidate_result(self, pattern_text: str) -> bool:
        """Keep plain passwords; drop templates, references, credential names, literals, fillers, messages."""
        value = pattern_text
        if len(value) > 2 and value[0] == value[-1] and value[0] in "'\"`":
            value = value[1:-1]
        if not _ASCII_ALNUM.search(value) or (
            not value.isascii() and any(not ch.isascii() and ch.isalnum() for ch in value)
        ):
            return True
        if _BLANK.search(value):
            return not _is_passphrase(value) or is_template_body(value)
        # Markdown and prose punctuation around a word ("`-p pass`,") is no part of what it says.
        folded = value.strip("`,;.:?!)]}([{").casefold()
        if len(value) < 4 or folded.replace("-", "").replace("_", "") in _LITERALS:
            return True
        if not any(map(str.isalpha, value)) and not value.isdigit() or looks_like_version(value):
            return True  # a version, a date, a time ("=1.5.0", "v2.3.1", "12:30:00")
        if has_few_characters(folded) or shannon_entropy(value) < 1.5 or _STAND_IN.search(value):
            return True  # a filler ("aaaa...end") or a stand-in ("somefakekey")
        if has_placeholder_marker(value) or _INTERPOLATED.match(value):
            return True
        if value.isdigit() and len(value) < 6:
            return True
        name = value.rstrip(")]},") or value  # code around a name: `secret: PotentialSecret)`
        if _CREDENTIAL_NAME.fullmatch(folded) or (name.isalpha() and name.isupper()) or _LONG_SNAKE.match(name):
            return True  # `secrets`, `new_password`; a constant (`USERNAME`); a name of code (`saved_hook_list`)
        if _names_a_credential(name) or _reads_as_code_name(name):
            return True
        return (
            is_template_body(value)
            or names_a_reference(value)
            or holds_chained_assignment(value)
            or _names_a_credential(value)
            or _reads_as_code_name(value)
        )
