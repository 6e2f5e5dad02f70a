import base64

import pytest

from sanitizers.recognizers.password_assignment_recognizer import PasswordAssignmentRecognizer
from tests.sanitizers.recognizers.fakes import ALNUM, HEX, URLSAFE, fake, found, scores

REC = PasswordAssignmentRecognizer()
STRONG = "Xk9#" + fake(10, ALNUM, seed=1)
TOKEN = fake(32, URLSAFE, seed=2)
UUID = "-".join(fake(n, HEX, seed=3 + n) for n in (8, 4, 4, 4, 12))
BEARER = fake(40, URLSAFE, seed=4)
BASIC = base64.b64encode(b"svc-user:" + fake(12, ALNUM, seed=5).encode()).decode()
DJANGO = "django-insecure-" + fake(40, ALNUM + "!@#$%^&*(-_=+)", seed=6).replace("'", "")

TRUE_POSITIVES = [
    (f'password = "{STRONG}"', [STRONG]),  # quoted Python assignment
    (f"DB_PASSWORD={STRONG}", [STRONG]),  # env line, name prefix
    (f'{{"client_secret": "{TOKEN}"}}', [TOKEN]),  # JSON
    (f'{{\\"password\\": \\"{STRONG}\\"}}', [STRONG]),  # JSON escaped inside text
    (f"api_key: {UUID}", [UUID]),  # a UUID assigned to api_key is a key
    (f"apiKey: '{TOKEN}'", [TOKEN]),  # camelCase name
    (f"$ mysql --password={STRONG} -u root", [STRONG]),  # command-line flag with =
    (f"app --token {TOKEN}", [TOKEN]),  # command-line flag with a space
    (f"Authorization: Bearer {BEARER}", [BEARER]),  # bearer header
    (f'-H "Authorization: Basic {BASIC}"', [BASIC]),  # Basic credential
    (f"my password is {STRONG}", [STRONG]),  # prose
    (f"SECRET_KEY = '{DJANGO}'", [DJANGO]),  # Django secret key
    (f'private_key => "{TOKEN}"', [TOKEN]),  # Ruby hash
    (f"params['passwd'] = '{STRONG}'", [STRONG]),  # subscripted name
    ("password=$uR7syh7gqM@Zq", ["$uR7syh7gqM@Zq"]),  # starts with "$" but is no variable
    ("password=@M+REsL2ItAbq", ["@M+REsL2ItAbq"]),  # starts with "@" but is no file reference
    ("DB_PASSWORD=-XadO+T2#vPJ8", ["-XadO+T2#vPJ8"]),  # starts with "-"
    ("spring.datasource.password=Willow.Harbor696$", ["Willow.Harbor696$"]),  # words, digits, symbol
    (f"https://app.example.com/reset?token={TOKEN}&lang=en", [TOKEN]),  # query parameter, ends at &
    (f"curl -u admin:{STRONG} https://api.example.com", [STRONG]),  # curl user:password
    (f"mysql -h db -u root -p{STRONG} shop", [STRONG]),  # mysql glued -p
    (f"sshpass -p '{STRONG}' ssh deploy@host", [STRONG]),  # sshpass
    # "&x=" inside a value outside a query string is part of the password (env files, compose lists).
    ("    environment:\n      DB_PASSWORD=kqr7&j=W^PxN\n", ["kqr7&j=W^PxN"]),  # short head before "&"
    ("spring.datasource.password=M&vB-QtzL=Rkw=HpyD!s", ["M&vB-QtzL=Rkw=HpyD!s"]),  # "&" second char
    ("DB_PASSWORD=tVmR_&QxkW=4p^LdJF\nresp = call()", ["tVmR_&QxkW=4p^LdJF"]),  # "&" after 5 chars
    (f"curl -d 'user=bob&password={STRONG}&remember=1'", [STRONG]),  # form body: "&" ends it
    # A leading `$`, `%`, `&`, `*` or `/` before a name that reads as none is part of a password.
    ("POSTGRES_PASSWORD: $RTmcXbnPQaz", ["$RTmcXbnPQaz"]),  # no variable is named like that
    ("DB_PASSWORD=%Hq7vLw2Kp9Zt", ["%Hq7vLw2Kp9Zt"]),  # digits inside: no Windows variable
    ("DB_PASSWORD=&HvQzT8_rwMkpLD3aa", ["&HvQzT8_rwMkpLD3aa"]),  # no YAML anchor
    ("MYSQL_ROOT_PASSWORD: *Xk9aPq2Zx7", ["*Xk9aPq2Zx7"]),  # no YAML alias
    ("password: /Xk9aPq2Zx7", ["/Xk9aPq2Zx7"]),  # one segment, no file extension: no path
    # Chosen passwords: words, digits and symbols, a word repeated (entropy under 3 bits a char).
    ("spring.datasource.password=Otter!Otter808!", ["Otter!Otter808!"]),
    ('"password": "Rose#Rose12"', ["Rose#Rose12"]),
]

NEAR_MISSES = [
    "password: changeme",  # placeholder
    "password: password123",  # placeholder word + digits
    'password = os.environ["DB_PASSWORD"]',  # code reference
    "password=${DB_PASSWORD}",  # template variable
    'password: "********"',  # masked
    "api_key: YOUR_API_KEY",  # template
    "token: <token>",  # template
    "api_key = {{api_key}}",  # template
    "max_tokens=512",  # ML parameter
    'eos_token: "<|endoftext|>"',  # special token
    "token = tokenizer.eos_token",  # attribute
    "password: str",  # type hint
    "token: Optional[str] = None",  # type hint
    'password = "correct horse battery staple"',  # passphrase with spaces (documented miss)
    "password = getpass.getpass()",  # call
    "api_key=api_key",  # variable
    "secret: aaaaaaaa",  # filler
    '"token": 50256',  # token id
    "passwordless: true",  # other name
    "the password is incorrect",  # prose
    'password_hash = "' + fake(64, HEX, seed=7) + '"',  # a hash, not a password
    "token: 2024-01-01",  # date
    "password: MySecurePass",  # CamelCase word
    "Bearer token required",  # prose
    "password: ./secrets/db.txt",  # a path
    "secret: https://vault.internal/v1/kv",  # a URL
    "password: " + "Ab1" * 4,  # repeated unit
    "password: *db_password",  # YAML alias
    "password: &DefaultPassword",  # YAML anchor named in PascalCase
    "password: *DbPassword_Prod2",  # YAML alias, words and a trailing digit
    "password: $dbPassword",  # shell variable in camelCase
    "password: $PASSWORD1",  # shell variable, trailing digit
    "password: %DB_PASSWORD",  # unclosed Windows variable
    "password: /secret.txt",  # a file at the root
    "password: Aaaa1111!!!!",  # four classes but near-constant
    "password: Ab1!Ab1!Ab",  # four classes, a repeated unit
    "password: !Ref DbPassword",  # YAML tag
    "curl --password @secret.txt",  # file reference
    "password_file=/run/secrets/db; password=/run/secrets/db",  # a path
    "OPENAI_API_KEY=tgp_v1_<your-key>",  # head of a template
    'api_key="sk-proj-..."',  # elided
    "secret = settings.SECRET_KEY",  # attribute
    'token: "\u0120world"',  # tokenizer piece (non-ASCII)
    'token: "hello!"',  # short word with punctuation
    "git push -u origin main",  # -u without user:password
    "mysql -u root -p shop",  # -p alone: mysql prompts for the password
    "docker run -p 8080:80 nginx",  # port mapping
    "https://app.example.com/login?token=abc&page=2",  # query string: "&" ends a short value
    "password=${DB_PASSWORD}&remember=1",  # a reference, even with the "&..." kept in the value
    "https://api.example.com/v1/items?api_key=changeme&limit=50",  # query string, placeholder
]


@pytest.mark.parametrize(("text", "expected"), TRUE_POSITIVES)
def test_finds_value_when_assigned_to_secret_name(text, expected):
    assert found(REC, text) == expected


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_ignores_text_when_near_miss(text):
    assert found(REC, text) == []


def test_scores_basic_credential_as_certain_when_it_decodes_to_user_and_password():
    assert scores(REC, f"Authorization: Basic {BASIC}") == [1.0]
