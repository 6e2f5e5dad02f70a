"""The approval key: what makes an approval something only an approver can make.

approval.json (and upload.json) carry an HMAC-SHA256 under this key. Whoever holds it can approve; whoever
does not (the sanitize process, anyone who can write the run folder) can write files but cannot make
the gate accept them. Holders: reviewers who run `ft-sanitizer approve`, the process that runs
`upload` (it verifies), and the Prefect worker when it records approvals (the Resume form's answer or
the nightly policy). The key is read at the moment of use from FT_SANITIZER_APPROVAL_KEY, or from
the Prefect Secret block named by `--approval-key-block` / FT_SANITIZER_APPROVAL_KEY_BLOCK.
"""

import hashlib
import hmac
import os

from pydantic import SecretStr

from pipelines.gate.secret_value import read_secret
from schemas.errors import ConfigError

ENV_VAR = "FT_SANITIZER_APPROVAL_KEY"
BLOCK_ENV_VAR = "FT_SANITIZER_APPROVAL_KEY_BLOCK"
# 32 characters of hex or base64 is 128 bits or more: not guessable, whatever the alphabet.
MIN_KEY_CHARS = 32
GENERATE_HINT = "python -c 'import secrets; print(secrets.token_hex(32))'"


def read_approval_key(block_name: str | None = None) -> SecretStr:
    """Read the approval key now: block `block_name`, else the block in FT_SANITIZER_APPROVAL_KEY_BLOCK,
    else the variable FT_SANITIZER_APPROVAL_KEY.

    Raises:
        ConfigError: no key, or a key shorter than 32 characters or not one printable token.
    """
    block = block_name or os.environ.get(BLOCK_ENV_VAR) or None
    try:
        key = read_secret(ENV_VAR, block, block_option="--approval-key-block NAME")
    except ConfigError as e:
        raise ConfigError(
            f"no approval key: {e} (a new key: `{GENERATE_HINT}`; reviewers and the uploading process "
            "share it, the sanitize process does not need it)"
        ) from None
    if len(key.get_secret_value()) < MIN_KEY_CHARS:
        where = f"Prefect Secret block {block!r}" if block else ENV_VAR
        raise ConfigError(
            f"the approval key in {where} is shorter than {MIN_KEY_CHARS} characters; generate one with "
            f"`{GENERATE_HINT}` and give it to the reviewers and the uploading process only"
        )
    return key


def key_id(key: SecretStr) -> str:
    """A short public name of the key (first 12 hex of its sha256): tells keys apart, reveals nothing."""
    return hashlib.sha256(b"ft-sanitizer key id\n" + key.get_secret_value().encode()).hexdigest()[:12]


def sign(purpose: str, payload: bytes, key: SecretStr) -> str:
    """Hex HMAC-SHA256 of `payload` under `key`, domain-separated by `purpose` ("approval", "upload")."""
    message = f"ft-sanitizer {purpose} v2\n".encode() + payload
    return hmac.new(key.get_secret_value().encode(), message, hashlib.sha256).hexdigest()


def verify(purpose: str, payload: bytes, signature: str, key: SecretStr) -> bool:
    """True when `signature` is `sign(purpose, payload, key)`; constant-time comparison."""
    return hmac.compare_digest(sign(purpose, payload, key), signature)
