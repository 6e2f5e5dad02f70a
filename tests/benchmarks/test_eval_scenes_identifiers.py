"""The identifier scenes of the eval set: every planted value occurs in its rendered record, word-bounded,
with its entity type; checksummed values hold their checksum unless the variant says they fail it."""

import random
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))  # the benchmarks package lives at the repository root, outside the wheel

from benchmarks.eval import pii_values as pv
from benchmarks.eval import render
from benchmarks.eval.record_text import contains_value
from benchmarks.eval.scenes_identifiers import IDENTIFIER_SCENES
from tests.benchmarks.scene_records import build_scene

NEW_TYPES = {"ID_NUMBER", "DEVICE_ID", "VEHICLE_ID", "CRYPTO", "GPS_COORDINATES", "SECURITY_CODE", "USER_AGENT"}


@pytest.mark.parametrize("scene", IDENTIFIER_SCENES, ids=lambda s: s.__name__)
def test_planted_values_occur_word_bounded_when_scene_renders(scene) -> None:
    for seed in range(30):
        for fmt in render.FORMATS:
            text, plan = build_scene(scene, seed, fmt)
            assert plan.planted_values, (scene.__name__, seed)
            for kind, planted in plan.planted_values:
                assert kind == "pii", (scene.__name__, seed)
                assert contains_value(text, planted.value, word_bounded=True), (scene.__name__, seed, fmt)


def test_scenes_plant_every_new_type_and_shape_when_many_seeds_run() -> None:
    seen: set[str] = set()
    for scene in IDENTIFIER_SCENES:
        for seed in range(30):
            _, plan = build_scene(scene, seed, "conversational")
            seen |= {p.entity for _, p in plan.planted_values}
            seen |= {f"{p.entity}/{p.variant}" for _, p in plan.planted_values if p.variant}
    assert NEW_TYPES <= seen
    assert {"IBAN_CODE/bad_check", "US_SSN/not_issued", "PERSON/table", "PERSON/username", "DEVICE_ID/mac",
            "DEVICE_ID/imei", "VEHICLE_ID/vin"} <= seen


def test_checksums_hold_or_fail_as_the_variant_says_when_values_made() -> None:
    rng = random.Random(11)
    for _ in range(200):
        assert pv.luhn_valid(pv.imei(rng))
        assert pv.vin_valid(pv.vin(rng))
        assert not pv.iban_valid(pv.iban_bad_check(rng))
        area = pv.ssn_not_issued(rng)[:3]
        assert area in ("000", "666", "123") or area.startswith("9")


def test_vin_check_matches_when_known_vin_given() -> None:
    assert pv.vin_valid("1M8GDM9AXKP042788")  # the check-digit example of 49 CFR 565
    assert not pv.vin_valid("1M8GDM9A1KP042788")
