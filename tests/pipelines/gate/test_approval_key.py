import secrets

import pytest
from pydantic import SecretStr

from pipelines.gate.approval_key import BLOCK_ENV_VAR, ENV_VAR, key_id, read_approval_key, sign, verify
from schemas.errors import ConfigError

KEY = SecretStr(secrets.token_hex(32))


def test_verifies_signature_when_payload_and_key_match() -> None:
    assert verify("approval", b"payload", sign("approval", b"payload", KEY), KEY)


@pytest.mark.parametrize(
    ("purpose", "payload", "key"),
    [
        ("approval", b"payload!", KEY),  # one byte more
        ("upload", b"payload", KEY),  # the same bytes signed for another purpose
        ("approval", b"payload", SecretStr(secrets.token_hex(32))),  # another key
    ],
)
def test_refuses_signature_when_anything_differs(purpose: str, payload: bytes, key: SecretStr) -> None:
    assert not verify(purpose, payload, sign("approval", b"payload", KEY), key)


def test_key_id_names_the_key_without_revealing_it() -> None:
    assert key_id(KEY) == key_id(SecretStr(KEY.get_secret_value()))
    assert key_id(KEY) != key_id(SecretStr(secrets.token_hex(32)))
    assert key_id(KEY) not in KEY.get_secret_value()


def test_reads_key_from_env_when_no_block_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(BLOCK_ENV_VAR, raising=False)
    monkeypatch.setenv(ENV_VAR, KEY.get_secret_value())
    assert read_approval_key().get_secret_value() == KEY.get_secret_value()


@pytest.mark.slow
def test_reads_key_from_prefect_secret_block_when_named_in_env(
    prefect_api: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from prefect.blocks.system import Secret

    value = secrets.token_hex(32)
    Secret(value=value).save("approval-key-test", overwrite=True)
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setenv(BLOCK_ENV_VAR, "approval-key-test")
    assert read_approval_key().get_secret_value() == value


def test_refuses_short_key_naming_how_to_make_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(BLOCK_ENV_VAR, raising=False)
    monkeypatch.setenv(ENV_VAR, "too-short")
    with pytest.raises(ConfigError, match="token_hex") as info:
        read_approval_key()
    assert "too-short" not in str(info.value)
