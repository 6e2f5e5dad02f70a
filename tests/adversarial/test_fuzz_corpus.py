"""A generated corpus of thousands of malformed and pathological lines, run through the real CLI.

Whatever the lines hold, the run ends with exit 0 and no traceback, every non-blank line is written
or quarantined (counts balance, in report.json and in the files), no quarantine row or message
carries text from the input (the canary is in keys and values alike), and every report excerpt is
text the sanitized file itself holds. Time per line is bounded by structure: detection has a time
limit per record (`detection_timeout`), and the whole run must finish within the subprocess timeout.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.adversarial.fuzz_corpus import CANARY, non_blank, write_corpus

CLI = str(Path(sys.executable).with_name("ft-sanitizer"))
# Generous: the secrets-only run takes seconds, PII about half a minute; a hang or a detector gone
# quadratic on some line would take far longer.
RUN_TIMEOUT_S = 600


def sanitize(src: Path, out: Path, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run([CLI, "sanitize", str(src), "--out", str(out), *options], check=False,
                          capture_output=True, text=True, timeout=RUN_TIMEOUT_S,
                          env={**os.environ, "FT_SANITIZER_DETECTION_TIMEOUT_S": "10"})


def strings_in(value: object) -> list[str]:
    """Every string inside a JSON value, keys included."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (k, *strings_in(v))]
    if isinstance(value, list):
        return [s for v in value for s in strings_in(v)]
    return []


def check_run(result: subprocess.CompletedProcess, out: Path, lines: list[bytes]) -> dict:
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr + result.stdout
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    # Split on "\n" only: a record may hold U+2028 or other characters str.splitlines() breaks at.
    sanitized = (out / "corpus.sanitized.jsonl").read_text(encoding="utf-8").split("\n")[:-1]
    quarantine_text = (out / "corpus.quarantine.jsonl").read_text(encoding="utf-8")
    rows = [json.loads(row) for row in quarantine_text.split("\n")[:-1]]

    # Nothing lost: every non-blank line is written or quarantined, once.
    assert report["records_total"] == non_blank(lines)
    assert report["records_total"] == report["records_written"] + report["records_quarantined"]
    assert len(sanitized) == report["records_written"]
    assert len(rows) == report["records_quarantined"]
    assert len({row["line"] for row in rows}) == len(rows)
    assert sum(report["quarantine_by_reason"].values()) == len(rows)

    # Quarantine rows carry no input-derived text: only line, reason code, field path, fixed message.
    assert CANARY not in quarantine_text
    assert CANARY not in result.stdout + result.stderr
    for row in rows:
        assert set(row) == {"line", "reason", "field", "message"}
        assert "\x1b" not in row["field"] + row["message"]

    # Excerpts show only text the sanitized file holds.
    texts = [s for line in sanitized for s in strings_in(json.loads(line))]
    for excerpt in report["excerpts"]:
        shown = excerpt["text"].strip("…")
        assert any(shown in text for text in texts), excerpt["line"]
    return report


def test_accounts_for_every_line_when_secrets_run_on_the_fuzz_corpus(tmp_path):
    lines = write_corpus(tmp_path / "corpus.jsonl", 4000, seed=13)
    result = sanitize(tmp_path / "corpus.jsonl", tmp_path / "out", "--detectors", "secrets",
                      "--workers", "2", "--chunk-mb", "0.25")
    report = check_run(result, tmp_path / "out", lines)
    assert report["records_written"] > 0 and report["records_quarantined"] > 0  # both paths exercised


@pytest.mark.slow
def test_accounts_for_every_line_when_pii_runs_on_the_fuzz_corpus(tmp_path):
    lines = write_corpus(tmp_path / "corpus.jsonl", 800, seed=29)
    result = sanitize(tmp_path / "corpus.jsonl", tmp_path / "out", "--workers", "2", "--chunk-mb", "0.1")
    report = check_run(result, tmp_path / "out", lines)
    assert report["records_written"] > 0 and report["records_quarantined"] > 0
