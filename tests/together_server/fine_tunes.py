"""Fine-tuning endpoints of the test server: model limits, price estimate, jobs that advance per poll."""

import json
import secrets
from datetime import UTC, datetime
from typing import Any

from tests.together_server.checks import model_limits
from tests.together_server.wire import Response, error_response, json_response

_JOB_STEPS = ("pending", "queued", "running", "completed")


class FineTunesAPI:
    """Mixed into TogetherServer; uses its files, jobs, models and price_per_epoch_usd."""

    files: dict[str, Any]
    jobs: dict[str, dict]
    models: set[str]
    price_per_epoch_usd: float

    def limits(self, *, query: dict, **_: object) -> Response:
        name = (query.get("model_name") or [""])[0]
        if name not in self.models:
            return error_response(404, "model not available for fine-tuning")
        return json_response(200, model_limits(name))

    def estimate(self, *, body: bytes, **_: object) -> Response:
        request = json.loads(body or b"{}")
        stored = self.files.get(request.get("training_file", ""))
        if stored is None or stored.processing_status != "COMPLETED":
            reason = "train_file_invalid" if stored and stored.outcome else "train_file_not_validated"
            return json_response(200, {"estimation_available": False, "unavailable_reason": reason})
        if request.get("model") not in self.models:
            return error_response(400, "model not available for fine-tuning")
        epochs = int(request.get("n_epochs") or 1)
        tokens = len(stored.data or b"") // 4 * epochs
        return json_response(
            200,
            {
                "estimation_available": True,
                "allowed_to_proceed": True,
                "estimated_total_price": round(self.price_per_epoch_usd * epochs, 4),
                "estimated_train_token_count": tokens,
                "estimated_eval_token_count": 0,
                "user_limit": 100.0,
            },
        )

    def create_job(self, *, body: bytes, **_: object) -> Response:
        request = json.loads(body or b"{}")
        stored = self.files.get(request.get("training_file", ""))
        if stored is None or stored.processing_status != "COMPLETED":
            return error_response(400, "training_file is not a validated file")
        if request.get("model") not in self.models:
            return error_response(400, "model not available for fine-tuning")
        job_id = f"ft-{secrets.token_hex(8)}"
        now = datetime.now(UTC).isoformat()
        suffix = f"-{request['suffix']}" if request.get("suffix") else ""
        self.jobs[job_id] = {
            "id": job_id,
            "object": "fine-tune",
            "status": "pending",
            "model": request["model"],
            "training_file": stored.id,
            "n_epochs": request.get("n_epochs"),
            "training_type": request.get("training_type"),
            "training_method": request.get("training_method"),
            "model_output_name": f"test-account/{request['model'].split('/')[-1]}{suffix}-{job_id[3:9]}",
            "created_at": now,
            "updated_at": now,
            "events": [],
        }
        return json_response(200, self.jobs[job_id])

    def list_jobs(self, **_: object) -> Response:
        return json_response(200, {"object": "list", "data": list(self.jobs.values())})

    def retrieve_job(self, *, job_id: str, **_: object) -> Response:
        job = self.jobs.get(job_id)
        if job is None:
            return error_response(404, "fine-tune job not found")
        if job["status"] in _JOB_STEPS[:-1]:
            job["status"] = _JOB_STEPS[_JOB_STEPS.index(job["status"]) + 1]
            job["updated_at"] = datetime.now(UTC).isoformat()
        return json_response(200, job)

    def cancel_job(self, *, job_id: str, **_: object) -> Response:
        job = self.jobs.get(job_id)
        if job is None:
            return error_response(404, "fine-tune job not found")
        if job["status"] != "completed":
            job["status"] = "cancelled"
        return json_response(200, job)
