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
    (f'PASSWORD = \\\n        "{STRONG}"', [STRONG]),  # a line continuation before the value
    (f"CLIENT_SECRET := \\\r\n\t{TOKEN}", [TOKEN]),  # Makefile, CRLF
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
    # Any case and separator style, names that only hold the keyword, qualified `*_key` names.
    (f"API_KEY={TOKEN}", [TOKEN]),
    (f"x-api-key: {TOKEN}", [TOKEN]),
    (f"my_password_super_secure = '{STRONG}'", [STRONG]),
    (f"SOFTLAYER_API_KEY: {TOKEN}", [TOKEN]),
    (f"license_key: {TOKEN}", [TOKEN]),
    (f"cloudant_pw='{STRONG}'", [STRONG]),
    (f'[Peer]\nPresharedKey = {BASIC}', [BASIC]),
    # Long dummy values assigned to a credential name are credentials too.
    ("ibm_cloud_api_key: " + "abcd1234" * 5, ["abcd1234" * 5]),
    # Comparisons, both orders; subscripts; C# verbatim strings; Go/Pascal `:=`.
    (f'if (api_key != "{TOKEN}") {{', [TOKEN]),
    (f'if ("{TOKEN}" === my_private_key) {{', [TOKEN]),
    (f'if ("{STRONG}" != passwd) {{', [STRONG]),  # the bare keyword on the right
    (f'secret[25] = "{STRONG}";', [STRONG]),
    (f'password = @"{STRONG}";', [STRONG]),
    (f"db_pass := {STRONG}", [STRONG]),
    # Brackets inside a password are no template.
    ("apikey = m{{h}o)p${e]n8b(z[Qf>-_$#Tw9}}", ["m{{h}o)p${e]n8b(z[Qf>-_$#Tw9}}"]),
    # Space-separated quoted values (Gradle, C), XML attributes and elements.
    (f"credentials {{\n    username 'deploy'\n    password '{STRONG}'\n}}", [STRONG]),
    (f'<add key="SmtpPassword" value="{STRONG}"/>', [STRONG]),
    (f"<password>{STRONG}</password>", [STRONG]),
    # Command-line flags with the keyword inside the flag name; PowerShell parameters.
    (f'--softlayer-api-key "{TOKEN}"', [TOKEN]),
    (f"Connect-VIServer -Server vc01 -User admin -Password {STRONG}", [STRONG]),
    (f"PsExec.exe \\\\host -u admin -p {STRONG} cmd", [STRONG]),
    (f'$pw = ConvertTo-SecureString "{STRONG}" -AsPlainText -Force', [STRONG]),
    (f"ConvertTo-SecureString -String -Force {STRONG}", [STRONG]),  # unquoted after its switches
    (f'"ConvertTo-SecureString \\"{STRONG}\\" -AsPlainText"', [STRONG]),  # quotes escaped in a string
    (f'new NetworkCredential("svc@example.com", "{STRONG}")', [STRONG]),
    (f"machine api.example.com\n  login deploy\n  password {STRONG}", [STRONG]),
    # Authorization header without a scheme, and a short bearer token after its scheme.
    (f"Authorization: {TOKEN}", [TOKEN]),
    ("Authorization: Bearer mF_9.B5f-4.1JqM", ["mF_9.B5f-4.1JqM"]),
    (f"Authorization: SSWS {TOKEN}", [TOKEN]),  # Okta's scheme
    (f'fbApiKey:            "{TOKEN}",', [TOKEN]),  # aligned with many blanks
    (f'ado_pat = "{TOKEN}"', [TOKEN]),  # personal access token
    (f"vault login -method=token -vaultToken s.{TOKEN}", ["s." + TOKEN]),  # a random dotted value
    ("jwtsecret: \"7`D'}/vYR)T;W\\5]EBrf;_&k>qX??]G&3CF=;@vyrVBp\"", ["7`D'}/vYR)T;W\\5]EBrf;_&k>qX??]G&3CF=;@vyrVBp"]),
    (f"MAILGUN_KEY={TOKEN}", [TOKEN]),  # an environment variable named *_KEY
    # Long values (a base64 service-account file, a SAS token): the whole run, quoted or bare.
    ("GOOGLE_CREDENTIALS=" + fake(3000, URLSAFE, seed=20), [fake(3000, URLSAFE, seed=20)]),
    ('secret = "' + fake(1500, URLSAFE, seed=21) + '"', [fake(1500, URLSAFE, seed=21)]),
    ("app --token " + fake(600, URLSAFE, seed=22), [fake(600, URLSAFE, seed=22)]),
    (f'# config.facebook.key = "{fake(32, HEX, seed=8)}"', [fake(32, HEX, seed=8)]),  # a vendor's key
    (f"zendeskKey: {TOKEN}", [TOKEN]),  # a vendor's key, camelCase
    (f'openaiKey = "{TOKEN}"', [TOKEN]),  # an AI vendor's key, camelCase
    (f"heroku.key: {UUID}", [UUID]),  # a vendor's key, dotted
    # Values that look like something else by chance.
    ("Authorization: Basic " + base64.b64encode(b"jenkins:Nimbus!Nimbus539?").decode(),
     [base64.b64encode(b"jenkins:Nimbus!Nimbus539?").decode()]),  # "Pw==" at the end is padding
    ('var apiToken string = "--icr7wfCpwQGmpcwS0lqma6pWq"', ["--icr7wfCpwQGmpcwS0lqma6pWq"]),  # no flag
    ("Server=db01;User Id=app;Password=rI@Tibibb@TB;", ["rI@Tibibb@TB"]),  # letters repeat by chance
    ("Server=db01;User Id=app;Password==9NT-+a2#gPM1Hs;", ["=9NT-+a2#gPM1Hs"]),  # starts with "="
    ("New-LocalUser -Name svc -Password %j4Ad@7@JrEvk*%", ["%j4Ad@7@JrEvk*%"]),  # "%...%" but no variable
    ("password=&kzvLy2&d=Hvdy9X_G", ["&kzvLy2&d=Hvdy9X_G"]),  # "&x=" inside, name at the line start
    ("New-LocalUser -Name svc -Password E&m-=#Oz+@nVb", ["E&m-=#Oz+@nVb"]),  # an argument ends at a blank
    ("Server=db01;User Id=app;Password=3tsf&J=jrBUsCS;", ["3tsf&J=jrBUsCS"]),  # "&J=" is no parameter
    ("Server=db01;User Id=app;Password=_&aWP&uLK=y@g;", ["_&aWP&uLK=y@g"]),  # "&uLK=" is no parameter
    ("machine ci.example.com login deploy password !cyahJtbgsXeHWl", ["!cyahJtbgsXeHWl"]),  # no YAML tag
    ('ConvertTo-SecureString "Pw2=Zn-AjJh$B-a6E" -AsPlainText', ["Pw2=Zn-AjJh$B-a6E"]),  # "Pw2=" by chance
    ("New-LocalUser -Name svc -Password AYIHHEZbbqBqlw", ["AYIHHEZbbqBqlw"]),  # random letters, no words
    ("AWS_SECRET=/Wq8G359R8qqzggnSc8/atCP+x2tACp+KB4/jJo+", ["/Wq8G359R8qqzggnSc8/atCP+x2tACp+KB4/jJo+"]),
    # More assignment syntaxes (Go, Kotlin, PHP, Makefile, YAML block scalars, multi-line XML, CSV).
    (f'var mailgunToken string = "{TOKEN}"', [TOKEN]),
    (f'val apiToken: String = "{TOKEN}"', [TOKEN]),
    (f'$mailgunToken .= "{TOKEN}"', [TOKEN]),
    (f'MAILGUN_TOKEN ::= "{TOKEN}"', [TOKEN]),
    (f'MAILGUN_TOKEN += "{TOKEN}"', [TOKEN]),
    (f"mailgun_token: |\n  {TOKEN}", [TOKEN]),
    (f"<mailgunToken>\n    {TOKEN}\n</mailgunToken>", [TOKEN]),
    (f"mailgunToken,{TOKEN},", [TOKEN]),
    (f"ENV API_TOKEN {TOKEN}", [TOKEN]),  # Dockerfile, blank-separated
    (f'key = os.getenv("SERVICE_API_KEY", "{TOKEN}")', [TOKEN]),  # default of a getenv call
    (f"API_TOKEN ?= {TOKEN}", [TOKEN]),  # Makefile
    (f'headers["x-token"] = env.X_TOKEN || "{TOKEN}";', [TOKEN]),  # JS fallback
    (f"docker login -u deploy -p {STRONG} registry.example.com", [STRONG]),  # -u USER -p PASSWORD
    (f"redis-cli -h cache -a {STRONG} ping", [STRONG]),  # redis-cli -a
    ('<add key="Db" value="Server=db,1433;User ID=app;Password=#gets0m3Xq;Trusted_Connection=False" />',
     ["#gets0m3Xq"]),  # connection string inside an XML attribute
    # Close to the public, anti-forgery and word names above, but credentials.
    (f"WTF_CSRF_SECRET_KEY={TOKEN}", [TOKEN]),  # the server secret that signs CSRF tokens
    (f"keystorePassword={STRONG}", [STRONG]),  # found at "password"
    (f"ACCESS_KEY_CODE={TOKEN}", [TOKEN]),  # an env key, not the glued word "keycode"
    (f"republic_token: {TOKEN}", [TOKEN]),  # "public" inside another word
    # curl's -u/--user in the forms its manual allows, and API token headers.
    (f'curl -u ":{STRONG}" https://localhost:9200', [STRONG]),  # empty user name
    (f"curl --user ops@example.com:{STRONG} https://api.example.com", [STRONG]),  # an e-mail as the user
    (f"curl --user kevin:'{STRONG}' -X PATCH https://api.example.com", [STRONG]),  # password quoted apart
    (f'curl -H "Authorization: Api-Token {TOKEN}" https://api.example.com', [TOKEN]),  # Api-Token scheme
]

NEAR_MISSES = [
    "ConvertTo-SecureString $plain -AsPlainText -Force",  # a variable
    "ConvertTo-SecureString (Get-Content ./pw.txt) -AsPlainText",  # a subexpression
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
    "curl -u <user:password> https://test.com/endpoint",  # a template of the pair
    "mysql -u root -p shop",  # -p alone: mysql prompts for the password
    "docker run -p 8080:80 nginx",  # port mapping
    "https://app.example.com/login?token=abc&page=2",  # query string: "&" ends a short value
    "password=${DB_PASSWORD}&remember=1",  # a reference, even with the "&..." kept in the value
    "https://api.example.com/v1/items?api_key=changeme&limit=50",  # query string, placeholder
    # Names that hold a credential word but name something else, and ordinary values.
    "password_min_length: 1234567890123456",  # a policy, and digits
    "token_url: https://auth.example.com/oauth/token",  # a URL
    "tokenizer: meta-llama/Llama-3-8B-Instruct",  # a tokenizer, not a token
    "passwordLabel: 'Password:', rememberLabel: 'Remember me:'",  # labels around a keyword
    'api_key: "your-api-key-goes-in-here"',  # placeholder words
    'token_expires_at: "2026-01-01T00:00:00Z"',  # a date
    'secret_name = "prod-db-password-v2"',  # a name
    'this.addPassword = "#add-password";',  # a CSS selector
    'password: "&lt;YOURPASSWORD&gt;"',  # HTML-escaped template
    'text << "Password=#{password}, "',  # Ruby interpolation
    "PASSWORD=$($(dirname $0)/bin/get-setting DB_PASSWORD)",  # command substitution
    "FORGOT_PASSWORD=$BASE_URL/classroom/#/forgot_password",  # variable and path
    'IAMUserChangePassword = "arn:aws:iam::aws:policy/IAMUserChangePassword"',  # an ARN
    "aws_secret_access_key: " + "a" * 36 + "end",  # near-constant
    "some_key = " + TOKEN,  # `key` alone names no credential
    "facebook_key: enabled",  # a vendor's key holding a word
    "github_key = repo.default_branch",  # a vendor's key holding a code reference
    'cache_key = "user:1234:profile:v2"',  # a code name ending in _key
    "DOTENV_PUBLIC_KEY=" + fake(66, HEX, seed=9),  # a public key
    "name,password,token,created_at",  # a CSV header
    "token: |\n  The quick brown fox",  # a YAML block of prose
    "var password string = os.Getenv(\"DB_PASSWORD\")",  # typed, but a call
    "ANY_KEY = " + base64.b64encode(b"dummy text data data data").decode(),  # encoded prose
    "pwd = (char *) (p + ulen + 2);",  # C code
    "Connect-VIServer -Server vc01 -User admin -Password $password",  # a variable
    """echo 'export DATABASE_PASSWORD="'$PRECOMPILE_PASSWORD'"' >> .env""",  # a variable quoted twice
    "password = P@ssw0rd123",  # a stock word in leetspeak
    # Code that names or builds a credential (chat data is full of it).
    '_PREFIXES = (("ANTHROPIC_API_KEY", "sk-ant-api03-"), ("GITHUB_TOKEN", "github_pat_"))',  # prefixes
    '"max_tokens": {rng.choice((256, 1024))}',  # an expression
    'git clone https://x-access-token:{v}@github.com/acme/app.git',  # a template field
    "# AccountKey=<base64 key>;",  # a documented shape
    '"dockerfile env credential": _NAME_LITERALS,',  # a constant
    "# slack-bot-token: xoxb-<team id>-<bot id>",  # a documented shape
    '_Vendor("square access token", "sq0atp-", "[A-Za-z0-9_-]{22}")',  # words in quotes are no name
    'env = {**self.env, "TOGETHER_API_KEY": self.together_key}',  # an attribute
    "send_event(data, secret=receiver.secret) is True",  # an attribute in a call
    'extra_env={"API_TOKEN": fake_key}).strip()',  # a variable in code
    '"private_key": "{PKCS8_ESCAPED}\\n"',  # a format field
    'aws_example_secret = "wJalrXUtnFEMI/K7MDENG/"',  # the head of AWS's documented example
    # Names of public or anti-forgery values, words that hold "key", digests named by their algorithm.
    f"PUBLIC_TOKEN={TOKEN}",  # a public token
    f'publicApiKey: "{TOKEN}"',  # a public API key
    f"pub_key = {TOKEN}",  # a public key
    f'publishable_key: "{TOKEN}"',  # a publishable key
    f"csrf-token={TOKEN}",  # an anti-forgery token
    f'xsrfToken: "{TOKEN}"',  # an anti-forgery token
    f'"UserKeyword": "{UUID}"',  # "Keyword" is a word, not a user key
    f"accessKeyboard = {TOKEN}",  # "Keyboard" is a word
    'password_sha256 = "' + fake(64, HEX, seed=10) + '"',  # a digest named by its algorithm
    "token_md5: " + fake(32, HEX, seed=11),  # a digest named by its algorithm
    f'TOKEN_AUDIENCE = "{UUID}"',  # an audience, not a token
    # Versions: a release, not a secret.
    'auth_key = "v2.3.1"',
    'notes = "Maven - io.jsonwebtoken:jjwt-jackson-0.11.2"',
    "SECRET_MANAGER_CLIENT=secretmanager-1.4.2-beta",
    "event-bus-api-token: rc0.15.0_20231217_1420-SNAPSHOT",
]


@pytest.mark.parametrize(("text", "expected"), TRUE_POSITIVES)
def test_finds_value_when_assigned_to_secret_name(text, expected):
    assert found(REC, text) == expected


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_ignores_text_when_near_miss(text):
    assert found(REC, text) == []


def test_scores_basic_credential_as_certain_when_it_decodes_to_user_and_password():
    assert scores(REC, f"Authorization: Basic {BASIC}") == [1.0]


@pytest.mark.parametrize("unit", ["a_", "a.", "aB", "a-", "#{", "a", "$a", "a/", "xXxX", "Ab."])
def test_judges_long_values_without_backtracking(unit):
    # The value checks run on values of up to 512 characters: none of them may backtrack on one
    # (an optional separator between letter runs once did, on a 300-character value).
    value = (unit * 300)[:500] + "!"
    assert REC.invalidate_result(value) in (True, False)
    assert found(REC, "password = " + value) in ([], [value])


def test_finishes_when_keyword_repeats_without_values():
    # Issue 13: "password=" repeated cost seconds per KB. Every quantifier is bounded and possessive,
    # so each keyword costs at most one bounded scan: 200 KB of repeats ends with no finding.
    for unit in ("password=", "token=a", "password: ", "--password ", "api_key=\"", "Authorization: "):
        assert found(REC, unit * (200_000 // len(unit))) == []
