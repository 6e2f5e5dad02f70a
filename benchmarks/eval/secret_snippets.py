"""Where people paste secrets: env files, code, configs, shell commands and plain sentences.

`secret_snippet(plan, key)` draws a fake secret for maker `key` (see `secret_values.MAKERS`), records it
in the plan and returns a line or block of text that carries it in a realistic context.
"""

import random

from benchmarks.eval.plan import RecordPlan
from benchmarks.eval.secret_values import MAKERS

# {v} is the secret. Several per key, mixing env, code, config, shell and prose.
TEMPLATES: dict[str, tuple[str, ...]] = {
    "TOGETHER_API_KEY": (
        "export TOGETHER_API_KEY={v}",
        'client = Together(api_key="{v}")',
        'curl -s https://api.together.xyz/v1/models -H "Authorization: Bearer {v}"',
        "my together key is {v}, does it still work?",
        "TOGETHER_API_KEY={v}",
        'os.environ["TOGETHER_API_KEY"] = "{v}"',
    ),
    "TOGETHER_API_KEY_LEGACY": (
        "export TOGETHER_API_KEY={v}",
        'together.api_key = "{v}"',
        "TOGETHER_API_KEY={v}",
        "the old together api key {v} stopped working after the migration",
    ),
    "OPENAI_API_KEY": (
        "OPENAI_API_KEY={v}",
        'client = OpenAI(api_key="{v}")',
        'openai.api_key = "{v}"',
        'curl https://api.openai.com/v1/models -H "Authorization: Bearer {v}"',
        "I'm using the key {v} and get a 429",
    ),
    "ANTHROPIC_API_KEY": (
        "ANTHROPIC_API_KEY={v}",
        'client = anthropic.Anthropic(api_key="{v}")',
        'curl https://api.anthropic.com/v1/messages -H "x-api-key: {v}" -H "anthropic-version: 2023-06-01"',
        "here is the key from the console: {v}",
    ),
    "AWS_ACCESS_KEY_ID": (
        "aws_access_key_id = {v}",
        "AWS_ACCESS_KEY_ID={v}",
        "the IAM user's access key is {v}",
    ),
    "AWS_SECRET_ACCESS_KEY": (
        "aws_secret_access_key = {v}",
        "AWS_SECRET_ACCESS_KEY={v}",
        'aws_secret_access_key="{v}"',
    ),
    "GITHUB_TOKEN": (
        "GITHUB_TOKEN={v}",
        "git clone https://x-access-token:{v}@github.com/acme-corp/billing-service.git",
        'headers = {{"Authorization": "token {v}"}}',
        "gh auth login --with-token <<< {v}",
        "I created a PAT ({v}) but the push is still rejected",
    ),
    "GITLAB_TOKEN": (
        "GITLAB_TOKEN={v}",
        'curl --header "PRIVATE-TOKEN: {v}" https://gitlab.example.com/api/v4/projects',
        "git remote set-url origin https://oauth2:{v}@gitlab.example.com/platform/infra.git",
    ),
    "SLACK_TOKEN": (
        "SLACK_BOT_TOKEN={v}",
        'client = WebClient(token="{v}")',
        "the bot token is {v}, but chat.postMessage returns not_in_channel",
    ),
    "SLACK_WEBHOOK_URL": (
        "SLACK_WEBHOOK_URL={v}",
        'requests.post("{v}", json={{"text": "deploy finished"}})',
        "alerts go to {v}",
    ),
    "STRIPE_API_KEY": (
        "STRIPE_SECRET_KEY={v}",
        "const stripe = require('stripe')('{v}');",
        'stripe.api_key = "{v}"',
        "our live key {v} got flagged, what now?",
    ),
    "GOOGLE_API_KEY": (
        "GOOGLE_API_KEY={v}",
        "https://maps.googleapis.com/maps/api/geocode/json?address=Main+Street&key={v}",
        'genai.configure(api_key="{v}")',
    ),
    "HUGGINGFACE_TOKEN": (
        "HF_TOKEN={v}",
        "huggingface-cli login --token {v}",
        'login(token="{v}")',
    ),
    "SENDGRID_API_KEY": (
        "SENDGRID_API_KEY={v}",
        "sg = SendGridAPIClient('{v}')",
    ),
    "TWILIO_API_KEY": (
        "TWILIO_API_KEY={v}",
        'client = Client("{v}", api_secret, account_sid)',
    ),
    "AZURE_STORAGE_KEY": (
        "AZURE_STORAGE_KEY={v}",
        'account_key = "{v}"',
        "az storage blob list --account-name mediastore --account-key {v}",
    ),
    "AZURE_CONNECTION_STRING": (
        'AZURE_STORAGE_CONNECTION_STRING="{v}"',
        '"ConnectionStrings": {{ "Storage": "{v}" }}',
        "BlobServiceClient.from_connection_string(\"{v}\")",
    ),
    "JWT": (
        "Authorization: Bearer {v}",
        "access_token={v}",
        "the token I get back is {v} and the API says it expired",
    ),
    "PRIVATE_KEY": (
        "{v}",
        "here is my id_rsa, ssh still says permission denied:\n{v}",
        'PRIVATE_KEY="{v}"',
    ),
    "URL_CREDENTIALS": (
        "DATABASE_URL={v}",
        'engine = create_engine("{v}")',
        "connection string: {v}",
        "url: {v}",
    ),
    "PASSWORD_ASSIGNMENT": (
        "password={v}",
        "DB_PASSWORD={v}",
        'password = "{v}"',
        "spring.datasource.password={v}",
        '"password": "{v}"',
        "POSTGRES_PASSWORD: {v}",
        "[database]\nhost = db01\nuser = app\npassword = {v}",
        "db:\n  user: app\n  passwd: '{v}'",
        '<add key="SmtpPassword" value="{v}" />',
        "<password>{v}</password>",
        "mysql -u root --password='{v}' shop",
        "curl -u deploy:{v} https://ci.example.com/api/json",
        '$cred = ConvertTo-SecureString "{v}" -AsPlainText -Force',
        "New-LocalUser -Name svc -Password {v}",
        "Server=db01;Database=shop;User Id=app;Password={v};",
        'if (adminPass == "{v}") {{ grant(); }}',
        "machine ci.example.com login deploy password {v}",
        'new NetworkCredential("svc@example.com", "{v}")',
    ),
    "API_KEY_ASSIGNMENT": (
        'apiKey: "{v}"',
        "API_KEY={v}",
        "x-api-key: {v}",
        '"client_secret": "{v}"',
        "WEATHER_API_KEY = '{v}'",
        "access-token: {v}",
        '<add key="PaymentsApiKey" value="{v}" />',
        "mytool deploy --api-key {v} --region eu",
        "Invoke-RestMethod -Uri $url -ApiKey {v}",
        'curl -H "X-Auth-Token: {v}" https://api.example.com/v2/items',
        "SECRET_KEY = '{v}'",
        "license_key: {v}",
        "private_token={v}",
        'var apiToken string = "{v}"',
        "api_token: |\n  {v}",
        "<apiToken>\n    {v}\n</apiToken>",
        'System.setProperty("SERVICE_API_KEY", "{v}");',
    ),
    "BASIC_CREDENTIAL": (
        'curl -H "Authorization: Basic {v}" https://registry.example.com/v2/',
        "Authorization: Basic {v}",
        'headers = {{"Authorization": "Basic {v}"}}',
    ),
    "VENDOR_API_KEY": (
        "export SERVICE_TOKEN={v}",
        "the token {v} is rejected since yesterday",
        'client = Client(token="{v}")',
    ),
    "PASSWORD_HASH": (
        "admin:{v}",
        "root:{v}:19722:0:99999:7:::",
        'INSERT INTO users (name, pw_hash) VALUES (\'ana\', \'{v}\');',
    ),
    "PRIVATE_KEY_BASE64": (
        "data:\n  tls.key: {v}",
        "SSH_PRIVATE_KEY_B64={v}",
    ),
}

SECRET_KEYS: tuple[str, ...] = tuple(TEMPLATES)


class SecretDeck:
    """Deals secret kinds in shuffled rounds, so every kind gets about the same number of samples."""

    def __init__(self, seed: int) -> None:
        self._rng = random.Random(seed)
        self._hand: list[str] = []

    def deal(self) -> str:
        """The next secret kind."""
        if not self._hand:
            self._hand = list(SECRET_KEYS)
            self._rng.shuffle(self._hand)
        return self._hand.pop()


def secret_snippet(plan: RecordPlan, key: str) -> str:
    """A line or block of text carrying one fake secret of kind `key`, recorded in `plan`."""
    planted = MAKERS[key](plan.rng)
    template = plan.rng.choice(TEMPLATES[key])
    return template.format(v=plan.secret(planted))


def aws_pair(plan: RecordPlan) -> str:
    """An AWS credentials file profile: both halves of a key pair."""
    key_id = plan.secret(MAKERS["AWS_ACCESS_KEY_ID"](plan.rng))
    secret = plan.secret(MAKERS["AWS_SECRET_ACCESS_KEY"](plan.rng))
    profile = plan.rng.choice(("default", "prod", "ci", "data-team"))
    return f"[{profile}]\naws_access_key_id = {key_id}\naws_secret_access_key = {secret}\nregion = eu-west-1"
