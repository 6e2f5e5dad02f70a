"""Build a run folder (report.json/html + sanitized + quarantine files) the way a sanitize run leaves it.

The report is written through `schemas.report.Report`, so these folders follow the real contract.
"""

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

from pipelines.stages.render_html import write_report_html
from schemas.formats import RecordFormat
from schemas.report import Decision, FileFacts, Report
from schemas.run_config import RunConfig

CHAT_LINES = [
    {"messages": [{"role": "user", "content": "Hi <PERSON_1>"}, {"role": "assistant", "content": "Hello!"}]},
    {"messages": [{"role": "user", "content": "2+2?"}, {"role": "assistant", "content": "4"}]},
]


def jsonl(lines: list[dict]) -> bytes:
    """Encode records as JSONL bytes, one object per line."""
    return b"".join(json.dumps(line).encode() + b"\n" for line in lines)


def _facts(name: str, data: bytes) -> FileFacts:
    return FileFacts(name=name, bytes=len(data), sha256=hashlib.sha256(data).hexdigest())


def make_run_dir(
    root: Path,
    *,
    lines: list[dict] | None = None,
    decision: Decision = Decision.NEEDS_REVIEW,
    stem: str = "train",
    record_format: RecordFormat | None = RecordFormat.CONVERSATIONAL,
    sanitized_name: str | None = None,
) -> Path:
    """Write report.json, <stem>.sanitized.jsonl and <stem>.quarantine.jsonl into root/<stem>/."""
    out = root / stem
    out.mkdir(parents=True, exist_ok=True)
    data = jsonl(CHAT_LINES if lines is None else lines)
    sanitized = _facts(f"{stem}.sanitized.jsonl", data)
    (out / sanitized.name).write_bytes(data)
    (out / f"{stem}.quarantine.jsonl").write_bytes(b"")
    n = data.count(b"\n")
    report = Report(
        tool_version="test",
        created_at=datetime.now(UTC),
        input=_facts(f"{stem}.jsonl", data),
        sanitized=sanitized.model_copy(update={"name": sanitized_name}) if sanitized_name else sanitized,
        quarantine=_facts(f"{stem}.quarantine.jsonl", b""),
        format=record_format,
        records_total=n,
        records_written=n,
        records_quarantined=0,
        sanitized_sha256=sanitized.sha256,
        decision=decision,
        decision_reasons=["test_reason"] if decision is not Decision.APPROVED else [],
        config=RunConfig().model_dump(mode="json"),
    )
    (out / "report.json").write_text(report.model_dump_json(indent=2))
    write_report_html(report, out)
    return out


def sanitized_path(out: Path) -> Path:
    """The sanitized file named by out/report.json."""
    report = Report.model_validate_json((out / "report.json").read_bytes())
    return out / report.sanitized.name
