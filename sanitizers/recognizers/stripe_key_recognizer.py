"""Stripe secret and restricted keys (live and test) and webhook signing secrets."""

import hashlib
from typing import ClassVar

from sanitizers.entropy import is_template_body
from sanitizers.pattern import Pattern
from sanitizers.recognizers.secret_recognizer import LEFT, SecretRecognizer

# sha256 of the body of the test key printed throughout Stripe's API reference (public, shared by
# every reader of the docs); kept as a digest so the repo holds no key-shaped string.
_PUBLIC_DOCS_KEY_BODY_SHA256 = "153a182586451358014e3142089118ce38f6c7dc7c79014d3fa40b57f80b4aab"


class StripeKeyRecognizer(SecretRecognizer):
    """Detects Stripe `sk_`/`rk_` keys and `whsec_` secrets; publishable `pk_` keys are public and kept.

    Test-mode keys are reported too: they read and write the account's test data and webhooks.
    """

    ENTITY = "STRIPE_API_KEY"
    PATTERNS: ClassVar[list[Pattern]] = [
        # Stripe docs "API keys" (sk_live_/rk_live_; 24 characters or more after the prefix, as
        # secretlint's rule reads them) and gitleaks stripe-access-token.
        Pattern(
            "stripe live secret/restricted key",
            LEFT + r"(?:sk|rk)_live_[A-Za-z0-9]{24,247}(?![A-Za-z0-9_])",
            0.95,
        ),
        # Test keys still authenticate (test data, webhook endpoints): a secret, slightly lower score.
        Pattern(
            "stripe test secret/restricted key",
            LEFT + r"(?:sk|rk)_test_[A-Za-z0-9]{24,247}(?![A-Za-z0-9_])",
            0.85,
        ),
        # Stripe docs "Check the webhook signatures": whsec_ + random signing secret.
        Pattern(
            "stripe webhook signing secret",
            LEFT + r"whsec_[A-Za-z0-9]{24,64}(?![A-Za-z0-9_])",
            0.9,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["stripe", "stripe_secret_key", "secret key", "webhook"]
    PREFILTER: ClassVar[tuple[str, ...]] = ("k_live_", "k_test_", "whsec_")
    PATTERN_LITERALS: ClassVar[dict[str, tuple[str, ...]]] = {
        "stripe live secret/restricted key": ("k_live_",),
        "stripe test secret/restricted key": ("k_test_",),
        "stripe webhook signing secret": ("whsec_",),
    }

    def invalidate_result(self, pattern_text: str) -> bool:
        """Drop Stripe's public documentation key and templates (a mask over a key's tail included); a filler at the exact shape is reported."""
        body = pattern_text.rsplit("_", 1)[-1]
        if hashlib.sha256(body.encode("ascii")).hexdigest() == _PUBLIC_DOCS_KEY_BODY_SHA256:
            return True
        return is_template_body(body)
