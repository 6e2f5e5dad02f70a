"""The notebook API: `from pipelines import sanitize_file` over the real stages, no Prefect server."""

import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

from pipelines import SanitizeResult, sanitize_file
from pipelines.api import build_config
from schemas.errors import ConfigError, InputError
from schemas.run_config import Detectors, RunConfig

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "data-samples"


def test_package_export_is_notebook_function_when_imported_from_pipelines() -> None:
    import pipelines.stages.sanitize_file  # noqa: F401  (the stage module of the same name)
    from pipelines import sanitize_file as exported

    assert exported.__module__ == "pipelines.api"


def test_import_stays_light_when_package_imported() -> None:
    code = "import sys, pipelines; print(sorted({'prefect', 'polars', 'spacy'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_returns_report_and_tables_when_file_sanitized(tmp_path: Path, canaries: dict[str, str]) -> None:
    result = sanitize_file(SAMPLES / "conversational.jsonl", tmp_path / "run", detectors={"secrets"})
    assert isinstance(result, SanitizeResult)
    assert result.report.records_total == 10 and result.report_path == tmp_path / "run" / "report.json"
    assert result.sanitized_path.exists() and result.quarantine_path.exists()
    assert result.findings.columns == ["field", "entity_type", "count"]
    assert result.findings["count"].sum() == sum(result.report.findings.values())
    assert result.quarantine.height == result.report.records_quarantined == 0
    html = result._repr_html_()
    assert "conversational.jsonl" in html and result.decision in html
    assert [name for name, value in canaries.items() if value in html] == []


def test_lists_quarantined_lines_when_file_has_bad_lines(tmp_path: Path, canaries: dict[str, str]) -> None:
    result = sanitize_file(SAMPLES / "malformed.jsonl", tmp_path / "run", detectors={"secrets"})
    q = result.quarantine
    assert q.schema == pl.Schema({"line": pl.Int64, "reason": pl.String, "field": pl.String, "message": pl.String})
    assert q.height == result.report.records_quarantined > 0
    assert dict(q.group_by("reason").len().iter_rows()) == result.report.quarantine_by_reason
    assert result.decision == "rejected" and "rejected" in result._repr_html_()
    text = q.write_csv()
    assert [name for name, value in canaries.items() if value in text] == []


def test_writes_under_out_when_no_output_dir_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = sanitize_file(SAMPLES / "text.jsonl", detectors={"secrets"})
    assert result.output_dir == Path("out") / "text" and (tmp_path / "out" / "text" / "report.json").exists()


def test_refuses_folder_when_input_is_a_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="sanitize_dataset"):
        sanitize_file(SAMPLES, tmp_path / "run")


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"detectors": {"secrets"}}, lambda c: c.detection.detectors == frozenset({Detectors.SECRETS})),
        ({"auto_approve": True}, lambda c: c.policy.auto_approve is True),
        ({"unknown_fields": "drop", "batch_size": 8}, lambda c: c.unknown_fields == "drop" and c.batch_size == 8),
        ({}, lambda c: c == RunConfig()),  # no options: the defaults
    ],
)
def test_lays_flat_options_over_config_when_given(options: dict, expected) -> None:
    assert expected(build_config(**options))


@pytest.mark.parametrize(
    ("options", "match"),
    [
        ({"detector": {"pii"}}, "unknown option"),  # near-miss spelling of `detectors`
        ({"max_quarantined_share": 2.0}, "max_quarantined_share"),  # out of range
        ({"operator": "hash"}, "operator"),  # not an operator
    ],
)
def test_raises_config_error_when_option_wrong(options: dict, match: str) -> None:
    with pytest.raises(ConfigError, match=match) as info:
        build_config(**options)
    assert "'hash'" not in str(info.value)  # names the option, never echoes the value
