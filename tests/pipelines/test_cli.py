"""The ft-sanitizer command line, run as a user runs it (the installed console script)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "data-samples"
CLI = [str(Path(sys.executable).with_name("ft-sanitizer"))]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(CLI + list(args), check=False, capture_output=True, text=True, timeout=300, cwd=ROOT)


def test_exits_zero_when_every_record_is_valid():
    result = run("validate", str(SAMPLES / "conversational.jsonl"))
    assert result.returncode == 0, result.stderr
    assert "0 invalid" in result.stdout


def test_exits_one_and_lists_lines_when_records_are_invalid():
    result = run("validate", str(SAMPLES / "malformed.jsonl"))
    assert result.returncode == 1
    assert "invalid_json: 1 line(s): 2" in result.stdout
    assert "role_order" in result.stdout


def test_exits_two_when_file_is_missing(tmp_path):
    result = run("validate", str(tmp_path / "nope.jsonl"))
    assert result.returncode == 2
    assert "nope.jsonl" in result.stderr


def test_writes_three_outputs_when_sanitizing_a_file(tmp_path):
    result = run("sanitize", str(SAMPLES / "text.jsonl"), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert {"text.sanitized.jsonl", "text.quarantine.jsonl", "report.json"} <= set(names)
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert report["records_total"] == report["records_written"] + report["records_quarantined"] == 3
    assert report["decision"] in {"approved", "needs_review", "rejected"}
    assert len(report["sanitized_sha256"]) == 64
    assert isinstance(report["findings"], dict)


def test_writes_one_folder_per_file_when_input_is_a_folder(tmp_path):
    result = run("sanitize", str(SAMPLES), "--out", str(tmp_path / "out"), "--detectors", "secrets")
    assert result.returncode == 0, result.stderr
    for stem in ("conversational", "instruction", "text", "preference", "malformed"):
        assert (tmp_path / "out" / stem / "report.json").is_file()


@pytest.mark.parametrize(
    ("value", "named"),
    [
        ("dna", "'dna'"),  # not a family at all
        ("pii,secret", "'secret'"),  # near-miss: singular of a real family
        (",", "nothing"),  # no family given
    ],
)
def test_names_option_and_bad_value_when_detector_unknown(tmp_path, value, named):
    result = run("sanitize", str(SAMPLES / "text.jsonl"), "--out", str(tmp_path), "--detectors", value)
    assert result.returncode == 2
    assert "'--detectors'" in result.stderr and f"{named} is not a detector family" in result.stderr
    assert "pii, secrets" in result.stderr


def test_says_where_html_report_is_when_sanitized(tmp_path):
    result = run("sanitize", str(SAMPLES / "text.jsonl"), "--out", str(tmp_path / "out"), "--detectors", "secrets")
    assert result.returncode == 0, result.stderr
    assert f"read it:    {tmp_path / 'out' / 'report.html'}" in result.stdout


@pytest.mark.parametrize("command", ["validate", "sanitize"])
def test_explains_itself_when_asked_for_help(command):
    result = run(command, "--help")
    assert result.returncode == 0
    assert "Exit status" in result.stdout


def test_names_each_command_as_its_module_when_commands_load_lazily():
    import importlib

    from pipelines.cli import COMMAND_MODULES

    for module in COMMAND_MODULES:
        assert importlib.import_module(module).command.name == module.rsplit(".", 1)[1]


def test_imports_no_presidio_when_sanitize_command_loads():
    # The main process of a run on worker processes only plans and merges: presidio and spaCy stay out.
    code = (
        "import sys\n"
        "from pipelines.cli import main\n"
        "main.get_command(None, 'sanitize')\n"
        "print(sorted(m for m in ('presidio_analyzer', 'spacy', 'together') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True,
                            timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_suggests_closest_command_when_name_is_misspelt():
    result = run("sanitise", "x.jsonl")
    assert result.returncode == 2
    assert "Did you mean 'sanitize'" in result.stderr
