"""GitHub tokens: classic `ghp_`/`gho_`/`ghu_`/`ghs_`/`ghr_` tokens and fine-grained `github_pat_`."""

import zlib
from typing import ClassVar

from sanitizers.entropy import is_template_body
from sanitizers.pattern import Pattern
from sanitizers.recognizers.secret_recognizer import LEFT, SecretRecognizer

_BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def _base62_value(digits: str) -> int:
    value = 0
    for ch in digits:
        value = value * 62 + _BASE62.index(ch)
    return value


class GitHubTokenRecognizer(SecretRecognizer):
    """Detects GitHub access tokens; a classic token whose CRC32 checksum matches scores 1.0.

    Limits: pre-2021 40-hex tokens are not detected (indistinguishable from git SHAs).
    """

    ENTITY = "GITHUB_TOKEN"
    PATTERNS: ClassVar[list[Pattern]] = [
        # GitHub blog "Behind GitHub's new authentication token formats" (2021-04-05) and gitleaks
        # rules github-pat/-oauth/-app-token/-refresh-token: prefix + 36 base62 (30 random + 6 checksum).
        Pattern(
            "github classic token (ghp/gho/ghu/ghs/ghr)",
            LEFT + r"gh[pousr]_[A-Za-z0-9]{36}(?![A-Za-z0-9_])",
            0.85,
        ),
        # Fine-grained PATs: github_pat_ + 22 + "_" + 59 (GitHub docs, gitleaks "github-fine-grained-pat").
        Pattern(
            "github fine-grained pat",
            LEFT + r"github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}(?![A-Za-z0-9_])",
            0.95,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["github", "github_token", "gh_token", "pat", "token"]
    PREFILTER: ClassVar[tuple[str, ...]] = ("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_")
    PATTERN_LITERALS: ClassVar[dict[str, tuple[str, ...]]] = {
        "github classic token (ghp/gho/ghu/ghs/ghr)": ("ghp_", "gho_", "ghu_", "ghs_", "ghr_"),
        "github fine-grained pat": ("github_pat_",),
    }

    def validate_result(self, pattern_text: str) -> bool | None:
        """A classic token ends with base62(CRC32 of its 30 random chars): a match proves it is real.

        A mismatch does not reject the token (it may be a hand-made fake worth redacting anyway);
        it just keeps the pattern score.
        """
        if pattern_text.startswith("github_pat_"):
            return None
        random_part, checksum = pattern_text[4:-6], pattern_text[-6:]
        return True if zlib.crc32(random_part.encode("ascii")) == _base62_value(checksum) else None

    def invalidate_result(self, pattern_text: str) -> bool:
        """Drop templates (`ghp_<token>`, `ghp_****`, a mask over a key's tail); a filler at the exact
        shape is reported."""
        body = pattern_text[11:] if pattern_text.startswith("github_pat_") else pattern_text[4:]
        return is_template_body(body)
