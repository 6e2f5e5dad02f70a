"""API tokens of vendors without a recognizer of their own, each found by its published prefix."""

from typing import ClassVar

import regex

from sanitizers.entropy import is_fake_token_body
from sanitizers.pattern import Pattern
from sanitizers.recognizers.secret_recognizer import LEFT, SecretRecognizer

_END = r"(?![A-Za-z0-9_-])"
# Where the random body starts: after the last prefix separator of the known shapes.
_PREFIX = regex.compile(
    r"^(?:npm_|pypi-AgEIcHlwaS5vcmc|do[por]_v1_|shp(?:at|ca|pa|ss)_|gsk_|pplx-|xai-|r8_|sk-or-v1-|dapi"
    r"|hv[sb]\.|dp\.[a-z]+\.|lin_api_|PMAK-|lsv2_(?:pt|sk)_|glc_|glsa_|dckr_pat_|AGE-SECRET-KEY-1|[0-9]+:"
    r"|ATATT3|sntry[su]_|HRKU-|sbp_)"
)


def _vendor(name: str, body_regex: str, score: float = 0.9) -> Pattern:
    return Pattern(name, LEFT + body_regex + _END, score)


class VendorApiKeyRecognizer(SecretRecognizer):
    """Detects prefixed tokens of other developer and AI vendors (npm, PyPI, Groq, xAI, Vault...).

    One entity for all of them (the pattern name in presidio's explanation names the vendor). Limits:
    vendors whose keys carry no prefix (Mistral, Cohere, Cloudflare) are not detected here.
    """

    ENTITY = "VENDOR_API_KEY"
    PATTERNS: ClassVar[list[Pattern]] = [
        # gitleaks npm-access-token: npm_ + 36.
        _vendor("npm access token", r"npm_[A-Za-z0-9]{36}"),
        # gitleaks pypi-upload-token: macaroon whose base64 header encodes "pypi.org".
        _vendor("pypi api token", r"pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,1000}"),
        # gitleaks digitalocean-pat / -access-token / -refresh-token.
        _vendor("digitalocean token", r"do[por]_v1_[a-f0-9]{64}"),
        # gitleaks shopify-access-token / -custom-access-token / -private-app-access-token / -shared-secret.
        _vendor("shopify token", r"shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}"),
        # gitleaks groq-api-key: gsk_ + 48 (a few extra chars tolerated).
        _vendor("groq api key", r"gsk_[A-Za-z0-9]{48,56}"),
        # Perplexity API keys: pplx- + 48 alphanumerics (Perplexity docs "API key").
        _vendor("perplexity api key", r"pplx-[A-Za-z0-9]{40,64}"),
        # xAI console keys: xai- + 80 alphanumerics (docs.x.ai "API key").
        _vendor("xai api key", r"xai-[A-Za-z0-9]{60,100}"),
        # Replicate API tokens: r8_ + 37 (replicate.com/docs "Authentication").
        _vendor("replicate api token", r"r8_[A-Za-z0-9]{37,40}"),
        # OpenRouter keys: sk-or-v1- + 64 hex (openrouter.ai/docs "Authentication").
        _vendor("openrouter api key", r"sk-or-v1-[a-f0-9]{64}"),
        # gitleaks databricks-api-token: dapi + 32 hex, optional -<digit>.
        _vendor("databricks token", r"dapi[a-f0-9]{32}(?:-[0-9])?"),
        # gitleaks vault-service-token / vault-batch-token (Vault 1.10+ token prefixes hvs./hvb.).
        _vendor("hashicorp vault token", r"hv[sb]\.[A-Za-z0-9_-]{90,250}"),
        # gitleaks doppler-api-token: dp.pt. + 43 (also service/CLI/SCIM/audit token kinds).
        _vendor("doppler token", r"dp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,44}"),
        # gitleaks linear-api-key: lin_api_ + 40.
        _vendor("linear api key", r"lin_api_[A-Za-z0-9]{40}"),
        # gitleaks postman-api-token: PMAK- + 24 hex + - + 34 hex.
        _vendor("postman api key", r"PMAK-[a-f0-9]{24}-[a-f0-9]{34}"),
        # gitleaks langsmith-api-key: lsv2_pt_/lsv2_sk_ + 32 hex + _ + 10 hex.
        _vendor("langsmith api key", r"lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}"),
        # gitleaks grafana-cloud-api-token / grafana-service-account-token.
        _vendor("grafana token", r"(?:glc_[A-Za-z0-9+/]{32,400}={0,2}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})"),
        # Docker Hub personal access tokens: dckr_pat_ + 27 (Docker docs "Access tokens").
        _vendor("docker hub pat", r"dckr_pat_[A-Za-z0-9_-]{24,40}"),
        # gitleaks age-secret-key: AGE-SECRET-KEY-1 + 58 bech32 chars.
        _vendor("age secret key", r"AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}"),
        # Telegram Bot API token "<bot id>:<35 chars>" (core.telegram.org/bots/api); issued ones start AA.
        _vendor("telegram bot token", r"[0-9]{8,10}:AA[A-Za-z0-9_-]{33}", 0.85),
        # gitleaks atlassian-api-token (ATATT3 + 186).
        _vendor("atlassian api token", r"ATATT3[A-Za-z0-9_=-]{186}"),
        # gitleaks sentry-org-token (sntrys_ + base64 JSON) / sentry-user-token (sntryu_ + 64 hex).
        _vendor("sentry token", r"(?:sntrys_eyJ[A-Za-z0-9_=+/-]{40,400}|sntryu_[a-f0-9]{64})"),
        # gitleaks heroku-api-key-v2: HRKU-AA + 58.
        _vendor("heroku api key", r"HRKU-AA[0-9A-Za-z_-]{58}"),
        # Supabase personal access tokens: sbp_ + 40 hex (Supabase Management API docs).
        _vendor("supabase access token", r"sbp_[a-f0-9]{40}"),
    ]
    CONTEXT: ClassVar[list[str]] = ["api key", "token", "secret", "npm", "pypi", "groq", "vault"]
    PREFILTER: ClassVar[tuple[str, ...]] = (
        "npm_", "pypi-", "_v1_", "sk-or-v1-", "shp", "gsk_", "pplx-", "xai-", "r8_", "dapi", "hvs.", "hvb.", "dp.",
        "lin_api_", "pmak-", "lsv2_", "glc_", "glsa_", "dckr_pat_", "age-secret-key-1", ":aa", "atatt3",
        "sntry", "hrku-", "sbp_",
    )  # fmt: skip
    # One literal per pattern: a text runs only the patterns whose prefix occurs in it.
    PATTERN_LITERALS: ClassVar[dict[str, tuple[str, ...]]] = {
        "npm access token": ("npm_",),
        "pypi api token": ("pypi-",),
        "digitalocean token": ("_v1_",),
        "shopify token": ("shp",),
        "groq api key": ("gsk_",),
        "perplexity api key": ("pplx-",),
        "xai api key": ("xai-",),
        "replicate api token": ("r8_",),
        "openrouter api key": ("sk-or-v1-",),
        "databricks token": ("dapi",),
        "hashicorp vault token": ("hvs.", "hvb."),
        "doppler token": ("dp.",),
        "linear api key": ("lin_api_",),
        "postman api key": ("pmak-",),
        "langsmith api key": ("lsv2_",),
        "grafana token": ("glc_", "glsa_"),
        "docker hub pat": ("dckr_pat_",),
        "age secret key": ("age-secret-key-1",),
        "telegram bot token": (":aa",),
        "atlassian api token": ("atatt3",),
        "sentry token": ("sntry",),
        "heroku api key": ("hrku-",),
        "supabase access token": ("sbp_",),
    }

    def invalidate_result(self, pattern_text: str) -> bool:
        """Drop placeholders and fillers in the part after the vendor prefix."""
        return is_fake_token_body(_PREFIX.sub("", pattern_text, count=1))
