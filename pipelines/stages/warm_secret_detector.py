"""Imported by the fork server of secrets-only runs (`fork_server.PRELOAD_SECRETS`): builds the detector of
`--detectors secrets` with the other options at their defaults once, before any worker is forked
(`detector_warmup`): the secret patterns and their Hyperscan database, ~0.3 s of CPU."""

from pipelines.stages.detector_warmup import warm
from schemas.run_config import DetectionOptions, Detectors

SECRETS_ONLY = DetectionOptions(detectors=frozenset({Detectors.SECRETS}))
WARM = warm(SECRETS_ONLY)
