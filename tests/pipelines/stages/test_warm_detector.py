from pipelines.stages import warm_detector
from pipelines.stages.detector_warmup import warm
from sanitizers.engine import get_detector
from schemas.run_config import DetectionOptions, RunConfig


def test_builds_the_default_detector_when_imported():
    assert warm_detector.WARM is True
    assert warm(DetectionOptions()) is True  # again: the same detector, nothing rebuilt


def test_a_default_run_sent_to_a_worker_finds_the_preloaded_detector():
    # Workers read their options back from the chunk job's JSON (run_chunk_job): equal options, same detector.
    sent = RunConfig.model_validate_json(RunConfig().model_dump_json())
    assert get_detector(sent.detection) is get_detector(DetectionOptions())
