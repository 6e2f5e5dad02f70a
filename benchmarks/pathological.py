"""Which recognizer grows faster than linearly on backtracking bait: time at N and 4N characters.

Every recognizer (secrets and PII, called directly with no NLP artifacts) and the whole detector
(secrets only, and full) run on each bait of `tests/adversarial/fuzz_corpus.PATHOLOGICAL` repeated to
N and to 4N characters. A linear detector takes about 4x as long on 4N; the report lists every pair
whose time grew more than `--flag` times (default 8, i.e. worse than N^1.5) and took at least 50 ms.
Speed is measured here, never asserted in tests: the time limit per record (`detection_timeout`) is
what bounds a run whatever this finds.

    .venv/bin/python benchmarks/pathological.py [--chars 4000] [--flag 8] [--secrets-only]
"""

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipelines.stages.time_limit import DetectionTimeout, time_limit
from tests.adversarial.fuzz_corpus import PATHOLOGICAL

MIN_SECONDS = 0.05


def _timed(fn: Callable[[str], object], text: str, cap: float) -> float:
    """Seconds `fn(text)` took, or `cap` when it was still running then (cut short by `time_limit`)."""
    start = time.perf_counter()
    try:
        with time_limit(cap):
            fn(text)
    except DetectionTimeout:
        return cap
    return time.perf_counter() - start


def _callables(secrets_only: bool) -> dict[str, Callable[[str], object]]:
    from sanitizers.engine import Detector
    from sanitizers.registry import SECRET_RECOGNIZERS
    from schemas.run_config import DetectionOptions, Detectors

    out: dict[str, Callable[[str], object]] = {}
    for cls in SECRET_RECOGNIZERS:
        recognizer = cls()
        out[cls.__name__] = lambda text, r=recognizer: r.analyze(text, [])
    secrets = Detector(DetectionOptions(detectors=frozenset({Detectors.SECRETS})))
    out["Detector(secrets)"] = lambda text: secrets.detect_batch([text])
    if not secrets_only:
        from sanitizers.registry import PII_RECOGNIZERS

        for cls in PII_RECOGNIZERS:
            recognizer = cls()
            recognizer.load()
            out[cls.__name__] = lambda text, r=recognizer: r.analyze(text, [], None)
        full = Detector(DetectionOptions())
        out["Detector(pii,secrets)"] = lambda text: full.detect_batch([text])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chars", type=int, default=4000, help="N: the smaller size, in characters")
    parser.add_argument("--flag", type=float, default=8.0, help="flag a growth above this factor for 4x the text")
    parser.add_argument("--secrets-only", action="store_true", help="skip PII recognizers and spaCy")
    parser.add_argument("--cap", type=float, default=20.0, help="stop one call after this many seconds")
    args = parser.parse_args()
    print(f"| recognizer | bait | {args.chars} chars (s) | {4 * args.chars} chars (s) | growth |")
    print("| --- | --- | --- | --- | --- |", flush=True)
    flagged = 0
    for name, run in _callables(args.secrets_only).items():
        for bait in PATHOLOGICAL:
            small = bait * (args.chars // len(bait))
            t_small = _timed(run, small, args.cap)
            t_big = _timed(run, small * 4, args.cap)
            grew = t_big >= MIN_SECONDS and t_big > args.flag * max(t_small, 1e-4)
            if grew or t_big >= 1.0:  # superlinear, or slow even if it grew linearly
                flagged += 1
                capped = ">=" if t_big >= args.cap else ""
                print(f"| {name} | {bait!r} | {t_small:.3f} | {capped}{t_big:.3f} | "
                      f"{capped}{t_big / max(t_small, 1e-4):.1f}x |", flush=True)
    if not flagged:
        print("| (none) | | | | |")


if __name__ == "__main__":
    main()
