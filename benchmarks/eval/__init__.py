"""Labeled evaluation of ft-sanitizer's detection, built independently of the detectors.

The generator (`generate_eval_set`) writes synthetic Together-format records with planted PII and fake
secrets plus the labels; `score` compares sanitized outputs to the labels; `run` chains generate →
sanitize (CLI) → score. Nothing here imports `sanitizers/` or `pipelines/` or copies their patterns:
values are made from the vendors' published token shapes, Faker and hand-written makers.
"""
