import sys

import pytest

from sanitizers.recognizers.weak_password_recognizer import _ASCII_ALNUM, _BLANK, WeakPasswordRecognizer
from tests.sanitizers.recognizers.fakes import found

REC = WeakPasswordRecognizer()

# Made-up chosen passwords: words, stock words with digits, lower snake_case, passphrases.
TRUE_POSITIVES = [
    ("password = tulip_garden", ["tulip_garden"]),  # lower snake_case words: chosen, not a name
    ("Server=db;Uid=app;Pwd=letmein42;", ["letmein42"]),  # connection string
    ("DB_PASSWORD=bluefinch", ["bluefinch"]),  # env line, one dictionary-like word
    ("# APP_AUTH_PASS=quietriver    # some comment", ["quietriver"]),  # commented env line
    ("PASS = 'riverstone7'", ["riverstone7"]),  # "pass" in capitals names a password
    ('"AdminPassword" : "thisismysecretword"', ["thisismysecretword"]),  # JSON
    ("password => 'marble99',", ["marble99"]),  # Ruby/Perl hash
    ("credentials {\n  username 'ci'\n  password 'snowfall'\n}", ["snowfall"]),  # Gradle block
    ("if user == 'ann' and password == 'opensesame7':", ["opensesame7"]),  # comparison
    ('if creds.Secret != "open-door" {', ["open-door"]),  # Go comparison
    ('password = "walnut pepper lantern"', ["walnut pepper lantern"]),  # passphrase
    ("The default password for the user 'ops' is 'kiwi'", ["kiwi"]),  # prose, quoted value
    ('echo "The password is \'Winter2024\'"', ["Winter2024"]),  # prose inside a command
    ("the password is 'Ops Desk2024!' for the shared account", ["Ops Desk2024!"]),  # quoted, with a blank
    ('password: "Ops Desk2024!"', ["Ops Desk2024!"]),  # a passphrase may end in "!" after a digit
    ("PsExec.exe \\\\host -u CORP\\svc -p harbor9 cmd", ["harbor9"]),  # -u USER -p PASSWORD
    ("machine git.example.com login ci password pass123", ["pass123"]),  # netrc, stock word + digits
    ('new NetworkCredential("svc@example.com", "plainwords")', ["plainwords"]),  # .NET constructor
    ("password = P@ssw0rd123", ["P@ssw0rd123"]),  # leetspeak stock word
]

NEAR_MISSES = [
    "the password was 'too short!' last time",  # a message ends in "!" after a word
    'your password is "must contain a digit"',  # a rule, not a password
    "password: true",  # a literal
    "    secrets: inherit",  # a GitHub Actions keyword
    '    "detect-secrets==1.5.0",',  # a pinned version
    "secret: v2.3.1",  # a version
    "db_password: postgres-client-14.2",  # a package and its version
    "flags such as `-u user -p pass`, and more",  # a stock word between markdown quotes
    "then pass 'columns' instead of the frame",  # "pass" the verb
    "# Single pass: characters present in both",  # "pass" the noun
    "    :param is_secret: whether or not the value is a secret",  # a description after the name
    "        self._secrets = secrets",  # a variable named like the credential
    "    'PASSWORD': 'USERNAME',",  # a constant in capitals
    "    util._assertion_pass = saved_assert_hooks",  # a name of code
    "    def format_scan_result(self, secret: PotentialSecret) -> str:",  # a type annotation
    "        _generate_secret_for_app: Generates a secret for the app",  # a description
    "--pass-labels 'Non-toxic'",  # a flag that holds "pass"
    '"password": "string?",',  # a type in a schema
    "cl_key_or_pass = opt_api + suffix",  # an expression
    "spawn.async_pw_transport = pattern_waiter, transport",  # a tuple in code
    "password = None",  # a literal
    "password: string;",  # a type
    "password: password",  # the credential word itself
    "password: changeme",  # placeholder marker
    "password = ${DB_PASSWORD}",  # template
    'password = "********"',  # mask
    "password = 'xxxxxxxx'",  # mask
    "password = user.password",  # attribute
    "password = getPassword()",  # call
    "password: db_password",  # a name built on a credential word
    "password: dbPassword",  # camelCase name
    "password: DB_PASS_VALUE",  # an environment variable name
    "password: userInput",  # camelCase code name
    'password = "somefakepw"',  # a stand-in
    'password: "Must be at least 8 characters"',  # a message
    'password: "Please enter a password"',  # a message
    'someotherpassword = "doesnt start right"',  # a message
    "not_secret = quietriver",  # the name says it is none
    'password = "$super"',  # a variable interpolated in a string
    "aws_secret_access_key = " + "a" * 36 + "end",  # near-constant filler
    'password = "123"',  # too short
    "the password is incorrect",  # prose without a quoted value
    "Your password is 'invalid', try again",  # a state, quoted
    "The password is 'too short'",  # a message, quoted
    "passwordLabel: 'Password:'",  # a label
    "-p 8080:80",  # a port option without -u
]


@pytest.mark.parametrize(("text", "expected"), TRUE_POSITIVES)
def test_finds_plain_password_when_in_password_slot(text, expected):
    assert found(REC, text) == expected


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_ignores_value_when_positive_evidence_says_no_password(text):
    assert found(REC, text) == []


def test_reads_characters_as_str_methods_do_when_searching_with_one_regex():
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    assert [m.start() for m in _BLANK.finditer(every)] == [i for i, ch in enumerate(every) if ch.isspace()]
    assert [m.start() for m in _ASCII_ALNUM.finditer(every)] == [
        i for i, ch in enumerate(every) if ch.isascii() and ch.isalnum()
    ]
