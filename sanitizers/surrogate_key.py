"""The surrogate operator's HMAC key: read from FT_SANITIZER_HMAC_KEY at the moment of use, held as a SecretStr.

The key is never a parameter, never part of an OperatorConfig (presidio prints params in its repr),
and never shown: a SecretStr's repr and str are `**********`.
"""

import os

from pydantic import SecretStr

from schemas.errors import ConfigError

ENV_VAR = "FT_SANITIZER_HMAC_KEY"
# 128 bits written as hex is 32 characters; anything shorter is guessable enough to brute-force
# the low-entropy values (names, birth dates) it keys.
MIN_KEY_CHARS = 32
HOW_TO_SET = (
    f'export {ENV_VAR}="$(python -c \'import secrets; print(secrets.token_hex(32))\')" '
    "(keep it: the same key gives the same surrogates across runs)"
)


def read_hmac_key() -> SecretStr:
    """The key from FT_SANITIZER_HMAC_KEY.

    Raises:
        ConfigError: the variable is missing, empty or too short; the message says how to set it.
    """
    value = os.environ.get(ENV_VAR, "").strip()
    if not value:
        raise ConfigError(f"operator 'surrogate' needs an HMAC key but {ENV_VAR} is not set; {HOW_TO_SET}")
    if len(value) < MIN_KEY_CHARS:
        raise ConfigError(
            f"{ENV_VAR} is {len(value)} characters long; use at least {MIN_KEY_CHARS} random characters: {HOW_TO_SET}"
        )
    return SecretStr(value)
