"""Render one eval scene as a record, for the scene tests: the record's text and the plan that labels it."""

import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))  # the benchmarks package lives at the repository root, outside the wheel

from benchmarks.eval import render
from benchmarks.eval.people import People
from benchmarks.eval.plan import RecordPlan
from benchmarks.eval.record_text import record_haystack
from benchmarks.eval.secret_snippets import SecretDeck

PEOPLE = People(5)


def build_scene(scene, seed: int, fmt: str, benign_only: bool = False) -> tuple[str, RecordPlan]:
    """`scene` rendered in format `fmt` from `seed`: the text a detector sees and the plan of planted values."""
    rng = random.Random(seed)
    plan = RecordPlan(rng, benign_only, SecretDeck(seed).deal)
    record = render.RENDERERS[fmt](scene(plan, PEOPLE), rng)
    return record_haystack(record), plan
