"""Run the labeled evaluation end to end: generate → sanitize each format file → score.

    .venv/bin/python -m benchmarks.eval.run --check                 # ft-sanitizer, seed 7, 3000 records
    .venv/bin/python -m benchmarks.eval.run --engine baseline --limit 300   # plain Presidio, 300/format

The sanitizer runs as a subprocess: `ft-sanitizer sanitize <work>/data/eval_<format>.jsonl --out
<work>/<engine>/<format>/`, or `benchmarks/baseline_presidio.py` with `--engine baseline`.
Results land in `<work>/<engine>/eval_results.json`. Then the public labelled corpora (`public.py`:
../shared/eval-data, or --public-dir / $FT_SANITIZER_PUBLIC_EVAL) are run and scored the same way, into
`<work>/<engine>/public_results.json`; a missing folder is reported and skipped. Exit codes: 0 ok, 1 targets
failed (--check for the generated set, --check-public for the public corpora), 2 a step failed (missing CLI,
sanitizer error, outputs that don't align).
"""

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository root importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.eval import generate_eval_set, score
from benchmarks.eval.render import FORMATS

REPO = Path(__file__).resolve().parents[2]


def find_cli(explicit: str | None) -> Path:
    """The ft-sanitizer executable: --cli, else the repo's .venv, else PATH; exits 2 when none."""
    candidates = [Path(explicit)] if explicit else [REPO / ".venv" / "bin" / "ft-sanitizer"]
    if not explicit and shutil.which("ft-sanitizer"):
        candidates.append(Path(shutil.which("ft-sanitizer")))
    for path in candidates:
        if path.is_file():
            return path
    print(f"run: ft-sanitizer CLI not found (looked at {', '.join(map(str, candidates))}); install the project "
          "with `uv sync` (it provides the `ft-sanitizer` script) or pass --cli PATH", file=sys.stderr)
    sys.exit(2)


def sanitize_command(engine: str, cli: Path | None, eval_file: Path, out_dir: Path, limit: int | None) -> list[str]:
    """The subprocess command that sanitizes one eval file into `out_dir`."""
    if engine == "baseline":
        cmd = [sys.executable, str(REPO / "benchmarks" / "baseline_presidio.py"), "--input", str(eval_file),
               "--out", str(out_dir)]
        return cmd + (["--limit", str(limit)] if limit else [])
    return [str(cli), "sanitize", str(eval_file), "--out", f"{out_dir}/"]


def main(argv: list[str] | None = None) -> int:
    """CLI entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=REPO / "build" / "eval", help="working folder")
    parser.add_argument("--records", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--engine", choices=("ft-sanitizer", "baseline"), default="ft-sanitizer")
    parser.add_argument("--cli", help="path of the ft-sanitizer executable (default: .venv/bin/ft-sanitizer)")
    parser.add_argument("--limit", type=int, help="baseline only: sanitize the first N records of each file")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target fails")
    parser.add_argument("--public-dir", help="public corpora folder (default: $FT_SANITIZER_PUBLIC_EVAL, "
                                             "else ../shared/eval-data)")
    parser.add_argument("--public-limit", type=int, help="records per public corpus (default: all; 300 for "
                                                         "baseline; 0 = all)")
    parser.add_argument("--no-public", action="store_true", help="skip the public corpora")
    parser.add_argument("--check-public", action="store_true", help="exit 1 when a public-corpora target fails")
    args = parser.parse_args(argv)
    cli = find_cli(args.cli) if args.engine == "ft-sanitizer" else None

    data = args.work / "data"
    generate_eval_set.generate(data, args.records, args.seed)
    out_root = args.work / args.engine
    if out_root.exists():
        shutil.rmtree(out_root)  # stale outputs from an earlier run must not be scored
    for fmt in FORMATS:
        eval_file = data / generate_eval_set.file_name(fmt)
        out_dir = out_root / fmt
        out_dir.mkdir(parents=True)
        cmd = sanitize_command(args.engine, cli, eval_file, out_dir, args.limit)
        started = time.monotonic()
        proc = subprocess.run(cmd, cwd=REPO, check=False)
        took = time.monotonic() - started
        produced = (out_dir / f"{eval_file.stem}.sanitized.jsonl").exists()
        print(f"run: {args.engine} on {eval_file.name}: exit {proc.returncode}, {took:.1f} s", file=sys.stderr)
        if not produced:
            print(f"run: {args.engine} wrote no {eval_file.stem}.sanitized.jsonl in {out_dir} "
                  f"(exit {proc.returncode}); see its output above", file=sys.stderr)
            return 2
    score_args = ["--eval-dir", str(data), "--sanitized-dir", str(out_root)]
    score_args += ["--check"] if args.check else []
    score_args += ["--allow-partial"] if args.limit else []
    rc = score.main(score_args)
    if rc == 2 or args.no_public:
        return rc
    from benchmarks.eval import public  # imported here: public.py imports this module's helpers

    public_rc = public.report(out_root, args.public_dir, args.engine, cli,
                              public.default_limit(args.engine, args.public_limit), args.check_public)
    return max(rc, public_rc)


if __name__ == "__main__":
    sys.exit(main())
