"""GitLab tokens: personal, deploy, runner, trigger, feed, OAuth, agent and SCIM tokens."""

from typing import ClassVar

from sanitizers.entropy import is_template_body
from sanitizers.pattern import Pattern
from sanitizers.recognizers.secret_recognizer import LEFT, SecretRecognizer

_END = r"(?![A-Za-z0-9_-])"


class GitLabTokenRecognizer(SecretRecognizer):
    """Detects GitLab tokens by their documented prefixes (docs.gitlab.com "Token prefixes").

    Limits: instances with a custom PAT prefix are missed; so are pre-14.5 prefix-less tokens.
    """

    ENTITY = "GITLAB_TOKEN"
    PATTERNS: ClassVar[list[Pattern]] = [
        # gitleaks gitlab-pat, -deploy-token, -runner-authentication-token, -feed-token,
        # -scim-token, -feature-flag-client-token: prefix + exactly 20 of [0-9A-Za-z_-].
        Pattern(
            "gitlab token (20-char body)",
            LEFT + r"(?:glpat|gldt|glrt|glft|glsoat|glffct)-[0-9A-Za-z_-]{20}" + _END,
            0.9,
        ),
        # gitleaks gitlab-pat-routable / runner-authentication-token-routable (GitLab 17.x+).
        Pattern(
            "gitlab routable token",
            LEFT + r"(?:glpat|glrt|gldt)-[0-9A-Za-z_-]{27,300}\.[0-9a-z]{2}[0-9a-z]{7}(?![A-Za-z0-9_.-])",
            0.95,
        ),
        # gitleaks gitlab-ptt (40 hex), -incoming-mail-token (25), -kubernetes-agent-token (50),
        # -oauth-app-secret (64), -rrt (GR1348941 + 20), -cicd-job-token (glcbt-).
        Pattern(
            "gitlab token (other kinds)",
            LEFT
            + r"(?:glptt-[0-9a-f]{40}|glimt-[0-9A-Za-z_-]{25}|glagent-[0-9A-Za-z_-]{50}"
            + r"|gloas-[0-9A-Za-z_-]{64}|GR1348941[0-9A-Za-z_-]{20}|glcbt-[0-9A-Za-z]{1,5}_[0-9A-Za-z_-]{20})"
            + _END,
            0.9,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["gitlab", "gitlab_token", "private-token", "token"]
    # Every prefix above starts with "gl" (or is the runner registration prefix): two cheap literals
    # instead of twelve; "gl" words ("global", "English") only cost three fast regex searches.
    PREFILTER: ClassVar[tuple[str, ...]] = ("gl", "gr1348941")

    def invalidate_result(self, pattern_text: str) -> bool:
        """Drop templates in the body; a filler at the exact shape (`glpat-` + `X` * 20) is reported."""
        body = pattern_text[9:] if pattern_text.startswith("GR1348941") else pattern_text.split("-", 1)[1]
        return is_template_body(body)
