"""Keys and personal data written to slip past the detectors end in a placeholder or in quarantine.

One file of hostile records goes through the real pipeline (`pipelines.api.sanitize_file`, secrets
only, as a pre-upload run would); each evasion is checked for its outcome (the hidden span replaced,
every other character of the record kept; or the record quarantined as `secret_in_structure`), counts
balance, and no output other than the sanitized file itself (report, quarantine rows) holds any part
of a key. PII evasions run through the full detector (real spaCy model). Keys are made here, at run
time, with the right prefix, length and (GitHub) checksum.
"""

import base64
import json
from pathlib import Path

import pytest

from pipelines import sanitize_file
from pipelines.stages.sanitize_file import sanitize_file as sanitize_stage
from schemas.run_config import RunConfig
from tests.fake_keys import github_token, openai_key, together_key
from tests.image_bytes import data_url, png

FULL_WIDTH = {c: chr(ord(c) + 0xFEE0) for c in map(chr, range(0x21, 0x7F))}
CYRILLIC = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "p": "\u0440", "c": "\u0441", "x": "\u0445"}


def full_width(text: str) -> str:
    return "".join(FULL_WIDTH.get(c, c) for c in text)


def look_alike(key: str) -> str:
    """`key` with every letter that has a Cyrillic twin swapped for it (at least the prefix's "p")."""
    return "".join(CYRILLIC.get(c, c) for c in key)


def zero_width(key: str, at: int) -> str:
    return key[:at] + "\u200b" + key[at:]


# (case id, key, how it is written in the text, placeholder type)
TEXT_CASES = [
    ("zero-width in tgp_v1_", together_key(1), zero_width(together_key(1), 12), "TOGETHER_API_KEY"),
    ("zero-width in sk-", openai_key(1), zero_width(openai_key(1), 3), "OPENAI_API_KEY"),
    ("zero-width in ghp_", github_token(1), zero_width(github_token(1), 2), "GITHUB_TOKEN"),
    ("joiner and soft hyphen", github_token(2), github_token(2)[:6] + "\u2060" + github_token(2)[6:20] + "\u00ad"
     + github_token(2)[20:], "GITHUB_TOKEN"),
    ("full-width tgp_v1_", together_key(2), full_width(together_key(2)), "TOGETHER_API_KEY"),
    ("full-width ghp_", github_token(3), full_width(github_token(3)), "GITHUB_TOKEN"),
    ("Cyrillic look-alikes", github_token(4), look_alike(github_token(4)), "GITHUB_TOKEN"),
    ("Cyrillic in sk-proj-", openai_key(2), look_alike(openai_key(2)), "OPENAI_API_KEY"),
    ("RTL override inside", together_key(3), together_key(3)[:9] + "\u202e" + together_key(3)[9:], "TOGETHER_API_KEY"),
    ("URL-encoded", together_key(4), "".join(f"%{ord(c):02X}" if i % 3 == 0 else c for i, c in enumerate(together_key(4))),
     "TOGETHER_API_KEY"),
    ("base64-encoded", github_token(5), base64.b64encode(github_token(5).encode()).decode(), "GITHUB_TOKEN"),
    ("base64 URL-safe", together_key(5), base64.urlsafe_b64encode(together_key(5).encode()).decode(), "TOGETHER_API_KEY"),
    ("hex-encoded", github_token(6), github_token(6).encode().hex(), "GITHUB_TOKEN"),
    ("full-width base64", openai_key(3), full_width(base64.b64encode(openai_key(3).encode()).decode()),
     "OPENAI_API_KEY"),
]
RTL_KEY = github_token(7)  # stored reversed under a right-to-left override, so it displays as a key
SPLIT_KEY = together_key(6)


def tool_record(call_id: str = "call_1", name: str = "lookup", arguments: str = '{"q": "x"}',
                schema: dict | None = None) -> dict:
    record = {"messages": [
        {"role": "user", "content": "look it up"},
        {"role": "assistant", "content": None, "tool_calls": [
            {"id": call_id, "type": "function", "function": {"name": name, "arguments": arguments}}]},
        {"role": "tool", "tool_call_id": call_id, "content": "found"},
        {"role": "assistant", "content": "done"},
    ]}
    if schema is not None:
        params = {"type": "object", "properties": {"q": schema}}
        record["tools"] = [{"type": "function", "function": {"name": name, "parameters": params}}]
    return record


def image_record(image_url: str) -> dict:
    return {"messages": [
        {"role": "user", "content": [{"type": "text", "text": "what is this?"},
                                     {"type": "image_url", "image_url": {"url": image_url}}]},
        {"role": "assistant", "content": [{"type": "text", "text": "a grey pixel"}]},
    ]}


STRUCTURE_KEYS = {name: github_token(100 + i) for i, name in enumerate(
    ["tool-call id", "function name", "enum", "default", "examples", "title", "argument key", "image data"])}
STRUCTURE_CASES = {
    "tool-call id": (tool_record(call_id=STRUCTURE_KEYS["tool-call id"]), "messages[1].tool_calls[0].id"),
    "function name": (tool_record(name=STRUCTURE_KEYS["function name"]), "messages[1].tool_calls[0].function.name"),
    "enum": (tool_record(schema={"type": "string", "enum": ["a", STRUCTURE_KEYS["enum"]]}),
             "tools[0].function.parameters.properties.q.enum[1]"),
    "default": (tool_record(schema={"type": "string", "default": STRUCTURE_KEYS["default"]}),
                "tools[0].function.parameters.properties.q.default"),
    "examples": (tool_record(schema={"type": "string", "examples": [STRUCTURE_KEYS["examples"]]}),
                 "tools[0].function.parameters.properties.q.examples[0]"),
    "title": (tool_record(schema={"type": "string", "title": STRUCTURE_KEYS["title"]}),
              "tools[0].function.parameters.properties.q.title"),
    "argument key": (tool_record(arguments=json.dumps({STRUCTURE_KEYS["argument key"]: "v"})),
                     "messages[1].tool_calls[0].function.arguments.<key>"),
    "image data": (image_record(data_url(png([(b"tEXt", b"Comment\x00" + STRUCTURE_KEYS["image data"].encode())]))),
                   "messages[0].content[1].image_url.url"),
}
ALL_KEYS = [key for _, key, _, _ in TEXT_CASES] + [RTL_KEY, RTL_KEY[::-1], SPLIT_KEY, *STRUCTURE_KEYS.values()]
# The disguised forms as written (an encoded run, full-width text): none may survive either.
WRITTEN = [written for _, _, written, _ in TEXT_CASES]


def chat(text: str) -> dict:
    return {"messages": [{"role": "user", "content": text}, {"role": "assistant", "content": "noted, thanks"}]}


def records() -> list[dict]:
    rows = [chat(f"before {written} after") for _, _, written, _ in TEXT_CASES]
    rows.append(chat(f"before \u202e{RTL_KEY[::-1]}\u202c after"))
    rows.append({"messages": [{"role": "user", "content": f"key part one {SPLIT_KEY[:20]}"},
                              {"role": "assistant", "content": f"{SPLIT_KEY[20:]} received"}]})
    rows.extend(record for record, _ in STRUCTURE_CASES.values())
    rows.append(chat("a clean record stays byte for byte"))
    return rows


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("evasion")
    source = folder / "hostile.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records()), encoding="utf-8")
    result = sanitize_file(source, folder / "run", detectors={"secrets"})
    lines = result.sanitized_path.read_text(encoding="utf-8").splitlines()
    quarantined = [json.loads(line) for line in result.quarantine_path.read_text(encoding="utf-8").splitlines()]
    return result, source, lines, quarantined


def sanitized_by_first_turn(lines: list[str]) -> dict[str, dict]:
    return {json.loads(line)["messages"][0]["content"]: json.loads(line) for line in lines}


@pytest.mark.parametrize(("case", "key", "written", "entity"), TEXT_CASES, ids=[c[0] for c in TEXT_CASES])
def test_replaces_only_the_hidden_span_when_key_is_disguised(run, case, key, written, entity) -> None:
    _, _, lines, _ = run
    expected = chat(f"before <{entity}_1> after")
    assert json.dumps(expected, ensure_ascii=False) in lines  # the rest of the record byte for byte


def test_replaces_reversed_key_when_it_hides_under_a_right_to_left_override(run) -> None:
    _, _, lines, _ = run
    assert json.dumps(chat("before \u202e<GITHUB_TOKEN_1>\u202c after"), ensure_ascii=False) in lines


def test_replaces_both_halves_when_key_is_split_across_turns(run) -> None:
    _, _, lines, _ = run
    [record] = [json.loads(line) for line in lines if "key part one" in line]
    assert [m["content"] for m in record["messages"]] == ["key part one <TOGETHER_API_KEY_1>",
                                                          "<TOGETHER_API_KEY_2> received"]


@pytest.mark.parametrize("case", list(STRUCTURE_CASES))
def test_quarantines_record_when_secret_sits_in_structure(run, case: str) -> None:
    _, _, _, quarantined = run
    line_no = len(TEXT_CASES) + 3 + list(STRUCTURE_CASES).index(case)
    [row] = [row for row in quarantined if row["line"] == line_no]
    path = STRUCTURE_CASES[case][1]
    assert row["reason"] == "secret_in_structure"
    assert row["field"] in (path, path.replace(".q.", ".<key>."))  # the property name may be masked as data


def test_balances_counts_and_keeps_clean_record_when_file_is_hostile(run) -> None:
    result, source, lines, quarantined = run
    report = result.report
    assert report.records_total == len(records()) == report.records_written + report.records_quarantined
    assert report.records_quarantined == len(quarantined) == len(STRUCTURE_CASES)
    assert report.quarantine_by_reason == {"secret_in_structure": len(STRUCTURE_CASES)}
    clean = source.read_text(encoding="utf-8").splitlines()[-1]
    assert lines[-1] == clean


def test_leaks_no_part_of_any_key_when_outputs_are_read(run) -> None:
    result, _, lines, _ = run
    outputs = {path.name: path.read_text(encoding="utf-8") for path in result.output_dir.iterdir() if path.is_file()}
    for name, text in outputs.items():
        for key in ALL_KEYS:
            assert key[-16:] not in text, (name, key[:4])  # the random tail, past any prefix
        for written in WRITTEN:
            assert written[-16:] not in text, name
    for line in lines:
        assert not any(key[-12:] in line for key in ALL_KEYS)


# PII written to dodge the detectors (full detector: the real spaCy model) ------------------------------

ARABIC_INDIC = str.maketrans("0123456789", "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mail me: ana.lima [at] example [dot] com, thanks", "mail me: <EMAIL_ADDRESS_1>, thanks"),
        ("mail me: kenji (at) firma dot de, thanks", "mail me: <EMAIL_ADDRESS_1>, thanks"),
        ("call me at " + "+44 20 7946 0958".translate(ARABIC_INDIC) + " today", "call me at <PHONE_NUMBER_1> today"),
        ("call me at " + full_width("(415) 555-0132") + " today", "call me at <PHONE_NUMBER_1> today"),
        ("mail me: " + full_width("ana.lima@example.org"), "mail me: <EMAIL_ADDRESS_1>"),
    ],
    ids=["[at] [dot]", "(at) dot", "Arabic-Indic digits", "full-width digits", "full-width address"],
)
def test_replaces_pii_when_written_to_dodge_detection(tmp_path: Path, full_detector, text: str, expected: str) -> None:
    source = tmp_path / "pii.jsonl"
    source.write_text(json.dumps(chat(text), ensure_ascii=False) + "\n", encoding="utf-8")
    out = sanitize_stage(source, tmp_path / "out", RunConfig(), full_detector, workers=1)
    [line] = out.sanitized_path.read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["messages"][0]["content"] == expected
    assert out.stats.records_total == out.stats.records_written == 1
