"""Entity types ft-sanitizer knows, and which of them are secrets.

Secrets are always replaced by a placeholder and always block approval when found again in the output
(residual re-scan). Entity names are UPPER_SNAKE and name the vendor for secrets.
"""

SECRET_ENTITIES: frozenset[str] = frozenset(
    {
        "TOGETHER_API_KEY",
        "OPENAI_API_KEY",
        "ANTHROPIC_API_KEY",
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "GITHUB_TOKEN",
        "GITLAB_TOKEN",
        "SLACK_TOKEN",
        "SLACK_WEBHOOK_URL",
        "STRIPE_API_KEY",
        "GOOGLE_API_KEY",
        "HUGGINGFACE_TOKEN",
        "SENDGRID_API_KEY",
        "TWILIO_API_KEY",
        "AZURE_STORAGE_KEY",
        "AZURE_CONNECTION_STRING",
        "JWT",
        "PRIVATE_KEY",
        "URL_CREDENTIALS",
        "PASSWORD_ASSIGNMENT",
        # crypt-format password hashes ($2b$, $6$, argon2...) and Kerberos AS-REP hashes.
        "PASSWORD_HASH",
        # Prefixed tokens of vendors without their own entity (npm, PyPI, Groq, xAI, Vault, ...).
        "VENDOR_API_KEY",
        # A long random quoted string with no name or prefix (a key pasted as a bare literal).
        "HIGH_ENTROPY_STRING",
    }
)


def is_secret_entity(entity_type: str) -> bool:
    """True when `entity_type` names a credential rather than personal data."""
    return entity_type in SECRET_ENTITIES
