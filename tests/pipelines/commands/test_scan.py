"""`ft-sanitizer scan`, the pre-commit hook, run as pre-commit runs it."""

import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[3]
CLI = str(Path(sys.executable).with_name("ft-sanitizer"))
KEY = "tgp_v1_" + "FAKEscanTEST" + "Q7mR2tW9vK4pZ8aL3nB6cD1eF5gH0jY"  # 43 after the prefix


def scan(*files: Path) -> subprocess.CompletedProcess:
    return subprocess.run([CLI, "scan", *map(str, files)], check=False, capture_output=True, text=True, timeout=120)


def test_blocks_and_names_place_when_file_holds_key(tmp_path):
    path = tmp_path / "settings.py"
    path.write_text(f"DEBUG = True\nTOGETHER_API_KEY = '{KEY}'\n")
    result = scan(path)
    assert result.returncode == 1
    assert f"{path}:2:" in result.stdout and "TOGETHER_API_KEY" in result.stdout
    assert KEY not in result.stdout + result.stderr
    assert KEY[-4:] not in result.stdout + result.stderr


def test_passes_when_files_are_clean(tmp_path):
    path = tmp_path / "ok.md"
    path.write_text("Set TOGETHER_API_KEY in your environment, e.g. `export TOGETHER_API_KEY=<your key>`.\n")
    assert scan(path).returncode == 0


def test_skips_line_when_marked_allowed(tmp_path):
    path = tmp_path / "fixture.py"
    path.write_text(f"FAKE = '{KEY}'  # ft-sanitizer: allow\n")
    assert scan(path).returncode == 0


def test_finds_private_key_block_when_it_spans_lines(tmp_path):
    path = tmp_path / "id_rsa"
    body = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDfakeFAKEfake0123\n" * 3
    path.write_text("-----BEGIN " + "PRIVATE KEY-----\n" + body + "-----END " + "PRIVATE KEY-----\n")
    result = scan(path)
    assert result.returncode == 1 and "PRIVATE_KEY" in result.stdout


def test_exits_two_when_file_is_missing(tmp_path):
    assert scan(tmp_path / "missing.txt").returncode == 2


def test_declares_hook_for_pre_commit_when_manifest_read():
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "ft-sanitizer-secrets" and hook["entry"] == "ft-sanitizer scan"
    assert hook["language"] == "python"
