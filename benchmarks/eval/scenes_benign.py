"""Scenes with no personal data and no secret: code help, git, checksums, placeholders, networking.

Every distinctive string is recorded as benign so the scorer can check it survives verbatim. The
prose around it is plain English without names of people.
"""

from benchmarks.eval import benign_values as bv
from benchmarks.eval.code_snippets import code_snippet
from benchmarks.eval.dialog import Dialog, Turn
from benchmarks.eval.people import People
from benchmarks.eval.plan import RecordPlan
from benchmarks.eval.scenes_tools import weather_lookup


def code_help(plan: RecordPlan, people: People) -> Dialog:
    """A bug report with a snippet, a version and a product name."""
    rng = plan.rng
    snippet = plan.benign("code", code_snippet(rng))
    ver = plan.benign("version", bv.version(rng))
    prod = plan.benign("product", bv.product(rng))
    user = f"This stopped working after upgrading {prod} to {ver}:\n```\n{snippet}\n```\nAny idea?"
    fix = plan.benign("code", code_snippet(rng))
    answer = f"The {ver} release changed a default. Something like this works on both versions:\n```\n{fix}\n```"
    return Dialog([Turn("user", user), Turn("assistant", answer)], "No idea, sorry.")


def git_help(plan: RecordPlan, people: People) -> Dialog:
    """Reverting a commit: full and short SHAs and a pull-request URL."""
    rng = plan.rng
    sha = plan.benign("git_sha", bv.git_sha(rng))
    short = plan.benign("git_sha", bv.git_sha(rng, short=True))
    url = plan.benign("url", bv.url(rng))
    user = f"How do I undo commit {sha} without losing {short}? The PR is {url}"
    answer = f"Run `git revert {sha}`; it adds a new commit and leaves {short} untouched."
    return Dialog([Turn("user", user), Turn("assistant", answer)], f"Run git reset --hard {short}.")


def checksum(plan: RecordPlan, people: People) -> Dialog:
    """Verifying a download: a sha256 digest written as a hash."""
    rng = plan.rng
    digest = plan.benign("sha256", bv.sha256(rng))
    ver = plan.benign("version", bv.version(rng))
    user = rng.choice((f"sha256sum gives {digest} for the {ver} installer, is that right?",
                       f"The release page lists checksum (SHA-256) {digest} for {ver}. How do I verify it on Windows?"))
    answer = "Compare it with the value on the release page; on Windows run `certutil -hashfile file.zip SHA256`."
    return Dialog([Turn("user", user), Turn("assistant", answer)], "Checksums don't matter.")


def env_example(plan: RecordPlan, people: People) -> Dialog:
    """An .env.example full of placeholders, including the AWS documentation example key."""
    rng = plan.rng
    names = rng.sample(("OPENAI_API_KEY", "TOGETHER_API_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
                        "STRIPE_SECRET_KEY", "GITHUB_TOKEN", "SLACK_BOT_TOKEN", "HF_TOKEN", "GOOGLE_API_KEY"), 3)
    lines = [f"{name}={plan.benign('placeholder', bv.placeholder(rng, name))}" for name in names]
    low = plan.benign("low_entropy", bv.low_entropy(rng))
    user = ("Is it fine to commit this .env.example?\n```\n" + "\n".join(lines) + f"\nSESSION_SALT={low}\n```")
    answer = "Yes, as long as it only holds placeholders like these; keep the real values in .env, which is git-ignored."
    return Dialog([Turn("user", user), Turn("assistant", answer)], "Never commit any env file.")


def networking(plan: RecordPlan, people: People) -> Dialog:
    """Home-lab networking with private addresses and localhost URLs."""
    rng = plan.rng
    a, b = plan.benign("private_ip", bv.private_ip(rng)), plan.benign("private_ip", bv.private_ip(rng))
    url = plan.benign("url", rng.choice(("http://localhost:8080/healthz", "http://127.0.0.1:5000/api/v1/items?page=2")))
    user = f"My NAS at {a} can't reach the printer at {b}. {url} works from the NAS itself."
    answer = "Check they are on the same subnet and that the printer's firewall allows the NAS; try a ping first."
    return Dialog([Turn("user", user), Turn("assistant", answer)], "Reinstall everything.")


def release_notes(plan: RecordPlan, people: People) -> Dialog:
    """Dates, versions, organisations and cities in a product announcement."""
    rng = plan.rng
    org = plan.benign("organization", bv.organization(rng))
    ver = plan.benign("version", bv.version(rng))
    date = plan.benign("date", bv.event_date(rng))
    city = plan.benign("city", bv.city(rng))
    user = f"Write a two-sentence announcement: {org} releases version {ver} on {date}, launch event in {city}."
    answer = (f"{org} is excited to announce version {ver}, available on {date}. Join us at the launch event in "
              f"{city} to see what's new.")
    return Dialog([Turn("user", user), Turn("assistant", answer)], f"{org} has a new version.")


def api_response(plan: RecordPlan, people: People) -> Dialog:
    """A JSON API response and a request id."""
    rng = plan.rng
    doc = plan.benign("json", bv.config_json(rng))
    rid = plan.benign("uuid", bv.uuid4(rng))
    user = f"What does this response mean? Request id {rid}.\n```json\n{doc}\n```"
    answer = "It's a normal response from the API; the fields describe the object's current state."
    return Dialog([Turn("user", user), Turn("assistant", answer)], "It's an error.")


def order_status(plan: RecordPlan, people: People) -> Dialog:
    """A support question with an order number and no personal data."""
    rng = plan.rng
    order = plan.benign("ticket_id", bv.ticket_id(rng))
    city = plan.benign("city", bv.city(rng))
    user = rng.choice((f"Where is my order {order}? It was supposed to reach {city} yesterday.",
                       f"order {order} still says processing, do you ship to {city}?"))
    answer = (f"Order {order} left our warehouse and is on its way; deliveries to {city} take 2-4 business "
              "days. You can follow it under Orders in your account.")
    return Dialog([Turn("user", user), Turn("assistant", answer)], "I don't know.")


def password_reset(plan: RecordPlan, people: People) -> Dialog:
    """A how-to about passwords that contains no password."""
    url = plan.benign("url", "https://example.com/account/reset-password")
    user = plan.rng.choice(("How do I reset my password?", "i forgot my password, what now"))
    answer = f"Open {url}, enter your account email and follow the link we send you. The link is valid for 1 hour."
    return Dialog([Turn("user", user), Turn("assistant", answer)], "Send me your password and I'll check it.")


def math_reasoning(plan: RecordPlan, people: People) -> Dialog:
    """A small word problem with chain-of-thought reasoning."""
    rng = plan.rng
    a, b = rng.randint(3, 40), rng.randint(2, 12)
    user = plan.benign("prose", f"A box holds {a} items. How many items are in {b} boxes?")
    reasoning = f"Each box has {a} items, so {b} boxes hold {a} * {b} = {a * b} items."
    return Dialog([Turn("user", user), Turn("assistant", f"{a * b} items.", reasoning=reasoning)],
                  f"{a + b} items.")


# Scenes where a near-miss secret sentence reads naturally.
TECHNICAL_BENIGN_SCENES = (code_help, git_help, checksum, env_example, networking, api_response)
BENIGN_SCENES = (code_help, code_help, git_help, checksum, env_example, env_example, networking, release_notes,
                 api_response, order_status, password_reset, math_reasoning, weather_lookup)
