"""PEM / OpenSSH / PGP private key blocks, also inside JSON strings with literal `\\n` escapes, and
whole PEM blocks encoded once more in base64 (Kubernetes secrets, CI variables, Helm values)."""

import base64
import binascii
import re
from typing import ClassVar

from sanitizers.entropy import shannon_entropy
from sanitizers.pattern import Pattern
from sanitizers.recognizers.secret_recognizer import SecretRecognizer

_HEADER = r"-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----"
_FOOTER = r"-----END[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----"
# Anything a key body holds: base64, header lines ("Proc-Type: 4,ENCRYPTED"), real or escaped
# newlines, quotes and `+` of string concatenation; never five dashes (the next BEGIN/END line).
_BODY_CHAR = r"(?:[A-Za-z0-9+/=:,.\s\\\"']|-(?!----))"
# A line break, real or JSON-escaped (`\n`, `\\n`), with its surrounding blanks.
_BREAK = r"(?:[ \t]*(?:\r?\n|\\+[nr])[ \t]*)+"
_MARKERS = re.compile(_HEADER + "|" + _FOOTER)
_ESCAPED_BREAK = re.compile(r"\\+[nrt]")
_NOT_BASE64 = re.compile(r"[^A-Za-z0-9+/=]")
# base64 of "-----BEGIN" at the start of an encoded block.
_ENCODED_BEGIN = "LS0tLS1CRUdJTi"
_ENCODED_MARKER = re.compile(r"-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY")


def _decoded_block(value: str) -> str | None:
    """The text a base64 run decodes to, or None when it is no base64 of text.

    A few bytes that are no ASCII (a character lost or changed in a paste) are read as U+FFFD: the
    BEGIN line still says what the block is.
    """
    try:
        compact = "".join(value.split())
        raw = base64.b64decode(compact + "=" * (-len(compact) % 4))
    except (binascii.Error, ValueError):
        return None
    text = raw.decode("ascii", errors="replace")
    return text if text.count("\ufffd") <= len(text) // 100 else None


def _key_material(block: str) -> str:
    """The base64 payload of a block: BEGIN/END and header lines, escapes and blanks removed."""
    text = _MARKERS.sub("\n", block)
    if "\\" in text:
        text = _ESCAPED_BREAK.sub("\n", text)
    lines = text.splitlines()
    body = (line for line in lines if ": " not in line) if ": " in text else lines  # header lines, if any
    return _NOT_BASE64.sub("", "".join(body))


class PrivateKeyRecognizer(SecretRecognizer):
    """Detects private key blocks; the span is the WHOLE block, BEGIN line to END line.

    A block cut off before its END line (truncated paste) is reported up to its last base64 line.
    Public keys and certificates are public and not reported.
    """

    ENTITY = "PRIVATE_KEY"
    PATTERNS: ClassVar[list[Pattern]] = [
        # RFC 7468 (PEM textual encoding), OpenSSH "openssh-key-v1", RFC 4880 PGP armor; gitleaks
        # rule "private-key" uses the same BEGIN...PRIVATE KEY...END shape.
        Pattern(
            "private key block (BEGIN..END)",
            _HEADER + _BODY_CHAR + r"{16,20000}?" + _FOOTER,
            0.95,
        ),
        # Same header with base64 lines but no END line: stop at the last base64/header line.
        Pattern(
            "private key block (no END line)",
            _HEADER + r"(?:" + _BREAK + r"(?:[A-Za-z0-9+/=]{4,}|[A-Za-z-]{2,30}: [^\r\n\\]{1,200}))++",
            0.9,
        ),
        # The whole block base64-encoded again (Nosey Parker "Base64-PEM-Encoded Private Key"):
        # "-----BEGIN" encodes to "LS0tLS1CRUdJTi"; the decoded text must name a PRIVATE KEY.
        Pattern(
            "base64-encoded private key block",
            r"(?<![A-Za-z0-9+/])" + _ENCODED_BEGIN
            + r"[A-Za-z0-9+/]{40,20000}+(?:\r?\n[A-Za-z0-9+/]{4,200}+){0,500}+={0,2}",
            0.9,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["private key", "private_key", "pem", "ssh", "rsa", "id_rsa"]
    PREFILTER_EXACT: ClassVar[tuple[str, ...]] = ("PRIVATE KEY", _ENCODED_BEGIN)
    PATTERN_LITERALS: ClassVar[dict[str, tuple[str, ...]]] = {
        "private key block (BEGIN..END)": ("PRIVATE KEY",),
        "private key block (no END line)": ("PRIVATE KEY",),
        "base64-encoded private key block": (_ENCODED_BEGIN,),
    }

    def validate_result(self, pattern_text: str) -> bool | None:
        """A complete BEGIN..END block is certain (1.0); a truncated one keeps its pattern score."""
        return True if "-----END" in pattern_text else None

    def invalidate_result(self, pattern_text: str) -> bool:
        """Drop templates (`...`, `<your key>`) and fillers: real keys carry 64+ random base64 chars."""
        if pattern_text.startswith(_ENCODED_BEGIN):
            decoded = _decoded_block(pattern_text)
            if decoded is None or not _ENCODED_MARKER.match(decoded):
                return True  # a public key, a certificate, or no PEM at all
            pattern_text = decoded
        material = _key_material(pattern_text)
        return len(material) < 64 or shannon_entropy(material) < 4.0
