import pytest

from sanitizers.recognizers.password_hash_recognizer import PasswordHashRecognizer
from tests.sanitizers.recognizers.fakes import HEX, fake, found

REC = PasswordHashRecognizer()
C64 = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
BCRYPT = "$2b$12$" + fake(53, C64, seed=1)
MD5CRYPT = "$1$" + fake(8, C64, seed=2) + "$" + fake(22, C64, seed=3)
SHA512CRYPT = "$6$rounds=5000$" + fake(16, C64, seed=4) + "$" + fake(86, C64, seed=5)
SHA256CRYPT = "$5$" + fake(12, C64, seed=6) + "$" + fake(43, C64, seed=7)
CISCO9 = "$9$" + fake(14, C64, seed=8) + "$" + fake(43, C64, seed=9)
ARGON2 = "$argon2id$v=19$m=65536,t=3,p=4$" + fake(22, C64[2:], seed=10) + "$" + fake(43, C64[2:], seed=11)
ASREP = "$krb5asrep$23$svc@corp.example:" + fake(32, HEX, seed=12) + "$" + fake(200, HEX, seed=13)

TRUE_POSITIVES = [
    (f"admin:{BCRYPT}", [BCRYPT]),  # htpasswd line
    (f"root:{MD5CRYPT}:19000:0:99999:7:::", [MD5CRYPT]),  # /etc/shadow line
    (f'"hash": "{SHA512CRYPT}"', [SHA512CRYPT]),
    (SHA256CRYPT, [SHA256CRYPT]),
    (f"username admin secret 9 {CISCO9}", [CISCO9]),  # Cisco IOS
    (f"stored {ARGON2}", [ARGON2]),
    (ASREP, [ASREP]),  # AS-REP roasting output
    ("$6$" + fake(16, C64, seed=14) + "$" + fake(40, C64, seed=15) + "..." + fake(43, C64, seed=16),
     ["$6$" + fake(16, C64, seed=14) + "$" + fake(40, C64, seed=15) + "..." + fake(43, C64, seed=16)]),  # "..." by chance
]

NEAR_MISSES = [
    "$2b$12$" + "x" * 53,  # placeholder
    "$1$abc$def",  # too short
    "sha256: " + fake(64, HEX, seed=20),  # a plain digest: no crypt prefix
    "costs $2 and $5 each",  # prices
    "$6$salt$" + "." * 86,  # filler
]


@pytest.mark.parametrize(("text", "expected"), TRUE_POSITIVES)
def test_finds_hash_when_crypt_format(text, expected):
    assert found(REC, text) == expected


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_ignores_text_when_near_miss(text):
    assert found(REC, text) == []
