import secrets
from collections.abc import Iterator

import pytest
from pydantic import BaseModel, SecretStr

from pipelines.gate.together_key import ENV_VAR, key_hint, read_together_key
from schemas.errors import ConfigError


def _fake_key() -> str:
    # Built at runtime so repository secret scanners stay quiet.
    return "tgp_v1_" + secrets.token_urlsafe(32)[:43]


def test_reads_env_var_when_no_block_given(monkeypatch: pytest.MonkeyPatch) -> None:
    key = _fake_key()
    monkeypatch.setenv(ENV_VAR, key)
    assert read_together_key().get_secret_value() == key


def test_reads_key_at_call_time_when_env_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = _fake_key(), _fake_key()
    monkeypatch.setenv(ENV_VAR, first)
    assert read_together_key().get_secret_value() == first
    monkeypatch.setenv(ENV_VAR, second)
    assert read_together_key().get_secret_value() == second


@pytest.mark.parametrize("value", [None, "", "   "])  # unset, empty, whitespace only
def test_raises_config_error_naming_env_var_when_key_missing(
    monkeypatch: pytest.MonkeyPatch, value: str | None
) -> None:
    if value is None:
        monkeypatch.delenv(ENV_VAR, raising=False)
    else:
        monkeypatch.setenv(ENV_VAR, value)
    with pytest.raises(ConfigError, match=f"export {ENV_VAR}="):
        read_together_key()


def test_masks_key_when_repr_or_str_of_holder(monkeypatch: pytest.MonkeyPatch) -> None:
    key = _fake_key()
    monkeypatch.setenv(ENV_VAR, key)

    class Holder(BaseModel):
        key: SecretStr

    secret = read_together_key()
    for text in (repr(secret), str(secret), repr(Holder(key=secret)), Holder(key=secret).model_dump_json()):
        assert key not in text
        assert key[-4:] not in text


@pytest.mark.parametrize(
    ("key", "hint"),
    [
        ("tgp_v1_" + "a" * 39 + "WXYZ", "…WXYZ"),  # current key shape: last 4 only
        ("0123456789abcdef" * 4, "…cdef"),  # legacy 64-hex key
        (SecretStr("x" * 20 + "9876"), "…9876"),  # SecretStr accepted
        ("short-key", "…"),  # near-miss: too short to show anything
        ("", "…"),  # near-miss: empty
    ],
)
def test_hint_shows_last_four_only_when_key_long_enough(key: str | SecretStr, hint: str) -> None:
    assert key_hint(key) == hint


@pytest.fixture(scope="module")
def prefect_api() -> Iterator[None]:
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.mark.slow
def test_reads_prefect_secret_block_when_block_name_given(
    prefect_api: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from prefect.blocks.system import Secret

    key = _fake_key()
    Secret(value=key).save("together-key-test", overwrite=True)
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert read_together_key("together-key-test").get_secret_value() == key


@pytest.mark.slow
def test_raises_config_error_naming_block_when_block_missing(prefect_api: None) -> None:
    with pytest.raises(ConfigError, match="'no-such-block' not found") as info:
        read_together_key("no-such-block")
    assert "Secret(value=...).save" in str(info.value)
