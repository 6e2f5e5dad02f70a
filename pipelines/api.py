"""The notebook API: `sanitize_file(path)` and a result that shows itself as tables.

A plain function over `run_sanitize`: no Prefect server, no deployment. The result holds paths, the
validated report and two polars DataFrames built from counts and the quarantine file (line, reason,
field, message): what was replaced where, and which lines were set aside. Never record text.
"""

import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from pipelines.run import run_sanitize
from schemas.errors import ConfigError, InputError
from schemas.report import Report
from schemas.run_config import DetectionOptions, ReviewPolicy, RunConfig

_DETECTION_OPTIONS = frozenset(DetectionOptions.model_fields)
_POLICY_OPTIONS = frozenset(ReviewPolicy.model_fields)
_RUN_OPTIONS = frozenset(RunConfig.model_fields) - {"detection", "policy"}
QUARANTINE_SCHEMA = {"line": pl.Int64, "reason": pl.String, "field": pl.String, "message": pl.String}
FINDINGS_SCHEMA = {"field": pl.String, "entity_type": pl.String, "count": pl.Int64}


@dataclass(frozen=True)
class SanitizeResult:
    """What `sanitize_file` wrote and decided: paths, the report, findings and quarantine tables."""

    report: Report
    output_dir: Path
    sanitized_path: Path
    quarantine_path: Path
    report_path: Path

    @property
    def decision(self) -> str:
        """approved, needs_review or rejected."""
        return self.report.decision.value

    @property
    def html_report_path(self) -> Path | None:
        """report.html, when the run wrote one."""
        path = self.output_dir / "report.html"
        return path if path.exists() else None

    @property
    def findings(self) -> pl.DataFrame:
        """Replaced values per normalised field path and entity type, most frequent first."""
        rows = [
            {"field": field, "entity_type": entity_type, "count": count}
            for field, by_type in self.report.findings_by_field.items()
            for entity_type, count in by_type.items()
        ]
        return pl.DataFrame(rows, schema=FINDINGS_SCHEMA).sort(["count", "field"], descending=[True, False])

    @property
    def quarantine(self) -> pl.DataFrame:
        """One row per quarantined line: line number, reason code, field path, message (no content)."""
        if self.quarantine_path.stat().st_size == 0:
            return pl.DataFrame(schema=QUARANTINE_SCHEMA)
        return pl.read_ndjson(self.quarantine_path, schema=QUARANTINE_SCHEMA)

    def _repr_html_(self) -> str:
        r = self.report
        reasons = "".join(f"<li>{html.escape(x)}</li>" for x in r.decision_reasons)
        summary = _table(
            ["", ""],
            [
                ["file", html.escape(r.input.name)],
                ["format", html.escape(r.format.value if r.format else "none")],
                ["lines read / written / quarantined",
                 f"{r.records_total} / {r.records_written} / {r.records_quarantined}"],
                ["values replaced", sum(r.findings.values())],
                ["decision", f"<b>{html.escape(r.decision.value)}</b><ul>{reasons}</ul>"],
                ["sanitized sha256", f"<code>{r.sanitized_sha256[:16]}…</code>"],
                ["run folder", f"<code>{html.escape(str(self.output_dir))}</code>"],
            ],
            trusted_values=True,
        )
        by_type = _table(["entity type", "replaced"], sorted(r.findings.items(), key=lambda kv: -kv[1]))
        by_reason = _table(["quarantine reason", "lines"], sorted(r.quarantine_by_reason.items(), key=lambda kv: -kv[1]))
        return (
            "<div><h4>ft-sanitizer: " + html.escape(r.input.name) + "</h4>" + summary
            + ("<h5>Findings</h5>" + by_type if r.findings else "<p>No values replaced.</p>")
            + ("<h5>Quarantine</h5>" + by_reason if r.quarantine_by_reason else "<p>No line quarantined.</p>")
            + "</div>"
        )


def _table(header: list[str], rows: list, trusted_values: bool = False) -> str:
    # trusted_values: the second column is HTML built (and escaped) by the caller.
    def cell(i: int, value: object) -> str:
        text = str(value)
        return f"<td>{text if trusted_values and i > 0 else html.escape(text)}</td>"

    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(cell(i, v) for i, v in enumerate(row)) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def build_config(config: RunConfig | None = None, **options: Any) -> RunConfig:
    """A RunConfig from `config` (or the defaults) with flat keyword options laid over it.

    Options are the fields of DetectionOptions (detectors, operator, pii_entities, spacy_model,
    score_threshold), of ReviewPolicy (max_quarantined_share, auto_approve) and of RunConfig
    (unknown_fields, batch_size).

    Raises:
        ConfigError: an unknown option name, or a value the config rejects (named, never shown).
    """
    from pydantic import ValidationError

    base = config or RunConfig()
    unknown = set(options) - _DETECTION_OPTIONS - _POLICY_OPTIONS - _RUN_OPTIONS
    if unknown:
        allowed = ", ".join(sorted(_DETECTION_OPTIONS | _POLICY_OPTIONS | _RUN_OPTIONS))
        raise ConfigError(f"unknown option(s) {', '.join(sorted(unknown))}; allowed: {allowed}")
    pick = lambda names: {k: v for k, v in options.items() if k in names}
    try:
        return RunConfig.model_validate({
            **base.model_dump(),
            "detection": {**base.detection.model_dump(), **pick(_DETECTION_OPTIONS)},
            "policy": {**base.policy.model_dump(), **pick(_POLICY_OPTIONS)},
            **pick(_RUN_OPTIONS),
        })
    except ValidationError as e:
        where = "; ".join(
            f"{'.'.join(map(str, err['loc']))}: {err['msg']}"
            for err in e.errors(include_input=False, include_url=False)
        )
        raise ConfigError(f"invalid option value ({where}); see help(RunConfig)") from e


def sanitize_file(
    input_path: str | Path, output_dir: str | Path | None = None, *, config: RunConfig | None = None, **options: Any
) -> SanitizeResult:
    """Validate and sanitize one JSONL file, write report.json, and return the result to inspect.

    Args:
        input_path: The .jsonl file (for a folder, call `sanitize_dataset` from pipelines.flow).
        output_dir: Run folder; default `out/<file stem>/` under the current directory.
        config: A full RunConfig; `options` are laid over it.
        **options: Flat option names, e.g. `detectors={"secrets"}`, `auto_approve=True` (see `build_config`).

    Raises:
        InputError: `input_path` is not a file.
        ConfigError: an option is unknown or invalid.
    """
    input_path = Path(input_path)
    if input_path.is_dir():
        raise InputError(
            f"{input_path} is a folder; sanitize_file takes one .jsonl file: loop over the files, or run "
            "pipelines.flow.sanitize_dataset(input_path=FOLDER, output_dir=DIR)"
        )
    out = Path(output_dir) if output_dir is not None else Path("out") / input_path.name.removesuffix(".jsonl")
    result = run_sanitize(input_path, out, build_config(config, **options))
    return SanitizeResult(
        report=result.report,
        output_dir=out,
        sanitized_path=result.output.sanitized_path,
        quarantine_path=result.output.quarantine_path,
        report_path=result.report_path,
    )
