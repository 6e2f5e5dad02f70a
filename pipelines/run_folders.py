"""Run folders of a recurring (nightly) run: one new folder per run, reuse of earlier work, retention.

Layout under the deployment's output folder ROOT:

    ROOT/<UTC date>T<time>Z-<first 8 hex of the flow run id>/   one per run, never written again
        run.json                  which files the run sanitized here, which it took from an earlier run
        <stem>/                   a file sanitized by this run (report.json, sanitized file, approval ...)

A file whose sha256 was already sanitized with the same config and the same tool and library versions
in a run folder that still exists is not sanitized again: run.json names that earlier folder. So a
nightly over a folder that grows only processes the new files, and no earlier folder is touched.
Retention (`prune`) deletes the oldest run folders beyond a count, never one that a kept run refers to.
"""

import json
import re
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from pydantic import ValidationError

from pipelines.atomic import atomic_write_text
from pipelines.versions import tool_version, versions
from schemas.report import Report
from schemas.run_config import RunConfig

MANIFEST = "run.json"
REPORT = "report.json"
_NAME = re.compile(r"^\d{8}T\d{6}Z-[0-9a-f]{8}$")


@dataclass(frozen=True)
class ManifestEntry:
    """One input file of a run: sanitized in `folder`, or reused from an earlier run's `folder`."""

    file: str
    input_sha256: str
    folder: str  # relative to ROOT: "<run folder>/<stem>"
    reused: bool


def run_folder_name(flow_run_id: str, started: datetime) -> str:
    """`<YYYYMMDD>T<HHMMSS>Z-<8 hex of the run id>`: sorts by start time, unique per run."""
    return f"{started.astimezone(UTC):%Y%m%dT%H%M%SZ}-{flow_run_id.replace('-', '')[:8]}"


def run_folders(root: Path) -> list[Path]:
    """The run folders under `root`, oldest first (by name, which starts with the UTC start time)."""
    if not Path(root).is_dir():
        return []
    return sorted(p for p in Path(root).iterdir() if p.is_dir() and _NAME.match(p.name))


def find_sanitized(root: Path, input_sha256: str, config: RunConfig, exclude: Path | None = None) -> Path | None:
    """The newest file folder under `root` that sanitized these input bytes with this config, or None.

    Same config means the same RunConfig, tool version and library versions as this run (a newer
    detector may find more). Only folders whose report.json and sanitized file still exist count.
    """
    wanted_config = config.model_dump(mode="json")
    wanted_versions, wanted_tool = versions(), tool_version()
    for run in reversed(run_folders(root)):
        if exclude is not None and run == exclude:
            continue
        for report_path in sorted(run.glob(f"*/{REPORT}")):
            report = _read_report(report_path)
            if (
                report is not None
                and report.input.sha256 == input_sha256
                and report.config == wanted_config
                and report.versions == wanted_versions
                and report.tool_version == wanted_tool
                and (report_path.parent / report.sanitized.name).is_file()
            ):
                return report_path.parent
    return None


def write_manifest(run_dir: Path, flow_run_id: str, entries: list[ManifestEntry]) -> Path:
    """Write `run_dir/run.json`: the run id and, per input file, where its outputs are."""
    body = {
        "flow_run_id": flow_run_id,
        "files": [
            {"file": e.file, "input_sha256": e.input_sha256, "folder": e.folder, "reused": e.reused} for e in entries
        ],
    }
    path = Path(run_dir) / MANIFEST
    atomic_write_text(path, json.dumps(body, indent=2, sort_keys=True) + "\n")
    return path


def prune(root: Path, keep: int, current: Path) -> list[Path]:
    """Delete the oldest run folders beyond the newest `keep`; return what was deleted.

    Never deletes `current`, nor a folder that a kept run's run.json refers to (its files were
    reused, so the kept run's outputs live there).
    """
    folders = run_folders(root)
    kept = folders[-keep:] if keep > 0 else []
    if current not in kept:
        kept.append(current)
    referenced = {ref for run in kept for ref in _referenced(run)}
    deleted = []
    for run in folders:
        if run in kept or run.name in referenced:
            continue
        shutil.rmtree(run)
        deleted.append(run)
    return deleted


def _referenced(run: Path) -> set[str]:
    try:
        files = json.loads((run / MANIFEST).read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return set()
    return {Path(f["folder"]).parts[0] for f in files if isinstance(f, dict) and f.get("folder")}


def _read_report(path: Path) -> Report | None:
    try:
        return Report.model_validate_json(path.read_bytes())
    except (OSError, ValidationError):
        return None
