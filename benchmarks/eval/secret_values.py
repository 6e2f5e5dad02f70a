"""Fake secrets in each vendor's published token shape, drawn from a seeded RNG at run time.

No literal key lives in this file: every value is random characters behind the vendor's public prefix,
so repository secret scanners stay quiet and no value can be a real credential. Each maker returns a
`Planted` whose `core` is the random part that must not survive sanitizing.
"""

import base64
import json
import random
import string
from collections.abc import Callable

from benchmarks.eval.plan import Planted

ALNUM = string.ascii_letters + string.digits
URLSAFE = ALNUM + "_-"
HEX = "0123456789abcdef"
UPPER_ALNUM = string.ascii_uppercase + string.digits
B64 = ALNUM + "+/"


def chars(rng: random.Random, alphabet: str, n: int) -> str:
    """`n` characters drawn uniformly from `alphabet`."""
    return "".join(rng.choice(alphabet) for _ in range(n))


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def together(rng: random.Random) -> Planted:
    """Current Together key: tgp_v1_ + 43 of [A-Za-z0-9_-]."""
    value = "tgp_v1_" + chars(rng, URLSAFE, 43)
    return Planted("TOGETHER_API_KEY", value, value)


def together_legacy(rng: random.Random) -> Planted:
    """Legacy Together key: 64 lowercase hex; only a secret next to Together context."""
    value = chars(rng, HEX, 64)
    return Planted("TOGETHER_API_KEY", value, value, "legacy_hex")


def openai(rng: random.Random) -> Planted:
    """OpenAI project, service-account or legacy user key (all carry the T3BlbkFJ marker)."""
    kind = rng.random()
    if kind < 0.5:
        side = rng.choice((74, 58))
        value, variant = "sk-proj-" + chars(rng, URLSAFE, side) + "T3BlbkFJ" + chars(rng, URLSAFE, side), "project"
    elif kind < 0.65:
        value = "sk-svcacct-" + chars(rng, URLSAFE, 74) + "T3BlbkFJ" + chars(rng, URLSAFE, 74)
        variant = "service_account"
    else:
        value, variant = "sk-" + chars(rng, ALNUM, 20) + "T3BlbkFJ" + chars(rng, ALNUM, 20), "legacy"
    return Planted("OPENAI_API_KEY", value, value, variant)


def anthropic(rng: random.Random) -> Planted:
    """Anthropic API key: sk-ant-api03- + 93 url-safe characters + AA."""
    value = "sk-ant-api03-" + chars(rng, URLSAFE, 93) + "AA"
    return Planted("ANTHROPIC_API_KEY", value, value)


def aws_access_key_id(rng: random.Random) -> Planted:
    """AWS access key id: AKIA + 16 upper-case alphanumerics."""
    value = "AKIA" + chars(rng, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)
    return Planted("AWS_ACCESS_KEY_ID", value, value)


def aws_secret_access_key(rng: random.Random) -> Planted:
    """AWS secret access key: 40 base64 characters; a secret only in context."""
    value = chars(rng, B64, 40)
    return Planted("AWS_SECRET_ACCESS_KEY", value, value)


def github(rng: random.Random) -> Planted:
    """GitHub classic (ghp_/gho_ + 36) or fine-grained (github_pat_22_59) token."""
    if rng.random() < 0.35:
        value = "github_pat_" + chars(rng, ALNUM, 22) + "_" + chars(rng, ALNUM, 59)
    else:
        value = rng.choice(("ghp_", "ghp_", "ghp_", "gho_")) + chars(rng, ALNUM, 36)
    return Planted("GITHUB_TOKEN", value, value, value.split("_")[0] if value[3] == "_" else "github_pat")


def gitlab(rng: random.Random) -> Planted:
    """GitLab personal access token: glpat- + 20 url-safe characters."""
    value = "glpat-" + chars(rng, URLSAFE, 20)
    return Planted("GITLAB_TOKEN", value, value)


def slack_token(rng: random.Random) -> Planted:
    """Slack bot (xoxb-) or user (xoxp-) token."""
    digits = string.digits
    if rng.random() < 0.7:
        value = f"xoxb-{chars(rng, digits, 12)}-{chars(rng, digits, 13)}-{chars(rng, ALNUM, 24)}"
    else:
        value = (f"xoxp-{chars(rng, digits, 12)}-{chars(rng, digits, 12)}-{chars(rng, digits, 13)}-"
                 f"{chars(rng, HEX, 32)}")
    return Planted("SLACK_TOKEN", value, value, value[:4])


def slack_webhook(rng: random.Random) -> Planted:
    """Slack incoming-webhook URL; the last path segment is the secret."""
    token = chars(rng, ALNUM, 24)
    value = (f"https://hooks.slack.com/services/T{chars(rng, UPPER_ALNUM, 8)}/"
             f"B{chars(rng, UPPER_ALNUM, 10)}/{token}")
    return Planted("SLACK_WEBHOOK_URL", value, token)


def stripe(rng: random.Random) -> Planted:
    """Stripe live secret (sk_live_) or restricted (rk_live_) key."""
    prefix = "sk_live_" if rng.random() < 0.8 else "rk_live_"
    body = chars(rng, ALNUM, 24) if rng.random() < 0.4 else "51" + chars(rng, ALNUM, 97)
    value = prefix + body
    return Planted("STRIPE_API_KEY", value, value, prefix.rstrip("_"))


def google(rng: random.Random) -> Planted:
    """Google API key: AIza + 35 url-safe characters."""
    value = "AIza" + chars(rng, URLSAFE, 35)
    return Planted("GOOGLE_API_KEY", value, value)


def huggingface(rng: random.Random) -> Planted:
    """Hugging Face user access token: hf_ + 34 letters."""
    value = "hf_" + chars(rng, string.ascii_letters, 34)
    return Planted("HUGGINGFACE_TOKEN", value, value)


def sendgrid(rng: random.Random) -> Planted:
    """SendGrid API key: SG.<22>.<43>."""
    value = "SG." + chars(rng, URLSAFE, 22) + "." + chars(rng, URLSAFE, 43)
    return Planted("SENDGRID_API_KEY", value, value)


def twilio(rng: random.Random) -> Planted:
    """Twilio API key SID: SK + 32 lowercase hex."""
    value = "SK" + chars(rng, HEX, 32)
    return Planted("TWILIO_API_KEY", value, value)


def azure_storage_key(rng: random.Random) -> Planted:
    """Azure storage account key: base64 of 64 random bytes (88 characters)."""
    value = base64.b64encode(rng.randbytes(64)).decode("ascii")
    return Planted("AZURE_STORAGE_KEY", value, value)


def azure_connection_string(rng: random.Random) -> Planted:
    """Azure storage connection string; the AccountKey is the secret part."""
    key = base64.b64encode(rng.randbytes(64)).decode("ascii")
    account = rng.choice(("stprod", "mediastore", "logsarchive", "datalake", "backups")) + chars(
        rng, string.ascii_lowercase + string.digits, 6)
    value = (f"DefaultEndpointsProtocol=https;AccountName={account};AccountKey={key};"
             "EndpointSuffix=core.windows.net")
    return Planted("AZURE_CONNECTION_STRING", value, key)


def jwt(rng: random.Random) -> Planted:
    """A signed-looking JWT (HS256/RS256 header, opaque subject, random signature)."""
    header = {"alg": rng.choice(("HS256", "RS256")), "typ": "JWT"}  # RS256 signatures are 342 chars
    iat = rng.randint(1_650_000_000, 1_790_000_000)
    payload = {"sub": chars(rng, string.digits, 10), "iat": iat, "exp": iat + rng.choice((900, 3600, 86400)),
               "scope": rng.choice(("read", "read write", "admin"))}
    sig = _b64url(rng.randbytes(32 if header["alg"] == "HS256" else 256))
    value = ".".join((_b64url(json.dumps(header, separators=(",", ":")).encode()),
                      _b64url(json.dumps(payload, separators=(",", ":")).encode()), sig))
    return Planted("JWT", value, sig, header["alg"])


def private_key(rng: random.Random) -> Planted:
    """A PEM private-key block of random base64 (not a usable key); the body is the secret."""
    label, size, width = rng.choice(
        (("RSA PRIVATE KEY", 1190, 64), ("PRIVATE KEY", 1216, 64), ("EC PRIVATE KEY", 121, 64),
         ("OPENSSH PRIVATE KEY", 400, 70)))
    encoded = base64.b64encode(rng.randbytes(size)).decode("ascii")
    body = "\n".join(encoded[i:i + width] for i in range(0, len(encoded), width))
    value = f"-----BEGIN {label}-----\n{body}\n-----END {label}-----"
    return Planted("PRIVATE_KEY", value, body, label.lower().replace(" ", "_"))


def password(rng: random.Random) -> str:
    """A password a person might set: random, or words joined with digits and a symbol."""
    if rng.random() < 0.5:
        return chars(rng, ALNUM + "!#$%&*+-=?@^_", rng.randint(12, 20))
    words = ("Tulip", "Rocket", "Maple", "Falcon", "Harbor", "Copper", "Nimbus", "Quartz", "Willow", "Basil")
    return (rng.choice(words) + rng.choice("-_.!") + rng.choice(words) + chars(rng, string.digits, 3)
            + rng.choice("!#$%?"))


def url_credentials(rng: random.Random) -> Planted:
    """A database/broker/git URL with user and password; the password is the secret part.

    One in four passwords holds a raw `#`, `@` or `/`, as pasted DSNs do (invalid in a URL, common).
    """
    secret = chars(rng, ALNUM + "-_.~", rng.randint(12, 24))
    if rng.random() < 0.25:
        cut = rng.randint(3, len(secret) - 3)
        secret = secret[:cut] + rng.choice("#@/") + secret[cut:]
    user = rng.choice(("app", "admin", "svc_orders", "readonly", "etl", "deploy", "postgres", "root"))
    host = rng.choice(("db.internal.example.com", "10.20.3.14", "prod-db.acme-corp.test", "localhost",
                       "pg-main.example.net", "mq.example.org", "cache-01.example.com"))
    scheme, port, path = rng.choice(
        (("postgres", 5432, "/orders"), ("postgresql", 5432, "/analytics"), ("mysql", 3306, "/shop"),
         ("mongodb+srv", None, "/app?retryWrites=true"), ("redis", 6379, "/0"), ("amqp", 5672, "/vhost"),
         ("https", None, "/team/repo.git")))
    port_part = f":{port}" if port else ""
    value = f"{scheme}://{user}:{secret}@{host}{port_part}{path}"
    return Planted("URL_CREDENTIALS", value, secret, scheme)


def password_assignment(rng: random.Random) -> Planted:
    """The password of a `password=...` style assignment (the value is the password itself)."""
    value = password(rng)
    return Planted("PASSWORD_ASSIGNMENT", value, value)


def api_key_assignment(rng: random.Random) -> Planted:
    """A key with no vendor prefix (hex, base62 or base64url), found only by the name it is given to."""
    value = rng.choice((
        lambda: chars(rng, HEX, rng.choice((32, 40, 64))),
        lambda: chars(rng, ALNUM, rng.randint(24, 48)),
        lambda: chars(rng, URLSAFE, rng.randint(30, 44)),
    ))()
    return Planted("PASSWORD_ASSIGNMENT", value, value, "unprefixed_key")


def basic_credential(rng: random.Random) -> Planted:
    """An HTTP Basic credential: base64 of user:password."""
    pair = rng.choice(("svc-deploy", "api", "jenkins", "admin", "build")) + ":" + password(rng)
    value = base64.b64encode(pair.encode()).decode("ascii")
    return Planted("PASSWORD_ASSIGNMENT", value, value, "basic_auth")


# Prefixed tokens of smaller vendors, written from their public documentation (prefix, alphabet, length).
_VENDOR_SHAPES: tuple[tuple[str, str, int], ...] = (
    ("npm_", ALNUM, 36), ("gsk_", ALNUM, 52), ("pplx-", ALNUM, 48), ("r8_", ALNUM, 37),
    ("dckr_pat_", URLSAFE, 27), ("lin_api_", ALNUM, 40), ("tvly-", ALNUM, 32),
    ("sgp_", HEX, 40), ("NRAK-", UPPER_ALNUM, 27), ("rubygems_", HEX, 48), ("pcsk_", ALNUM, 60),
    ("dop_v1_", HEX, 64), ("sbp_", HEX, 40), ("fc-", HEX, 32), ("sq0atp-", URLSAFE, 22),
)


def vendor_token(rng: random.Random) -> Planted:
    """A prefixed token of a smaller developer, cloud or AI vendor."""
    if rng.random() < 0.1:  # Grafana service-account token: glsa_ + 32 + _ + 8 hex (a checksum part)
        value = "glsa_" + chars(rng, ALNUM, 32) + "_" + chars(rng, HEX, 8)
        return Planted("VENDOR_API_KEY", value, value, "glsa")
    prefix, alphabet, n = rng.choice(_VENDOR_SHAPES)
    value = prefix + chars(rng, alphabet, n)
    return Planted("VENDOR_API_KEY", value, value, prefix.rstrip("_-"))


def password_hash(rng: random.Random) -> Planted:
    """A crypt-format password hash (bcrypt or sha512-crypt), as in htpasswd or /etc/shadow."""
    c64 = "./" + ALNUM
    if rng.random() < 0.5:
        value = "$2b$" + rng.choice(("10", "12")) + "$" + chars(rng, c64, 53)
    else:
        value = "$6$" + chars(rng, c64, 16) + "$" + chars(rng, c64, 86)
    return Planted("PASSWORD_HASH", value, value, value[1:2])


def private_key_base64(rng: random.Random) -> Planted:
    """A PEM private-key block base64-encoded once more (a Kubernetes secret's data, a CI variable)."""
    block = private_key(rng).value
    value = base64.b64encode(block.encode()).decode("ascii")
    return Planted("PRIVATE_KEY", value, value, "base64_pem")


MAKERS: dict[str, Callable[[random.Random], Planted]] = {
    "TOGETHER_API_KEY": together,
    "TOGETHER_API_KEY_LEGACY": together_legacy,
    "OPENAI_API_KEY": openai,
    "ANTHROPIC_API_KEY": anthropic,
    "AWS_ACCESS_KEY_ID": aws_access_key_id,
    "AWS_SECRET_ACCESS_KEY": aws_secret_access_key,
    "GITHUB_TOKEN": github,
    "GITLAB_TOKEN": gitlab,
    "SLACK_TOKEN": slack_token,
    "SLACK_WEBHOOK_URL": slack_webhook,
    "STRIPE_API_KEY": stripe,
    "GOOGLE_API_KEY": google,
    "HUGGINGFACE_TOKEN": huggingface,
    "SENDGRID_API_KEY": sendgrid,
    "TWILIO_API_KEY": twilio,
    "AZURE_STORAGE_KEY": azure_storage_key,
    "AZURE_CONNECTION_STRING": azure_connection_string,
    "JWT": jwt,
    "PRIVATE_KEY": private_key,
    "URL_CREDENTIALS": url_credentials,
    "PASSWORD_ASSIGNMENT": password_assignment,
    "API_KEY_ASSIGNMENT": api_key_assignment,
    "BASIC_CREDENTIAL": basic_credential,
    "VENDOR_API_KEY": vendor_token,
    "PASSWORD_HASH": password_hash,
    "PRIVATE_KEY_BASE64": private_key_base64,
}
