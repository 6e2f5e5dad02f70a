"""Strings that must come through sanitizing unchanged, one maker per benign class.

Classes (the `class` field of benign.jsonl):
- code: short code snippets (Python, JS, shell, SQL) with identifiers like `user_name`, no values.
- json: config / API-response JSON without personal data or credentials.
- url: URLs without credentials (docs, repos, localhost).
- git_sha: 40- and 7-character commit hashes.
- uuid: random UUIDs (request ids, customer ids).
- sha256: 64-hex digests written next to "sha256"/"checksum" (a legacy Together key has the same shape).
- version: version numbers (3.11.4, v2.14.0-rc.1).
- product: product and tool names (PostgreSQL, Visual Studio Code).
- placeholder: key placeholders (sk-xxxx, sk-..., YOUR_API_KEY, <token>, ${OPENAI_API_KEY}) and the AWS
  documentation example key pair (AKIAIOSFODNN7EXAMPLE and its secret).
- low_entropy: repeated or sequential strings (xxxxxxxx, 0000-0000-0000).
- city: city and country names (LOCATION is kept by the default policy).
- date: dates that are not a date of birth (release dates, deadlines; DATE_TIME is kept by policy).
- private_ip: RFC 1918 / loopback addresses (kept by policy).
- organization: fictional company names (ORGANIZATION is kept by policy).
- ticket_id: order, ticket and tracking numbers.
- prose: a whole plain sentence (word problems) that contains none of the above.
"""

import datetime
import json
import random
import string
import uuid

from benchmarks.eval.pii_values import MONTHS, private_ipv4
from benchmarks.eval.secret_values import HEX, chars

PRODUCTS = ("PostgreSQL 16", "Kubernetes", "Visual Studio Code", "Docker Desktop", "Terraform", "Redis",
            "Django", "FastAPI", "React", "Next.js", "PyTorch", "TensorFlow", "Jupyter", "Airflow",
            "Grafana", "Prometheus", "nginx", "Elasticsearch", "Kafka", "Snowflake", "Excel", "Slack",
            "GitHub Actions", "Jenkins", "Ubuntu 22.04", "macOS Sonoma", "Windows 11", "Android Studio")
CITIES = ("Berlin", "Madrid", "Lisbon", "Tokyo", "Osaka", "Toronto", "Chicago", "Seattle", "Mumbai",
          "Bangalore", "Warsaw", "Hanoi", "São Paulo", "Amsterdam", "Dublin", "Paris", "Milan", "Istanbul",
          "Germany", "Spain", "Japan", "Canada", "Brazil", "Poland", "Vietnam", "India")
ORGS = ("Northwind Traders", "Contoso", "Globex", "Initech", "Umbrella Logistics", "Acme Corp",
        "Wayne Enterprises", "Stark Industries", "Hooli", "Vandelay Industries", "Soylent Foods")
URLS = ("https://docs.python.org/3/library/json.html", "https://github.com/acme-corp/billing-service/pull/{n}",
        "https://example.com/account/reset-password", "http://localhost:8080/healthz",
        "https://docs.together.ai/docs/fine-tuning-data-preparation", "https://status.example.com",
        "https://pypi.org/project/requests/", "https://www.example.org/help/shipping?country=DE",
        "https://gitlab.example.com/platform/infra/-/issues/{n}", "http://127.0.0.1:5000/api/v1/items?page=2",
        "https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/429", "https://example.net/orders/{n}/invoice")


def git_sha(rng: random.Random, short: bool = False) -> str:
    """A commit hash, full or abbreviated."""
    return chars(rng, HEX, 7 if short else 40)


def sha256(rng: random.Random) -> str:
    """A 64-hex digest."""
    return chars(rng, HEX, 64)


def uuid4(rng: random.Random) -> str:
    """A UUID from the seeded RNG."""
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def version(rng: random.Random) -> str:
    """A version number as written in changelogs and requirements."""
    major, minor, patch = rng.randint(0, 12), rng.randint(0, 40), rng.randint(0, 30)
    return rng.choice((f"{major}.{minor}.{patch}", f"v{major}.{minor}.{patch}", f"{major}.{minor}",
                       f"{major}.{minor}.{patch}-rc.{rng.randint(1, 4)}", f"{major}.{minor}.{patch}.post1"))


def url(rng: random.Random) -> str:
    """A URL without credentials."""
    return rng.choice(URLS).format(n=rng.randint(10, 9999))


def placeholder(rng: random.Random, var: str | None = None) -> str:
    """A credential placeholder for env variable `var`, or the AWS documentation example key.

    The AWS example pair is assembled here rather than stored, to keep repository scanners quiet.
    """
    aws_example_id = "AKIA" + "IOSFODNN7" + "EXAMPLE"
    aws_example_secret = "wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCY" + "EXAMPLEKEY"
    # Full-length all-X bodies ("AKIA" + "X" * 16) are left out on purpose: the project's own tests use
    # that shape as a fake secret that must be caught, so counting it as benign would be contradictory.
    vendor = {
        "OPENAI_API_KEY": ("sk-xxxx", "sk-...", "sk-proj-..."),
        "TOGETHER_API_KEY": ("tgp_v1_<your-key>", "<your-together-api-key>"),
        "AWS_ACCESS_KEY_ID": (aws_example_id,),
        "AWS_SECRET_ACCESS_KEY": (aws_example_secret,),
        "STRIPE_SECRET_KEY": ("sk_live_...", "sk_test_..."),
        "GITHUB_TOKEN": ("ghp_...", "<github-token>"),
        "SLACK_BOT_TOKEN": ("xoxb-your-bot-token", "xoxb-..."),
        "HF_TOKEN": ("hf_...", "<hf-token>"),
        "GOOGLE_API_KEY": ("AIza...", "<google-api-key>"),
    }.get(var or "", ())
    generic = ("YOUR_API_KEY", "<token>", "<your-api-key>", "${" + (var or "API_KEY") + "}", "REPLACE_ME",
               "<redacted>", "********", "changeme-in-prod")
    return rng.choice(vendor + vendor + generic) if vendor else rng.choice(generic + (aws_example_id,))


def low_entropy(rng: random.Random) -> str:
    """A repeated or sequential string."""
    return rng.choice(("x" * 32, "0" * 16, "0000-0000-0000-0000", "1234567890", "abcdefghijklmnop",
                       "a" * 40, "=" * 20, "ABCDEFGHIJKLMNOPQRST", "1111111111111111"))


def city(rng: random.Random) -> str:
    """A city or country name."""
    return rng.choice(CITIES)


def product(rng: random.Random) -> str:
    """A product or tool name."""
    return rng.choice(PRODUCTS)


def organization(rng: random.Random) -> str:
    """A fictional company name."""
    return rng.choice(ORGS)


def event_date(rng: random.Random) -> str:
    """A date that is not a birth date (release, deadline, delivery)."""
    day = datetime.date(2021, 1, 1) + datetime.timedelta(days=rng.randint(0, 1800))
    return rng.choice((day.isoformat(), f"{day.day} {MONTHS[day.month - 1]} {day.year}",
                       f"{MONTHS[day.month - 1]} {day.day}"))


def ticket_id(rng: random.Random) -> str:
    """An order, ticket or tracking number."""
    return rng.choice((f"ORD-{rng.randint(2021, 2026)}-{rng.randint(100000, 999999)}",
                       f"TCK-{rng.randint(10000, 99999)}", f"#{rng.randint(1000, 99999)}",
                       "1Z" + chars(rng, string.ascii_uppercase + string.digits, 16),
                       f"INC{rng.randint(1000000, 9999999)}"))


def private_ip(rng: random.Random) -> str:
    """A private or loopback address."""
    return rng.choice((private_ipv4(rng), private_ipv4(rng), "127.0.0.1", "192.168.1.1"))


def config_json(rng: random.Random) -> str:
    """A small JSON config or API response with no personal data."""
    doc = rng.choice((
        {"id": uuid4(rng), "status": rng.choice(("shipped", "pending", "cancelled")),
         "items": rng.randint(1, 9), "currency": "EUR", "total": round(rng.uniform(5, 500), 2)},
        {"model": "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference", "n_epochs": rng.randint(1, 5),
         "learning_rate": rng.choice((1e-5, 2e-5, 5e-5)), "lora": True, "batch_size": rng.choice((8, 16, 32))},
        {"retries": rng.randint(1, 5), "timeout_s": rng.choice((10, 30, 60)), "log_level": "info",
         "features": {"dark_mode": True, "beta": False}},
        {"error": {"code": rng.choice((400, 404, 429, 500)), "type": "invalid_request_error",
                   "message": "The request was malformed."}, "request_id": uuid4(rng)},
    ))
    return json.dumps(doc, indent=rng.choice((None, 2)))
