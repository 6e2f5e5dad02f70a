"""A run folder as the gate sees it: report.json parsed from the bytes read, and every file's sha256.

A run is approved as a whole: the sanitized file, the quarantine file, report.json and report.html.
Their names come from report.json (bare names only) and their bytes are read as regular files only
(`run_files`), so a symlink, FIFO or oversized file stops the gate instead of fooling or hanging it.
"""

import hashlib
from pathlib import Path

from pydantic import ValidationError

from pipelines.gate.run_files import REPORT_LIMIT, bare_name, hash_regular, read_regular
from schemas.errors import NotApproved
from schemas.report import Report

REPORT_FILE = "report.json"
HTML_FILE = "report.html"


def load_report(out_dir: Path) -> tuple[Report, str]:
    """report.json of `out_dir`, and the sha256 of exactly the bytes that were parsed.

    Raises:
        NotApproved: missing, not a regular file, too large, or not a valid report.
    """
    path = out_dir / REPORT_FILE
    try:
        raw = read_regular(path, REPORT_LIMIT)
    except FileNotFoundError as e:
        raise NotApproved(f"{path} does not exist; run sanitize into {out_dir} first") from e
    try:
        report = Report.model_validate_json(raw)
    except ValidationError as e:
        raise NotApproved(f"{path} is not a valid report ({describe(e)}); run sanitize again") from e
    # The hash of the bytes just parsed, not of a second read: what was checked is what is bound.
    return report, hashlib.sha256(raw).hexdigest()


def run_file_names(out_dir: Path, report: Report) -> list[str]:
    """The files an approval covers, report.json's own names checked to stay inside the folder."""
    where = out_dir / REPORT_FILE
    return [
        bare_name(report.sanitized.name, where),
        bare_name(report.quarantine.name, where),
        REPORT_FILE,
        HTML_FILE,
    ]


def hash_run(out_dir: Path, report: Report, report_sha256: str) -> dict[str, str]:
    """sha256 of every file of the run, report.json's taken from the bytes `load_report` parsed.

    Raises:
        NotApproved: a file is missing or is not a regular file.
    """
    hashes: dict[str, str] = {}
    for name in run_file_names(out_dir, report):
        if name == REPORT_FILE:
            hashes[name] = report_sha256
            continue
        try:
            hashes[name], _ = hash_regular(out_dir / name)
        except FileNotFoundError as e:
            raise NotApproved(
                f"{out_dir / name} does not exist; the run is incomplete: run sanitize again"
            ) from e
    return hashes


def describe(e: ValidationError) -> str:
    """Where and what kind of validation error, never the input."""
    parts = []
    for err in e.errors(include_input=False, include_url=False):
        where = ".".join(str(p) for p in err["loc"]) or "document"
        parts.append(f"{where}: {err['type']}")
    return "; ".join(parts[:5])
