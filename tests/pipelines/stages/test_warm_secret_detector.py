from pipelines.stages import warm_secret_detector
from sanitizers.engine import get_detector
from schemas.run_config import Detectors, RunConfig


def test_builds_the_secrets_only_detector_when_imported():
    assert warm_secret_detector.WARM is True
    assert Detectors.PII not in warm_secret_detector.SECRETS_ONLY.detectors


def test_a_secrets_only_run_sent_to_a_worker_finds_the_preloaded_detector():
    # The CLI's `--detectors secrets` with every other option at its default, read back from the job's JSON.
    config = RunConfig(detection={"detectors": ["secrets"]})
    sent = RunConfig.model_validate_json(config.model_dump_json())
    assert get_detector(sent.detection) is get_detector(warm_secret_detector.SECRETS_ONLY)
