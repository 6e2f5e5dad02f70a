"""Fine-tune after upload: allowlist and budget, through the real SDK against the test server."""

# The fixture is imported so this module runs on its own; tests/conftest.py may import it as well.
# ruff: noqa: F811

from pathlib import Path

import pytest

from pipelines.gate.approve_run import approve_run
from pipelines.gate.start_fine_tune import (
    ALLOWLIST_ENV,
    BUDGET_ENV,
    resolve_fine_tune_policy,
    training_method_for,
)
from pipelines.gate.together_calls import RetryPolicy
from pipelines.gate.upload_to_together import UPLOAD_FILE, upload_approved
from schemas.errors import ConfigError, UploadRejected
from schemas.formats import RecordFormat
from schemas.upload import FineTuneRequest, UploadRecord
from tests.pipelines.gate.run_dirs import make_run_dir
from tests.together_server import TogetherServer
from tests.together_server.fixture import together_server  # noqa: F401

MODEL = "Qwen/Qwen2.5-7B-Instruct"
OTHER = "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference"
FAST = RetryPolicy(attempts=2, sdk_max_retries=1, total_s=30)


def _approved_run(tmp_path: Path, **kwargs: object) -> Path:
    out = make_run_dir(tmp_path, **kwargs)  # type: ignore[arg-type]
    approve_run(out, reviewer="alice")
    return out


def _upload(out: Path, request: FineTuneRequest, **kwargs: object) -> UploadRecord:
    kwargs.setdefault("finetune_allowlist", [MODEL])
    return upload_approved(out, poll_interval=0, retry=FAST, fine_tune=request, **kwargs)  # type: ignore[arg-type]


def test_starts_job_and_records_id_when_allowed_and_within_budget(
    tmp_path: Path, together_server: TogetherServer
) -> None:
    out = _approved_run(tmp_path)
    record = _upload(out, FineTuneRequest(model=MODEL, n_epochs=2, suffix="v1"), budget_usd=5)
    outcome = record.fine_tune
    assert outcome is not None and outcome.job_id in together_server.jobs
    assert outcome.estimated_usd == pytest.approx(3.0) and outcome.refused is None
    assert (
        UploadRecord.model_validate_json((out / UPLOAD_FILE).read_bytes()).fine_tune_job_id == outcome.job_id
    )
    job = together_server.jobs[outcome.job_id]
    assert job["training_file"] == record.file_id
    assert job["training_type"]["type"] == "Lora"
    assert job["training_method"]["method"] == "sft"


def test_refuses_before_any_request_when_model_not_allowlisted(
    tmp_path: Path, together_server: TogetherServer
) -> None:
    out = _approved_run(tmp_path)
    with pytest.raises(UploadRejected, match="not on the fine-tune allowlist"):
        _upload(out, FineTuneRequest(model=OTHER), budget_usd=100)
    assert together_server.requests == []
    assert not (out / UPLOAD_FILE).exists()


def test_records_upload_but_starts_no_job_when_price_over_budget(
    tmp_path: Path, together_server: TogetherServer
) -> None:
    out = _approved_run(tmp_path)
    with pytest.raises(UploadRejected, match=r"estimated price \$4.50 exceeds the budget \$2.00"):
        _upload(out, FineTuneRequest(model=MODEL, n_epochs=3), budget_usd=2)
    record = UploadRecord.model_validate_json((out / UPLOAD_FILE).read_bytes())
    assert record.status == "COMPLETED"
    assert record.fine_tune is not None and record.fine_tune.job_id is None
    assert "exceeds the budget" in (record.fine_tune.refused or "")
    assert together_server.requests_to("POST", "/v1/fine-tunes/estimate-price")
    assert not [r for r in together_server.requests if r.method == "POST" and r.path == "/v1/fine-tunes"]
    assert together_server.jobs == {}


def test_starts_job_after_refusal_when_budget_raised(tmp_path: Path, together_server: TogetherServer) -> None:
    out = _approved_run(tmp_path)
    with pytest.raises(UploadRejected):
        _upload(out, FineTuneRequest(model=MODEL, n_epochs=3), budget_usd=2)
    record = _upload(out, FineTuneRequest(model=MODEL, n_epochs=3), budget_usd=10)
    assert record.fine_tune_job_id in together_server.jobs
    assert len(together_server.requests_to("PUT", "/upload/")) == 1


def test_starts_no_second_job_when_run_again(tmp_path: Path, together_server: TogetherServer) -> None:
    out = _approved_run(tmp_path)
    first = _upload(out, FineTuneRequest(model=MODEL), budget_usd=5)
    second = _upload(out, FineTuneRequest(model=MODEL), budget_usd=5)
    assert second.fine_tune_job_id == first.fine_tune_job_id
    assert len(together_server.jobs) == 1


def test_uses_dpo_when_file_is_preference_format(tmp_path: Path, together_server: TogetherServer) -> None:
    line = {
        "input": {"messages": [{"role": "user", "content": "Hi"}]},
        "preferred_output": [{"role": "assistant", "content": "Hello"}],
        "non_preferred_output": [{"role": "assistant", "content": "Go away"}],
    }
    out = _approved_run(tmp_path, lines=[line], record_format=RecordFormat.PREFERENCE)
    record = _upload(out, FineTuneRequest(model=MODEL), budget_usd=5)
    assert record.fine_tune is not None and record.fine_tune.training_method == "dpo"
    assert together_server.jobs[record.fine_tune_job_id]["training_method"]["method"] == "dpo"


def test_reads_allowlist_and_budget_from_env_when_not_passed(
    tmp_path: Path, together_server: TogetherServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ALLOWLIST_ENV, f" {OTHER} , {MODEL} ")
    monkeypatch.setenv(BUDGET_ENV, "5")
    out = _approved_run(tmp_path)
    record = upload_approved(out, poll_interval=0, retry=FAST, fine_tune=FineTuneRequest(model=MODEL))
    assert record.fine_tune_job_id is not None


@pytest.mark.parametrize(
    ("model", "allowlist", "budget", "error", "match"),
    [
        (MODEL, [MODEL], 5.0, None, None),  # allowed
        (MODEL.lower(), [MODEL], 5.0, UploadRejected, "allowlist"),  # near-miss: case differs
        (MODEL + "-Turbo", [MODEL], 5.0, UploadRejected, "allowlist"),  # near-miss: longer name
        (MODEL, [], 5.0, ConfigError, "no fine-tune allowlist"),  # nothing configured
        (MODEL, [MODEL], None, ConfigError, "no fine-tune budget"),  # budget missing
        (MODEL, [MODEL], 0.0, ConfigError, "positive"),  # zero budget
        (MODEL, [MODEL], -1.0, ConfigError, "positive"),  # negative budget
    ],
)
def test_policy_table(
    monkeypatch: pytest.MonkeyPatch,
    model: str,
    allowlist: list[str],
    budget: float | None,
    error: type[Exception] | None,
    match: str | None,
) -> None:
    monkeypatch.delenv(ALLOWLIST_ENV, raising=False)
    monkeypatch.delenv(BUDGET_ENV, raising=False)
    request = FineTuneRequest(model=model)
    if error is None:
        policy = resolve_fine_tune_policy(request, allowlist=allowlist, budget_usd=budget)
        assert policy.budget_usd == budget
    else:
        with pytest.raises(error, match=match):
            resolve_fine_tune_policy(request, allowlist=allowlist, budget_usd=budget)


def test_raises_config_error_when_budget_env_not_a_number(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(BUDGET_ENV, "ten dollars")
    with pytest.raises(ConfigError, match=BUDGET_ENV):
        resolve_fine_tune_policy(FineTuneRequest(model=MODEL), allowlist=[MODEL])


@pytest.mark.parametrize(
    ("record_format", "method"),
    [
        (RecordFormat.PREFERENCE, "dpo"),
        (RecordFormat.CONVERSATIONAL, "sft"),
        (RecordFormat.INSTRUCTION, "sft"),
        (RecordFormat.TEXT, "sft"),
        (None, "sft"),
    ],
)
def test_training_method_follows_format(record_format: RecordFormat | None, method: str) -> None:
    assert training_method_for(record_format) == method


@pytest.mark.parametrize(
    "model",
    ["model with spaces", "evil\nmodel", "name@example.com", ""],  # free text cannot pass as a model name
)
def test_request_refuses_model_when_not_an_id(model: str) -> None:
    with pytest.raises(ValueError):
        FineTuneRequest(model=model)
