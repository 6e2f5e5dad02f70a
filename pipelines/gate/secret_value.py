"""Read a secret (a key) at the moment of use: from a Prefect Secret block or an environment variable.

Shared by the Together key and the approval key. The value is checked to be one printable token (no
space, newline or control character inside: such a value is a paste accident, and an inner newline
would end up in HTTP headers and tracebacks), returned as a `SecretStr`, and never put in a message.
"""

import os
import re

from pydantic import SecretStr

from pipelines.redaction import remember_secret
from schemas.errors import ConfigError

# Printable ASCII without space: what API keys and generated hex/base64 secrets are made of.
_TOKEN = re.compile(r"[\x21-\x7e]+")


def read_secret(env_var: str, block_name: str | None, *, block_option: str) -> SecretStr:
    """Read the secret from Prefect Secret block `block_name` if given, else from `env_var`.

    Args:
        env_var: The environment variable to read when no block is named.
        block_name: A Prefect Secret block name, or None.
        block_option: How a user names a block for this secret (e.g. "--key-block NAME"), for messages.

    Raises:
        ConfigError: the variable is unset or empty, the block is missing or unreadable, or the value
            is not a single printable token. The message names the source and how to fix it.
    """
    if block_name:
        value = _read_block(block_name, env_var)
        source = f"Prefect Secret block {block_name!r}"
        fix = f"set it with `Secret(value=...).save({block_name!r}, overwrite=True)`"
    else:
        raw = os.environ.get(env_var)
        source = f"environment variable {env_var}"
        fix = f"export {env_var}=... or pass {block_option} (a Prefect Secret block)"
        if raw is None:
            raise ConfigError(f"{source} is not set; {fix}")
        value = raw
    value = value.strip()
    if not value:
        raise ConfigError(f"{source} is empty; {fix}")
    if not _TOKEN.fullmatch(value):
        raise ConfigError(
            f"{source} holds a space, line break or non-printable character inside the value; a key is one "
            f"printable token: copy it again without the surrounding text, then {fix}"
        )
    remember_secret(value)  # a key from a block is not in the environment: tell the log filter
    return SecretStr(value)


def _read_block(block_name: str, env_var: str) -> str:
    # Imported here: Prefect is heavy and the CLI path without blocks must not need a Prefect server.
    try:
        from prefect.blocks.system import Secret
    except ImportError as e:
        raise ConfigError(
            f"Prefect Secret block {block_name!r} requested but prefect is not importable; "
            f"install prefect or use {env_var}"
        ) from e
    try:
        value = Secret.load(block_name).get()
    except ValueError as e:
        # Prefect raises ValueError("Unable to find block document named ...") for a missing block.
        raise ConfigError(
            f"Prefect Secret block {block_name!r} not found on the configured Prefect API; create it with "
            f"`Secret(value=...).save({block_name!r})` or `prefect block create secret`"
        ) from e
    except Exception as e:  # any transport failure means the same thing to the user
        raise ConfigError(
            f"could not read Prefect Secret block {block_name!r} ({type(e).__name__}); "
            "check PREFECT_API_URL and that the Prefect server is running"
        ) from e
    if not isinstance(value, str):
        raise ConfigError(
            f"Prefect Secret block {block_name!r} holds a {type(value).__name__}, not a string; "
            "store the key as a plain string"
        )
    return value
