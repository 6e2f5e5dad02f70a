"""The words that name a credential, as data: the keyword recognizers build their patterns from these.

`recognizers/password_assignment_recognizer` turns the tables into regex
alternations, so adding a word is a one-line change. Every entry is matched case-insensitively and in
any separator style (`apiKey`, `API_KEY`, `api-key`, `x-api-key`, `api.key`).
"""

# Words that name a credential on their own, as (regex source, prefilter literal, label). A lookahead
# after a word stops it from reading into a longer ordinary word ("passenger", "passwordless",
# "tokenizer"). Each starts with its literal so that the regex engine can search for it fast.
CREDENTIAL_WORDS: tuple[tuple[str, str, str], ...] = (
    (r"pass(?:word|wd|phrase|code)?(?![a-zA-Z])", "pass", "password"),
    (r"pwd(?![a-zA-Z])", "pw", "pwd"),
    (r"pw(?<![a-zA-Z]pw)(?![a-zA-Z])", "pw", "pw"),
    (r"secret", "secret", "secret"),
    (r"token(?![iI][zZsS])", "token", "token"),
    (r"api[_.-]?key", "key", "api key"),
    (r"cred(?:entials?|s)(?![a-zA-Z])", "cred", "credentials"),
    (r"auth(?![a-zA-Z])", "auth", "auth"),
    (r"sonar[_.-]?login", "sonar", "sonar login"),
    (r"pat(?<![a-zA-Z]pat)(?![a-zA-Z])", "pat", "personal access token"),  # GITHUB_PAT, ado_pat
    # An environment variable named *_KEY (MAILGUN_KEY, SENTRY_KEY) holds a key; a code name like
    # sort_key or cache_key does not, hence upper case only. Public and publishable keys are public
    # (DOTENV_PUBLIC_KEY, STRIPE_PUBLISHABLE_KEY).
    (r"(?-i:_KEY(?<=[A-Z0-9]{2}_KEY)(?<!PUB_KEY)(?<!PUBLIC_KEY)(?<!PUBLISHABLE_KEY))(?![a-zA-Z])", "key",
     "env key"),
)

# `<qualifier>_key` names a credential; a bare `key` ("some_key", "sort_key") does not. Matched at
# "key", with a look-behind over the qualifiers (fast: the search starts from a literal).
KEY_QUALIFIERS: tuple[str, ...] = (
    "access", "private", "auth", "signing", "sign", "encryption", "encrypt", "master", "license", "licence",
    "client", "app", "application", "account", "consumer", "deploy", "session", "shared", "preshared",
    "service", "admin", "root", "hmac", "storage", "ssh", "gpg", "pgp", "sas", "subscription", "bot",
    "cloud", "iam", "cos", "softlayer", "sl", "webhook", "write", "read", "ingest", "insert", "query",
    "personal", "user", "server", "partner", "merchant", "publisher", "primary", "secondary", "dev",
    "prod", "live", "test", "io",
    # Vendors whose keys scanners find by the vendor's name before the value (gitleaks' "semi-generic"
    # rules, Nosey Parker): `config.facebook.key`, `mailgun_key`, `sendgridKey`.
    "adobe", "algolia", "amplitude", "asana", "auth0", "beamer", "bittrex", "cloudflare", "codecov",
    "coinbase", "confluent", "contentful", "datadog", "dropbox", "etsy", "facebook", "fastly", "finnhub",
    "firebase", "flickr", "freshbooks", "gitter", "hubspot", "intercom", "kraken", "kucoin", "launchdarkly",
    "linkedin", "mailchimp", "mailgun", "mapbox", "mattermost", "messagebird", "mixpanel", "netlify",
    "nytimes", "okta", "pagerduty", "plaid", "postmark", "pusher", "rapidapi", "segment", "sendbird",
    "sendgrid", "sentry", "shopify", "snyk", "squarespace", "sumologic", "travis", "trello", "twilio",
    "twitch", "twitter", "typeform", "yandex", "zendesk",
    "adafruit", "airtable", "alibaba", "artifactory", "bintray", "bitbucket", "digitalocean", "discord",
    "droneci", "finicity", "gocardless", "heroku", "jfrog", "meraki", "newrelic", "github", "gitlab", "slack",
    "stripe", "telegram", "azure", "google",
    # AI vendors whose keys a config names after them (`openaiKey`, `mistral_key`).
    "openai", "anthropic", "mistral", "cohere", "groq", "gemini", "deepseek", "perplexity", "replicate",
    "huggingface", "pinecone", "elevenlabs", "privateai",
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
    "store", "manager", "source", "ref", "env", "var", "audience",
    # A digest named by its algorithm (`password_sha256`, `token_md5`): a hash of the secret, not the secret.
    "sha", "sha1", "sha256", "sha512", "md5",
)

# Name heads that make a credential word name something public (gitleaks' generic rule allows them):
# a public or publishable key or token (`PUBLIC_TOKEN`, `pubKey`, `publishable_key`, `public-api-key`).
PUBLIC_HEADS: tuple[str, ...] = ("public", "pub", "publishable")
# Heads that make a token an anti-forgery nonce of a web form (`csrf-token`, `xsrfToken`), no credential;
# the server's secret behind it (`WTF_CSRF_SECRET_KEY`) is still one.
NOT_CREDENTIAL_TOKEN_HEADS: tuple[str, ...] = ("csrf", "xsrf")

# Words glued after "key" that make it another word (`UserKeyword`, `keyboard`, `keyframe`,
# `keystroke`): the qualified key stops there. Not `keystore`, `keytab`, `keypair` or `keyset`: those
# can hold key material (a base64 keystore, a Tink keyset).
KEY_COMPOUNDS: tuple[str, ...] = (
    "word", "words", "board", "stone", "frame", "frames", "stroke", "strokes", "press", "pressed", "pad",
    "note", "notes", "chain", "ring", "hole", "space", "map", "code", "codes",
)
