"""Azure connection strings (Storage, Service Bus, Event Hubs, IoT Hub) and SAS signatures."""

import hashlib
import re
from typing import ClassVar

from sanitizers.entropy import has_placeholder_marker, looks_random
from sanitizers.pattern import Pattern
from sanitizers.recognizers.secret_recognizer import SecretRecognizer

_SEGMENTS = r"(?:;[A-Za-z]+=[^;\s\"'`<>]*)+;?"
_SECRET_PARTS = ("accountkey", "sharedaccesskey")
_SAS_SIG = re.compile(r"(?:^|&)sig=([^&]+)")
# sha256 of Microsoft's published Azurite/emulator account key: public, not a secret.
_PUBLIC_EMULATOR_KEY_SHA256 = "0011cc25eb4320717494d2703e8cba85743e71b500283c21c8b88147992f9059"


def _strong_key(value: str) -> bool:
    if hashlib.sha256(value.encode("utf-8")).hexdigest() == _PUBLIC_EMULATOR_KEY_SHA256:
        return False
    return len(value) >= 40 and looks_random(value, min_entropy=4.0, min_classes=3)


class AzureConnectionStringRecognizer(SecretRecognizer):
    """Detects Azure connection strings holding a key or SAS; the span is the whole string.

    Known false positives avoided: strings with only an account name, emulator shortcuts
    (`UseDevelopmentStorage=true`) and the public Azurite key.
    """

    ENTITY = "AZURE_CONNECTION_STRING"
    PATTERNS: ClassVar[list[Pattern]] = [
        # learn.microsoft.com "Configure Azure Storage connection strings" (account key or SAS form).
        Pattern(
            "azure storage connection string",
            r"(?:DefaultEndpointsProtocol=https?|(?:Blob|Queue|File|Table)Endpoint=https?://[^;\s\"'`<>]+)"
            + _SEGMENTS,
            0.95,
        ),
        # Service Bus / Event Hubs ("Endpoint=sb://...;SharedAccessKeyName=...;SharedAccessKey=...")
        # and IoT Hub ("HostName=...;SharedAccessKeyName=...;SharedAccessKey=...") connection strings.
        Pattern(
            "azure service bus / event hubs / iot hub connection string",
            r"(?:Endpoint=sb://|HostName=)[^;\s\"'`<>]+" + _SEGMENTS,
            0.95,
        ),
        # Shared access signature in a URL or string: ...sv=<date>&...&sig=<base64 HMAC>
        # (learn.microsoft.com "Create a service SAS"); the span is the signature only. The search
        # starts at "sig=" and looks back for the sv= parameter, so long query strings stay linear.
        Pattern(
            "azure sas signature",
            r"sig=(?<=sv=[0-9]{4}-[0-9]{2}-[0-9]{2}&[^\s\"'<>]{0,400}[?&]sig=)\K[A-Za-z0-9%+/]{30,120}(?:%3D|=){0,2}",
            0.85,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["azure", "connection string", "connectionstring", "servicebus", "sas"]
    PREFILTER: ClassVar[tuple[str, ...]] = (
        "defaultendpointsprotocol",
        "endpoint=http",
        "endpoint=sb://",
        "hostname=",
        "sv=",
    )
    PATTERN_LITERALS: ClassVar[dict[str, tuple[str, ...]]] = {
        "azure storage connection string": ("defaultendpointsprotocol", "endpoint=http"),
        "azure service bus / event hubs / iot hub connection string": ("endpoint=sb://", "hostname="),
        "azure sas signature": ("sv=",),
    }

    def invalidate_result(self, pattern_text: str) -> bool:
        """Keep only strings whose key or signature is present and random (not a placeholder)."""
        if ";" not in pattern_text and "=" not in pattern_text.rstrip("="):
            # A bare SAS signature (third pattern).
            return has_placeholder_marker(pattern_text) or not looks_random(pattern_text, min_entropy=4.0)
        pairs = (part.partition("=") for part in pattern_text.split(";"))
        parts = {key.casefold(): value for key, _, value in pairs}
        for name in _SECRET_PARTS:
            if name in parts and _strong_key(parts[name]):
                return False
        sas = parts.get("sharedaccesssignature", "")
        for sig in _SAS_SIG.findall(sas):
            if len(sig) >= 30 and not has_placeholder_marker(sig):
                return False
        return True
