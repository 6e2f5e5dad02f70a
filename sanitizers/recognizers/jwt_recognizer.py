"""JSON Web Tokens: three base64url segments whose header decodes to JSON with an `alg`."""

import base64
import binascii
import hashlib
import json
from typing import ClassVar

from sanitizers.entropy import is_fake_token_body
from sanitizers.pattern import Pattern
from sanitizers.recognizers.secret_recognizer import LEFT, SecretRecognizer

_B64URL = r"[A-Za-z0-9_-]"
# sha256 of the signature of jwt.io's sample token (HS256, "your-256-bit-secret"), copied into
# countless tutorials with edited payloads: public, so the token authenticates nothing.
_PUBLIC_SAMPLE_SIGNATURE_SHA256 = "051d093c4bdedbf23f905ad01d9c6111414d54e2170e1d7f76657c4e76e3e65b"


def _decode_segment(segment: str) -> object:
    padded = segment + "=" * (-len(segment) % 4)
    return json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))


class JwtRecognizer(SecretRecognizer):
    """Detects JWTs (JWS compact form), signed or not (`header.payload`, `alg: none` tokens).

    Limits: encrypted JWTs (five segments) are not detected.
    """

    ENTITY = "JWT"
    PATTERNS: ClassVar[list[Pattern]] = [
        # RFC 7519 / RFC 7515 compact serialization: header.payload.signature, base64url without
        # padding; a JSON header starts with `{"` -> "eyJ" (or `{ "` -> "eyA", `{\n` -> "ewog").
        # gitleaks rule "jwt" has the same shape; the signature must be 16+ chars (HS256 gives 43).
        Pattern(
            "jwt (header.payload.signature)",
            LEFT
            + r"e(?:yJ|yA|wog)"
            + _B64URL
            + r"{8,}\."
            + _B64URL
            + r"{8,}\."
            + _B64URL
            + r"{16,}(?![A-Za-z0-9_.-])",
            0.8,
        ),
        # header.payload without a signature (an `alg: none` token, or one cut at the last dot): the
        # claims still travel as a bearer token in many setups (detect-secrets reads these as JWTs).
        Pattern(
            "jwt (header.payload, unsigned)",
            LEFT + r"e(?:yJ|yA|wog)" + _B64URL + r"{8,}\.e(?:yJ|yA|wog)" + _B64URL + r"{8,}\.?(?![A-Za-z0-9_.-])",
            0.7,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["jwt", "bearer", "token", "authorization", "id_token"]
    PREFILTER_EXACT: ClassVar[tuple[str, ...]] = ("eyJ", "eyA", "ewog")

    def validate_result(self, pattern_text: str) -> bool:
        """A real JWT header is a JSON object naming its `alg` (and an unsigned token's payload a JSON
        object); anything else is not a JWT."""
        parts = pattern_text.rstrip(".").split(".")
        try:
            header = _decode_segment(parts[0])
            payload = _decode_segment(parts[1]) if len(parts) == 2 else {}
        except (ValueError, binascii.Error, UnicodeDecodeError):
            return False
        return isinstance(header, dict) and isinstance(header.get("alg"), str) and isinstance(payload, dict)

    def invalidate_result(self, pattern_text: str) -> bool:
        """Drop jwt.io's public sample token and placeholder signatures (`xxxx...`)."""
        if pattern_text.rstrip(".").count(".") == 1:
            return False  # unsigned: no signature to judge
        signature = pattern_text.rsplit(".", 1)[-1]
        if hashlib.sha256(signature.encode("ascii")).hexdigest() == _PUBLIC_SAMPLE_SIGNATURE_SHA256:
            return True
        return is_fake_token_body(signature)
