"""Where the Together API key comes from, read at the moment of use and never shown beyond 4 chars.

The key is never a parameter, never stored on an object that outlives the call that uses it, and
travels as a `SecretStr` so an accidental repr, log line or Prefect result shows `**********`.
"""

from pydantic import SecretStr

from pipelines.gate.secret_value import read_secret

ENV_VAR = "TOGETHER_API_KEY"
_HINT_CHARS = 4
# Below this length, 4 characters would be a large share of the key: show none.
_MIN_LEN_FOR_HINT = 12


def read_together_key(block_name: str | None = None) -> SecretStr:
    """Read the key now: from the Prefect Secret block `block_name` if given, else from TOGETHER_API_KEY.

    Raises:
        ConfigError: the block or the variable is unset, empty or not one printable token; the
            message says which and how to set it (`--key-block NAME` for a block).
    """
    return read_secret(ENV_VAR, block_name, block_option="--key-block NAME")


def key_hint(key: SecretStr | str) -> str:
    """Return "…" plus the key's last 4 characters: enough to tell keys apart, useless to an attacker."""
    raw = key.get_secret_value() if isinstance(key, SecretStr) else key
    if len(raw) < _MIN_LEN_FOR_HINT:
        return "…"
    return "…" + raw[-_HINT_CHARS:]
