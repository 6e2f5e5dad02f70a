"""Where the Together API key comes from, read at the moment of use and never shown beyond 4 chars.

The key is never a parameter, never stored on an object that outlives the call that uses it, and
travels as a `SecretStr` so an accidental repr, log line or Prefect result shows `**********`.
"""

import os

from pydantic import SecretStr

from schemas.errors import ConfigError

ENV_VAR = "TOGETHER_API_KEY"
_HINT_CHARS = 4
# Below this length, 4 characters would be a large share of the key: show none.
_MIN_LEN_FOR_HINT = 12


def read_together_key(block_name: str | None = None) -> SecretStr:
    """Read the key now: from the Prefect Secret block `block_name` if given, else from TOGETHER_API_KEY.

    Raises:
        ConfigError: the block or the variable is missing or empty; the message says how to set it.
    """
    if block_name:
        value = _read_block(block_name)
        source = f"Prefect Secret block {block_name!r}"
    else:
        value = os.environ.get(ENV_VAR, "")
        source = f"environment variable {ENV_VAR}"
    if not value.strip():
        raise ConfigError(
            f"no Together API key: {source} is empty; "
            + (
                f"set it with `Secret(value=...).save({block_name!r}, overwrite=True)`"
                if block_name
                else f"export {ENV_VAR}=... (or pass a Prefect Secret block name)"
            )
        )
    return SecretStr(value.strip())


def key_hint(key: SecretStr | str) -> str:
    """Return "…" plus the key's last 4 characters: enough to tell keys apart, useless to an attacker."""
    raw = key.get_secret_value() if isinstance(key, SecretStr) else key
    if len(raw) < _MIN_LEN_FOR_HINT:
        return "…"
    return "…" + raw[-_HINT_CHARS:]


def _read_block(block_name: str) -> str:
    # Imported here: Prefect is heavy and the CLI path without blocks must not need a Prefect server.
    try:
        from prefect.blocks.system import Secret
    except ImportError as e:
        raise ConfigError(
            f"Prefect Secret block {block_name!r} requested but prefect is not importable; "
            f"install prefect or use {ENV_VAR}"
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
