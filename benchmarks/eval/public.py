"""Score the sanitizer on the public labelled development corpora (`../shared/eval-data/`).

    .venv/bin/python -m benchmarks.eval.public                       # ft-sanitizer, every record
    .venv/bin/python -m benchmarks.eval.public --engine baseline     # plain Presidio, 300 records per corpus
    .venv/bin/python -m benchmarks.eval.public --public-dir DIR --check-public

`make eval` runs this after the generated set (`run.py`). The corpora are human-written text with labelled
person names (wikigold, GUM, LitBank, SEC filings) and secret-scanner test strings; they hold real-looking
secrets, so they are read from their folder at run time and never copied into the repository. The folder is
`--public-dir`, else $FT_SANITIZER_PUBLIC_EVAL, else `../shared/eval-data` next to the repository.

Each `<corpus>.chat.jsonl` goes through the real CLI (`ft-sanitizer sanitize FILE --out DIR/`, full
detection) or `benchmarks/baseline_presidio.py`; the corpus's own `score.py` scores it (run as a subprocess,
never re-implemented). With a limit, an evenly spaced sample of records (and their label lines) is written to
`<work>/<engine>/public/inputs/` first. Figures go to `<work>/<engine>/public_results.json`; the scorer's
examples (corpus text: leaked names, missed secrets) to `public_details.json` beside it, never to the terminal.
Exit codes: 0 ok (or the folder is missing: said so, nothing scored), 1 a target failed (--check-public),
2 a step failed (sanitizer or scorer error; a missing folder with --check-public).
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import textwrap
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository root importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.eval.run import find_cli, sanitize_command

REPO = Path(__file__).resolve().parents[2]
ENV_VAR = "FT_SANITIZER_PUBLIC_EVAL"
DEFAULT_RELATIVE = Path("..") / "shared" / "eval-data"
BASELINE_LIMIT = 300  # plain Presidio takes ~50 s per 1000 records
TARGETS = {"names_leak_rate_max": 0.10, "names_benign_entity_kept_min": 0.90,
           "secrets_recall_min": 0.80, "secrets_fp_changed_max": 0.10}


class PublicEvalError(Exception):
    """A step failed (sanitizer, scorer); the message says which corpus and how to look."""


@dataclass(frozen=True)
class Corpus:
    """One chat file of the pack, its parallel labels file, and what it measures."""

    name: str
    kind: str  # "names" or "secrets"

    @property
    def chat(self) -> str:
        """File name of the chat records."""
        return f"{self.name}.chat.jsonl"

    @property
    def labels(self) -> str:
        """File name of the labels, line i describing line i of the chat file."""
        return f"{self.name}.labels.jsonl"


CORPORA = (
    Corpus("names_wikigold", "names"),
    Corpus("names_gum", "names"),
    Corpus("names_litbank", "names"),
    Corpus("names_sec_filings", "names"),
    Corpus("secrets", "secrets"),
)


def locate(explicit: str | Path | None, environ: Mapping[str, str], repo: Path) -> tuple[Path, str]:
    """The corpora folder and where that choice came from: the option, the env var, or the default."""
    if explicit:
        return Path(explicit), "--public-dir"
    if environ.get(ENV_VAR):
        return Path(environ[ENV_VAR]), f"${ENV_VAR}"
    return (repo / DEFAULT_RELATIVE).resolve(), "default ../shared/eval-data"


def folder_problem(folder: Path, scorer: Path) -> str | None:
    """Why the corpora can't be scored at all (no folder, no scorer), or None."""
    if not folder.is_dir():
        return f"folder {folder} not found"
    if not scorer.is_file():
        return f"scorer {scorer} not found"
    return None


def missing_files(folder: Path, corpus: Corpus) -> list[str]:
    """The corpus's files that are not in `folder`."""
    return [name for name in (corpus.chat, corpus.labels) if not (folder / name).is_file()]


def sample_lines(total: int, limit: int | None) -> list[int]:
    """0-based line numbers of an evenly spaced sample of at most `limit` lines (all lines without one).

    The corpora are ordered by source and genre, so a sample spread over the file keeps every part.
    """
    if limit is None or limit >= total:
        return list(range(total))
    if limit <= 0:
        return []
    return [i * total // limit for i in range(limit)]


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def limited_inputs(folder: Path, corpus: Corpus, inputs_dir: Path, limit: int | None) -> tuple[Path, Path]:
    """The chat and labels files to run: the originals, or a parallel sample written to `inputs_dir`."""
    chat, labels = folder / corpus.chat, folder / corpus.labels
    if limit is None:
        return chat, labels
    chat_lines, label_lines = _lines(chat), _lines(labels)
    if len(chat_lines) != len(label_lines):
        raise PublicEvalError(f"{corpus.name}: {len(chat_lines)} chat lines but {len(label_lines)} label lines "
                              f"in {folder}; the pack is damaged (compare with its MANIFEST.json)")
    keep = sample_lines(len(chat_lines), limit)
    inputs_dir.mkdir(parents=True, exist_ok=True)
    out_chat, out_labels = inputs_dir / corpus.chat, inputs_dir / corpus.labels
    out_chat.write_text("".join(chat_lines[i] + "\n" for i in keep), encoding="utf-8")
    out_labels.write_text("".join(label_lines[i] + "\n" for i in keep), encoding="utf-8")
    return out_chat, out_labels


def sanitize(cmd: list[str], chat: Path, out_dir: Path, label: str) -> tuple[Path, Path | None]:
    """Run the sanitizer command; the sanitized file and the quarantine file (None when absent)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    proc = subprocess.run(cmd, cwd=REPO, check=False, stdout=subprocess.DEVNULL)
    stem = chat.name.removesuffix(".jsonl")
    sanitized, quarantine = out_dir / f"{stem}.sanitized.jsonl", out_dir / f"{stem}.quarantine.jsonl"
    print(f"public: {label} on {chat.name}: exit {proc.returncode}, {time.monotonic() - started:.1f} s",
          file=sys.stderr)
    if not sanitized.exists():
        raise PublicEvalError(f"{label} wrote no {sanitized.name} in {out_dir} (exit {proc.returncode}); "
                              "see its output above")
    return sanitized, quarantine if quarantine.exists() else None


def run_scorer(scorer: Path, labels: Path, sanitized: Path, quarantine: Path | None) -> dict[str, Any]:
    """The corpus's own score.py on one output, as a subprocess; its JSON result."""
    cmd = [sys.executable, str(scorer), str(labels), str(sanitized)] + ([str(quarantine)] if quarantine else [])
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    try:
        result = json.loads(proc.stdout)
    except ValueError:
        result = None
    if proc.returncode != 0 or not isinstance(result, dict) or "error" in result:
        reason = result.get("error") if isinstance(result, dict) else f"exit {proc.returncode}, no JSON"
        raise PublicEvalError(f"{scorer.name} failed on {sanitized.name}: {reason}; "
                              f"rerun: {' '.join(cmd)}")
    return result


def split_examples(scored: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The scorer's figures, and apart from them its examples (corpus text, kept out of the figures)."""
    figures: dict[str, Any] = {}
    examples: dict[str, Any] = {}
    for key, value in scored.items():
        if key in ("labels", "sanitized"):
            continue
        if isinstance(value, dict):
            figures[key] = {k: v for k, v in value.items() if not k.endswith("_examples")}
            examples.update({f"{key}.{k}": v for k, v in value.items() if k.endswith("_examples")})
        else:
            figures[key] = value
    return figures, examples


def _target(value: float | None, limit: float, upper: bool) -> dict[str, Any]:
    ok = value is not None and (value <= limit if upper else value >= limit)
    return {"value": value, "limit": limit, "passed": ok}


def check_targets(corpora: Mapping[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Issue 10's targets per corpus; a corpus that was not scored fails its targets (value None)."""
    targets = {}
    for corpus in CORPORA:
        figures = corpora.get(corpus.name, {}).get(corpus.kind, {})
        if corpus.kind == "names":
            targets[f"{corpus.name}.leak_rate"] = _target(
                figures.get("leak_rate"), TARGETS["names_leak_rate_max"], True)
            targets[f"{corpus.name}.benign_entity_kept"] = _target(
                figures.get("benign_entity_kept_rate"), TARGETS["names_benign_entity_kept_min"], False)
        else:
            targets[f"{corpus.name}.recall"] = _target(figures.get("recall"), TARGETS["secrets_recall_min"], False)
            targets[f"{corpus.name}.fp_changed"] = _target(
                figures.get("fp_changed_rate"), TARGETS["secrets_fp_changed_max"], True)
    return targets


def _pct(v: float | None) -> str:
    return "n/a" if v is None else f"{100 * v:.1f}%"


NAMES_HEADER = (f"{'names (PERSON)':<24}{'records':>8}{'names':>8}{'leaked':>8}{'leak':>8}{'partial':>9}"
                f"{'benign kept':>13}{'quar':>6}")
SECRETS_HEADER = (f"{'secrets (credentials)':<24}{'tp':>6}{'recall':>8}{'changed':>9}{'fp':>6}{'fp chg':>8}"
                  f"{'clean':>8}{'quar':>6}")


LEGEND = ("names: labelled person-name strings; leaked/leak: still verbatim in their record; partial: removed, but a "
          "3+ letter token of theirs is left (diagnostic); benign kept: organisations, places, works kept; quar: "
          "quarantined records (count as changed). secrets: recall = tp rows whose secret values (else text) are "
          "gone; changed = tp rows whose text changed; fp chg = fp rows (near-misses, negatives) changed; clean = "
          "the same without the rows marked as label noise. Sources: ds detect-secrets, sl secretlint, "
          "np Nosey Parker.")


def _names_rows(name: str, figures: dict[str, Any]) -> list[str]:
    total = (f"{name:<24}{figures['records']:>8}{figures['planted']:>8}{figures['leaked']:>8}"
             f"{_pct(figures['leak_rate']):>8}{figures['partial_leaks']:>9}"
             f"{_pct(figures['benign_entity_kept_rate']):>13}{figures['records_quarantined']:>6}")
    genres = figures.get("by_genre", {})
    if len(genres) < 2:
        return [total]
    return [total] + [f"{'  ' + genre:<32}{g['planted']:>8}{g['leaked']:>8}{_pct(g['leak_rate']):>8}"
                      f"{'':>9}{_pct(g['benign_entity_kept_rate']):>13}" for genre, g in genres.items()]


def _secrets_rows(name: str, figures: dict[str, Any]) -> list[str]:
    total = (f"{name:<24}{figures['tp']:>6}{_pct(figures['recall']):>8}{_pct(figures['recall_text_changed']):>9}"
             f"{figures['fp']:>6}{_pct(figures['fp_changed_rate']):>8}{_pct(figures['fp_clean_changed_rate']):>8}"
             f"{figures['tp_quarantined'] + figures['fp_quarantined']:>6}")
    return [total] + [f"{'  ' + source:<24}{s['tp']:>6}{_pct(s['recall']):>8}{'':>9}{s['fp']:>6}"
                      f"{_pct(s['fp_changed_rate']):>8}" for source, s in figures.get("by_source", {}).items()]


def render_table(results: dict[str, Any]) -> str:
    """The plain-text report: names corpora, the secrets corpus, skipped corpora, then the targets."""
    corpora, skipped = results["corpora"], results["skipped"]
    sample = f", evenly spaced sample of {results['limit']} records per corpus" if results.get("limit") else ""
    lines = [f"public corpora ({results['folder']}; engine {results['engine']}{sample}; scored by its score.py)"]
    names = [c for c in CORPORA if c.kind == "names" and c.name in corpora]
    if names:
        lines += ["", NAMES_HEADER]
        for corpus in names:
            lines += _names_rows(corpus.name, corpora[corpus.name]["names"])
    secrets = [c for c in CORPORA if c.kind == "secrets" and c.name in corpora]
    if secrets:
        lines += ["", SECRETS_HEADER]
        for corpus in secrets:
            lines += _secrets_rows(corpus.name, corpora[corpus.name]["secrets"])
    for name, reason in skipped.items():
        lines.append(f"skipped {name}: {reason}")
    lines += ["", *textwrap.wrap(LEGEND, 110), "", "public targets (reported; they set the exit code only with --check-public):"]
    for name, t in results["targets"].items():
        value = "not scored" if t["value"] is None else t["value"]
        lines.append(f"target {name:<36} {'PASS' if t['passed'] else 'FAIL'}  value {value}  limit {t['limit']}")
    return "\n".join(lines)


def evaluate(folder: Path, scorer: Path, work: Path, engine: str, cli: Path | None,
             limit: int | None) -> tuple[dict[str, Any], dict[str, Any]]:
    """Sanitize and score every corpus present in `folder`: (results, examples). Raises PublicEvalError."""
    if work.exists():
        shutil.rmtree(work)  # stale outputs from an earlier run must not be scored
    corpora: dict[str, Any] = {}
    skipped: dict[str, str] = {}
    examples: dict[str, Any] = {}
    for corpus in CORPORA:
        missing = missing_files(folder, corpus)
        if missing:
            skipped[corpus.name] = f"{', '.join(missing)} not in {folder}"
            continue
        chat, labels = limited_inputs(folder, corpus, work / "inputs", limit)
        out_dir = work / corpus.name
        cmd = sanitize_command(engine, cli, chat, out_dir, None)  # a limit was applied to the inputs above
        sanitized, quarantine = sanitize(cmd, chat, out_dir, engine)
        corpora[corpus.name], examples[corpus.name] = split_examples(
            run_scorer(scorer, labels, sanitized, quarantine))
    results = {"folder": str(folder), "engine": engine, "limit": limit, "scorer": str(scorer),
               "corpora": corpora, "skipped": skipped}
    results["targets"] = check_targets(corpora)
    return results, examples


def report(work_root: Path, public_dir: str | Path | None, engine: str, cli: Path | None, limit: int | None,
           check: bool, scorer: Path | None = None) -> int:
    """Evaluate, print the table, write `<work_root>/public_results.json`; the exit code (see module doc)."""
    folder, origin = locate(public_dir, os.environ, REPO)
    scorer = scorer or folder / "score.py"
    problem = folder_problem(folder, scorer)
    if problem:
        print(f"\npublic corpora: skipped, {problem} (from {origin}). They are public labelled development "
              f"corpora kept outside the repository; pass --public-dir DIR or set {ENV_VAR}=DIR.")
        if check:
            print("public: --check-public asks for targets that cannot be checked without the corpora",
                  file=sys.stderr)
            return 2
        return 0
    if limit is not None:
        print(f"public: {engine}: an evenly spaced sample of {limit} records per corpus (--public-limit)",
              file=sys.stderr)
    try:
        results, examples = evaluate(folder, scorer, work_root / "public", engine, cli, limit)
    except PublicEvalError as e:
        print(f"public: {e}", file=sys.stderr)
        return 2
    work_root.mkdir(parents=True, exist_ok=True)
    (work_root / "public_results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (work_root / "public_details.json").write_text(
        json.dumps(examples, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print()
    print(render_table(results))
    print(f"\nwrote {work_root / 'public_results.json'} (figures) and public_details.json (the scorer's "
          "examples: corpus text, keep it out of the repository)")
    failed = [name for name, t in results["targets"].items() if not t["passed"]]
    if check and failed:
        print(f"public targets failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


def default_limit(engine: str, limit: int | None) -> int | None:
    """The per-corpus record limit: as given, else BASELINE_LIMIT for the slow baseline, else all records."""
    if limit is not None:
        return limit if limit > 0 else None
    return BASELINE_LIMIT if engine == "baseline" else None


def main(argv: list[str] | None = None) -> int:
    """CLI entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--public-dir", help=f"corpora folder (default: ${ENV_VAR}, else ../shared/eval-data)")
    parser.add_argument("--scorer", type=Path, help="score.py to use (default: the one in the corpora folder)")
    parser.add_argument("--work", type=Path, default=REPO / "build" / "eval", help="working folder")
    parser.add_argument("--engine", choices=("ft-sanitizer", "baseline"), default="ft-sanitizer")
    parser.add_argument("--cli", help="path of the ft-sanitizer executable (default: .venv/bin/ft-sanitizer)")
    parser.add_argument("--public-limit", type=int,
                        help=f"records per corpus, evenly spaced (default: all; {BASELINE_LIMIT} for baseline; "
                             "0 = all)")
    parser.add_argument("--check-public", action="store_true", help="exit 1 when a public target fails")
    args = parser.parse_args(argv)
    cli = find_cli(args.cli) if args.engine == "ft-sanitizer" else None
    return report(args.work / args.engine, args.public_dir, args.engine, cli,
                  default_limit(args.engine, args.public_limit), args.check_public, args.scorer)


if __name__ == "__main__":
    sys.exit(main())
