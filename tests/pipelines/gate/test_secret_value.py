import pytest

from pipelines.gate.secret_value import read_secret
from schemas.errors import ConfigError

VAR = "FT_SANITIZER_TEST_SECRET"


@pytest.mark.parametrize(
    ("value", "match"),
    [
        (None, f"{VAR} is not set"),  # unset is said as unset, not "empty"
        ("", f"{VAR} is empty"),  # empty
        ("  \n", f"{VAR} is empty"),  # whitespace only
        ("abc def-ghijklmnop", "one printable token"),  # an inner space
        ("abcdefgh\x07ijklmnop", "one printable token"),  # a control character
        ("abcdéfghijklmnop", "one printable token"),  # non-ASCII: not a key alphabet
    ],
)
def test_refuses_value_naming_source_and_block_option_when_unusable(
    monkeypatch: pytest.MonkeyPatch, value: str | None, match: str
) -> None:
    if value is None:
        monkeypatch.delenv(VAR, raising=False)
    else:
        monkeypatch.setenv(VAR, value)
    with pytest.raises(ConfigError, match=match) as info:
        read_secret(VAR, None, block_option="--some-block NAME")
    assert "--some-block NAME" in str(info.value)
    if value and value.strip():
        assert value.strip() not in str(info.value)


def test_strips_surrounding_whitespace_when_value_is_one_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(VAR, "  tok-1234567890\n")
    assert read_secret(VAR, None, block_option="--x").get_secret_value() == "tok-1234567890"
