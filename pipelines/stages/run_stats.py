"""Counters a sanitize run keeps: only counts, line numbers, field paths and entity types."""

import functools
import re
from collections import Counter, defaultdict

from pydantic import BaseModel, ConfigDict, Field

from schemas.formats import RecordFormat
from schemas.problems import schema_path
from schemas.report import Excerpt

MAX_LINES_PER_REASON = 200
MAX_EXCERPTS = 25
EXCERPT_RADIUS = 60

_INDEX = re.compile(r"\[\d+\]")


def normalise_field(path: str) -> str:
    """`messages[3].content` -> `messages[].content`: one row per field, not per position.

    Names the schemas do not know (keys of tool-call arguments, of tool parameters) are masked
    (`schema_path`): a key is the record's data, and can be a name or a secret.
    """
    return schema_path(_INDEX.sub("[]", path))


# `normalise_field` of the paths seen lately: a file's records repeat a handful of them.
_normalised_field = functools.lru_cache(maxsize=1024)(normalise_field)


class RunStats(BaseModel):
    """What one sanitize run counted. Small and free of content, so safe to return from a task."""

    model_config = ConfigDict(hide_input_in_errors=True)

    format: RecordFormat | None = None
    records_total: int = 0
    records_written: int = 0
    records_quarantined: int = 0
    blank_lines: int = 0
    records_changed: int = 0
    unknown_fields_removed: int = 0
    texts_scanned: int = 0
    quarantine_by_reason: Counter[str] = Field(default_factory=Counter)
    quarantine_lines: dict[str, list[int]] = Field(default_factory=lambda: defaultdict(list))
    findings: Counter[str] = Field(default_factory=Counter)
    findings_by_field: dict[str, Counter[str]] = Field(default_factory=lambda: defaultdict(Counter))
    findings_by_role: dict[str, Counter[str]] = Field(default_factory=lambda: defaultdict(Counter))
    residual_findings: Counter[str] = Field(default_factory=Counter)
    excerpts: list[Excerpt] = Field(default_factory=list)

    def quarantined(self, line_no: int, reason: str) -> None:
        """Count one quarantined line; excerpts taken from it are dropped.

        A record quarantined after sanitizing (a residual secret) is not in the sanitized file, so the
        report must not show text from it: excerpts show only what the sanitized file itself holds.
        """
        if any(e.line == line_no for e in self.excerpts):
            self.excerpts = [e for e in self.excerpts if e.line != line_no]
        self.records_quarantined += 1
        self.quarantine_by_reason[reason] += 1
        lines = self.quarantine_lines.setdefault(reason, [])
        if len(lines) < MAX_LINES_PER_REASON:
            lines.append(line_no)

    def found(self, entity_type: str, field: str, role: str | None) -> None:
        """Count one replaced span."""
        self.findings[entity_type] += 1
        # Called for every replacement: no fresh Counter per call (setdefault's default), one normalisation per path.
        for table, key in ((self.findings_by_field, _normalised_field(field)), (self.findings_by_role, role or "-")):
            counts = table.get(key)
            if counts is None:
                counts = table[key] = Counter()
            counts[entity_type] += 1

    def excerpt(self, line_no: int, field: str, entity_type: str, sanitized: str, start: int, end: int) -> None:
        """Keep a window of *sanitized* text around a replacement, for the reviewer (capped)."""
        if not self._has_room(entity_type):
            return
        lo, hi = max(0, start - EXCERPT_RADIUS), min(len(sanitized), end + EXCERPT_RADIUS)
        text = ("…" if lo else "") + sanitized[lo:hi] + ("…" if hi < len(sanitized) else "")
        self.excerpts.append(Excerpt(line=line_no, field=normalise_field(field), entity_type=entity_type, text=text))

    def _has_room(self, entity_type: str) -> bool:
        if len(self.excerpts) >= MAX_EXCERPTS:
            return False
        # Past half the cap, a type already shown waits: keep room for other entity types.
        return not (len(self.excerpts) >= MAX_EXCERPTS // 2 and any(e.entity_type == entity_type for e in self.excerpts))

    def absorb_batch(self, other: "RunStats") -> None:
        """Add what sanitizing one batch counted (into a scratch RunStats, emptied of excerpts) to these.

        Excerpts pass the same caps as `excerpt`, so the kept excerpts are the ones direct counting
        would have kept.
        """
        excerpts, other.excerpts = other.excerpts, []
        self.absorb(other)
        for e in excerpts:
            if self._has_room(e.entity_type):
                self.excerpts.append(e)

    def absorb(self, other: "RunStats") -> None:
        """Add another chunk's counts to these (chunks absorbed in file order keep the caps' order)."""
        self.format = self.format or other.format
        for name in ("records_total", "records_written", "records_quarantined", "blank_lines",
                     "records_changed", "unknown_fields_removed", "texts_scanned"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.quarantine_by_reason.update(other.quarantine_by_reason)
        for reason, lines in other.quarantine_lines.items():
            mine = self.quarantine_lines.setdefault(reason, [])
            mine.extend(lines[: max(0, MAX_LINES_PER_REASON - len(mine))])
        self.findings.update(other.findings)
        for table, theirs in ((self.findings_by_field, other.findings_by_field),
                              (self.findings_by_role, other.findings_by_role)):
            for key, counts in theirs.items():
                table.setdefault(key, Counter()).update(counts)
        self.residual_findings.update(other.residual_findings)
        for e in other.excerpts:
            if len(self.excerpts) < MAX_EXCERPTS:
                self.excerpts.append(e)

    @property
    def balanced(self) -> bool:
        """Every non-blank line is written or quarantined."""
        return self.records_total == self.records_written + self.records_quarantined
