"""A generated corpus of malformed and pathological JSONL lines, the same bytes for the same seed.

Every kind of line a hostile or broken export can hold: bytes that are not UTF-8, truncated and
bit-flipped JSON, JSON that is not an object, NaN, repeated keys, lone surrogates, huge integers, deep
nesting, every field with the wrong type, unknown fields whose *names* are canaries, tool calls with
broken arguments, broken images, other formats, control characters and escape codes, Unicode that
trips normalisation, and texts built to make a regex backtrack. Lines that can carry it hold the
canary, in keys and values alike, so a test can prove it never reaches a quarantine row or a message.
Nothing here is taken from a real data set; fake secrets are assembled at run time.
"""

import json
import random
from collections.abc import Callable

CANARY = "zq" + "fuzzcanary" + "4417"

# Texts that make a careless pattern backtrack: nested repetition meets a near-miss. Each is repeated
# to the requested size. Digits and separators (phone, card, IBAN), keywords with separators
# (password=, token:), prefixes of secrets, address and name cues, and e-mail/URL halves.
PATHOLOGICAL = (
    "4 ", "1-", "1.", "(1)", "+1 ", "00", "12 34 ", "4111 ", "DE89 ", "password=", "password=a ",
    "token: ", "secret=", "api_key=", "sk-", "sk-proj-", "tgp_v1_", "AKIA", "ghp_", "xoxb-", "eyJ", "eyJa.",
    "-----BEGIN ", "a@", "a@b.", "@.", "http://", "https://a:", "user:pass@", "Mr. ", "Dear ", "my name is ",
    "I'm ", "Thanks, ", "Name: ", "12 Main ", "Street ", "Str. ", "born ", "DOB ", "passport ", "aaaa",
    "Aa1", "%41", "\\n", "\\u00", "=", "==", "\u200b", "\u202e", "\uff41", "\u0301", "١٢٣", "a\u0301",
)

_WORDS = ("hello", "account", "reset", "volume", "billing", "the", "please", "thanks", "error", "deploy",
          "Maria", "Gonzalez", "call", "me", "at", "on", "key", "server", "token", "is", "my", "name")


def _fake_secret(rng: random.Random) -> str:
    body = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789") for _ in range(40))
    return rng.choice(("tgp_v1_", "sk-proj-", "ghp_", "AKIA")) + body


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(3, 14))]
    if rng.random() < 0.3:
        words.insert(rng.randint(0, len(words)), CANARY)
    if rng.random() < 0.2:
        words.append(_fake_secret(rng))
    if rng.random() < 0.2:
        words.append(f"maria.g{rng.randint(1, 99)}@example.org")
    return " ".join(words)


def _chat(rng: random.Random, user: object = None, assistant: object = None) -> dict:
    return {"messages": [{"role": "user", "content": _sentence(rng) if user is None else user},
                         {"role": "assistant", "content": _sentence(rng) if assistant is None else assistant}]}


def _dump(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


def pathological_text(rng: random.Random, max_chars: int) -> str:
    """One backtracking bait repeated to a random size up to `max_chars`, sometimes with a tail."""
    unit = rng.choice(PATHOLOGICAL)
    text = unit * max(1, rng.randint(max_chars // 4, max_chars) // len(unit))
    return text + rng.choice(("", "x", "!", " 5", "@", CANARY))


def _valid(rng: random.Random) -> bytes:
    return _dump(_chat(rng))


def _pathological(rng: random.Random, max_chars: int) -> bytes:
    text = pathological_text(rng, max_chars)
    return _dump(_chat(rng, user=text) if rng.random() < 0.7 else _chat(rng, assistant=text))


def _truncated(rng: random.Random) -> bytes:
    line = _valid(rng)
    return line[: rng.randint(1, len(line) - 1)]


def _flipped(rng: random.Random) -> bytes:
    line = bytearray(_valid(rng))
    for _ in range(rng.randint(1, 4)):
        line[rng.randrange(len(line))] = rng.randrange(256)
    return bytes(line).replace(b"\n", b" ")


def _random_bytes(rng: random.Random) -> bytes:
    return bytes(rng.randrange(256) for _ in range(rng.randint(1, 200))).replace(b"\n", b"\\")


def _not_object(rng: random.Random) -> bytes:
    return rng.choice((b"[]", b"[1, 2]", b"42", b'"a string ' + CANARY.encode() + b'"', b"null", b"true",
                       b"-0.0e5", _dump([_chat(rng)])))


def _strict_json(rng: random.Random) -> bytes:
    canary = CANARY.encode()
    return rng.choice((
        b'{"messages": NaN}',
        b'{"text": "a", "weight": Infinity}',
        b'{"text": "' + canary + b'", "text": "again"}',  # repeated key
        b'{"text": "\\ud800 ' + canary + b'"}',  # lone surrogate
        b'{"text": "a", "weight": ' + b"9" * 5000 + b"}",  # integer too long to convert
        b'{"text": ' + b"[" * 20000 + b"]" * 20000 + b"}",  # nesting too deep
        b'{"text": "unterminated ' + canary,
        b'{"' + canary + b'": }',
        b'\xef\xbb\xbf{"text": "BOM in the middle of a file"}',
        b'{"text": "a"} trailing',
    ))


_WRONG_VALUES = (1, 1.5, True, None, "", "x", [], [1], {}, {"a": 1}, -1, 2, "1")


def _wrong_types(rng: random.Random) -> bytes:
    record = _chat(rng)
    message = record["messages"][rng.randrange(2)]
    field = rng.choice(("role", "content", "tool_calls", "tool_call_id", "weight", "reasoning", "name"))
    message[field] = rng.choice(_WRONG_VALUES)
    if rng.random() < 0.3:
        record[rng.choice(("messages", "tools", "weight"))] = rng.choice(_WRONG_VALUES)
    return _dump(record)


def _unknown_fields(rng: random.Random) -> bytes:
    record = _chat(rng)
    key = rng.choice((CANARY, CANARY + "_id", f"{CANARY}@example.org", f"\x1b[31m{CANARY}", f"a\n{CANARY}",
                      "AKIA" + CANARY.upper(), "metadata"))
    target = record if rng.random() < 0.5 else record["messages"][rng.randrange(2)]
    target[key] = rng.choice((CANARY, 1, {CANARY: CANARY}))
    return _dump(record)


def _tool_calls(rng: random.Random) -> bytes:
    arguments = rng.choice((
        "{not json " + CANARY, json.dumps({CANARY: CANARY}), json.dumps({"city": _sentence(rng)}), "[]", "",
        json.dumps({"nested": {"deeper": [CANARY, {"k": _fake_secret(rng)}]}}), "{" * 500,
    ))
    call_id = rng.choice(("call_1", CANARY, "", 7))
    record = {"messages": [
        {"role": "user", "content": _sentence(rng)},
        {"role": "assistant", "tool_calls": [{"id": call_id, "type": "function",
                                              "function": {"name": rng.choice(("lookup", CANARY, "")),
                                                           "arguments": arguments}}]},
        {"role": "tool", "tool_call_id": rng.choice(("call_1", CANARY, "other")), "content": _sentence(rng)},
        {"role": "assistant", "content": _sentence(rng)},
    ]}
    if rng.random() < 0.4:
        record["tools"] = [{"type": "function", "function": {
            "name": "lookup", "parameters": {"type": "object", "properties": {CANARY: {"type": "string",
                                                                                    "enum": [CANARY]}}}}}]
    return _dump(record)


def _images(rng: random.Random) -> bytes:
    url = rng.choice(("data:image/png;base64,!!!" + CANARY, "data:image/png;base64," + "A" * rng.randint(1, 5000),
                      "http://example.org/" + CANARY + ".png", "data:text/plain;base64,aGVsbG8=", ""))
    content = [{"type": "text", "text": _sentence(rng)}, {"type": "image_url", "image_url": {"url": url}}]
    return _dump(_chat(rng, user=content))


def _other_formats(rng: random.Random) -> bytes:
    return _dump(rng.choice((
        {"prompt": _sentence(rng), "completion": _sentence(rng)},
        {"text": _sentence(rng)},
        {"input": {"messages": [{"role": "user", "content": _sentence(rng)}]},
         "preferred_output": [{"role": "assistant", "content": _sentence(rng)}],
         "non_preferred_output": [{"role": "assistant", "content": _sentence(rng)}]},
        {"prompt": _sentence(rng), "messages": []},  # ambiguous
        {"unknown": CANARY},
    )))


def _control_and_unicode(rng: random.Random) -> bytes:
    tricks = ("\x00", "\x1b[2J", "\x1b]0;title\x07", "\r", "\u2028", "\u2029", "\u202e", "\u200b" * 50,
              "e\u0301" * 300, "\U0001f600" * 50, "\ufeff", "\uff54\uff47\uff50_v1_", "\ud7ff", "\U0010ffff")
    text = "".join(rng.choice(tricks) + rng.choice(_WORDS) for _ in range(rng.randint(1, 30)))
    return _dump(_chat(rng, user=text + " " + CANARY))


def _blank(rng: random.Random) -> bytes:
    return rng.choice((b"", b" ", b"\t", b"\r", b"  \t \r"))


# (weight, generator): how often each kind of line appears.
KINDS: tuple[tuple[int, Callable[[random.Random], bytes]], ...] = (
    (20, _valid),
    (8, lambda rng: _pathological(rng, 4096)),
    (8, _truncated),
    (6, _flipped),
    (6, _random_bytes),
    (3, _not_object),
    (5, _strict_json),
    (8, _wrong_types),
    (6, _unknown_fields),
    (8, _tool_calls),
    (4, _images),
    (4, _other_formats),
    (6, _control_and_unicode),
    (2, _blank),
)


def corpus_lines(count: int, seed: int) -> list[bytes]:
    """`count` lines (without line ends), the same for the same seed; line 1 is always a valid record."""
    rng = random.Random(seed)
    weights = [w for w, _ in KINDS]
    makers = [m for _, m in KINDS]
    lines = [_valid(rng)]  # fixes the file's format as conversational
    while len(lines) < count:
        lines.append(rng.choices(makers, weights)[0](rng))
    return lines


def write_corpus(path, count: int, seed: int) -> list[bytes]:
    """Write the corpus as a JSONL file (`\\n` line ends); returns its lines."""
    lines = corpus_lines(count, seed)
    with open(path, "wb") as f:
        f.write(b"\n".join(lines) + b"\n")
    return lines


def non_blank(lines: list[bytes]) -> int:
    """How many lines a run must account for: blank ones (JSON whitespace only) are skipped."""
    return sum(1 for line in lines if line.strip(b" \t\r\n"))
