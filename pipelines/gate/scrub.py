"""Text that comes from Together or from an exception is untrusted: scrub it before it goes anywhere.

A server can echo the API key back (a 400's error text, an INVALID_FORMAT reason, a price-estimate
refusal), and an exception's text can quote a URL with credentials or a header. Every such text passes
`scrub` before it is printed, logged or stored (upload.json): the keys in use are replaced by
`[REDACTED:…<last 4>]`, anything the secret scanner recognises by `[REDACTED:<TYPE>]`, and the text is
flattened to one line of at most 300 characters.
"""

import functools

from pydantic import SecretStr

from pipelines.redaction import live_secrets

_MAX_CHARS = 300


@functools.cache
def _scanner():  # built once per process: compiling every pattern takes a moment
    from sanitizers.secret_scan import SecretScanner

    return SecretScanner()


def scrub(text: str, *keys: SecretStr | None) -> str:
    """`text` with every key in `keys` (and every live secret) and every recognised secret masked."""
    for key in (*keys, *live_secrets()):
        value = key.get_secret_value() if isinstance(key, SecretStr) else key
        if value and len(value) >= 8 and value in text:
            text = text.replace(value, f"[REDACTED:…{value[-4:]}]")
    for finding in sorted(_scanner().scan(text), key=lambda f: f.start, reverse=True):
        text = text[: finding.start] + f"[REDACTED:{finding.entity_type}]" + text[finding.end :]
    flat = " ".join(text.split())
    return flat if len(flat) <= _MAX_CHARS else flat[: _MAX_CHARS - 1] + "…"
