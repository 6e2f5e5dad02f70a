"""The flow's chunks as tasks on prefect-dask's DaskTaskRunner over a real Dask LocalCluster."""

from pathlib import Path

import pytest

from pipelines.flow import sanitize_dataset
from schemas.run_config import DetectionOptions, Detectors, ExecutionOptions
from tests.pipelines.stages.test_run_chunks import make_file

SECRETS = DetectionOptions(detectors=frozenset({Detectors.SECRETS}))


@pytest.mark.slow
def test_gives_same_bytes_on_dask_as_locally_when_flow_runs_chunks(prefect_api, tmp_path: Path) -> None:
    from distributed import LocalCluster

    src = make_file(tmp_path / "in.jsonl", 600)
    small = 0.004  # MiB per chunk: many chunks
    local = sanitize_dataset(input_path=str(src), output_dir=str(tmp_path / "local"), detection=SECRETS,
                             execution=ExecutionOptions(workers=1, chunk_mb=small))
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      host="127.0.0.1") as cluster:
        remote = sanitize_dataset(input_path=str(src), output_dir=str(tmp_path / "dask"), detection=SECRETS,
                                  execution=ExecutionOptions(dask_address=cluster.scheduler_address, chunk_mb=small))
    for name in ("in.sanitized.jsonl", "in.quarantine.jsonl"):
        assert (tmp_path / "local" / name).read_bytes() == (tmp_path / "dask" / name).read_bytes()
    assert local.files[0].sanitized_sha256 == remote.files[0].sanitized_sha256
    assert remote.files[0].records_total == 600
