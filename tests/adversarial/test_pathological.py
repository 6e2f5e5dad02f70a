"""Pathological text: no input holds a run for long, and none passes unscanned.

A text that makes a detector backtrack costs at most its time limit: the record is then quarantined
as `detection_timeout` (never written unscanned), and the run goes on. The issue's repros (`password=`
repeated in secrets-only mode, `4 ` repeated with PII) are here at 100 KB; the runs must finish within
a generous subprocess timeout whatever the detectors' speed, which bounds the time per line by
structure instead of asserting a speed.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CLI = str(Path(sys.executable).with_name("ft-sanitizer"))
RUN_TIMEOUT_S = 600
TIMEOUT_ENV = "FT_SANITIZER_DETECTION_TIMEOUT_S"
KEY = "tgp_v1_" + "FAKEpathoTEST" + "7" * 30


def chat(user: str) -> str:
    return json.dumps({"messages": [{"role": "user", "content": user}, {"role": "assistant", "content": "ok"}]})


def sanitize(src: Path, out: Path, timeout_s: str, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run([CLI, "sanitize", str(src), "--out", str(out), *options], check=False,
                          capture_output=True, text=True, timeout=RUN_TIMEOUT_S,
                          env={**os.environ, TIMEOUT_ENV: timeout_s})


def read_run(out: Path, stem: str) -> tuple[dict, list[dict], list[str]]:
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    rows = [json.loads(r) for r in (out / f"{stem}.quarantine.jsonl").read_text(encoding="utf-8").split("\n")[:-1]]
    written = (out / f"{stem}.sanitized.jsonl").read_text(encoding="utf-8").split("\n")[:-1]
    return report, rows, written


def test_quarantines_record_as_detection_timeout_when_detection_passes_its_limit(tmp_path):
    # About 1 MB of `password=` bait: far more than 0.1 ms (plus 0.1 ms per 256 Ki characters) of work.
    src = tmp_path / "slow.jsonl"
    src.write_text("\n".join([chat("my key " + KEY), chat("password=hunter2 " * 60_000), chat("fine")]) + "\n")
    result = sanitize(src, tmp_path / "out", "0.0001", "--detectors", "secrets", "--workers", "1")
    assert result.returncode == 0, result.stderr
    report, rows, written = read_run(tmp_path / "out", "slow")
    assert {"line": 2, "reason": "detection_timeout", "field": ""}.items() <= next(r for r in rows if r["line"] == 2).items()
    assert "hunter2" not in json.dumps(rows)
    assert report["quarantine_by_reason"].get("detection_timeout", 0) >= 1
    assert report["records_total"] == 3 == report["records_written"] + report["records_quarantined"]
    assert not any("hunter2" in line for line in written)  # never written unscanned
    assert KEY not in "".join(written)


@pytest.mark.parametrize(
    ("detectors", "bait"),
    [
        ("secrets", "password="),  # ~2.3 s per KB once, in secrets-only mode
        ("pii,secrets", "4 "),  # 60 s at 16 KB and >13 min at 100 KB once, with PII
    ],
)
def test_finishes_and_accounts_for_every_line_when_texts_are_100_kb_of_backtracking_bait(tmp_path, detectors, bait):
    src = tmp_path / "bait.jsonl"
    lines = [chat("hello " + KEY), chat(bait * (100_000 // len(bait))), chat(bait * (16_000 // len(bait)) + KEY),
             chat("bye")]
    src.write_text("\n".join(lines) + "\n")
    # A 5 s base limit keeps the worst case (every bait line timing out) to about a minute.
    result = sanitize(src, tmp_path / "out", "5", "--detectors", detectors, "--workers", "1")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    report, rows, written = read_run(tmp_path / "out", "bait")
    assert report["records_total"] == 4 == report["records_written"] + report["records_quarantined"]
    assert {r["reason"] for r in rows} <= {"detection_timeout"}
    assert KEY not in "".join(written)  # the key after the bait was found, or its record quarantined
