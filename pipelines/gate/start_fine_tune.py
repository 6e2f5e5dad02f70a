"""Start a fine-tune job on an uploaded file, only for allowlisted models and within a USD budget.

SDK 3.1.1's `fine_tuning.create` fetches the model limits, asks for a price estimate and submits the
job, but only *warns* about price (and only when verbose). So the budget is enforced here first:
`model_limits` → `estimate_price` with the same training type/method `create` will use → compare
with the budget → `create(model_limits=...)`. The allowlist is checked before anything is uploaded.
"""

import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass

import together
from pydantic import SecretStr

from pipelines.gate.together_calls import RetryPolicy, call_with_retries, clip
from schemas.errors import ConfigError, UploadRejected
from schemas.formats import RecordFormat
from schemas.upload import FineTuneOutcome, FineTuneRequest

log = logging.getLogger(__name__)

ALLOWLIST_ENV = "FT_SANITIZER_FINETUNE_ALLOWLIST"
BUDGET_ENV = "FT_SANITIZER_FINETUNE_BUDGET_USD"


@dataclass(frozen=True)
class FineTunePolicy:
    """Which models may be fine-tuned and the most one job may cost."""

    allowlist: frozenset[str]
    budget_usd: float


def resolve_fine_tune_policy(
    request: FineTuneRequest, *, allowlist: Iterable[str] | None = None, budget_usd: float | None = None
) -> FineTunePolicy:
    """Check `request` against the allowlist and budget (arguments, else env); nothing is sent.

    Raises:
        ConfigError: no allowlist or no valid budget is configured.
        UploadRejected: the model is not on the allowlist.
    """
    if allowlist is None:
        allowlist = os.environ.get(ALLOWLIST_ENV, "").split(",")
    allowed = frozenset(m.strip() for m in allowlist if m.strip())
    if not allowed:
        raise ConfigError(
            f"no fine-tune allowlist: set {ALLOWLIST_ENV}=model-a,model-b (exact Together model names)"
        )
    if request.model not in allowed:
        raise UploadRejected(
            f"model {request.model!r} is not on the fine-tune allowlist ({', '.join(sorted(allowed))}); "
            f"pick one of those or add it to {ALLOWLIST_ENV}"
        )
    if budget_usd is None:
        raw = os.environ.get(BUDGET_ENV, "").strip()
        if not raw:
            raise ConfigError(f"no fine-tune budget: pass --budget USD or set {BUDGET_ENV}")
        try:
            budget_usd = float(raw)
        except ValueError as e:
            raise ConfigError(f"{BUDGET_ENV} must be a number of US dollars") from e
    if not budget_usd > 0:
        raise ConfigError("the fine-tune budget must be a positive number of US dollars")
    return FineTunePolicy(allowlist=allowed, budget_usd=float(budget_usd))


def training_method_for(record_format: RecordFormat | None) -> str:
    """'dpo' for preference files, 'sft' for everything else."""
    return "dpo" if record_format is RecordFormat.PREFERENCE else "sft"


def start_fine_tune(
    client: together.Together,
    *,
    file_id: str,
    request: FineTuneRequest,
    policy: FineTunePolicy,
    training_method: str,
    retry: RetryPolicy,
    key: SecretStr,
) -> FineTuneOutcome:
    """Estimate the job's price and start it if within budget; return what happened (never raises on refusal).

    Raises:
        UploadRejected / UploadUnavailable: a Together call failed.
        ConfigError: the SDK rejected the job parameters for this model.
    """
    base = FineTuneOutcome(
        model=request.model,
        n_epochs=request.n_epochs,
        lora=request.lora,
        training_method=training_method,
        budget_usd=policy.budget_usd,
    )
    limits = call_with_retries(
        lambda: client.fine_tuning.model_limits(model_name=request.model),
        what="fine-tune model limits",
        policy=retry,
        key=key,
    )
    if request.lora:
        rank = limits.lora_training.default_rank
        training_type: dict = {"type": "Lora", "lora_r": rank, "lora_alpha": rank * 2}
    else:
        training_type = {"type": "Full"}
    method: dict = (
        {"method": "sft", "train_on_inputs": "auto"} if training_method == "sft" else {"method": "dpo"}
    )
    estimate = call_with_retries(
        lambda: client.fine_tuning.estimate_price(
            training_file=file_id,
            model=request.model,
            n_epochs=request.n_epochs,
            n_evals=0,
            training_method=method,  # type: ignore[arg-type]
            training_type=training_type,  # type: ignore[arg-type]
        ),
        what="fine-tune price estimate",
        policy=retry,
        key=key,
    )
    if not estimate.estimation_available:
        reason = clip(str(getattr(estimate, "unavailable_reason", "unknown")), key)  # server text: scrubbed
        return base.model_copy(update={"refused": f"Together could not estimate the price ({reason})"})
    price = estimate.estimated_total_price  # type: ignore[union-attr]
    if price is None:
        return base.model_copy(update={"refused": "Together's estimate carried no price"})
    priced = base.model_copy(update={"estimated_usd": float(price)})
    if price > policy.budget_usd:
        return priced.model_copy(
            update={
                "refused": f"estimated price ${price:.2f} exceeds the budget ${policy.budget_usd:.2f}; "
                "raise the budget or use fewer epochs"
            }
        )
    if estimate.allowed_to_proceed is False:  # type: ignore[union-attr]
        return priced.model_copy(update={"refused": "Together says the account's credit does not cover it"})
    try:
        # One attempt only: re-running a create that may have succeeded would start a second paid job.
        job = call_with_retries(
            lambda: client.fine_tuning.create(
                training_file=file_id,
                model=request.model,
                n_epochs=request.n_epochs,
                lora=request.lora,
                suffix=request.suffix,
                model_limits=limits,
                training_method=training_method,
                train_on_inputs="auto" if training_method == "sft" else None,
            ),
            what="fine-tune job creation",
            policy=retry,
            key=key,
            attempts=1,
        )
    except ValueError as e:
        # The SDK validates parameters against the model's limits before sending; its text names them.
        raise ConfigError(f"fine-tune parameters refused by the SDK for {request.model}: {clip(str(e), key)}") from e
    status = getattr(job.status, "value", job.status)
    log.info("fine-tune job %s started (%s, est. $%.2f)", job.id, status, price)
    return priced.model_copy(update={"job_id": job.id, "job_status": str(status) if status else None})
