import pytest

from sanitizers.recognizers.slack_webhook_recognizer import SlackWebhookRecognizer
from tests.sanitizers.recognizers.fakes import ALNUM, fake, found

REC = SlackWebhookRecognizer()
IDS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
HOST = "hooks.slack" + ".com"
SERVICES = (
    f"https://{HOST}/services/T{fake(8, IDS, seed=1)}/B{fake(10, IDS, seed=2)}/{fake(24, ALNUM, seed=3)}"
)
WORKFLOW = f"https://{HOST}/workflows/T{fake(9, IDS, seed=4)}/A{fake(10, IDS, seed=5)}/{fake(18, '0123456789', seed=6)}/{fake(24, ALNUM, seed=7)}"
BARE = f"{HOST}/services/T{fake(9, IDS, seed=8)}/B{fake(9, IDS, seed=9)}/{fake(24, ALNUM, seed=10)}"

TRUE_POSITIVES = [
    (f"SLACK_WEBHOOK_URL={SERVICES}", [SERVICES]),  # incoming webhook in env line
    (f"curl -X POST -d @msg.json {SERVICES}/", [SERVICES]),  # trailing slash not part of it
    (f'"url": "{WORKFLOW}"', [WORKFLOW]),  # workflow webhook
    (f"post to {BARE}.", [BARE]),  # without scheme, sentence dot after
]

NEAR_MISSES = [
    f"https://{HOST}/services/T00000000/B00000000/" + "X" * 24,  # Slack's documentation example
    f"https://{HOST}/services/",  # incomplete
    f"https://{HOST}/apps/A0123456789",  # not a webhook path
    f"https://{HOST}/services/t{fake(8, IDS, seed=11).lower()}/b{fake(10, IDS, seed=12).lower()}/{fake(24, ALNUM, seed=13)}",  # ids are upper case
    f"https://{HOST}/services/T{fake(8, IDS, seed=14)}/B{fake(10, IDS, seed=15)}/short",  # secret too short
    "https://api.slack.com/messaging/webhooks",  # docs page
]


@pytest.mark.parametrize(("text", "expected"), TRUE_POSITIVES)
def test_finds_whole_url_when_slack_webhook(text, expected):
    assert found(REC, text) == expected


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_ignores_text_when_near_miss(text):
    assert found(REC, text) == []
