"""Canary test: the unique fake values planted in data-samples/ must appear in no output, log or error.

The whole CLI runs at DEBUG level on every sample file (malformed included); then every byte it
printed and every file it wrote is searched for every canary.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLI = str(Path(sys.executable).with_name("ft-sanitizer"))


def test_no_canary_appears_anywhere_when_samples_are_sanitized(tmp_path, canaries):
    inputs = "".join(p.read_text() for p in (ROOT / "data-samples").glob("*.jsonl"))
    for name, value in canaries.items():
        assert value in inputs.replace("\\n", "\n"), f"canary {name} is not planted in data-samples"

    result = subprocess.run(
        [CLI, "--log-level", "DEBUG", "sanitize", str(ROOT / "data-samples"), "--out", str(tmp_path / "out")],
        check=False, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    haystacks = {"stdout": result.stdout, "stderr": result.stderr}
    for path in (tmp_path / "out").rglob("*"):
        if path.is_file():
            haystacks[str(path.relative_to(tmp_path))] = path.read_text(encoding="utf-8")
    assert any(p.endswith("report.json") for p in haystacks)
    leaks = [(name, where) for name, value in canaries.items() for where, text in haystacks.items()
             if value in text or value in text.replace("\\n", "\n")]
    assert leaks == []
