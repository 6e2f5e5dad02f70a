import gc

from pipelines.stages.detector_warmup import warm
from schemas.run_config import DetectionOptions


def test_says_false_and_leaves_nothing_frozen_when_the_detector_cannot_be_built():
    frozen = gc.get_freeze_count()
    # A model that is not installed: a fork server must not die of it; each worker then reports it.
    assert warm(DetectionOptions(spacy_model="no_such_spacy_model_pkg")) is False
    assert gc.get_freeze_count() == frozen
