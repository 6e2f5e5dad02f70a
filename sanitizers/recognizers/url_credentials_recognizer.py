"""Passwords embedded in URLs: `scheme://user:password@host` (database DSNs, git remotes, proxies)."""

import re
from typing import ClassVar
from urllib.parse import unquote

from sanitizers.entropy import is_template_body
from sanitizers.pattern import Pattern
from sanitizers.recognizers.secret_recognizer import SecretRecognizer

_PORT_AND_PATH = re.compile(r"^[0-9]{1,5}(?:[/?#]|$)")
# The field's own name in the password's place: a template (`https://user:password@host`).
_FIELD_NAMES = frozenset({"password", "passwd", "pwd", "mypassword", "yourpassword", "your_password"})
_SHORTEST = 4  # "abc" in a URL is a stand-in; real passwords are longer


class UrlCredentialsRecognizer(SecretRecognizer):
    """Detects the password part of URL userinfo; the span is the password only, host and user stay.

    Any password that is no template is reported, whatever its entropy or wording (`user:secret@`):
    a weak real password is still a credential. A raw `#`, `/`, `?` or `@` inside the password (invalid in a URL, common in pasted DSNs:
    `postgresql://admin:Xy7#pQ2z@db:5432/prod`) is kept in it, up to the last `@` before the host.
    Known misses: passwords holding whitespace or quotes.
    """

    ENTITY = "URL_CREDENTIALS"
    PATTERNS: ClassVar[list[Pattern]] = [
        # RFC 3986 section 3.2.1 userinfo "user:password@host" (deprecated but common in DSNs);
        # gitleaks rules "database" / "curl" cover the same shape. Username may be empty
        # (redis://:password@host). The span is the password alone (\K).
        Pattern(
            "password in url userinfo",
            # A password equal to the user name is a template (`mongodb://mongodb:mongodb@`).
            r"://([^\s:/?#@\"'<>`\\]{0,128}):\K(?!\1@)[^\s\"'<>`\\]{1,256}"
            # ...up to the LAST "@" before the host, so an unencoded "@", "#", "/" or "?" inside the
            # password is kept.
            r"(?=@[A-Za-z0-9\[][^\s@/?#\"'<>`\\]*(?:[/?#\s\"'<>`\\]|$))",
            0.9,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["url", "dsn", "database_url", "connection", "postgres", "mysql"]
    PREFILTER: ClassVar[tuple[str, ...]] = ("://",)

    def invalidate_result(self, pattern_text: str) -> bool:
        """Drop templates (`****`, `<pass>`, `${DB_PASS}`, `%s`, `{password}`); stock words (`secret`,
        `pass123`) are reported: a weak password in a URL still opens the database."""
        value = unquote(pattern_text)
        if _PORT_AND_PATH.match(pattern_text):
            return True  # `host:8080/path@x`: a port and a path, no userinfo
        if len(value) < _SHORTEST or value.casefold() in _FIELD_NAMES:
            return True
        return is_template_body(value) or value.startswith(("$", "%", "{", ":")) or len(set(value)) <= 2
