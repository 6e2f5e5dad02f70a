import pytest

from sanitizers.recognizers.url_credentials_recognizer import UrlCredentialsRecognizer
from tests.sanitizers.recognizers.fakes import ALNUM, fake, found

REC = UrlCredentialsRecognizer()
PW = fake(14, ALNUM, seed=1)

TRUE_POSITIVES = [
    (f"DATABASE_URL=postgres://admin:{PW}@db.internal:5432/app", [PW]),  # DSN: the password only
    (f"redis://:{PW}@cache:6379/0", [PW]),  # empty user name
    (f"mongodb+srv://svc:{PW}@cluster0.example.net/?retryWrites=true", [PW]),  # scheme with +
    ("https://bob:s3cr%40t!Pw@host.example.com/x", ["s3cr%40t!Pw"]),  # percent-encoded
    ("amqp://bob:pa@ss-w0rd@mq.local", ["pa@ss-w0rd"]),  # raw "@" inside: up to the last "@"
    ("postgres://app:bluebird7@localhost/db", ["bluebird7"]),  # weak real password: still a credential
    (f"git remote add origin https://ci:{PW}@gitlab.example.com/g/r.git", [PW]),  # git remote
    ("postgresql://admin:Xy7#pQ2z@db:5432/prod", ["Xy7#pQ2z"]),  # raw "#" inside the password
    ("mysql://svc:k9/Qm?z2@db.local:3306/app", ["k9/Qm?z2"]),  # raw "/" and "?" inside
    # Stock words are weak passwords, still credentials (recall first).
    ("postgresql://user:secret@localhost:5433/db", ["secret"]),
    ("ftp://user:pass@files.example.com", ["pass"]),
    ("postgres://app:password123@localhost/db", ["password123"]),
]

NEAR_MISSES = [
    "postgres://user:password@localhost/db",  # the field's own name
    "https://user:mypassword@example.com",  # the field's own name, possessive
    "https://user:abc@api.example.com",  # too short to be a password
    "mongodb://mongo:mongo@localhost/db",  # the user name again
    "mysql://root:****@db/x",  # masked
    "postgres://app:${DB_PASSWORD}@db/x",  # template variable
    "postgres://app:$DB_PASSWORD@db/x",  # shell variable
    "postgres://app:<password>@db/x",  # template
    "postgres://app:{password}@db/x",  # format string
    "postgres://app:%s@db/x",  # printf
    "ssh://git@github.com/org/repo.git",  # user only, no password
    "https://example.com:8080/path",  # port, no userinfo
    "mailto:ana@example.org",  # not an authority
    "http://user:@host/x",  # empty password
    "https://admin:admin@localhost:8080",  # the user name again
    "redis://:changeme@cache:6379",  # placeholder
    "https://example.com:8080/docs/user@example.org",  # a port and a path before an "@"
    "http://host:8080/?email=ana@example.org",  # a port and a query
    "mongodb://mongodb:mongodb@localhost:27017/db",  # default credentials named after the server
]


@pytest.mark.parametrize(("text", "expected"), TRUE_POSITIVES)
def test_finds_password_when_url_has_userinfo(text, expected):
    assert found(REC, text) == expected


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_ignores_text_when_near_miss(text):
    assert found(REC, text) == []
