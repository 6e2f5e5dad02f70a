"""The words that name a credential, as data: the keyword recognizers build their patterns from these.

`recognizers/password_assignment_recognizer` turns the tables into regex
alternations, so adding a word is a one-line change. Every entry is matched case-insensitively and in
any separator style (`apiKey`, `API_KEY`, `api-key`, `x-api-key`, `api.key`).
"""

# Words that name a credential on their own, as regex sources. A lookahead after a word stops it
# from reading into a longer ordinary word ("passenger", "passwordless", "tokenizer").
CREDENTIAL_WORDS: tuple[str, ...] = (
    r"pass(?:word|wd|phrase|code)?(?![a-zA-Z])",
    r"pwd(?![a-zA-Z])",
    r"(?<![a-zA-Z])pw(?![a-zA-Z])",
    r"secret",
    r"token(?![iI][zZsS])",
    r"api[_.-]?key",
    r"credentials?(?![a-zA-Z])",
    r"creds(?![a-zA-Z])",
    r"auth(?![a-zA-Z])",
    r"sonar[_.-]?login",
    r"(?<![a-zA-Z])pat(?![a-zA-Z])",  # personal access token: GITHUB_PAT, ado_pat
    # An environment variable named *_KEY (MAILGUN_KEY, SENTRY_KEY) holds a key; a code name like
    # sort_key or cache_key does not, hence upper case only.
    # Public keys and publishable keys are public (DOTENV_PUBLIC_KEY, STRIPE_PUBLISHABLE_KEY).
    r"(?-i:(?<![A-Za-z0-9])(?![A-Z0-9_]{0,60}PUB)[A-Z][A-Z0-9]{1,30}(?:_[A-Z0-9]{1,30}){0,3}_KEY)(?![a-zA-Z])",
)

# `<qualifier>_key` names a credential; a bare `key` ("some_key", "sort_key") does not.
KEY_QUALIFIERS: tuple[str, ...] = (
    "access", "private", "auth", "signing", "sign", "encryption", "encrypt", "master", "license", "licence",
    "client", "app", "application", "account", "consumer", "deploy", "session", "shared", "preshared",
    "service", "admin", "root", "hmac", "storage", "ssh", "gpg", "pgp", "sas", "subscription", "bot",
    "cloud", "iam", "cos", "softlayer", "sl", "webhook", "write", "read", "ingest", "insert", "query",
    "personal", "user", "server", "partner", "merchant", "publisher", "primary", "secondary", "dev",
    "prod", "live", "test", "io",
)

# Name tails that make a credential word name something else: a hash of it, its length or policy,
# where it is kept, when it expires (`password_hash`, `token_count`, `secretName`, `tokenUrl`).
NOT_CREDENTIAL_TAILS: tuple[str, ...] = (
    "hash", "hashed", "digest", "checksum", "salt", "fingerprint", "hint", "policy", "prompt", "label",
    "field", "placeholder", "regex", "pattern", "format", "rule", "rules", "length", "len", "size",
    "count", "limit", "limits", "min", "max", "type", "kind", "mode", "url", "uri", "endpoint", "host",
    "path", "file", "dir", "name", "id", "ids", "expiry", "expires", "expiration", "expired", "ttl",
    "timeout", "age", "time", "date", "header", "param", "usage", "used", "reset", "changed", "required",
    "enabled", "visible", "strength", "version", "index", "position", "prefix", "suffix", "provider",
    "store", "manager", "source", "ref", "env", "var",
)
