"""The name scenes of the eval set: every planted name is in its record, word-bounded; partial repeats
point at a full name of the same record; benign-only scenes plant nothing; and the scorer tells a
partial repeat that got the full name's placeholder from one that got another."""

import random
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))  # the benchmarks package lives at the repository root, outside the wheel

from benchmarks.eval import render
from benchmarks.eval.generate_eval_set import build_record, generate
from benchmarks.eval.record_text import contains_value
from benchmarks.eval.scenes_names import NAME_BENIGN_SCENES, NAME_SCENES
from benchmarks.eval.score import same_placeholder, score
from benchmarks.eval.secret_snippets import SecretDeck
from tests.benchmarks.scene_records import PEOPLE, build_scene


@pytest.mark.parametrize("scene", NAME_SCENES, ids=lambda s: s.__name__)
def test_planted_names_occur_word_bounded_when_scene_renders(scene) -> None:
    for seed in range(40):
        for fmt in render.FORMATS:
            text, plan = build_scene(scene, seed, fmt)
            assert plan.planted_values, (scene.__name__, seed)
            for kind, planted in plan.planted_values:
                assert kind == "pii" and planted.entity == "PERSON" and planted.variant, (scene.__name__, seed)
                assert contains_value(text, planted.value, word_bounded=True), (scene.__name__, seed, fmt)


@pytest.mark.parametrize("scene", NAME_SCENES, ids=lambda s: s.__name__)
def test_partial_repeat_names_a_full_name_of_the_record_when_planted(scene) -> None:
    for seed in range(40):
        text, plan = build_scene(scene, seed, "conversational")
        values = {p.value for _, p in plan.planted_values}
        for _, planted in plan.planted_values:
            if planted.same_as:
                assert planted.variant == "partial_repeat"
                assert planted.same_as in values and planted.same_as in text, (scene.__name__, seed)
                assert planted.value in planted.same_as.split(), (scene.__name__, seed)


def test_benign_name_scene_plants_nothing_and_keeps_its_strings_when_rendered() -> None:
    for scene in set(NAME_BENIGN_SCENES):
        for seed in range(40):
            text, plan = build_scene(scene, seed, "text", benign_only=True)
            assert not plan.planted_values
            classes = {c for c, _ in plan.benign_strings}
            assert {"name_word", "city", "product"} <= classes
            assert all(v in text for _, v in plan.benign_strings), seed


def test_names_are_not_hidden_in_benign_strings_when_record_is_built() -> None:
    rng, deck = random.Random(3), SecretDeck(3)
    seen = 0
    for _ in range(60):
        _, plan = build_record("conversational", rng, PEOPLE, deck, benign_only=False)
        kept = [v for _, v in plan.benign_strings]
        for _, planted in plan.planted_values:
            if planted.entity == "PERSON":
                seen += 1
                assert not any(contains_value(k, planted.value, word_bounded=True) for k in kept)
    assert seen


FULL = "Bartholomew Okonkwo-Lindqvist"
BEFORE = f"From: {FULL}\nSubject: order\n\nThanks Bartholomew, see you."


@pytest.mark.parametrize(
    ("after", "same"),
    [
        ("From: <PERSON_1>\nSubject: order\n\nThanks <PERSON_1>, see you.", True),
        ("From: <PERSON_1>\nSubject: order\n\nThanks <PERSON_2>, see you.", False),  # another placeholder
        ("From: <PERSON_1>\nSubject: order\n\nThanks Bartholomew, see you.", None),  # repeat leaked
        ("From: <PERSON_1> Okonkwo-Lindqvist\nSubject: order\n\nThanks <PERSON_1>, see you.", None),  # half kept
    ],
)
def test_same_placeholder_matches_when_partial_repeat_replaced(after: str, same: bool | None) -> None:
    assert same_placeholder(BEFORE, after, "Bartholomew", FULL) is same


def test_scorer_counts_repeats_but_no_placeholder_pair_when_output_equals_input(tmp_path: Path) -> None:
    data, out = tmp_path / "data", tmp_path / "out"
    generate(data, 300, 11)
    for name in ("eval_conversational", "eval_instruction", "eval_text", "eval_preference"):
        fmt_dir = out / name.removeprefix("eval_")
        fmt_dir.mkdir(parents=True)
        (fmt_dir / f"{name}.sanitized.jsonl").write_bytes((data / f"{name}.jsonl").read_bytes())
    repeats = score(data, out)["name_repeats"]
    assert repeats["pairs"] > 0 and repeats.get("both_replaced", 0) == 0
    assert repeats["same_placeholder_rate"] is None
