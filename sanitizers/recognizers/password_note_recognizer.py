"""Passwords written down the way people note them, not the way a config assigns them.

Wiki pages, tickets and chat hold account notes: an `ID/PW` cue with the pair after it
(`ID/PW: admin/Xk29vbQ1`, `id/pw admin Xk29vbQ1`, `user/pass(admin/Xk29vbQ1)`), a password word and
the value with only a blank or a bracket between them (`Password Xk29vbQ1`, `PASSWORD(Xk29vbQ1)`,
`(PW)Xk29vbQ1`), other names for it (`PIN:`, `P/W:`, `passwords:`, misspellings), the word in another
language (`비밀번호:`, `Passwort:`, `mot de passe :`, `пароль:`, `密码：`), the password of an account in
prose (`password for the db account is Xk29vbQ1`) and a credential in a table row (`| API key | ... |`).
CredSweeper's document rules and TruffleHog's detector tests show the same shapes. With no operator to go by, the value itself must look like a chosen password:
letters with digits, or three character classes, no word, no path, no address.
"""

import re
from typing import ClassVar

from sanitizers.entropy import (
    char_classes,
    is_repetitive,
    is_sequential,
    looks_like_code_reference,
    looks_like_placeholder,
)
from sanitizers.pattern import Pattern
from sanitizers.recognizers.password_assignment_recognizer import names_a_reference
from sanitizers.recognizers.secret_recognizer import SecretRecognizer

# "Password" in other languages, as people label it in notes (lower case; prefilter literals too).
FOREIGN_PASSWORD_WORDS: tuple[str, ...] = (
    "비밀번호", "비번", "암호", "패스워드",  # Korean
    "passwort", "kennwort",  # German
    "mot de passe",  # French
    "contraseña", "contrasena", "senha",  # Spanish, Portuguese
    "wachtwoord", "losenord", "haslo", "heslo", "parola",  # Dutch, Swedish, Polish, Czech, Italian (ASCII spellings)
    "пароль",  # Russian, Ukrainian
    "密码", "密碼",  # Chinese
    "パスワード",  # Japanese
)
_FOREIGN = "(?i:" + "|".join(re.escape(w) for w in FOREIGN_PASSWORD_WORDS) + ")"
# English names of a password. `PasswordAssignmentRecognizer` reads these after an operator; here they
# count before a blank, a bracket or a particle only (`password = env.X` is code, judged there).
_PASSWORD_WORD = r"(?i:pass(?:word|wd)|pwd|pw)(?![A-Za-z])"
# Names it does not read at all: with an operator too (`PIN: ...`, `P/W: ...`, `passwords: ...`), and the
# common misspellings (`paasword`, `pasword`, `passowrd`, `passwrod`).
_OTHER_NAME = r"(?i:pass(?:word|wd)s|pin|p/w|paas+word|pasword|passowrd|passwrod)(?![A-Za-z])"
# An account cue: the names of a user and a password joined (`ID/PW`, `id & pwd`, `User/Password`).
_USER_WORD = r"(?i:id|user(?:name)?|login|account|계정|아이디)"
_PAIR_CUE = (
    r"(?<![A-Za-z])" + _USER_WORD + r"[ \t]{0,2}[/&, \t][ \t]{0,2}(?:(?i:pass(?:word|wd)?|pwd|pw|p/w)(?![A-Za-z])|비번|비밀번호)"
)
# A login cue: a user's name, or a remote-login tool, before `user/password` (no password word), glued
# to its separator. The pairs are its prefilter literals: "id" alone is in most English texts (and every
# literal costs a check of each text with non-ASCII characters, which takes the literal path).
_LOGIN_WORDS: tuple[str, ...] = ("id", "user", "username", "login", "account", "credentials", "creds", "telnet", "ssh",
                                 "ftp", "계정", "아이디")
_LOGIN_SEPARATORS = (":", "(")
_LOGIN_LITERALS = tuple(word + sep for word in _LOGIN_WORDS for sep in _LOGIN_SEPARATORS)
_LOGIN_WORD = r"(?i:id|user(?:name)?|login|account|credentials|creds|telnet|ssh|sftp|ftp|계정|아이디)"
# A sign-in cue earlier on the line of an e-mail/password pair ("login credentials like a@b.example / ...").
_SIGN_IN_WORDS: tuple[str, ...] = ("login", "log in", "log-in", "logon", "sign in", "sign-in", "credential", "creds")
_SIGN_IN = r"(?<![A-Za-z])(?i:log[ -]?(?:in|on)|sign[ -]?in|credentials?|creds)(?![A-Za-z])[^\n]{0,80}?"
# An e-mail address and a slash, the user half of a pair: "k.moreau@example.org / ".
_EMAIL_SLASH = r"(?<![\w.%+-])[\w.%+-]{1,64}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+[ \t]{0,2}/[ \t]{0,2}"
# The value: a run without blanks, quotes or brackets (`(` `)` close a noted value).
_VALUE = r"\K[^\s()<>\"'`,;]{6,64}+(?![^\s()<>\"'`,;])"
# A user name and a slash before the password (`Password: kmoreau/Xk29vbQ1`): the span is the password.
_USER_BEFORE = r"(?:[A-Za-z][A-Za-z0-9._-]{0,31}/)?"
# Korean particles glued after the word ("비번은", "PW는"): "is".
_PARTICLE = r"(?:은|는|이|가)?"

_EMAIL_OR_HOST = re.compile(
    r"[^@\s]@[A-Za-z0-9-]+\.[A-Za-z0-9.-]+|^(?:\d{1,3}\.){3}\d{1,3}(?![0-9])|^[a-z0-9-]+(?:\.[a-z0-9-]+)+$"
)
# A URI scheme (`mailto:{1}`, `https://...`) or a command-line flag (`-Password`): no password.
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]{1,20}:|^-{1,2}[A-Za-z]")
_LETTER = re.compile(r"[A-Za-z]")
_DIGIT = re.compile(r"[0-9]")
# A value that is one word with punctuation around it ("default:", "master/", "xxxx") is a label.
_LABEL = re.compile(r"^[A-Za-z]+[:/=-]?$")


def looks_like_noted_password(value: str) -> bool:
    """True when `value`, with no operator before it, still reads as a chosen password.

    Letters with digits (8+ characters, or 6+ with three classes), or three character classes; not a
    sequence or repetition, placeholder, reference to code or a file, e-mail address, host or IP address.
    """
    value = value.rstrip(".:")
    if len(value) < 6 or _LABEL.match(value) or _EMAIL_OR_HOST.search(value) or _SCHEME.match(value):
        return False
    if not (_LETTER.search(value) and _DIGIT.search(value)) and char_classes(value) < 3:
        return False
    if char_classes(value) < 3 and len(value) < 8:
        return False
    if is_sequential(value) or is_repetitive(value) or looks_like_placeholder(value) or looks_like_code_reference(value):
        return False
    return not names_a_reference(value)


class PasswordNoteRecognizer(SecretRecognizer):
    """Detects passwords in account notes: ID/PW pairs, a password word then a blank or bracket, other
    names and languages, accounts in prose, credentials in table rows. The span is the password only.

    Limits: a pair with no cue (`10.0.0.5 (admin/Xk29vbQ1)`) and a password that reads as a word or a
    number (`PIN: 4821`) are not found.
    """

    ENTITY = "PASSWORD_ASSIGNMENT"
    PATTERNS: ClassVar[list[Pattern]] = [
        # ID/PW: admin/Xk29vbQ1, id/pw admin Xk29vbQ1, ID/PW(admin/Xk29vbQ1), id/pass:admin,Xk29vbQ1.
        Pattern(
            "account pair after an id/pw cue",
            _PAIR_CUE + r"\)?[ \t]{0,3}(?:[:=(]|-{1,2}>?)?[ \t]{0,3}[^\s/:,()<>]{1,64}[ \t]{0,3}(?:/{1,2}|[:,(]|[ \t])"
            r"[ \t]{0,3}" + _VALUE,
            0.7,
        ),
        # Login:kmoreau/Xk29vbQ1, 계정:kmoreau,Xk29vbQ1, telnet(kmoreau/Xk29vbQ1), user: kmoreau Xk29vbQ1,
        # credentials: k.moreau@example.org / Xk29vbQ1.
        Pattern(
            "account pair after a login cue",
            r"(?<![A-Za-z])" + _LOGIN_WORD + r"[:(][ \t]{0,3}[A-Za-z0-9._@-]{1,64}"
            # (a digit in the password, checked up front: prose puts words after a user's name all the time)
            r"(?:(?:[ \t]{0,2}/{1,2}[ \t]{0,2}|,)(?=[^\s()<>\"'`,;]{0,63}[0-9])" + _VALUE
            # A pair parted by blanks ends its line or bracket: "User: order TCK-94162 still says ..." is a
            # speaker's label and the message, as chat transcripts write them.
            + r"|[ \t]{1,3}(?=[^\s()<>\"'`,;]{0,63}[0-9])" + _VALUE + r"(?=[ \t]*(?:[)\r\n]|\Z)))",
            0.65,
        ),
        # Login for the portal was exposed: k.moreau@example.org / Xk29vbQ1!, "credentials like a@x.example / ...
        # or b@x.example / ...": the e-mail address is the user, so the password needs no digit (the value's shape
        # is judged as everywhere here); the second pattern takes the second pair of a list.
        Pattern("e-mail and password pair after a sign-in cue", _SIGN_IN + _EMAIL_SLASH + _VALUE, 0.65),
        Pattern(
            "second e-mail and password pair after a sign-in cue",
            _SIGN_IN + _EMAIL_SLASH + r"[^\s,;]{6,64}[ \t]*(?:,|;|(?i:or|and))[ \t]*" + _EMAIL_SLASH + _VALUE,
            0.65,
        ),
        # Password Xk29vbQ1, PASSWORD(Xk29vbQ1), PIN:Xk29vbQ1, P/W:Xk29vbQ1, PW는Xk29vbQ1, (PW)Xk29vbQ1.
        Pattern(
            "password word then the value",
            r"(?<![A-Za-z0-9_])\(?(?:" + _PASSWORD_WORD + _PARTICLE + r"\)?(?:\(|(?<=[)은는])|[ \t]{1,3}(?![=:]))"
            + "|" + _OTHER_NAME + _PARTICLE + r"\)?[ \t]{0,3}(?:[:=(][ \t]{0,3}|(?<=[은는])|[ \t]))" + _USER_BEFORE
            + _VALUE,
            0.65,
        ),
        # The password of an account in prose: "password for the db account is Xk29vbQ1", "pwd of root: ...".
        Pattern(
            "password of an account in prose",
            r"(?<![A-Za-z])" + _PASSWORD_WORD + r"[ \t]{1,3}(?i:for|of|in|on)[ \t]{1,3}(?:[^\s:]{1,40}[ \t]{1,3}){0,3}?"
            r"[^\s:]{1,40}(?:[ \t]{1,3}(?i:is|was)[ \t]{1,3}|[ \t]{0,2}[:=][ \t]{0,3})" + _USER_BEFORE + _VALUE,
            0.65,
        ),
        # A credential in a table row: `| API key | Xk29vbQ1... |`, `apiKey |Xk29vbQ1...` (wiki and docs tables).
        Pattern(
            "credential in a table row",
            r"(?<![A-Za-z])(?i:api[ _-]?key|secret|token|pass(?:word|wd)|pwd)[A-Za-z0-9_ -]{0,20}?[ \t]*\|(?!\|)[ \t]*"
            + _VALUE,
            0.65,
        ),
        # 비밀번호: Xk29vbQ1, Passwort = Xk29vbQ1, mot de passe : Xk29vbQ1, 密码：Xk29vbQ1, 비번은Xk29vbQ1.
        Pattern(
            "password word of another language",
            _FOREIGN + _PARTICLE + r"[ \t]{0,3}(?:[:=(：][ \t]{0,3}|(?<=[은는])|[ \t]{1,3})" + _USER_BEFORE
            + _VALUE,
            0.7,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["password", "pw", "pin"]
    PREFILTER: ClassVar[tuple[str, ...]] = (
        "pass", "pw", "p/w", "pin", "paas", "pasw", "key", "secret", "token",
        *_LOGIN_LITERALS, *FOREIGN_PASSWORD_WORDS, *_SIGN_IN_WORDS,
    )
    PATTERN_LITERALS: ClassVar[dict[str, tuple[str, ...]]] = {
        "account pair after an id/pw cue": ("pass", "pw", "p/w", "비번", "비밀번호"),
        "account pair after a login cue": _LOGIN_LITERALS,
        "password word then the value": ("pass", "pw", "p/w", "pin", "paas", "pasw"),
        "password of an account in prose": ("pass", "pw"),
        "credential in a table row": ("key", "secret", "token", "pass", "pw"),
        "password word of another language": FOREIGN_PASSWORD_WORDS,
        "e-mail and password pair after a sign-in cue": _SIGN_IN_WORDS,
        "second e-mail and password pair after a sign-in cue": _SIGN_IN_WORDS,
    }

    def invalidate_result(self, pattern_text: str) -> bool:
        """Drop values that do not read as a chosen password (words, labels, addresses, references)."""
        return not looks_like_noted_password(pattern_text)
