"""Values of a Kubernetes Secret manifest: each entry under `data:` is a secret, written in base64.

In a manifest of `kind: Secret` (Kubernetes docs, "Secrets"), `data:` maps names to base64 values
(`password: czNjcjN0LXZhbHVl`, `.dockerconfigjson: eyJhdXRocyI6...`), whatever the names are: `key`,
`extra`, `ca.pem`. Gitleaks' kubernetes-secret-yaml rule reads the same. `kind:` may come before or
after `data:` (both orders are valid YAML); `ExternalSecret`, `SopsSecret` and `SecretStore` are
other kinds, whose `data:` holds references, not values.
"""

import binascii
import re
from typing import ClassVar

from sanitizers.pattern import Pattern
from sanitizers.recognizers.secret_recognizer import SecretRecognizer

# A `kind: Secret` line (quoted or not, any case), anywhere in the same text.
_KIND = r"(?im:^[ \t]*kind:[ \t]*[\"']?secret[\"']?[ \t]*$)"
# The entry is inside a `data:` block: every line between `data:` and it is indented. One blank, then
# the rest of the line: a line splits one way only (a `[ \t]+[^\r\n]*` line splits many ways, and a
# look-behind over 100 such lines backtracks exponentially).
_IN_DATA = r"(?<=(?m:^[ \t]*data:[ \t]*\r?\n)(?:[ \t][^\r\n]*\r?\n){0,100})"
_VALUE = r"[A-Za-z0-9+/]{10,8192}={0,3}"
_BASE64_SIGN = re.compile(r"[0-9+/=]|[a-z][A-Z]|[A-Z][a-z]")


def is_base64_value(value: str) -> bool:
    """True when `value` decodes as padded base64 and is not one plain word (`configurations`)."""
    if len(value) % 4 or not _BASE64_SIGN.search(value):
        return False
    try:
        binascii.a2b_base64(value, strict_mode=True)
    except (binascii.Error, ValueError):
        return False
    return True


class KubernetesSecretRecognizer(SecretRecognizer):
    """Detects the base64 values of a Kubernetes Secret's `data:` entries (span: the value).

    Limits: the manifest must be in one text, with `kind: Secret` within 2,000 characters of the value;
    `stringData:` (plain values) is left to the keyword rules, which read `password: ...` there.
    """

    ENTITY = "PASSWORD_ASSIGNMENT"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "kubernetes secret data value",
            r"(?m:^)" + _IN_DATA + r"[ \t]+[\w.-]{1,100}:[ \t]*(?:[|>][-+]?[ \t]*\r?\n[ \t]+)?[\"']?\K" + _VALUE
            + r"(?=[\"']?[ \t]*\r?$)"
            + r"(?:(?<=" + _KIND + r"[\s\S]{0,2000})|(?=[\s\S]{0,2000}" + _KIND + "))",
            0.75,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["secret", "kind", "data"]
    PREFILTER: ClassVar[tuple[str, ...]] = ("kind:",)

    def invalidate_result(self, pattern_text: str) -> bool:
        """Drop values that are no base64 (a plain word of base64 letters)."""
        return not is_base64_value(pattern_text)
