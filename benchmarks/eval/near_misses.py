"""Strings that resemble secrets but are not: they should come through unchanged.

Kinds: masked keys (sk-...a1B2, AKIA************), truncated keys too short for their format, bare
prefixes in documentation sentences, public values (Stripe publishable keys, Google OAuth client ids,
AWS ARNs, PEM public keys and certificates), URLs without a password, and password fields holding a
reference rather than a value (${DB_PASSWORD}). Each is returned inside a sentence; the label's value is
the near-miss string alone.
"""

import base64
import random
import string

from benchmarks.eval.plan import RecordPlan
from benchmarks.eval.secret_values import ALNUM, HEX, URLSAFE, chars

_PREFIXES = (("ANTHROPIC_API_KEY", "sk-ant-api03-"), ("GITHUB_TOKEN", "github_pat_"), ("GITLAB_TOKEN", "glpat-"),
             ("TOGETHER_API_KEY", "tgp_v1_"), ("SLACK_TOKEN", "xoxb-"), ("HUGGINGFACE_TOKEN", "hf_"),
             ("GOOGLE_API_KEY", "AIza"))


def _public_pem(rng: random.Random) -> str:
    label, size = rng.choice((("PUBLIC KEY", 294), ("CERTIFICATE", 700), ("RSA PUBLIC KEY", 270)))
    encoded = base64.b64encode(rng.randbytes(size)).decode("ascii")
    body = "\n".join(encoded[i:i + 64] for i in range(0, len(encoded), 64))
    return f"-----BEGIN {label}-----\n{body}\n-----END {label}-----"


def _jwt_header_only() -> str:
    return base64.urlsafe_b64encode(b'{"alg":"HS256","typ":"JWT"}').decode().rstrip("=")


def near_miss_sentence(plan: RecordPlan) -> str:
    """A sentence holding one near-miss string, recorded in `plan`."""
    rng = plan.rng
    kind = rng.randrange(20)
    if kind == 0:
        v = plan.near_miss("OPENAI_API_KEY", "sk-..." + chars(rng, ALNUM, 4))
        return f"The dashboard only shows the key as {v}, so I can't tell which one it is."
    if kind == 1:
        v = plan.near_miss("AWS_ACCESS_KEY_ID", "AKIA" + "*" * 16)
        return f"The console lists the old key as {v} (masked)."
    if kind == 2:
        v = plan.near_miss("GITHUB_TOKEN", "ghp_" + chars(rng, ALNUM, rng.randint(6, 20)))
        return f"I only copied part of the token ({v}...) before the page closed."
    if kind == 3:
        entity, prefix = rng.choice(_PREFIXES)
        v = plan.near_miss(entity, prefix)
        return f"Keys of that type always start with {v}, right?"
    if kind == 4:
        v = plan.near_miss("STRIPE_API_KEY", rng.choice(("pk_live_", "pk_test_")) + chars(rng, ALNUM, 24))
        return f"The publishable key {v} is in the checkout page; that one is public by design."
    if kind == 5:
        v = plan.near_miss("GOOGLE_API_KEY",
                           f"{chars(rng, string.digits, 12)}-{chars(rng, string.ascii_lowercase + string.digits, 32)}"
                           ".apps.googleusercontent.com")
        return f"The OAuth client id is {v}."
    if kind == 6:
        v = plan.near_miss("PRIVATE_KEY", _public_pem(rng))
        return f"This is the public part, safe to share:\n{v}"
    if kind == 7:
        v = plan.near_miss("URL_CREDENTIALS", rng.choice((
            "postgres://app@db.example.com:5432/orders", "redis://localhost:6379/0",
            "mysql://reporting@10.0.4.12:3306/warehouse", "mongodb://mongo-0.mongo:27017/app?replicaSet=rs0")))
        return f"It connects with {v} and the password comes from the secret store."
    if kind == 8:
        v = plan.near_miss("PASSWORD_ASSIGNMENT", rng.choice((
            "password=${DB_PASSWORD}", 'password = os.environ["DB_PASSWORD"]', "password: <your-password>",
            "PASSWORD=", "password={{ vault_db_password }}")))
        return f"The config has {v} in it."
    if kind == 9:
        v = plan.near_miss("JWT", _jwt_header_only())
        return f"Every token starts with {v}, is that the header?"
    if kind == 10:
        v = plan.near_miss("AWS_ACCESS_KEY_ID", f"arn:aws:iam::{chars(rng, string.digits, 12)}:user/deploy-bot")
        return f"The policy is attached to {v}."
    if kind == 11:
        v = plan.near_miss("TOGETHER_API_KEY", "tgp_v1_" + chars(rng, URLSAFE, rng.randint(4, 12)))
        return f"I typed {v} and then realised it was cut off."
    if kind == 12:
        v = plan.near_miss("AWS_ACCESS_KEY_ID", "AKIA" + chars(rng, string.ascii_uppercase, rng.randint(6, 12)))
        return f"The id {v} looks short, maybe the paste broke."
    if kind == 13:
        v = plan.near_miss("SLACK_TOKEN", "xoxb-" + "*" * 10)
        return f"Slack shows the bot token as {v}."
    if kind == 14:
        v = plan.near_miss("TWILIO_API_KEY", "SK" + chars(rng, HEX, rng.randint(8, 16)))
        return f"The SID in the error is {v}, truncated."
    if kind == 16:
        v = plan.near_miss("PASSWORD_ASSIGNMENT", rng.choice((
            'apiKey: "<YOUR_API_KEY>"', "API_KEY=${API_KEY}", "x-api-key: {{ api_key }}", "--api-key $API_KEY",
            '"client_secret": "REPLACE_ME"', "-Password $password", "<password>${SMTP_PASSWORD}</password>",
            'token = os.getenv("SERVICE_TOKEN")')))
        return f"The template has {v} and the real value is injected at deploy time."
    if kind == 17:
        v = plan.near_miss("PASSWORD_ASSIGNMENT", rng.choice((
            f'"max_tokens": {rng.choice((256, 1024, 4096))}', 'tokenizer: "bert-base-uncased"',
            f"password_min_length: {rng.randint(8, 16)}", "token_type: Bearer",
            f'"password_hash": "{chars(rng, HEX, 64)}"', "secret_name: prod-db-credentials",
            "passwordless: true", f"token_count={rng.randint(100, 9000)}",
            'PREFIXES = (("GITHUB_TOKEN", "github_pat_"), ("GITLAB_TOKEN", "glpat-"))',
            "notify(event, secret=settings.webhook_secret)", 'env = {"API_TOKEN": self.api_token}')))
        return f"In the config I see {v}, is that a problem?"
    if kind == 18:
        v = plan.near_miss("URL_CREDENTIALS", rng.choice((
            "postgresql://admin:${DB_PASSWORD}@db:5432/prod", "curl -u $CI_USER:$CI_TOKEN https://ci.example.com",
            "Authorization: Bearer <token>", "https://registry.example.com:5000/team/app@latest")))
        return f"The docs show {v} as the example."
    if kind == 19:
        v = plan.near_miss("PRIVATE_KEY", "SHA256:" + chars(rng, ALNUM + "+/", 43))
        return f"The host key fingerprint is {v}, is it safe to accept?"
    v = plan.near_miss("HUGGINGFACE_TOKEN", "hf_" + chars(rng, string.ascii_letters, rng.randint(5, 12)))
    return f"My token name in the settings is {v}, is that the token?"
