import base64

import pytest

from sanitizers.recognizers.private_key_recognizer import PrivateKeyRecognizer
from tests.sanitizers.recognizers.fakes import BASE64, fake, found, scores

REC = PrivateKeyRecognizer()
DASHES = "-" * 5


def block(kind: str, lines: int, seed: int, sep: str = "\n", headers: tuple[str, ...] = ()) -> str:
    """A PEM-shaped block of random base64 lines (fake key material)."""
    body = [fake(64, BASE64, seed=seed + i) for i in range(lines)] + [fake(20, BASE64, seed=seed + 99) + "=="]
    begin, end = f"{DASHES}BEGIN {kind}{DASHES}", f"{DASHES}END {kind}{DASHES}"
    return sep.join([begin, *headers, *([""] if headers else []), *body, end])


RSA = block("RSA PRIVATE KEY", 6, seed=1)
PKCS8_ESCAPED = block("PRIVATE KEY", 8, seed=10, sep="\\n")  # as inside service-account JSON
OPENSSH = block("OPENSSH PRIVATE KEY", 5, seed=20)
EC = block("EC PRIVATE KEY", 3, seed=30, sep="\r\n")
ENCRYPTED = block(
    "RSA PRIVATE KEY",
    6,
    seed=40,
    headers=("Proc-Type: 4,ENCRYPTED", "DEK-Info: AES-128-CBC,0A1B2C3D4E5F6071"),
)
PGP = block("PGP PRIVATE KEY BLOCK", 6, seed=50, headers=("Version: GnuPG v2.0.22",))
SERVICE_ACCOUNT = (
    '{"type": "service_account", "project_id": "demo", "private_key_id": "k1", '
    f'"private_key": "{PKCS8_ESCAPED}\\n", "client_email": "svc@demo.iam.gserviceaccount.com"}}'
)
TRUNCATED = RSA.rsplit("\n", 3)[0]  # paste cut off before the END line
ENCODED = base64.b64encode(RSA.encode()).decode()  # the block base64-encoded again (k8s secret)
ENCODED_WRAPPED = "\n".join(ENCODED[i : i + 76] for i in range(0, len(ENCODED), 76))  # `base64` CLI output
ENCODED_PUBLIC = base64.b64encode(block("PUBLIC KEY", 6, seed=80).encode()).decode()
# One byte of the encoded block changed in a paste: it no longer decodes to pure ASCII.
_RAW = bytearray(RSA.encode())
_RAW[-60] = 0xA1
ENCODED_DAMAGED = base64.b64encode(bytes(_RAW)).decode()

TRUE_POSITIVES = [
    (f"here is my key:\n{RSA}\nthanks", [RSA]),  # PKCS#1 RSA block in prose
    (SERVICE_ACCOUNT, [PKCS8_ESCAPED]),  # service-account JSON with \n escapes
    (OPENSSH, [OPENSSH]),  # OpenSSH key
    (EC, [EC]),  # CRLF line ends
    (ENCRYPTED, [ENCRYPTED]),  # encrypted PEM with headers
    (PGP, [PGP]),  # PGP armored private key
    (f"{TRUNCATED}\n\nWhy does ssh reject it?", [TRUNCATED]),  # no END line: up to the last base64 line
    (f"{RSA}\n{OPENSSH}", [RSA, OPENSSH]),  # two blocks
    (f"data:\n  tls.key: {ENCODED}\n", [ENCODED]),  # base64-encoded block
    (f"KEY_B64=\n{ENCODED_WRAPPED}\n", [ENCODED_WRAPPED]),  # base64-encoded, wrapped at 76
    (f"PRIVATE_KEY_B64={ENCODED_DAMAGED}", [ENCODED_DAMAGED]),  # base64-encoded, one byte damaged
]

NEAR_MISSES = [
    block("PUBLIC KEY", 6, seed=60),  # public key: public
    block("CERTIFICATE", 6, seed=70),  # certificate: public
    f"{DASHES}BEGIN PRIVATE KEY{DASHES}\n...\n{DASHES}END PRIVATE KEY{DASHES}",  # elided
    f"{DASHES}BEGIN PRIVATE KEY{DASHES}\n<your private key here>\n{DASHES}END PRIVATE KEY{DASHES}",  # template
    f"{DASHES}BEGIN RSA PRIVATE KEY{DASHES}\n{'A' * 64}\n{DASHES}END RSA PRIVATE KEY{DASHES}",  # filler
    f"{DASHES}BEGIN PRIVATE KEY{DASHES}\\nMIIEvQIBADANBg...\\n{DASHES}END PRIVATE KEY{DASHES}",  # elided, escaped
    "Use -----BEGIN PRIVATE KEY----- blocks in PKCS#8 format.",  # prose about the format
    f"tls.crt: {ENCODED_PUBLIC}",  # a base64-encoded public key: public
]


@pytest.mark.parametrize(("text", "expected"), TRUE_POSITIVES)
def test_finds_whole_block_when_private_key(text, expected):
    assert found(REC, text) == expected


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_ignores_text_when_near_miss(text):
    assert found(REC, text) == []


def test_scores_complete_block_above_truncated_one():
    assert scores(REC, RSA) == [1.0]
    assert scores(REC, TRUNCATED) == [0.9]
