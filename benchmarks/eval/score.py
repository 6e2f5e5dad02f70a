"""Score sanitized outputs against the eval set's labels.

    python -m benchmarks.eval.score --eval-dir build/eval/data --sanitized-dir build/eval/out [--check]

Expects `<sanitized-dir>/<format>/eval_<format>.sanitized.jsonl` (+ `.quarantine.jsonl`), as written by
`ft-sanitizer sanitize <file> --out <sanitized-dir>/<format>/`. Definitions:
- leaked: the planted value still occurs verbatim in the record's sanitized strings (JSON-in-a-string
  decoded too). PII matches respect word boundaries ("Ana" is not found in "Analytics"); secrets are
  plain substrings. A quarantined record's values are not leaked; they are counted apart.
- core leaked (stricter; counts verbatim leaks too): for secrets, the secret part (a URL's password, a
  PEM body, a JWT signature, an AccountKey, the whole key otherwise) or any 16-character piece of it
  survives; for PERSON, a part of the name (3+ letters) survives more often than it occurs elsewhere in
  the input record. The secrets target (0 leaks) is checked on core leaks.
- benign kept: a benign-only record that was not quarantined and whose benign strings all survive.
  benign-only unchanged (stricter): the sanitized record equals the input record.
- near-miss changed: a near-miss string that no longer occurs verbatim (or whose record was quarantined).
- same placeholder (names): a partial repeat of a full name ("Thanks Bartholomew" after "Bartholomew
  Okonkwo-Lindqvist", label field `same_as`) is consistent when it and the full name were both replaced
  and every mention of either got the same placeholder (found by aligning the record's words before and
  after). Counted over the pairs where both were replaced; a leaked repeat already counts as a leak.
Writes `<sanitized-dir>/eval_results.json` and `<sanitized-dir>/eval_details.jsonl`: one row per leaked
value, changed near-miss and lost benign string, for debugging detectors (the values are the synthetic
ones the generator planted, never customer data).
"""

import argparse
import difflib
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository root importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.eval.align import AlignedFile, AlignmentError, align, output_dir_for
from benchmarks.eval.record_text import contains_value, record_haystack

TARGETS = {"leak_rate_max": 0.005, "secret_leak_rate_max": 0.0, "benign_kept_min": 0.98,
           "near_miss_changed_max": 0.10}
FRAGMENT = 16
_TOKEN = re.compile(r"<[A-Z][A-Z0-9_]*>|\w+|\s+|[^\w\s]")  # a placeholder is one token
_PLACEHOLDER = re.compile(r"<[A-Z][A-Z0-9_]*>")


def _fmt_of(file_name: str) -> str:
    return file_name.removeprefix("eval_").removesuffix(".jsonl")


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def core_leaked(haystack: str, core: str) -> bool:
    """True when the secret part, or any FRAGMENT-long piece of it, is still in `haystack`."""
    if len(core) <= FRAGMENT:
        return core in haystack
    return any(core[i:i + FRAGMENT] in haystack for i in range(len(core) - FRAGMENT + 1))


def _count(haystack: str, word: str) -> int:
    return len(re.findall(r"(?<!\w)" + re.escape(word) + r"(?!\w)", haystack))


def name_part_leaked(out_text: str, in_text: str, name: str) -> bool:
    """True when a part of a planted name (3+ letters) survives more often than it occurs apart from it.

    Catches half-redacted names ("<PERSON> Rezende") without blaming a surname that also appears
    elsewhere in the record, e.g. in a street name.
    """
    planted_times = _count(in_text, name)
    for part in {p for p in name.split() if len(p) >= 3}:
        background = _count(in_text, part) - planted_times
        if _count(out_text, part) > background:
            return True
    return False


def replacements(in_text: str, out_text: str, value: str) -> list[str | None]:
    """What each word-bounded mention of `value` in `in_text` became in `out_text`, in order.

    The texts are aligned word by word; a mention with a word kept gives None. When the
    replaced stretch holds one placeholder (`<PERSON_2>`), that placeholder is the answer, so a
    neighbour that was replaced too does not blur it.
    """
    src = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(in_text)]
    dst = [m.group() for m in _TOKEN.finditer(out_text)]
    ops = difflib.SequenceMatcher(None, [t for _, _, t in src], dst, autojunk=False).get_opcodes()
    found: list[str | None] = []
    pattern = r"(?<!\w)" + re.escape(value) + r"(?!\w)"
    for m in re.finditer(pattern, in_text):
        first = next(i for i, (start, end, _) in enumerate(src) if end > m.start())
        last = max(i for i, (start, _, _) in enumerate(src) if start < m.end())
        touched = [op for op in ops if op[1] <= last and op[2] > first]
        kept = any(tag == "equal" and any(src[i][2][0].isalnum() or src[i][2][0] == "_"
                                          for i in range(max(i1, first), min(i2, last + 1)))
                   for tag, i1, i2, _, _ in touched)
        if not touched or kept:  # a word of the mention survived
            found.append(None)
            continue
        text = "".join("".join(dst[j1:j2]) for _, _, _, j1, j2 in touched)
        holders = _PLACEHOLDER.findall(text)
        found.append(holders[0] if len(holders) == 1 else text)
    return found


def same_placeholder(in_text: str, out_text: str, part: str, full: str) -> bool | None:
    """True when every mention of `full` and of its partial repeat `part` got one placeholder; False when
    they differ; None when either was kept somewhere (that is a leak, scored apart)."""
    seen = replacements(in_text, out_text, full) + replacements(in_text, out_text, part)
    if not seen or any(r is None for r in seen):
        return None
    return len(set(seen)) == 1


def _rate(num: int, den: int) -> float | None:
    return round(num / den, 6) if den else None


def score(eval_dir: Path, sanitized_dir: Path, allow_partial: bool = False) -> dict[str, Any]:
    """Compute all metrics; raises AlignmentError when outputs don't match inputs."""
    manifest = json.loads((eval_dir / "manifest.json").read_text(encoding="utf-8"))
    aligned: dict[str, AlignedFile] = {}
    for name in manifest["files"]:
        out_dir = output_dir_for(sanitized_dir, _fmt_of(name), name.removesuffix(".jsonl"))
        aligned[name] = align(eval_dir / name, out_dir, allow_partial)
    haystacks: dict[tuple[str, int], str] = {}

    def hay(name: str, line: int) -> str:
        key = (name, line)
        if key not in haystacks:
            haystacks[key] = record_haystack(aligned[name].records[line])
        return haystacks[key]

    def in_hay(name: str, line: int) -> str:
        key = (name, -line)
        if key not in haystacks:
            haystacks[key] = record_haystack(aligned[name].inputs[line])
        return haystacks[key]

    per_entity: dict[str, Counter] = defaultdict(Counter)
    per_variant: dict[str, Counter] = defaultdict(Counter)
    near: dict[str, Counter] = defaultdict(Counter)
    repeats = Counter()
    details: list[dict[str, Any]] = []  # what leaked, changed or got lost, for debugging detectors
    for label in _read_jsonl(eval_dir / "labels.jsonl"):
        name, line, kind = label["file"], label["line"], label["kind"]
        a = aligned[name]
        if kind == "near_miss":
            c = near[label["entity"]]
            if line in a.quarantined:
                c["total"] += 1
                c["changed"] += 1
                c["quarantined"] += 1
            elif line in a.records:
                c["total"] += 1
                if label["value"] not in hay(name, line):
                    c["changed"] += 1
                    details.append({"what": "near_miss_changed", "file": name, "line": line,
                                    "entity": label["entity"], "value": label["value"]})
            continue
        c = per_entity[label["entity"]]
        c["kind_secret"] = kind == "secret"
        if line in a.quarantined:
            c["planted"] += 1
            c["quarantined"] += 1
            continue
        if line not in a.records:
            continue  # not processed in a partial run
        c["planted"] += 1
        text = hay(name, line)
        leaked = contains_value(text, label["value"], word_bounded=kind == "pii")
        if kind == "secret":
            strict = leaked or core_leaked(text, label["core"])
        elif label["entity"] == "PERSON":
            strict = leaked or name_part_leaked(text, in_hay(name, line), label["value"])
        else:
            strict = leaked
        c["leaked"] += leaked
        c["core_leaked"] += strict
        if label.get("same_as"):
            same = same_placeholder(in_hay(name, line), text, label["value"], label["same_as"])
            repeats["pairs"] += 1
            repeats["both_replaced"] += same is not None
            repeats["same_placeholder"] += same is True
            if same is False:
                details.append({"what": "other_placeholder", "file": name, "line": line, "entity": label["entity"],
                                "value": label["value"], "same_as": label["same_as"]})
        if label.get("variant"):
            v = per_variant[f"{label['entity']}/{label['variant']}"]
            v["planted"] += 1
            v["core_leaked"] += strict
        if strict:
            details.append({"what": "leaked", "file": name, "line": line, "entity": label["entity"],
                            "full_value_leaked": leaked, "value": label["value"]})

    benign = _score_benign(eval_dir, aligned, hay, details)
    entities = {
        e: {"kind": "secret" if c["kind_secret"] else "pii", "planted": c["planted"], "leaked": c["leaked"],
            "core_leaked": c["core_leaked"], "quarantined": c["quarantined"],
            "recall": _rate(c["planted"] - c["leaked"], c["planted"])}
        for e, c in sorted(per_entity.items())
    }
    sums = {k: Counter() for k in ("all", "pii", "secret")}
    for row in entities.values():
        for bucket in ("all", row["kind"]):
            for k in ("planted", "leaked", "core_leaked", "quarantined"):
                sums[bucket][k] += row[k]
    near_total = sum(c["total"] for c in near.values())
    near_changed = sum(c["changed"] for c in near.values())
    quarantine = Counter(reason for a in aligned.values() for reason in a.quarantined.values())
    results = {
        "eval_dir": str(eval_dir), "sanitized_dir": str(sanitized_dir), "seed": manifest.get("seed"),
        "records": {n: {"total": a.total, "processed": a.processed, "quarantined": len(a.quarantined)}
                    for n, a in aligned.items()},
        "quarantine_reasons": dict(sorted(quarantine.items())),
        "leak_rate": _rate(sums["all"]["leaked"], sums["all"]["planted"]),
        "core_leak_rate": _rate(sums["all"]["core_leaked"], sums["all"]["planted"]),
        "pii_core_leak_rate": _rate(sums["pii"]["core_leaked"], sums["pii"]["planted"]),
        "pii_leak_rate": _rate(sums["pii"]["leaked"], sums["pii"]["planted"]),
        "secret_leak_rate": _rate(sums["secret"]["leaked"], sums["secret"]["planted"]),
        "secret_core_leak_rate": _rate(sums["secret"]["core_leaked"], sums["secret"]["planted"]),
        "totals": {k: dict(v) for k, v in sums.items()},
        "entities": entities,
        **benign,
        "variants": {k: dict(v) for k, v in sorted(per_variant.items())},
        "near_miss_changed": _rate(near_changed, near_total),
        "name_repeats": {**dict(repeats), "same_placeholder_rate": _rate(repeats["same_placeholder"],
                                                                        repeats["both_replaced"])},
        "near_miss": {e: {"total": c["total"], "changed": c["changed"], "quarantined": c["quarantined"]}
                      for e, c in sorted(near.items())},
    }
    results["targets"] = check_targets(results)
    results["_details"] = details
    return results


def _score_benign(
    eval_dir: Path, aligned: dict[str, AlignedFile], hay: Any, details: list[dict[str, Any]]
) -> dict[str, Any]:
    kept = Counter()
    per_class: dict[str, Counter] = defaultdict(Counter)
    for row in _read_jsonl(eval_dir / "benign.jsonl"):
        name, line = row["file"], row["line"]
        a = aligned[name]
        if line not in a.records and line not in a.quarantined:
            continue
        group = "benign_only" if row["benign_only"] else "with_pii"
        if line in a.quarantined:
            kept[f"{group}_total"] += 1
            kept[f"{group}_quarantined"] += 1
            continue
        survived = [item["value"] in hay(name, line) for item in row["strings"]]
        kept[f"{group}_unchanged"] += a.records[line] == a.inputs[line]
        for item, ok in zip(row["strings"], survived, strict=True):
            per_class[item["class"]]["total"] += 1
            per_class[item["class"]]["kept"] += ok
            if not ok:
                details.append({"what": "benign_lost", "file": name, "line": line, "class": item["class"],
                                "value": item["value"]})
        kept[f"{group}_total"] += 1
        kept[f"{group}_kept"] += all(survived)
    return {
        "benign_kept": _rate(kept["benign_only_kept"], kept["benign_only_total"]),
        "benign_kept_in_pii_records": _rate(kept["with_pii_kept"], kept["with_pii_total"]),
        "benign_only_unchanged": _rate(kept["benign_only_unchanged"], kept["benign_only_total"]),
        "benign_counts": dict(sorted(kept.items())),
        "benign_classes": {c: {"total": v["total"], "kept": v["kept"], "share": _rate(v["kept"], v["total"])}
                           for c, v in sorted(per_class.items())},
    }


def check_targets(results: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each target with its value and whether it passed (a missing value fails)."""
    def row(value: float | None, limit: float, upper: bool) -> dict[str, Any]:
        ok = value is not None and (value <= limit if upper else value >= limit)
        return {"value": value, "limit": limit, "passed": ok}

    return {
        "leak_rate": row(results["leak_rate"], TARGETS["leak_rate_max"], True),
        # a secret whose key part survives is leaked even when the whole value did not survive verbatim
        "secret_leak_rate": row(results["secret_core_leak_rate"], TARGETS["secret_leak_rate_max"], True),
        "benign_kept": row(results["benign_kept"], TARGETS["benign_kept_min"], False),
        "near_miss_changed": row(results["near_miss_changed"], TARGETS["near_miss_changed_max"], True),
    }


def _pct(v: float | None) -> str:
    return "  n/a" if v is None else f"{100 * v:6.2f}%"


def render_table(results: dict[str, Any]) -> str:
    """A plain-text table of the results."""
    lines = [f"{'entity':<26}{'kind':<8}{'planted':>8}{'leaked':>8}{'core':>6}{'quar':>6}{'recall':>9}"]
    for entity, r in results["entities"].items():
        lines.append(f"{entity:<26}{r['kind']:<8}{r['planted']:>8}{r['leaked']:>8}{r['core_leaked']:>6}"
                     f"{r['quarantined']:>6}{_pct(r['recall']):>9}")
    t = results["totals"]["all"]
    lines.append(f"{'TOTAL':<34}{t.get('planted', 0):>8}{t.get('leaked', 0):>8}{t.get('core_leaked', 0):>6}"
                 f"{t.get('quarantined', 0):>6}")
    lines.append("")
    lines.append(f"leak rate (verbatim) overall {_pct(results['leak_rate'])}   pii {_pct(results['pii_leak_rate'])}   "
                 f"secrets {_pct(results['secret_leak_rate'])}")
    lines.append(f"leak rate (core)     overall {_pct(results['core_leak_rate'])}   pii "
                 f"{_pct(results['pii_core_leak_rate'])}   secrets {_pct(results['secret_core_leak_rate'])}")
    lines.append(f"benign-only records kept {_pct(results['benign_kept'])}   benign strings in PII records kept "
                 f"{_pct(results['benign_kept_in_pii_records'])}   benign-only records unchanged "
                 f"{_pct(results['benign_only_unchanged'])}")
    classes = ", ".join(f"{c} {_pct(v['share']).strip()}" for c, v in results["benign_classes"].items())
    lines.append(f"benign classes kept: {classes}")
    leaky = [f"{k} {v.get('core_leaked', 0)}/{v['planted']}" for k, v in results["variants"].items()
             if v.get("core_leaked")]
    if leaky:
        lines.append(f"leaking shapes (core leaked/planted): {', '.join(leaky)}")
    lines.append(f"near-miss secrets changed {_pct(results['near_miss_changed'])}")
    reps = results["name_repeats"]
    if reps.get("pairs"):
        lines.append(f"partial name repeats with the full name's placeholder {_pct(reps['same_placeholder_rate'])}"
                     f"   ({reps.get('same_placeholder', 0)} of {reps.get('both_replaced', 0)} pairs where both "
                     f"were replaced; {reps['pairs']} planted)")
    if results["quarantine_reasons"]:
        lines.append(f"quarantined: {results['quarantine_reasons']}")
    lines.append("")
    for name, t in results["targets"].items():
        lines.append(f"target {name:<18} {'PASS' if t['passed'] else 'FAIL'}  value {t['value']}  limit {t['limit']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """CLI entry point; exit 1 on failed targets with --check, 2 when outputs can't be aligned."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, required=True, help="folder written by generate_eval_set")
    parser.add_argument("--sanitized-dir", type=Path, required=True, help="folder with <format>/ outputs")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target fails")
    parser.add_argument("--allow-partial", action="store_true", help="score only the lines that were processed")
    args = parser.parse_args(argv)
    try:
        results = score(args.eval_dir, args.sanitized_dir, args.allow_partial)
    except AlignmentError as e:
        print(f"score: {e}", file=sys.stderr)
        return 2
    details = results.pop("_details")
    args.sanitized_dir.mkdir(parents=True, exist_ok=True)
    (args.sanitized_dir / "eval_results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    with (args.sanitized_dir / "eval_details.jsonl").open("w", encoding="utf-8") as f:
        for row in details:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(render_table(results))
    print(f"\nwrote {args.sanitized_dir / 'eval_results.json'}")
    failed = [name for name, t in results["targets"].items() if not t["passed"]]
    if args.check and failed:
        print(f"targets failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
