import pytest

from sanitizers.recognizers.password_note_recognizer import PasswordNoteRecognizer, looks_like_noted_password
from tests.sanitizers.recognizers.fakes import ALNUM, fake, found

REC = PasswordNoteRecognizer()
# Made-up passwords: letters with digits, and one with all four classes.
PW = "Tq7" + fake(6, ALNUM, seed=1) + "4"
PW4 = "Vm3#" + fake(6, ALNUM, seed=2) + "k!"

TRUE_POSITIVES = [
    # An ID/PW cue and the pair after it, in the ways notes write it.
    (f"ID/PW: kmoreau/{PW}", [PW]),
    (f"id/pw kmoreau {PW}", [PW]),
    (f"ID PW kmoreau {PW}", [PW]),
    (f"User/Password (kmoreau/{PW})", [PW]),
    (f"id/pass:kmoreau,{PW}", [PW]),
    (f"ID/PWD -> kmoreau/{PW}", [PW]),
    (f"계정/비번: kmoreau/{PW}", [PW]),
    # A login cue (a user's name or a remote-login tool) and the pair after it.
    (f"Login: kmoreau/{PW4}", [PW4]),
    (f"계정:kmoreau,{PW}", [PW]),
    (f"telnet(kmoreau/{PW4})", [PW4]),
    (f"user: kmoreau {PW4}", [PW4]),
    (f"Login: kmoreau {PW}\nthen run the job", [PW]),
    (f"credentials: k.moreau@example.org / {PW4}", [PW4]),  # a credentials cue, an e-mail, a spaced slash
    (f"creds: kmoreau / {PW}", [PW]),
    # An e-mail/password pair on the line of a sign-in cue: the value needs no digit; a second pair of a list.
    (f"Login for the HR portal was exposed: k.moreau@example.org / {PW4}.", [PW4 + "."]),
    (f"logged in with credentials like a.b@example.org / {PW} or c.d@example.net / Quiet#Harbor", [PW, "Quiet#Harbor"]),
    # A password word, then only a blank, a bracket or a particle before the value.
    (f"Password {PW4}", [PW4]),
    (f"PASSWORD({PW4})", [PW4]),
    (f"(PW){PW}", [PW]),
    (f"PIN:{PW4}", [PW4]),
    (f"P/W: {PW4}", [PW4]),
    (f"passwords: {PW}", [PW]),
    (f"PW는{PW4}", [PW4]),
    (f"paasword: {PW4}", [PW4]),
    (f"p/w는{PW4}", [PW4]),
    # The password of an account in prose.
    (f"password for kmoreau: {PW}", [PW]),
    (f"the password for the staging db account is {PW}", [PW]),
    (f"pwd of root is {PW4}", [PW4]),
    # A credential in a table row.
    (f"| API key | {PW}{PW} |", [PW + PW]),
    (f"apiKey |{PW4}\nbaseUrl |https://api.example.org/v1", [PW4]),
    # The word in other languages.
    (f"비밀번호: {PW4}", [PW4]),
    (f"비번은{PW4}", [PW4]),
    (f"패스워드({PW})", [PW]),
    (f"Passwort: {PW}", [PW]),
    (f"mot de passe : {PW}", [PW]),
    (f"пароль: {PW}", [PW]),
    (f"密码：{PW}", [PW]),
    (f"パスワード {PW4}", [PW4]),
]

NEAR_MISSES = [
    "the password is incorrect",
    "Password manager for small teams",
    "password reset link sent to the user",
    "Set the password to something strong",
    "Default ID/PW are guest/guest.",  # a word, no chosen password
    "password for ops@example.com",  # an address
    "password 2024-01-01",  # a date
    "ID/PW 10.0.4.21:8443 kmoreau",  # a host and a user
    "pin the dependency to 1.2.3",
    "spinning up 3 workers",
    "PIN: 4821",  # digits only: not found here (see the recognizer's limits)
    "비밀번호: 변경필요",  # a word, no password
    "Passwort: <your password>",  # a template
    "password abcdefgh1",  # a sequence
    "the password for this account is required",
    "password for ops@example.com is in the vault",
    "| Token | Description |",
    "| secret | The secret used to sign v2 tokens |",
    "if token || fallback_value",
    "ID:kmoreau@example.com mailto:{1}",  # a link after the address
    "the user alice uploaded file2024x.csv",
    "User: order TCK-94162 still says processing, do you ship to Hanoi?",  # a speaker's label, a message
    "User: Refund INC5460127 to my account please",
    "user ID 12345 logged in at 10:20",
    "ssh root@10.0.0.2 uptime",
    "client_vpn_endpoint_id = aws_ec2_client_vpn_endpoint.client-vpn-endpoint.id",  # code
    'Connect-VIServer "$endpoint" -User "$username" -Password "$password"',  # variables and a flag
    "the login page lists support@example.org / Marketing as the contact",  # a word after the pair's slash
    "log in at ops@example.org / 555-0101",  # digits only
    "write to sales@example.org / Kx7pq2Rm3 about the order",  # no sign-in cue on the line
]


@pytest.mark.parametrize(("text", "expected"), TRUE_POSITIVES)
def test_finds_password_when_noted_with_a_cue(text, expected):
    assert found(REC, text) == expected


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_ignores_text_when_no_noted_password(text):
    assert found(REC, text) == []


@pytest.mark.parametrize("value", [PW, PW4, "9" + fake(9, ALNUM, seed=3) + "x"])
def test_reads_value_as_password_when_letters_mix_with_digits(value):
    assert looks_like_noted_password(value)


@pytest.mark.parametrize("value", ["master", "default:", "xxxxxx", "kmoreau@example.org", "10.1.2.3", "./pw.txt",
                                   "abc123", "11112222"])
def test_rejects_value_when_word_label_address_or_short(value):
    assert not looks_like_noted_password(value)


@pytest.mark.parametrize("text", ["password = env.APP_TEST_PASSWORD", 'const password = process.env.DB_PASSWORD || "unset"',
                                  "pwd: settings.ADMIN_PASSWORD"])
def test_leaves_assignment_to_assignment_rules_when_password_word_has_an_operator(text):
    # `PasswordAssignmentRecognizer` judges `name = value`; here an operator counts only after other names.
    assert found(REC, text) == []
