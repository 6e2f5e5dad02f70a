"""Stage: render report.html, the one-page review report a security reviewer reads in a minute.

The page is built from a `schemas.report.Report` and nothing else: no other file is read (except the
template), so it can only show what report.json already holds. It is one self-contained file: inline
CSS, inline SVG charts, no script, no font, image or link that leaves the file, and a
Content-Security-Policy that forbids every network load should a future edit add one. Every value goes
through Jinja's autoescape (the SVG charts escape their own labels), so excerpt text like `<PERSON_1>`
is shown as text, never parsed as a tag.
"""

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from pipelines.atomic import atomic_write_text
from pipelines.charts import Bar, hbar_chart, stacked_bar
from pipelines.reason_explanations import explain
from sanitizers.entities import is_secret_entity
from schemas.report import Decision, Excerpt, Report

HTML_NAME = "report.html"
TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates"
TEMPLATE_NAME = "report.html.j2"

# The page is read in a minute: long lists are cut and say how much more report.json holds.
MAX_LINES_SHOWN = 20
MAX_EXCERPTS_SHOWN = 12
MAX_TABLE_ROWS = 15

# `<PERSON_1>`, `<TOGETHER_API_KEY_2>`: what sanitizers/operators/placeholder.py writes.
_PLACEHOLDER = re.compile(r"<[A-Z][A-Z0-9_]*_\d+>")

_DECISION_LOOK = {
    Decision.APPROVED: ("Approved", "✓", "approved"),
    Decision.NEEDS_REVIEW: ("Needs review", "!", "needs-review"),
    Decision.REJECTED: ("Rejected", "✕", "rejected"),
}


@dataclass(frozen=True)
class KeyFigure:
    """One number in the key-figures strip; `tone` is "", "good", "warn" or "bad"."""

    label: str
    value: str
    note: str = ""
    tone: str = ""


@dataclass(frozen=True)
class BreakdownRow:
    """A field or role: its total, a PII/secret bar and the entity types behind it."""

    label: str
    total: int
    bar: Markup
    types: list[tuple[str, int]]
    secret: bool


@dataclass(frozen=True)
class QuarantineRow:
    """A reason code, what it means, its count and the first line numbers."""

    reason: str
    explanation: str
    count: int
    lines: str
    more: int


@dataclass(frozen=True)
class ExcerptView:
    """A sanitized excerpt cut into plain-text and placeholder segments (each escaped by the template).

    One view per distinct (line, field, text): a sentence with three findings is shown once, with the
    three entity types.
    """

    line: int
    field: str
    entity_types: list[str]
    secret: bool
    segments: list[tuple[bool, str]]


def render_report_html(report: Report) -> str:
    """The review report as one self-contained HTML page. Same report, same bytes."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return env.get_template(TEMPLATE_NAME).render(**_view(report))


def write_report_html(report: Report, out_dir: Path) -> Path:
    """Write `out_dir/report.html` atomically and return its path."""
    path = Path(out_dir) / HTML_NAME
    atomic_write_text(path, render_report_html(report))
    return path


def human_bytes(n: int) -> str:
    """1536 -> "1.5 KiB"; exact bytes are shown next to it on the page."""
    if n < 1024:
        return f"{n:,} B"
    size = float(n)
    for unit in ("KiB", "MiB", "GiB"):
        size /= 1024
        if size < 1024:
            return f"{size:.1f} {unit}"
    return f"{size / 1024:.1f} TiB"


def placeholder_segments(text: str) -> list[tuple[bool, str]]:
    """Split sanitized text into (is_placeholder, piece) so placeholders can be highlighted."""
    segments: list[tuple[bool, str]] = []
    pos = 0
    for m in _PLACEHOLDER.finditer(text):
        if m.start() > pos:
            segments.append((False, text[pos : m.start()]))
        segments.append((True, m.group()))
        pos = m.end()
    if pos < len(text):
        segments.append((False, text[pos:]))
    return segments


def _view(report: Report) -> dict[str, object]:
    label, icon, css = _DECISION_LOOK[report.decision]
    field_rows, field_more = _breakdown(report.findings_by_field)
    role_rows, role_more = _breakdown(report.findings_by_role)
    excerpts = group_excerpts(report.excerpts)
    return {
        "r": report,
        "decision_label": label,
        "decision_icon": icon,
        "decision_class": css,
        "created": _when(report.created_at),
        "figures": _figures(report),
        "replaced": sum(report.findings.values()),
        "entity_chart": hbar_chart(
            [Bar(t, n, _tone(t)) for t, n in _by_count(report.findings) if n], title="Replaced values by entity type"
        ),
        "any_secret_found": any(is_secret_entity(t) for t, n in report.findings.items() if n),
        "field_rows": field_rows,
        "field_more": field_more,
        "role_rows": role_rows,
        "role_more": role_more,
        "quarantine_rows": _quarantine(report),
        "residual_rows": [(t, n, is_secret_entity(t)) for t, n in _by_count(report.residual_findings) if n],
        "residual_secret_types": sorted(t for t, n in report.residual_findings.items() if n and is_secret_entity(t)),
        "excerpts": excerpts[:MAX_EXCERPTS_SHOWN],
        "excerpts_more": max(len(excerpts) - MAX_EXCERPTS_SHOWN, 0),
        "files": [
            ("Input", report.input, human_bytes(report.input.bytes)),
            ("Sanitized (to upload)", report.sanitized, human_bytes(report.sanitized.bytes)),
            ("Quarantine", report.quarantine, human_bytes(report.quarantine.bytes)),
        ],
        "config_json": json.dumps(report.config, indent=2, sort_keys=True, ensure_ascii=False, default=str),
        "versions": sorted(report.versions.items()),
    }


def group_excerpts(excerpts: list[Excerpt]) -> list[ExcerptView]:
    """One view per distinct (line, field, text), in first-seen order, listing every entity type found."""
    groups: dict[tuple[int, str, str], list[str]] = {}
    for e in excerpts:
        types = groups.setdefault((e.line, e.field, e.text), [])
        if e.entity_type not in types:
            types.append(e.entity_type)
    return [
        ExcerptView(line, field, types, any(is_secret_entity(t) for t in types), placeholder_segments(text))
        for (line, field, text), types in groups.items()
    ]


def _figures(r: Report) -> list[KeyFigure]:
    residual = sum(r.residual_findings.values())
    residual_secret = any(is_secret_entity(t) and n for t, n in r.residual_findings.items())
    return [
        KeyFigure("Records total", f"{r.records_total:,}", _plural(r.blank_lines, "blank line") + " skipped"),
        KeyFigure("Written", f"{r.records_written:,}", _share(r.records_written, r.records_total) + " of total",
                  "" if r.records_written else "bad"),
        KeyFigure("Quarantined", f"{r.records_quarantined:,}",
                  _share(r.records_quarantined, r.records_total) + " of total",
                  "warn" if r.records_quarantined else "good"),
        KeyFigure("Records changed", f"{r.records_changed:,}",
                  _share(r.records_changed, r.records_written) + " of written"),
        KeyFigure("Values replaced", f"{sum(r.findings.values()):,}",
                  _plural(len([n for n in r.findings.values() if n]), "entity type")),
        KeyFigure("Residual findings", f"{residual:,}",
                  "secret found again" if residual_secret else "after re-scan",
                  "bad" if residual_secret else ("warn" if residual else "good")),
    ]


def _breakdown(table: dict[str, dict[str, int]]) -> tuple[list[BreakdownRow], int]:
    """The biggest MAX_TABLE_ROWS rows, and how many non-empty rows were left out."""
    totals = {key: total for key, types in table.items() if (total := sum(types.values())) > 0}
    scale = max(totals.values(), default=0)
    rows = []
    for key, total in _by_count(totals)[:MAX_TABLE_ROWS]:
        types = table[key]
        secret = sum(n for t, n in types.items() if is_secret_entity(t))
        bar = stacked_bar([Bar("PII", total - secret, "pii"), Bar("secrets", secret, "secret")], scale=scale)
        listed = [(t, n) for t, n in _by_count(types) if n]
        rows.append(BreakdownRow(key, total, bar, listed, secret > 0))
    return rows, len(totals) - len(rows)


def _quarantine(r: Report) -> list[QuarantineRow]:
    rows = []
    for reason, count in _by_count(r.quarantine_by_reason):
        lines = r.quarantine_lines.get(reason, [])[:MAX_LINES_SHOWN]
        rows.append(QuarantineRow(reason, explain(reason), count, ", ".join(str(n) for n in lines),
                                  max(count - len(lines), 0)))
    return rows


def _by_count(counts: dict[str, int]) -> list[tuple[str, int]]:
    # Largest first; ties by name so the same report always renders the same page.
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def _when(moment: datetime) -> str:
    # Reports are written in UTC; a naive time (hand-made report) is shown as it is, without a zone.
    if moment.tzinfo is None:
        return moment.isoformat(sep=" ", timespec="seconds")
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def _tone(entity_type: str) -> str:
    return "secret" if is_secret_entity(entity_type) else "pii"


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "—"


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")
