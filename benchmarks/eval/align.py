"""Map sanitized output records back to the eval files' input lines.

The sanitizer writes `<out>/<stem>.sanitized.jsonl` with the valid records in input order and
`<out>/<stem>.quarantine.jsonl` with {"line": N, "reason": ...} for every other line. Input line i (1-based)
is therefore the k-th output record, where k counts the non-quarantined lines up to i.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class AlignmentError(Exception):
    """The outputs don't account for the inputs; the message says which file and how."""


@dataclass
class AlignedFile:
    """Per input line: its sanitized record, or its quarantine reason, or neither (not processed)."""

    name: str
    total: int
    inputs: dict[int, Any] = field(default_factory=dict)
    records: dict[int, Any] = field(default_factory=dict)
    quarantined: dict[int, str] = field(default_factory=dict)

    @property
    def processed(self) -> int:
        """Lines that have an outcome."""
        return len(self.records) + len(self.quarantined)


def output_dir_for(sanitized_dir: Path, fmt: str, stem: str) -> Path:
    """`<dir>/<format>/` as the runner lays it out, or `<dir>/` when the files sit there directly."""
    nested = sanitized_dir / fmt
    if (nested / f"{stem}.sanitized.jsonl").exists():
        return nested
    return sanitized_dir


def _read_jsonl(path: Path) -> list[Any]:
    rows = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except ValueError as e:
                    raise AlignmentError(f"{path}: line {n} is not JSON; the output is corrupt") from e
    return rows


def align(eval_path: Path, out_dir: Path, allow_partial: bool = False) -> AlignedFile:
    """Align one eval file with its sanitized and quarantine outputs in `out_dir`.

    With `allow_partial`, an output that stops early (a subset run) is accepted: the lines after it
    are left without an outcome and are not scored.
    """
    stem = eval_path.name.removesuffix(".jsonl")
    sanitized_path = out_dir / f"{stem}.sanitized.jsonl"
    quarantine_path = out_dir / f"{stem}.quarantine.jsonl"
    inputs = _read_jsonl(eval_path)
    total = len(inputs)
    if not sanitized_path.exists():
        raise AlignmentError(f"{sanitized_path}: missing; run the sanitizer on {eval_path.name} into {out_dir}")
    outputs = _read_jsonl(sanitized_path)
    quarantined = {}
    if quarantine_path.exists():
        for row in _read_jsonl(quarantine_path):
            quarantined[int(row["line"])] = str(row.get("reason", "unknown"))
    expected = total - len(quarantined)
    if len(outputs) != expected and not (allow_partial and len(outputs) < expected):
        raise AlignmentError(
            f"{eval_path.name}: {total} input lines, {len(quarantined)} quarantined, so {expected} sanitized "
            f"records expected but {sanitized_path.name} has {len(outputs)}; pass --allow-partial for a subset run"
        )
    aligned = AlignedFile(eval_path.name, total, dict(enumerate(inputs, start=1)))
    it = iter(outputs)
    for line in range(1, total + 1):
        if line in quarantined:
            aligned.quarantined[line] = quarantined[line]
            continue
        record = next(it, None)
        if record is None:
            break
        aligned.records[line] = record
    return aligned
