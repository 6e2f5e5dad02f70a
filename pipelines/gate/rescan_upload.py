"""The last line of defence: re-scan the exact bytes about to be uploaded for secrets.

Whatever report.json and approval.json claim, `upload` scans every string of every record of the
private copy it is about to send (values and field names alike) with the secret detectors, and
refuses on any finding. It costs seconds (the scanner runs at 15-20 MB/s per core), and it catches a
secret that reached the sanitized file by any path: a detector gap fixed since, a planted chunk, a
hand edit that was approved anyway. Messages name line numbers and entity types, never the value.
"""

import json
from collections.abc import Iterator
from pathlib import Path

from schemas.errors import ContentRefused

_MAX_LINES_NAMED = 10


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
    if hits:
        named = sorted(hits)[:_MAX_LINES_NAMED]
        kinds = sorted(set().union(*hits.values()))
        raise ContentRefused(
            f"{path.name}: the upload's own re-scan found {', '.join(kinds)} on {len(hits)} line(s) (lines "
            f"{', '.join(map(str, named))}{'…' if len(hits) > len(named) else ''}); nothing was sent: "
            "sanitize the input again (and check the run folder was not altered)"
        )
    return lines


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
