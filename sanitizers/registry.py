"""The only place recognizers and operators are registered; `tests/sanitizers/test_registry.py`
fails when a class in `sanitizers/recognizers/` is missing here or two recognizers share a name.
"""

from presidio_analyzer import EntityRecognizer
from presidio_anonymizer.operators import Operator

from sanitizers.operators.placeholder import Placeholder
from sanitizers.operators.surrogate import Surrogate
from sanitizers.recognizers.anthropic_key_recognizer import AnthropicKeyRecognizer
from sanitizers.recognizers.aws_access_key_recognizer import AwsAccessKeyRecognizer
from sanitizers.recognizers.aws_secret_key_recognizer import AwsSecretKeyRecognizer
from sanitizers.recognizers.azure_connection_string_recognizer import AzureConnectionStringRecognizer
from sanitizers.recognizers.azure_storage_key_recognizer import AzureStorageKeyRecognizer
from sanitizers.recognizers.credit_card_recognizer import CreditCardRecognizer
from sanitizers.recognizers.date_of_birth_recognizer import DateOfBirthRecognizer
from sanitizers.recognizers.driver_license_recognizer import DriverLicenseRecognizer
from sanitizers.recognizers.email_recognizer import EmailRecognizer
from sanitizers.recognizers.github_token_recognizer import GitHubTokenRecognizer
from sanitizers.recognizers.gitlab_token_recognizer import GitLabTokenRecognizer
from sanitizers.recognizers.google_api_key_recognizer import GoogleApiKeyRecognizer
from sanitizers.recognizers.huggingface_token_recognizer import HuggingFaceTokenRecognizer
from sanitizers.recognizers.iban_recognizer import IbanRecognizer
from sanitizers.recognizers.ip_address_recognizer import IpAddressRecognizer
from sanitizers.recognizers.jwt_recognizer import JwtRecognizer
from sanitizers.recognizers.openai_key_recognizer import OpenAIKeyRecognizer
from sanitizers.recognizers.passport_recognizer import PassportRecognizer
from sanitizers.recognizers.password_assignment_recognizer import PasswordAssignmentRecognizer
from sanitizers.recognizers.person_cue_recognizer import PersonCueRecognizer
from sanitizers.recognizers.phone_recognizer import PhoneRecognizer
from sanitizers.recognizers.private_key_recognizer import PrivateKeyRecognizer
from sanitizers.recognizers.sendgrid_key_recognizer import SendGridKeyRecognizer
from sanitizers.recognizers.slack_token_recognizer import SlackTokenRecognizer
from sanitizers.recognizers.slack_webhook_recognizer import SlackWebhookRecognizer
from sanitizers.recognizers.street_address_recognizer import StreetAddressRecognizer
from sanitizers.recognizers.stripe_key_recognizer import StripeKeyRecognizer
from sanitizers.recognizers.together_key_recognizer import TogetherKeyRecognizer
from sanitizers.recognizers.twilio_key_recognizer import TwilioKeyRecognizer
from sanitizers.recognizers.url_credentials_recognizer import UrlCredentialsRecognizer
from sanitizers.recognizers.us_bank_number_recognizer import UsBankNumberRecognizer
from sanitizers.recognizers.us_ssn_recognizer import UsSsnRecognizer
from sanitizers.recognizers.vendor_api_key_recognizer import VendorApiKeyRecognizer

# Every secret recognizer (all are `SecretRecognizer` subclasses, which `SecretScanner` requires).
SECRET_RECOGNIZERS: list[type[EntityRecognizer]] = [
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
    VendorApiKeyRecognizer,
]

# PII recognizers, one per entity type we remove (PiiAnalyzer runs them behind per-entity prefilters).
# spaCy NER (PERSON and others) is added by PiiAnalyzer from the NLP engine.
PII_RECOGNIZERS: list[type[EntityRecognizer]] = [
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
    PersonCueRecognizer,
]

RECOGNIZERS: list[type[EntityRecognizer]] = SECRET_RECOGNIZERS + PII_RECOGNIZERS

# Anonymization operator classes (presidio `Operator` subclasses).
OPERATORS: list[type[Operator]] = [Placeholder, Surrogate]
