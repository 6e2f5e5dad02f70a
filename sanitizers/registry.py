"""The only place recognizers and operators are registered; `tests/sanitizers/test_registry.py`
fails when a class in `sanitizers/recognizers/` is missing here or two recognizers share a name.

Secret recognizers import nothing heavy. PII recognizers and the operators import presidio, whose
package imports spaCy (about 2 s per process), so `PII_RECOGNIZERS`, `RECOGNIZERS` and `OPERATORS`
are built on first access: a secrets-only run, which reads `SECRET_RECOGNIZERS` only, never pays it.
"""

from sanitizers.recognizers.anthropic_key_recognizer import AnthropicKeyRecognizer
from sanitizers.recognizers.aws_access_key_recognizer import AwsAccessKeyRecognizer
from sanitizers.recognizers.aws_secret_key_recognizer import AwsSecretKeyRecognizer
from sanitizers.recognizers.azure_connection_string_recognizer import AzureConnectionStringRecognizer
from sanitizers.recognizers.azure_storage_key_recognizer import AzureStorageKeyRecognizer
from sanitizers.recognizers.credential_note_recognizer import CredentialNoteRecognizer
from sanitizers.recognizers.discord_bot_token_recognizer import DiscordBotTokenRecognizer
from sanitizers.recognizers.github_token_recognizer import GitHubTokenRecognizer
from sanitizers.recognizers.gitlab_token_recognizer import GitLabTokenRecognizer
from sanitizers.recognizers.google_api_key_recognizer import GoogleApiKeyRecognizer
from sanitizers.recognizers.high_entropy_string_recognizer import HighEntropyStringRecognizer
from sanitizers.recognizers.huggingface_token_recognizer import HuggingFaceTokenRecognizer
from sanitizers.recognizers.jwt_recognizer import JwtRecognizer
from sanitizers.recognizers.kubernetes_secret_recognizer import KubernetesSecretRecognizer
from sanitizers.recognizers.openai_key_recognizer import OpenAIKeyRecognizer
from sanitizers.recognizers.password_assignment_recognizer import PasswordAssignmentRecognizer
from sanitizers.recognizers.password_hash_recognizer import PasswordHashRecognizer
from sanitizers.recognizers.password_note_recognizer import PasswordNoteRecognizer
from sanitizers.recognizers.private_key_recognizer import PrivateKeyRecognizer
from sanitizers.recognizers.secret_recognizer import SecretRecognizer
from sanitizers.recognizers.sendgrid_key_recognizer import SendGridKeyRecognizer
from sanitizers.recognizers.slack_token_recognizer import SlackTokenRecognizer
from sanitizers.recognizers.slack_webhook_recognizer import SlackWebhookRecognizer
from sanitizers.recognizers.stripe_key_recognizer import StripeKeyRecognizer
from sanitizers.recognizers.together_key_recognizer import TogetherKeyRecognizer
from sanitizers.recognizers.twilio_key_recognizer import TwilioKeyRecognizer
from sanitizers.recognizers.url_credentials_recognizer import UrlCredentialsRecognizer
from sanitizers.recognizers.url_query_key_recognizer import UrlQueryKeyRecognizer
from sanitizers.recognizers.vendor_api_key_recognizer import VendorApiKeyRecognizer
from sanitizers.recognizers.weak_password_recognizer import WeakPasswordRecognizer

# Every secret recognizer (all are `SecretRecognizer` subclasses, which `SecretScanner` requires).
SECRET_RECOGNIZERS: list[type[SecretRecognizer]] = [
    TogetherKeyRecognizer,
    OpenAIKeyRecognizer,
    AnthropicKeyRecognizer,
    AwsAccessKeyRecognizer,
    AwsSecretKeyRecognizer,
    GitHubTokenRecognizer,
    GitLabTokenRecognizer,
    SlackTokenRecognizer,
    SlackWebhookRecognizer,
    StripeKeyRecognizer,
    GoogleApiKeyRecognizer,
    HuggingFaceTokenRecognizer,
    SendGridKeyRecognizer,
    TwilioKeyRecognizer,
    AzureStorageKeyRecognizer,
    AzureConnectionStringRecognizer,
    JwtRecognizer,
    PrivateKeyRecognizer,
    UrlCredentialsRecognizer,
    PasswordAssignmentRecognizer,
    WeakPasswordRecognizer,
    PasswordNoteRecognizer,
    KubernetesSecretRecognizer,
    UrlQueryKeyRecognizer,
    CredentialNoteRecognizer,
    PasswordHashRecognizer,
    VendorApiKeyRecognizer,
    DiscordBotTokenRecognizer,
    HighEntropyStringRecognizer,
]


def _pii_recognizers() -> list[type]:
    """PII recognizers, one per entity type we remove (PiiAnalyzer runs them behind per-entity prefilters).

    spaCy NER (PERSON and others) is added by PiiAnalyzer from the NLP engine.
    """
    from sanitizers.recognizers.bic_recognizer import BicRecognizer
    from sanitizers.recognizers.credit_card_recognizer import CreditCardRecognizer
    from sanitizers.recognizers.crypto_recognizer import CryptoRecognizer
    from sanitizers.recognizers.date_of_birth_recognizer import DateOfBirthRecognizer
    from sanitizers.recognizers.device_id_recognizer import DeviceIdRecognizer
    from sanitizers.recognizers.driver_license_recognizer import DriverLicenseRecognizer
    from sanitizers.recognizers.email_recognizer import EmailRecognizer
    from sanitizers.recognizers.gps_coordinates_recognizer import GpsCoordinatesRecognizer
    from sanitizers.recognizers.handle_recognizer import HandleRecognizer
    from sanitizers.recognizers.iban_recognizer import IbanRecognizer
    from sanitizers.recognizers.id_number_recognizer import IdNumberRecognizer
    from sanitizers.recognizers.ip_address_recognizer import IpAddressRecognizer
    from sanitizers.recognizers.passport_recognizer import PassportRecognizer
    from sanitizers.recognizers.person_context_recognizer import PersonContextRecognizer
    from sanitizers.recognizers.person_cue_recognizer import PersonCueRecognizer
    from sanitizers.recognizers.phone_recognizer import PhoneRecognizer
    from sanitizers.recognizers.security_code_recognizer import SecurityCodeRecognizer
    from sanitizers.recognizers.street_address_recognizer import StreetAddressRecognizer
    from sanitizers.recognizers.table_column_recognizer import TableColumnRecognizer
    from sanitizers.recognizers.us_bank_number_recognizer import UsBankNumberRecognizer
    from sanitizers.recognizers.us_ssn_recognizer import UsSsnRecognizer
    from sanitizers.recognizers.user_agent_recognizer import UserAgentRecognizer
    from sanitizers.recognizers.username_recognizer import UsernameRecognizer
    from sanitizers.recognizers.vehicle_id_recognizer import VehicleIdRecognizer

    return [
        EmailRecognizer,
        PhoneRecognizer,
        CreditCardRecognizer,
        IbanRecognizer,
        UsSsnRecognizer,
        IpAddressRecognizer,
        StreetAddressRecognizer,
        DateOfBirthRecognizer,
        PassportRecognizer,
        DriverLicenseRecognizer,
        UsBankNumberRecognizer,
        IdNumberRecognizer,
        BicRecognizer,
        DeviceIdRecognizer,
        VehicleIdRecognizer,
        CryptoRecognizer,
        GpsCoordinatesRecognizer,
        SecurityCodeRecognizer,
        UserAgentRecognizer,
        PersonCueRecognizer,
        PersonContextRecognizer,
        HandleRecognizer,
        TableColumnRecognizer,
        UsernameRecognizer,
    ]


def _operators() -> list[type]:
    """Anonymization operator classes (presidio `Operator` subclasses)."""
    from sanitizers.operators.placeholder import Placeholder
    from sanitizers.operators.surrogate import Surrogate

    return [Placeholder, Surrogate]


def __getattr__(name: str) -> list[type]:
    # Module attributes built on first access (PEP 562), then kept as ordinary globals.
    if name == "PII_RECOGNIZERS":
        value = _pii_recognizers()
    elif name == "RECOGNIZERS":
        value = SECRET_RECOGNIZERS + __getattr__("PII_RECOGNIZERS")
    elif name == "OPERATORS":
        value = _operators()
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value
