import base64

import pytest

from sanitizers.recognizers.discord_bot_token_recognizer import DiscordBotTokenRecognizer
from tests.sanitizers.recognizers.fakes import URLSAFE, fake, found

REC = DiscordBotTokenRecognizer()


def token(bot_id: str, seed: int) -> str:
    head = base64.urlsafe_b64encode(bot_id.encode()).decode().rstrip("=")
    return f"{head}.{fake(6, URLSAFE, seed=seed)}.{fake(27, URLSAFE, seed=seed + 1)}"


BOT = token("198622483471925248", seed=1)
BOT_NEW = token("1029481397591342080", seed=3)

TRUE_POSITIVES = [
    (f"DISCORD_TOKEN={BOT}", [BOT]),
    (f'client.run("{BOT_NEW}")', [BOT_NEW]),
]

NEAR_MISSES = [
    # Same shape, but the first part decodes to no numeric id.
    "MZ1yGvKTjE0rY0cV8i47CjAa." + fake(6, URLSAFE, seed=5) + "." + fake(27, URLSAFE, seed=6),
    BOT.rsplit(".", 1)[0] + "." + "x" * 27,  # placeholder HMAC
    "NTk1ODk0.abc.def",  # too short
]


@pytest.mark.parametrize(("text", "expected"), TRUE_POSITIVES)
def test_finds_token_when_id_part_decodes_to_snowflake(text, expected):
    assert found(REC, text) == expected


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_ignores_text_when_near_miss(text):
    assert found(REC, text) == []
