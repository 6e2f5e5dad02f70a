"""Slack tokens: bot, user, app-level, configuration and legacy `xox?-` tokens."""

from typing import ClassVar

from sanitizers.entropy import is_template_body
from sanitizers.pattern import Pattern
from sanitizers.recognizers.secret_recognizer import LEFT, SecretRecognizer

_END = r"(?![A-Za-z0-9-])"


class SlackTokenRecognizer(SecretRecognizer):
    """Detects Slack API tokens (api.slack.com/authentication/token-types).

    Limits: legacy workspace tokens (`xoxa-`, `xoxr-`) have no published shape; they need a digit
    group and 8+ random chars, so a short one is missed.
    """

    ENTITY = "SLACK_TOKEN"
    PATTERNS: ClassVar[list[Pattern]] = [
        # gitleaks slack-bot-token: xoxb-<team id>-<bot id>-<24 random>.
        Pattern(
            "slack bot token",
            LEFT + r"xoxb-[0-9]{10,13}-[0-9]{10,13}-[A-Za-z0-9]{20,34}" + _END,
            0.95,
        ),
        # gitleaks slack-user-token: xoxp-/xoxe- + three numeric ids + 28-34 random.
        Pattern(
            "slack user token",
            LEFT + r"xox[pe](?:-[0-9]{10,13}){3}-[A-Za-z0-9]{28,34}" + _END,
            0.95,
        ),
        # gitleaks slack-legacy-bot-token: xoxb-<8-14 digits>-<18-26 random>.
        Pattern(
            "slack legacy bot token",
            LEFT + r"xoxb-[0-9]{8,14}-[A-Za-z0-9]{18,26}" + _END,
            0.85,
        ),
        # gitleaks slack-legacy-token / -legacy-workspace-token: xox[aors]- + numeric groups + hex.
        Pattern(
            "slack legacy token",
            LEFT + r"xox[aors]-(?:[0-9]{1,14}-){1,4}[A-Za-z0-9]{8,64}" + _END,
            0.8,
        ),
        # gitleaks slack-app-token: xapp-<digit>-<app id>-<digits>-<hex>.
        Pattern(
            "slack app-level token",
            LEFT + r"xapp-[0-9]-[A-Z0-9]{9,12}-[0-9]{10,13}-[a-z0-9]{32,80}" + _END,
            0.95,
        ),
        # gitleaks slack-config-access-token / -config-refresh-token.
        Pattern(
            "slack configuration token",
            LEFT + r"(?:xoxe\.xox[bp]-[0-9]-[A-Za-z0-9]{163,166}|xoxe-[0-9]-[A-Za-z0-9]{146})" + _END,
            0.95,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["slack", "slack_token", "slack_bot_token", "bot token"]
    PREFILTER: ClassVar[tuple[str, ...]] = ("xox", "xapp-")
    PATTERN_LITERALS: ClassVar[dict[str, tuple[str, ...]]] = {
        "slack bot token": ("xox",),
        "slack user token": ("xox",),
        "slack legacy bot token": ("xox",),
        "slack legacy token": ("xox",),
        "slack app-level token": ("xapp-",),
        "slack configuration token": ("xox",),
    }

    def invalidate_result(self, pattern_text: str) -> bool:
        """Drop templates in the random last segment; a filler at the exact shape is reported."""
        return is_template_body(pattern_text.rsplit("-", 1)[-1])
