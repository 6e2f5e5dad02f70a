"""Write data-samples/: small synthetic Together-format files with fake PII and fake secrets.

Every secret here is built from visible markers (FAKE, canary) so that reviewers and repository secret
scanners can tell it is fake; canaries.json lists the values the canary tests hunt for in every output.
Run: .venv/bin/python scripts/make_samples.py
"""

import json
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "data-samples"

# Visibly fake secrets, assembled from parts so no key-shaped literal sits in the source.
TOGETHER_KEY = "tgp_v1_" + "FAKEcanaryKEY" + "0dataSamplesOnly" + "x7Q2mR9tW4vK1pZ8a"[:14]
OPENAI_KEY = "sk-proj-" + "FAKEcanary" + "T3BlbkFJ" + "doNotUse" + "a8Kq2Vn5Rw9Lx3Tz7Yb"
AWS_KEY_ID = "AKIA" + "FAKE" + "CANARY" + "7Q2M5T"
GITHUB_TOKEN = "ghp_" + "FAKEcanary" + "0nlyForSamples" + "Zq81Lm4Xw2Vn"
PEM_KEY = (
    "-----BEGIN " + "PRIVATE KEY-----\n"
    + "MIIEvFAKEcanaryPEMbodyQIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQC7\n"
    + "FAKEFAKEFAKEsamplesOnlyNotARealKeyAtAllJustMarkersToFindInOutputs0123\n"
    + "-----END " + "PRIVATE KEY-----"
)
CANARY_EMAIL = "zephyrine.quillfeather@example.org"
CANARY_NAME = "Zephyrine Quillfeather"
CANARY_PHONE = "+1 415 555 0187"
CANARY_CARD = "4111 1111 1111 1111"

SYSTEM = "You are Acme Cloud's support assistant. Be concise and never ask for passwords."


def chat(*turns: tuple[str, str], **extra) -> dict:
    return {"messages": [{"role": r, "content": c} for r, c in turns], **extra}


def conversational() -> list[dict]:
    return [
        chat(("system", SYSTEM), ("user", f"Hi, I'm {CANARY_NAME}, my email is {CANARY_EMAIL}. Billing fails."),
             ("assistant", f"Thanks {CANARY_NAME}. I see the invoice for {CANARY_EMAIL}; retrying the charge now.")),
        chat(("system", SYSTEM), ("user", f"My deploy script has TOGETHER_API_KEY={TOGETHER_KEY} and it returns 401"),
             ("assistant", "That key is now exposed: rotate it in the dashboard, then set it as an environment variable.")),
        chat(("user", f"Call me back at {CANARY_PHONE}, ask for Priya Raman."),
             ("assistant", "Sure, a technician will call you within the hour.")),
        chat(("user", "Why does `pip install acme-sdk==2.4.1` fail with a hash mismatch?"),
             ("assistant", "Clear the cache with `pip cache purge` and retry; 2.4.1 was re-uploaded on Monday.")),
        chat(("user", f"here is my config: aws_access_key_id = {AWS_KEY_ID} and openai {OPENAI_KEY}"),
             ("assistant", "Please revoke both keys now; I have removed them from this ticket.")),
        {
            "messages": [
                {"role": "system", "content": SYSTEM},
                {"role": "user", "content": f"Open a ticket for {CANARY_EMAIL}, card ending 1111, in Berlin."},
                {"role": "assistant", "tool_calls": [{"id": "call_1", "type": "function", "function": {
                    "name": "open_ticket",
                    "arguments": json.dumps({"email": CANARY_EMAIL, "city": "Berlin", "priority": 2})}}]},
                {"role": "tool", "tool_call_id": "call_1", "content": json.dumps({"ticket": "T-1042", "status": "open"})},
                {"role": "assistant", "content": "Ticket T-1042 is open; we'll email you updates."},
            ],
            "tools": [{"type": "function", "function": {
                "name": "open_ticket", "description": "Open a support ticket for a customer.",
                "parameters": {"type": "object", "properties": {
                    "email": {"type": "string", "description": "Customer email"},
                    "city": {"type": "string"}, "priority": {"type": "integer"}}}}}],
        },
        chat(("user", f"I pasted my GitHub token by mistake: {GITHUB_TOKEN}"),
             ("assistant", "Revoke it under Settings → Developer settings → Tokens, then create a new one.")),
        chat(("user", f"The server key is\n{PEM_KEY}\nwhy won't ssh accept it?"),
             ("assistant", "Never share private keys. Generate a new pair with ssh-keygen -t ed25519.")),
        {"messages": [
            {"role": "user", "content": "What is 17 * 23?"},
            {"role": "assistant", "content": "391", "reasoning": "17 * 20 = 340, 17 * 3 = 51, 340 + 51 = 391."},
        ], "weight": 0.5},
        chat(("user", f"Please charge {CANARY_CARD} for the upgrade."),
             ("assistant", "I can't take card numbers in chat; please use the billing page.")),
    ]


def instruction() -> list[dict]:
    return [
        {"prompt": f"Summarise this ticket: {CANARY_NAME} ({CANARY_EMAIL}) cannot log in since Tuesday.",
         "completion": "A customer cannot log in since Tuesday; reset their session."},
        {"prompt": "Write a haiku about rate limits.", "completion": "Requests pile like snow / the server says wait, wait, wait / retry-after: ten"},
        {"prompt": f"Explain why this line is unsafe: export TOGETHER_API_KEY={TOGETHER_KEY}",
         "completion": "It puts a live key into shell history; use a secrets manager instead."},
        {"prompt": "Convert 3 km to miles.", "completion": "3 km is about 1.86 miles."},
    ]


def text() -> list[dict]:
    return [
        {"text": f"Call log: {CANARY_NAME} phoned from {CANARY_PHONE} about invoice 2024-118."},
        {"text": "Release notes: version 3.2 adds streaming uploads and fixes a retry bug."},
        {"text": f"Incident: a GitHub token ({GITHUB_TOKEN}) was committed and revoked within 4 minutes."},
    ]


def preference() -> list[dict]:
    return [
        {"input": {"messages": [{"role": "user", "content": f"Email {CANARY_EMAIL} the refund status."}]},
         "preferred_output": [{"role": "assistant", "content": "I've emailed the customer the refund status."}],
         "non_preferred_output": [{"role": "assistant", "content": f"Sent to {CANARY_EMAIL}: refund pending, card {CANARY_CARD}."}]},
        {"input": {"messages": [{"role": "system", "content": SYSTEM}, {"role": "user", "content": "How do I rotate a key?"}]},
         "preferred_output": [{"role": "assistant", "content": "Create a new key, deploy it, then revoke the old one."}],
         "non_preferred_output": [{"role": "assistant", "content": "Just reuse the old one."}]},
    ]


def malformed() -> list[str]:
    good = json.dumps(chat(("user", "Reset my password please."), ("assistant", "Done: check your inbox.")))
    return [
        good,
        '{"messages": [{"role": "user", "content": "unterminated',             # invalid JSON
        "[1, 2, 3]",                                                            # not an object
        json.dumps({"msgs": [{"role": "user", "content": "hi"}]}),             # unknown format
        json.dumps(chat(("user", f"hello from {CANARY_EMAIL}"), ("user", "again"))),  # role order
        json.dumps(chat(("user", "only a question"))),                          # no assistant message
        json.dumps(chat(("wizard", "abracadabra"), ("assistant", "ok"))),       # invalid role
        json.dumps({"prompt": "mixed formats", "completion": "in one file"}),   # format mismatch
        json.dumps(chat(("user", "   "), ("assistant", "empty question"))),     # empty content
        "",                                                                     # blank line: counted, skipped
        json.dumps({**chat(("user", "hi"), ("assistant", "hello")), "customer_id": CANARY_EMAIL}),  # unknown field
        good,
    ]


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for name, rows in [("conversational", conversational()), ("instruction", instruction()),
                       ("text", text()), ("preference", preference())]:
        (OUT / f"{name}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    (OUT / "malformed.jsonl").write_text("\n".join(malformed()) + "\n")
    canaries = {"TOGETHER_API_KEY": TOGETHER_KEY, "OPENAI_API_KEY": OPENAI_KEY, "AWS_ACCESS_KEY_ID": AWS_KEY_ID,
                "GITHUB_TOKEN": GITHUB_TOKEN, "PRIVATE_KEY_BODY": PEM_KEY.splitlines()[1],
                "EMAIL_ADDRESS": CANARY_EMAIL, "PERSON": CANARY_NAME, "PHONE_NUMBER": CANARY_PHONE,
                "CREDIT_CARD": CANARY_CARD}
    (OUT / "canaries.json").write_text(json.dumps(canaries, indent=2) + "\n")


if __name__ == "__main__":
    main()
