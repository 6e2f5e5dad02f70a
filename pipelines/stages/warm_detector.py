"""Imported by the fork server of full-detection runs (`fork_server.PRELOAD_PII`): builds the default
detector once, before any worker is forked (`detector_warmup`): about 2 s of CPU per worker, paid once."""

from pipelines.stages.detector_warmup import warm
from schemas.run_config import DetectionOptions

WARM = warm(DetectionOptions())
