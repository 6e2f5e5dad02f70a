"""Generate a support-chat JSONL file of unique records for throughput benchmarks.

Every record is unique, and so (with overwhelming probability) is every message: the system prompt,
the customer turns and the assistant replies are each built from random words, names, numbers and
identifiers, so no detector cache can help. `density` is the share of records that carry at least one
pasted credential (every secret kind `make eval` knows, in its real contexts: env files, code,
curl commands, sentences); other turns carry names, e-mails, phone numbers and benign near-misses
(masked keys, public keys, git SHAs, UUIDs), as real developer support logs do.

    .venv/bin/python benchmarks/make_chat_data.py --out dense.jsonl --mb 200 --density 0.8
    .venv/bin/python benchmarks/make_chat_data.py --out realistic.jsonl --mb 200 --density 0.05

Deterministic for (seed, density, size). `generate` returns the record count and checks that no record
repeats (a 64-bit hash per record is kept while writing).
"""

import argparse
import hashlib
import json
import random
import string
from pathlib import Path

from faker import Faker

from benchmarks.eval.near_misses import near_miss_sentence
from benchmarks.eval.plan import RecordPlan
from benchmarks.eval.secret_snippets import SecretDeck, aws_pair, secret_snippet

COMPANIES = ("Acme Cloud", "Nimbus Storage", "Globex Payments", "Initech Analytics", "Umbrella Logistics",
             "Contoso Hosting", "Northwind Data", "Vandelay Imports", "Hooli Compute", "Stark Networks")
ROLES_OF_ASSISTANT = ("support assistant", "on-call assistant", "billing helper", "developer relations bot",
                      "platform engineer on duty", "customer success agent")
QUESTIONS = (
    "My deployment {id} fails with exit code {n} since this morning, can you check?",
    "How do I rotate the API key for project {id} without downtime?",
    "The invoice {id} was charged twice, {n} EUR each time.",
    "Why is latency on region eu-west-{m} so high today? p99 is {n} ms.",
    "Can I export the logs of job {id} as CSV?",
    "Our CI pipeline {id} started failing at step {m} with a 401.",
    "The webhook for {id} stopped firing after we changed the signing secret.",
    "I can't connect to the database from the staging cluster {id}, it times out after {n} s.",
)
REPLIES = (
    "Thanks, {name}. I looked at {id}: {s}",
    "I've escalated {id} to the {team} team. {s}",
    "That error usually means the credential expired. {s} Ticket {id} has the details.",
    "Please try again with a new key from Settings, then tell me the request id. {s}",
    "Your refund for {id} is on its way ({n} business days). {s}",
)
TEAMS = ("billing", "platform", "security", "networking", "storage", "identity")
# Bumped whenever the output for a given (seed, density, size) changes: the bench reuses files by name.
GENERATOR_VERSION = 1


def _words(rng: random.Random, fake: Faker, n: int) -> str:
    return " ".join(fake.sentence(nb_words=rng.randint(6, 14)) for _ in range(n))


def _ticket(rng: random.Random) -> str:
    return rng.choice(("INC-", "REQ-", "job-", "dep-", "inv-")) + "".join(rng.choices(string.digits, k=7))


def _benign(rng: random.Random, fake: Faker, plan: RecordPlan) -> str:
    """A customer aside without a credential: contact details, a near-miss, or plain prose."""
    roll = rng.random()
    if roll < 0.25:
        return f"You can reach me at {fake.email()} or {fake.phone_number()}."
    if roll < 0.45:
        return near_miss_sentence(plan)
    if roll < 0.55:
        return f"The commit is {rng.getrandbits(160):040x} and the trace id {fake.uuid4()}."
    return _words(rng, fake, 1)


def _customer_turn(rng: random.Random, fake: Faker, plan: RecordPlan, secret: str | None) -> str:
    q = rng.choice(QUESTIONS).format(id=_ticket(rng), n=rng.randint(1, 99999), m=rng.randint(1, 9))
    parts = [f"Hi, this is {fake.name()}.", q, _words(rng, fake, rng.randint(0, 2))]
    if secret is not None:
        parts.append(rng.choice(("Here is what I have:", "My config:", "This is what I run:", "Details:")))
        parts.append(secret)
    else:
        parts.append(_benign(rng, fake, plan))
    return " ".join(p for p in parts if p)


def _secret(plan: RecordPlan, deck: SecretDeck) -> str:
    if plan.rng.random() < 0.05:
        return aws_pair(plan)
    return secret_snippet(plan, deck.deal())


def conversation(rng: random.Random, fake: Faker, deck: SecretDeck, density: float) -> dict:
    """One support conversation; with probability `density` one or two customer turns hold a credential."""
    plan = RecordPlan(rng, benign_only=False, deal_secret_kind=deck.deal)
    company = rng.choice(COMPANIES)
    system = (f"You are {company}'s {rng.choice(ROLES_OF_ASSISTANT)} for account {_ticket(rng)}. "
              f"{_words(rng, fake, 1)} Never ask for passwords.")
    messages = [{"role": "system", "content": system}]
    turns = rng.randint(1, 3)
    with_secret = rng.random() < density
    secret_turns = set(rng.sample(range(turns), k=min(turns, rng.choice((1, 1, 1, 2))))) if with_secret else set()
    for t in range(turns):
        secret = _secret(plan, deck) if t in secret_turns else None
        messages.append({"role": "user", "content": _customer_turn(rng, fake, plan, secret)})
        reply = rng.choice(REPLIES).format(name=fake.first_name(), id=_ticket(rng), team=rng.choice(TEAMS),
                                           n=rng.randint(2, 9), s=_words(rng, fake, rng.randint(1, 3)))
        messages.append({"role": "assistant", "content": reply})
    return {"messages": messages}


def generate(out: Path, mb: float, seed: int = 7, density: float = 0.05) -> int:
    """Write about `mb` MB (10^6 bytes) of unique conversations to `out`; returns the number of records.

    Raises:
        RuntimeError: a record repeated (the generator would not be measuring unique data).
    """
    rng = random.Random(seed)
    fake = Faker("en_US")
    fake.seed_instance(seed)
    deck = SecretDeck(seed)
    target, written, n = int(mb * 1e6), 0, 0
    seen: set[bytes] = set()
    with out.open("w", encoding="utf-8") as f:
        while written < target:
            line = json.dumps(conversation(rng, fake, deck, density), ensure_ascii=False) + "\n"
            digest = hashlib.blake2b(line.encode(), digest_size=8).digest()
            if digest in seen:
                raise RuntimeError(f"{out}: record {n + 1} repeats an earlier one; change the generator")
            seen.add(digest)
            f.write(line)
            written += len(line.encode())
            n += 1
    return n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--mb", type=float, default=2.0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--density", type=float, default=0.05, help="share of records holding a credential")
    args = parser.parse_args()
    print(generate(args.out, args.mb, args.seed, args.density))


if __name__ == "__main__":
    main()
