"""The last line of defence: re-scan the exact bytes about to be uploaded for secrets.

Whatever report.json and approval.json claim, `upload` scans every string of every record of the
private copy it is about to send (values and field names alike) with the secret detectors, and
refuses on any finding. It costs seconds (the scanner runs at 15-20 MB/s per core), and it catches a
secret that reached the sanitized file by any path: a detector gap fixed since, a planted chunk, a
hand edit that was approved anyway. Messages name line numbers and entity types, never the value.

Where configured (`upload --rescan-pii`, or FT_SANITIZER_UPLOAD_RESCAN_PII=1 for the Prefect worker),
the same bytes are also scanned for PII with the run's spaCy model, and any PII outside our own
placeholders (`<PERSON_1>`) refuses the upload. It is off by default: surrogate fakes are PII-shaped
on purpose, and the report already counts residual PII for the reviewer.
"""

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

from schemas.errors import ContentRefused

_MAX_LINES_NAMED = 10
PII_ENV = "FT_SANITIZER_UPLOAD_RESCAN_PII"
_PLACEHOLDER = re.compile(r"<[A-Z][A-Z0-9_]*_[0-9]+>")
_PII_BATCH = 256


def pii_rescan_configured(flag: bool | None) -> bool:
    """The --rescan-pii flag if given, else FT_SANITIZER_UPLOAD_RESCAN_PII (1/true/yes)."""
    if flag is not None:
        return flag
    return os.environ.get(PII_ENV, "").strip().lower() in ("1", "true", "yes")


def rescan_for_pii(path: Path, spacy_model: str) -> int:
    """Scan every string of the JSONL file `path` for PII outside placeholders; return lines scanned.

    Raises:
        ContentRefused: a line holds PII that is not one of our placeholders.
    """
    from sanitizers.engine import get_detector
    from schemas.run_config import DetectionOptions, Detectors

    detector = get_detector(DetectionOptions(detectors=frozenset({Detectors.PII}), spacy_model=spacy_model))
    hits: dict[int, set[str]] = {}
    pending: list[tuple[int, str]] = []
    lines = 0

    def flush() -> None:
        found = detector.detect_batch([text for _, text in pending])
        for (line_no, text), findings in zip(pending, found):
            inside = [m.span() for m in _PLACEHOLDER.finditer(text)]
            for f in findings:
                if not any(a <= f.start and f.end <= b for a, b in inside):
                    hits.setdefault(line_no, set()).add(f.entity_type)
        pending.clear()

    with path.open("rb") as f:
        for line_no, raw in enumerate(f, start=1):
            if not raw.strip():
                continue
            lines += 1
            pending.extend((line_no, text) for text in _strings(json.loads(raw)) if text.strip())
            if len(pending) >= _PII_BATCH:
                flush()
    flush()
    _refuse_if(path, hits, "PII")
    return lines


def rescan_for_secrets(path: Path) -> int:
    """Scan every string of the JSONL file `path`; return the number of lines scanned.

    Raises:
        ContentRefused: a line holds a secret, or is not a JSON value (nothing was sent).
    """
    from sanitizers.secret_scan import SecretScanner

    scanner = SecretScanner()
    hits: dict[int, set[str]] = {}
    lines = 0
    with path.open("rb") as f:
        for line_no, raw in enumerate(f, start=1):
            if not raw.strip():
                continue
            lines += 1
            try:
                record = json.loads(raw)
            except ValueError:
                hits.setdefault(line_no, set()).add("NOT_JSON")
                continue
            for text in _strings(record):
                for finding in scanner.scan(text):
                    hits.setdefault(line_no, set()).add(finding.entity_type)
    _refuse_if(path, hits, "secret")
    return lines


def _refuse_if(path: Path, hits: dict[int, set[str]], what: str) -> None:
    if not hits:
        return
    named = sorted(hits)[:_MAX_LINES_NAMED]
    kinds = sorted(set().union(*hits.values()))
    raise ContentRefused(
        f"{path.name}: the upload's own {what} re-scan found {', '.join(kinds)} on {len(hits)} line(s) "
        f"(lines {', '.join(map(str, named))}{'…' if len(hits) > len(named) else ''}); nothing was sent: "
        "sanitize the input again (and check the run folder was not altered)"
    )


def _strings(value: object) -> Iterator[str]:
    """Every string inside a JSON value: values and the names of fields."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            for key, inner in item.items():
                yield key
                stack.append(inner)
        elif isinstance(item, list):
            stack.extend(item)
