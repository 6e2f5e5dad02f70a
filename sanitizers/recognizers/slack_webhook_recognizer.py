"""Slack incoming-webhook and workflow URLs: whoever holds the URL can post to the channel."""

from typing import ClassVar

from sanitizers.entropy import is_fake_token_body
from sanitizers.pattern import Pattern
from sanitizers.recognizers.secret_recognizer import SecretRecognizer


class SlackWebhookRecognizer(SecretRecognizer):
    """Detects Slack webhook URLs; the span is the whole URL (the URL is the credential).

    Known false positives: none; Slack's documented `T00000000/B00000000/XXXX...` example is dropped.
    """

    ENTITY = "SLACK_WEBHOOK_URL"
    PATTERNS: ClassVar[list[Pattern]] = [
        # api.slack.com/messaging/webhooks: hooks.slack.com/services/T<team>/B<hook>/<24 random>.
        Pattern(
            "slack incoming webhook url",
            r"(?:https?://)?hooks\.slack\.com/services/T[A-Z0-9]{6,12}/B[A-Z0-9]{6,12}/[A-Za-z0-9]{20,32}"
            r"(?![A-Za-z0-9])",
            0.95,
        ),
        # gitleaks slack-webhook-url also covers workflow and trigger URLs.
        Pattern(
            "slack workflow/trigger webhook url",
            r"(?:https?://)?hooks\.slack\.com/(?:workflows|triggers)/T[A-Z0-9]{6,12}/[A-Za-z0-9/]{20,120}"
            r"(?![A-Za-z0-9/])",
            0.85,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["slack", "webhook", "slack_webhook_url", "incoming webhook"]
    PREFILTER: ClassVar[tuple[str, ...]] = ("hooks.slack.com",)

    def invalidate_result(self, pattern_text: str) -> bool:
        """Drop Slack's documentation URL (zeros and X fillers) and other placeholders."""
        path = pattern_text.split("hooks.slack.com/", 1)[1].split("/", 1)[1]
        ids, _, secret = path.rpartition("/")
        return is_fake_token_body(secret) or all(part[1:].strip("0") == "" for part in ids.split("/"))
