"""Generate the labeled evaluation set: Together-format records with planted PII and fake secrets.

    python -m benchmarks.eval.generate_eval_set --out build/eval/data --records 3000 --seed 7

Writes one file per format (Together takes one format per file): eval_conversational.jsonl,
eval_instruction.jsonl, eval_text.jsonl, eval_preference.jsonl; and
- labels.jsonl: one row per planted value {"file", "line", "kind": "pii"|"secret", "entity", "value",
  "core", "variant"} and per near-miss string {"kind": "near_miss", "entity" (the secret it resembles), "value"};
  `value` is the exact planted text, `core` the part that must not survive (a URL's password, a PEM body),
  `variant` the shape when an entity has several (legacy_hex, github_pat, xoxp, RS256, ...) or "";
  a partial repeat of a name ("Bartholomew" after "Bartholomew Okonkwo-Lindqvist") adds "same_as": the full name.
- benign.jsonl: one row per record {"file", "line", "benign_only", "strings": [{"class", "value"}]};
  the benign classes are listed in `benign_values`. About 40% of records are benign-only.
- manifest.json: seed, record counts, label counts.
Lines are 1-based. Same seed, same bytes. Values come from Faker and this package's own makers; nothing
is shared with the detectors.
"""

import argparse
import json
import random
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository root importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.eval import render
from benchmarks.eval.dialog import Dialog, Turn
from benchmarks.eval.near_misses import near_miss_sentence
from benchmarks.eval.people import People
from benchmarks.eval.plan import RecordPlan
from benchmarks.eval.record_text import contains_value, record_haystack
from benchmarks.eval.scenes_benign import BENIGN_SCENES, TECHNICAL_BENIGN_SCENES
from benchmarks.eval.scenes_dev import DEV_SCENES
from benchmarks.eval.scenes_identifiers import IDENTIFIER_SCENES
from benchmarks.eval.scenes_names import NAME_BENIGN_SCENES, NAME_SCENES
from benchmarks.eval.scenes_support import SUPPORT_SCENES
from benchmarks.eval.scenes_tools import PII_TOOL_SCENES
from benchmarks.eval.secret_snippets import SecretDeck, secret_snippet

TECHNICAL_SCENES = frozenset(DEV_SCENES + TECHNICAL_BENIGN_SCENES)
FORMAT_SHARES = {"conversational": 0.5, "instruction": 0.2, "text": 0.15, "preference": 0.15}
BENIGN_ONLY_SHARE = 0.4
NEAR_MISS_SHARE = 0.45  # of technical records (developer chats, code, configs)
# Of the records with planted values, this share is replaced by an identifier scene (ID numbers, device,
# vehicle and wallet ids, CVV, pasted tables), drawn from its own random stream and people so that every
# other record of a seed stays byte-identical to the set without them.
IDENTIFIER_SHARE = 0.05


def file_name(fmt: str) -> str:
    """The eval file of a format."""
    return f"eval_{fmt}.jsonl"


def _scene(plan: RecordPlan, people: People) -> Dialog:
    rng = plan.rng
    if plan.benign_only:
        scene = rng.choice(BENIGN_SCENES + NAME_BENIGN_SCENES)
    else:
        roll = rng.random()
        scene = (rng.choice(SUPPORT_SCENES) if roll < 0.38 else rng.choice(NAME_SCENES) if roll < 0.48
                 else rng.choice(PII_TOOL_SCENES) if roll < 0.56 else rng.choice(DEV_SCENES) if roll < 0.91
                 else None)
    if scene is None:  # mixed: a support chat that also leaks a key
        dialog = rng.choice(SUPPORT_SCENES)(plan, people)
        _first_user(dialog).content += "\nP.S. unrelated, our shop integration broke too. Config line: " + (
            secret_snippet(plan, plan.deal_secret_kind()))
        return dialog
    dialog = scene(plan, people)
    if scene in TECHNICAL_SCENES and rng.random() < NEAR_MISS_SHARE:
        _first_user(dialog).content += "\n" + near_miss_sentence(plan)
    return dialog


def _first_user(dialog: Dialog) -> Turn:
    return next(t for t in dialog.turns if t.role == "user")


def check_plan(record: dict[str, Any], plan: RecordPlan) -> bool:
    """True when every label is present and no planted value hides inside a benign or near-miss string."""
    haystack = record_haystack(record)
    kept = [v for _, v in plan.benign_strings] + [v for _, v in plan.near_miss_strings]
    if not all(v in haystack for v in kept):
        return False
    for kind, planted in plan.planted_values:
        if planted.value not in haystack or planted.core not in haystack:
            return False
        if any(contains_value(k, planted.value, word_bounded=kind == "pii") for k in kept):
            return False
    return True


def build_record(
    fmt: str, rng: random.Random, people: People, deck: SecretDeck, benign_only: bool,
    scenes: tuple[Callable[[RecordPlan, People], Dialog], ...] = (),
) -> tuple[dict, RecordPlan]:
    """One record of format `fmt` and its plan (from one of `scenes` when given); retried on the rare
    label collision."""
    for _ in range(50):
        plan = RecordPlan(rng, benign_only, deck.deal)
        dialog = rng.choice(scenes)(plan, people) if scenes else _scene(plan, people)
        record = render.RENDERERS[fmt](dialog, rng)
        if check_plan(record, plan):
            return record, plan
    raise RuntimeError(f"{fmt}: could not build a consistent record in 50 tries; a generator bug")


def format_counts(total: int) -> dict[str, int]:
    """Records per format, summing to `total`."""
    counts = {fmt: int(total * share) for fmt, share in FORMAT_SHARES.items()}
    counts["conversational"] += total - sum(counts.values())
    return counts


def generate(out_dir: Path, records: int, seed: int) -> dict[str, Any]:
    """Write the eval files, labels.jsonl, benign.jsonl and manifest.json into `out_dir`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    people = People(seed)
    deck = SecretDeck(seed)
    id_rng, id_people = random.Random(f"identifiers:{seed}"), People(seed + 1)  # see IDENTIFIER_SHARE
    labels: list[dict[str, Any]] = []
    benign_rows: list[dict[str, Any]] = []
    counts = format_counts(records)
    for fmt, count in counts.items():
        name = file_name(fmt)
        with (out_dir / name).open("w", encoding="utf-8", newline="\n") as out:
            for line in range(1, count + 1):
                record, plan = build_record(fmt, rng, people, deck, rng.random() < BENIGN_ONLY_SHARE)
                if not plan.benign_only and id_rng.random() < IDENTIFIER_SHARE:
                    record, plan = build_record(fmt, id_rng, id_people, deck, False, IDENTIFIER_SCENES)
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                for kind, planted in plan.planted_values:
                    labels.append({"file": name, "line": line, "kind": kind, "entity": planted.entity,
                                   "value": planted.value, "core": planted.core, "variant": planted.variant,
                                   **({"same_as": planted.same_as} if planted.same_as else {})})
                for entity, value in plan.near_miss_strings:
                    labels.append({"file": name, "line": line, "kind": "near_miss", "entity": entity,
                                   "value": value})
                benign_rows.append({"file": name, "line": line, "benign_only": plan.benign_only,
                                    "strings": [{"class": c, "value": v} for c, v in plan.benign_strings]})
    _write_jsonl(out_dir / "labels.jsonl", labels)
    _write_jsonl(out_dir / "benign.jsonl", benign_rows)
    manifest = {
        "seed": seed, "records": records, "files": {file_name(f): n for f, n in counts.items()},
        "benign_only_records": sum(r["benign_only"] for r in benign_rows),
        "labels": dict(sorted(Counter(f"{r['kind']}:{r['entity']}" for r in labels).items())),
    }
    (out_dir / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def _write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    """CLI entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="output folder")
    parser.add_argument("--records", type=int, default=3000, help="total records over all formats")
    parser.add_argument("--seed", type=int, default=7, help="RNG seed; same seed, same bytes")
    args = parser.parse_args(argv)
    if args.records < len(FORMAT_SHARES) * 5:
        parser.error(f"--records must be at least {len(FORMAT_SHARES) * 5}")
    manifest = generate(args.out, args.records, args.seed)
    print(json.dumps({"out": str(args.out), "records": manifest["records"],
                      "benign_only_records": manifest["benign_only_records"],
                      "labels": sum(manifest["labels"].values())}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
