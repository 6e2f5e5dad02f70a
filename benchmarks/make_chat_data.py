"""Generate a realistic support-chat JSONL file of a given size for throughput benchmarks.

Like real support logs, most strings repeat: a handful of system prompts and stock replies appear in
almost every conversation, so only about a third of message strings are unique. Customer turns carry
names, emails, phone numbers and, now and then, a pasted key. Deterministic for a seed.
Run: .venv/bin/python benchmarks/make_chat_data.py --out bench.jsonl --mb 2
"""

import argparse
import json
import random
from pathlib import Path

from faker import Faker

SYSTEM_PROMPTS = [
    "You are Acme Cloud's support assistant. Answer briefly, never ask for passwords, and escalate billing disputes.",
    "You are a helpful assistant for Nimbus Storage customers. Be precise and cite the docs when you can.",
    "You are the on-call assistant for the payments team. Keep answers short and actionable.",
]
STOCK_REPLIES = [
    "Thanks for reaching out! I'm looking into this now.",
    "Could you share the request id from the error message?",
    "I've escalated this to our engineering team; you'll hear back within 24 hours.",
    "Please try clearing your browser cache and signing in again.",
    "Is there anything else I can help you with today?",
    "That error usually means the token expired. Create a new one in Settings → API keys.",
    "Your refund has been processed and should appear in 5–7 business days.",
]
QUESTIONS = [
    "My deployment fails with exit code {n} since this morning, can you check?",
    "How do I rotate the API key for project {n} without downtime?",
    "The invoice for order {n} was charged twice.",
    "Why is latency on region eu-west-{m} so high today?",
    "Can I export the logs of job {n} as CSV?",
]


def fake_key(rng: random.Random, prefix: str, n: int) -> str:
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    return prefix + "".join(rng.choice(alphabet) for _ in range(n))


def customer_turn(rng: random.Random, fake: Faker) -> str:
    name = fake.name()
    q = rng.choice(QUESTIONS).format(n=rng.randint(100, 99999), m=rng.randint(1, 3))
    roll = rng.random()
    if roll < 0.3:
        return f"Hi, this is {name}. {q} You can reach me at {fake.email()}."
    if roll < 0.45:
        return f"{q} Call me on {fake.phone_number()} if easier. Thanks, {name}"
    if roll < 0.52:
        return f"{q} Here's my config: TOGETHER_API_KEY={fake_key(rng, 'tgp_v1_', 43)}"
    if roll < 0.56:
        return f"{q} I tried with {fake_key(rng, 'ghp_', 36)} but it says forbidden."
    return q


def conversation(rng: random.Random, fake: Faker) -> dict:
    messages = [{"role": "system", "content": rng.choice(SYSTEM_PROMPTS)}]
    for _ in range(rng.randint(1, 3)):
        messages.append({"role": "user", "content": customer_turn(rng, fake)})
        messages.append({"role": "assistant", "content": rng.choice(STOCK_REPLIES)})
    return {"messages": messages}


def generate(out: Path, mb: float, seed: int = 7) -> int:
    """Write about `mb` MiB of conversations to `out`; returns the number of records."""
    rng = random.Random(seed)
    fake = Faker("en_US")
    fake.seed_instance(seed)
    target, written, n = int(mb * 1024 * 1024), 0, 0
    with out.open("w", encoding="utf-8") as f:
        while written < target:
            line = json.dumps(conversation(rng, fake), ensure_ascii=False) + "\n"
            f.write(line)
            written += len(line.encode())
            n += 1
    return n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--mb", type=float, default=2.0)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(generate(args.out, args.mb, args.seed))


if __name__ == "__main__":
    main()
