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

# The shape alone (an id part of 24-26 characters that decodes to no id): still a token.
def shaped(first: str, seed: int, id_length: int = 23) -> str:
    """A token of Discord's shape whose id part decodes to no id."""
    parts = (fake(id_length, URLSAFE, seed=seed), fake(6, URLSAFE, seed=seed + 1), fake(27, URLSAFE, seed=seed + 2))
    return first + ".".join(parts)


SHAPE_ONLY = shaped("N", seed=5)

TRUE_POSITIVES = [
    (f"DISCORD_TOKEN={BOT}", [BOT]),
    (f'client.run("{BOT_NEW}")', [BOT_NEW]),
    (f"token: {SHAPE_ONLY}", [SHAPE_ONLY]),
]

NEAR_MISSES = [
    "NTk1ODk0.abc.def",  # too short
    shaped("N", seed=8, id_length=26),  # id part too long
    shaped("P", seed=11),  # not M, N or O
]


@pytest.mark.parametrize(("text", "expected"), TRUE_POSITIVES)
def test_finds_token_when_id_part_decodes_to_snowflake(text, expected):
    assert found(REC, text) == expected


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_ignores_text_when_near_miss(text):
    assert found(REC, text) == []


# Fillers at the exact shape are how docs and scanner suites write such a key: reported (recall first).
FILLERS = [
    BOT.rsplit(".", 1)[0] + "." + "x" * 27,
]


@pytest.mark.parametrize("text", FILLERS)
def test_finds_filler_when_exact_shape(text):
    assert found(REC, text) == [text]
