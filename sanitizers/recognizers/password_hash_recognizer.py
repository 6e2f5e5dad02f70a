"""Password hashes in crypt formats (bcrypt, md5/sha256/sha512-crypt, Cisco type 8/9, argon2,
yescrypt) and Kerberos AS-REP roasting hashes: offline-crackable, so they are credentials.

Plain digests (a sha256 of a file, a git SHA) carry no `$id$` prefix and are not reported.
"""

from typing import ClassVar

from sanitizers.entropy import is_fake_token_body
from sanitizers.pattern import Pattern
from sanitizers.recognizers.secret_recognizer import SecretRecognizer

_C64 = "[./A-Za-z0-9]"  # the crypt(3) base64 alphabet
_END = r"(?![./A-Za-z0-9$])"


class PasswordHashRecognizer(SecretRecognizer):
    """Detects crypt-format password hashes and Kerberos AS-REP hashes; the span is the whole hash.

    Shapes follow the formats' specifications (OpenBSD bcrypt, Drepper's SHA-crypt, Cisco IOS
    type 8/9, the PHC string format for argon2, hashcat's krb5asrep mode 18200).
    """

    ENTITY = "PASSWORD_HASH"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("bcrypt", r"\$2[abxy]?\$[0-9]{2}\$" + _C64 + "{53}" + _END, 0.9),
        Pattern("md5crypt", r"\$1\$" + _C64 + "{1,8}\\$" + _C64 + "{22}" + _END, 0.85),
        Pattern(
            "sha256crypt/sha512crypt",
            r"\$[56]\$(?:rounds=[0-9]{1,9}\$)?" + _C64 + "{1,16}\\$(?:" + _C64 + "{86}|" + _C64 + "{43})" + _END,
            0.9,
        ),
        Pattern("cisco type 8/9", r"\$[89]\$" + _C64 + "{14}\\$" + _C64 + "{43}" + _END, 0.9),
        Pattern(
            "argon2",
            r"\$argon2(?:id|i|d)\$v=[0-9]{1,3}\$m=[0-9]{1,10},t=[0-9]{1,5},p=[0-9]{1,3}\$"
            r"[A-Za-z0-9+/]{8,88}\$[A-Za-z0-9+/]{16,128}(?![A-Za-z0-9+/])",
            0.9,
        ),
        Pattern("yescrypt", r"\$y\$" + _C64 + "{1,12}\\$" + _C64 + "{8,64}\\$" + _C64 + "{43}" + _END, 0.9),
        Pattern(
            "kerberos as-rep hash",
            r"\$krb5asrep\$(?:17|18|23)\$(?:[^\s$:]{1,128}:)?[a-f0-9]{24,32}\$[a-f0-9]{64,8192}(?![a-f0-9])",
            0.9,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["hash", "password", "shadow", "htpasswd", "crypt"]
    PREFILTER: ClassVar[tuple[str, ...]] = ("$2", "$1$", "$5$", "$6$", "$8$", "$9$", "$argon2", "$y$", "$krb5asrep$")
    PATTERN_LITERALS: ClassVar[dict[str, tuple[str, ...]]] = {
        "bcrypt": ("$2",),
        "md5crypt": ("$1$",),
        "sha256crypt/sha512crypt": ("$5$", "$6$"),
        "cisco type 8/9": ("$8$", "$9$"),
        "argon2": ("$argon2",),
        "yescrypt": ("$y$",),
        "kerberos as-rep hash": ("$krb5asrep$",),
    }

    def invalidate_result(self, pattern_text: str) -> bool:
        """Drop placeholders and fillers in the hash part (`$2b$12$` + `x` * 53, `$6$salt$....`).

        `.` and `/` belong to the crypt alphabet, so "..." inside a hash is chance, not an ellipsis:
        they are left out before the check (a hash of dots alone is left empty: a filler).
        """
        body = pattern_text.rsplit("$", 1)[-1].replace(".", "").replace("/", "")
        return is_fake_token_body(body)
