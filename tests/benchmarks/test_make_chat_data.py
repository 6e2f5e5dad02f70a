"""The bench's chat generator: unique records only, and the credential density it is asked for."""

import json

from benchmarks.make_chat_data import generate
from sanitizers.secret_scan import SecretScanner


def _records(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_writes_unique_records_and_messages_when_generating(tmp_path):
    path = tmp_path / "chat.jsonl"
    n = generate(path, 0.3, seed=3, density=0.05)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert n == len(lines) == len(set(lines)) > 100
    texts = [m["content"] for record in _records(path) for m in record["messages"]]
    assert len(set(texts)) == len(texts)  # no detector cache can help


def test_puts_credentials_in_the_share_of_records_asked_when_density_differs(tmp_path):
    scanner = SecretScanner()
    shares = {}
    for density in (0.05, 0.8):
        path = tmp_path / f"chat-{density}.jsonl"
        generate(path, 0.4, seed=5, density=density)
        records = _records(path)
        with_secret = sum(any(scanner.scan(m["content"]) for m in r["messages"] if m["role"] == "user")
                          for r in records)
        shares[density] = with_secret / len(records)
    assert 0.02 < shares[0.05] < 0.15
    assert shares[0.8] > 0.7
