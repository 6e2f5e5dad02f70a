"""Azure Storage account keys: 88 base64 chars (512-bit key), after `AccountKey=` or an Azure mention."""

import hashlib
from typing import ClassVar

from sanitizers.entropy import looks_random
from sanitizers.pattern import Pattern
from sanitizers.recognizers.secret_recognizer import SecretRecognizer

# sha256 of the Azurite / storage-emulator account key that Microsoft publishes for local
# development (learn.microsoft.com "Use the Azurite emulator"): public, so not a secret. Stored as a
# digest so the repo holds no key-shaped string.
_PUBLIC_EMULATOR_KEY_SHA256 = "0011cc25eb4320717494d2703e8cba85743e71b500283c21c8b88147992f9059"


class AzureStorageKeyRecognizer(SecretRecognizer):
    """Detects Azure Storage account keys; the span is the key alone.

    Limits: a bare 88-char key needs `azure`, `storage` or `account key` within 60 chars before it.
    """

    ENTITY = "AZURE_STORAGE_KEY"
    PATTERNS: ClassVar[list[Pattern]] = [
        # learn.microsoft.com "Configure Azure Storage connection strings": AccountKey=<base64 key>;
        # a 512-bit key is 86 base64 chars + "==".
        Pattern(
            "azure storage key (AccountKey=)",
            r"(?i:accountkey)\s*=\s*\K[A-Za-z0-9+/]{86}==(?![A-Za-z0-9+/=])",
            0.95,
        ),
        # Same key pasted on its own (portal copy, env var) after an Azure/storage mention.
        Pattern(
            "azure storage key (after 'azure'/'storage')",
            r"(?i:azure|storage|account[_ ]?key)[^\n]{0,60}?\K(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{86}=="
            r"(?![A-Za-z0-9+/=])",
            0.75,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["azure", "storage", "accountkey", "account key", "blob"]
    PREFILTER: ClassVar[tuple[str, ...]] = ("account", "azure", "storage")
    PATTERN_LITERALS: ClassVar[dict[str, tuple[str, ...]]] = {
        "azure storage key (AccountKey=)": ("account",),
    }

    def invalidate_result(self, pattern_text: str) -> bool:
        """Drop the public emulator key, placeholders and low-entropy fillers."""
        if hashlib.sha256(pattern_text.encode("ascii")).hexdigest() == _PUBLIC_EMULATOR_KEY_SHA256:
            return True
        return not looks_random(pattern_text, min_entropy=4.5, min_classes=3)
