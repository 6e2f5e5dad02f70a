"""The Prefect flow: thin wiring of the plain stages as tasks. No logic lives here.

Tasks pass file paths and small, content-free summaries; records never enter Prefect's database.
"""

from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from pipelines.run import input_files, output_dir_for, run_sanitize
from schemas.run_config import RunConfig


@task(name="sanitize-file", cache_policy=NO_CACHE)
def sanitize_file_task(input_path: str, output_dir: str, config: RunConfig) -> dict:
    """Validate, sanitize and report one file; returns counts and the decision, never content."""
    result = run_sanitize(Path(input_path), Path(output_dir), config)
    r = result.report
    get_run_logger().info(
        "%s: %d records, %d written, %d quarantined, decision %s",
        Path(input_path).name, r.records_total, r.records_written, r.records_quarantined, r.decision.value,
    )
    return {
        "file": Path(input_path).name,
        "records_total": r.records_total,
        "records_written": r.records_written,
        "records_quarantined": r.records_quarantined,
        "sanitized_sha256": r.sanitized_sha256,
        "decision": r.decision.value,
        "report_path": str(result.report_path),
    }


@flow(name="sanitize-dataset")
def sanitize_dataset(input_path: str, output_dir: str, config: RunConfig = RunConfig()) -> list[dict]:
    """Sanitize a JSONL file (or each .jsonl file of a folder) into `output_dir/<stem>/`."""
    files = input_files(Path(input_path))
    results = []
    for path in files:
        out = output_dir_for(path, Path(output_dir), many=Path(input_path).is_dir())
        results.append(sanitize_file_task(str(path), str(out), config))
    return results
