"""Validate raw JSONL lines against Together's record formats: each line is valid, rejected, or blank.

Checks run in a fixed order and the first failure names the line's reason: line_too_long, invalid_utf8,
invalid_json, not_an_object, unknown/ambiguous_format, format_mismatch, then the format's shape (pydantic)
and rules. A Rejected carries a reason code, a field path and a message, never a value from the record.
"""

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from pipelines.stages.load_jsonl import RawLine, iter_lines
from schemas.formats import RecordFormat
from schemas.problems import Problem, field_path, problem
from schemas.reasons import Reason
from schemas.records import detect_format, is_plain_chat, rule_problem, shape_problems
from schemas.strict_json import StrictJsonError, loads_strict

logger = logging.getLogger(__name__)

UnknownFields = Literal["quarantine", "drop"]
# JSON's own whitespace; a line holding only these is blank (counted apart, never a record).
_JSON_WHITESPACE = b" \t\r\n"


@dataclass(slots=True)
class ValidRecord:
    """A line that is a valid record: the parsed dict (key order kept) and its format.

    `removed_fields` lists the unknown fields taken out of `record` (unknown_fields="drop" only).
    `texts` holds the record's text slots in `slot_texts` order when validation already walked them
    (plain chat records); None means "ask `slot_texts`".
    """

    line_no: int
    record: dict[str, Any]
    format: RecordFormat
    removed_fields: tuple[str, ...] = ()
    texts: list[str] | None = None


@dataclass(frozen=True, slots=True)
class Rejected:
    """A line that goes to quarantine: why (reason), where (field path, "" for the whole line), how to fix.

    `message` never holds a value from the line.
    """

    line_no: int
    reason: Reason
    field: str
    message: str


class RecordValidator:
    """Validates lines one by one; the file's format is fixed by `file_format` or the first valid record."""

    def __init__(
        self, *, file_format: RecordFormat | None = None, unknown_fields: UnknownFields = "quarantine"
    ) -> None:
        if unknown_fields not in ("quarantine", "drop"):
            raise ValueError(f"unknown_fields must be 'quarantine' or 'drop', not {unknown_fields!r}")
        self.file_format = file_format
        self.drop_unknown = unknown_fields == "drop"
        self.blank_lines = 0

    def validate(self, raw: RawLine) -> ValidRecord | Rejected | None:
        """Validate one RawLine; None for a blank line (counted in `blank_lines`)."""
        if not raw.too_long and not raw.data.strip(_JSON_WHITESPACE):
            self.blank_lines += 1
            return None
        record = _parse(raw)
        if isinstance(record, Problem):
            return _reject(raw.line_no, record)
        if is_plain_chat(record) and self.file_format in (None, RecordFormat.CONVERSATIONAL):
            # What detect_format and _check would conclude for this record, without their cost.
            self.file_format = RecordFormat.CONVERSATIONAL
            texts = [message["content"] for message in record["messages"]]  # all strings in plain chat
            return ValidRecord(raw.line_no, record, RecordFormat.CONVERSATIONAL, texts=texts)
        fmt = detect_format(record)
        if isinstance(fmt, Problem):
            return _reject(raw.line_no, fmt)
        if self.file_format is not None and fmt != self.file_format:
            what = f"is in the {fmt.value} format but the file is {self.file_format.value}"
            return _reject(raw.line_no, problem(Reason.FORMAT_MISMATCH, "", what, "use one format per file"))
        return self._check(raw.line_no, record, fmt)

    def _check(self, line_no: int, record: dict[str, Any], fmt: RecordFormat) -> ValidRecord | Rejected:
        removed: tuple[str, ...] = ()
        found = shape_problems(record, fmt)
        if found and self.drop_unknown:
            unknown = [loc for prob, loc in found if prob.reason is Reason.UNKNOWN_FIELD]
            # Other errors do not depend on the unknown keys (tagged unions pick a branch by type), so
            # what remains after dropping is exactly what a second validation would report.
            found = [(prob, loc) for prob, loc in found if prob.reason is not Reason.UNKNOWN_FIELD]
            if not found:
                removed = tuple(_drop(record, loc) for loc in unknown)
        if found:
            return _reject(line_no, found[0][0])
        rule = rule_problem(record, fmt)
        if rule is not None:
            return _reject(line_no, rule)
        if self.file_format is None:
            self.file_format = fmt
        return ValidRecord(line_no, record, fmt, removed)


def _parse(raw: RawLine) -> dict[str, Any] | Problem:
    """Bytes to a JSON object, or the whole-line Problem that stops it."""
    if raw.too_long:
        return problem(Reason.LINE_TOO_LONG, "", "is longer than the reader's limit", "split the record")
    try:
        text = raw.data.decode("utf-8")
    except UnicodeDecodeError as e:
        what = f"is not UTF-8 (bad byte at offset {e.start})"
        return problem(Reason.INVALID_UTF8, "", what, "re-encode the file as UTF-8")
    try:
        value = loads_strict(text)
    except StrictJsonError as e:
        return problem(Reason.INVALID_JSON, "", e.what, e.fix)
    if not isinstance(value, dict):
        what = f"is a JSON {_json_kind(value)}, not an object"
        return problem(Reason.NOT_AN_OBJECT, "", what, "write one JSON object per line")
    return value


def _reject(line_no: int, found: Problem) -> Rejected:
    return Rejected(line_no, found.reason, found.field, found.message)


def _drop(record: dict[str, Any], loc: tuple[str | int, ...]) -> str:
    parent: Any = record
    for step in loc[:-1]:
        parent = parent[step]
    del parent[loc[-1]]
    return field_path(loc)


def _json_kind(value: Any) -> str:
    if isinstance(value, list):
        return "array"
    if isinstance(value, str):
        return "string"
    if value is None:
        return "null"
    return "boolean" if isinstance(value, bool) else "number"


class ValidationSummary(BaseModel):
    """What `validate_file` found: counts, line numbers per reason, and the file's format."""

    model_config = ConfigDict(extra="forbid", hide_input_in_errors=True)

    records_total: int
    records_valid: int
    records_invalid: int
    blank_lines: int
    fields_removed: int = 0
    format: RecordFormat | None
    counts_by_reason: dict[str, int]
    by_reason: dict[str, list[int]]
    first_rejections: list[Rejected]


@dataclass(slots=True)
class _Tally:
    valid: int = 0
    removed: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    lines: dict[str, list[int]] = field(default_factory=dict)
    first: list[Rejected] = field(default_factory=list)


def validate_file(
    path: Path | str,
    *,
    file_format: RecordFormat | None = None,
    unknown_fields: UnknownFields = "quarantine",
    max_lines_per_reason: int | None = None,
    max_examples: int = 20,
) -> ValidationSummary:
    """Validate every line of a JSONL file and summarise; nothing is written.

    Args:
        max_lines_per_reason: keep at most this many line numbers per reason (counts stay exact).
        max_examples: how many Rejected (first ones in the file) to keep for display.

    Raises:
        InputError: the file cannot be read.
    """
    validator = RecordValidator(file_format=file_format, unknown_fields=unknown_fields)
    tally = _summarise(validator, iter_lines(Path(path)), max_lines_per_reason, max_examples)
    invalid = sum(tally.counts.values())
    logger.info(
        "validated %d records: %d valid, %d invalid, %d blank lines",
        tally.valid + invalid,
        tally.valid,
        invalid,
        validator.blank_lines,
    )
    return ValidationSummary(
        records_total=tally.valid + invalid,
        records_valid=tally.valid,
        records_invalid=invalid,
        blank_lines=validator.blank_lines,
        fields_removed=tally.removed,
        format=validator.file_format,
        counts_by_reason=tally.counts,
        by_reason=tally.lines,
        first_rejections=tally.first,
    )


def _summarise(
    validator: RecordValidator, lines: Iterable[RawLine], max_lines_per_reason: int | None, max_examples: int
) -> _Tally:
    tally = _Tally()
    for raw in lines:
        outcome = validator.validate(raw)
        if outcome is None:
            continue
        if isinstance(outcome, ValidRecord):
            tally.valid += 1
            tally.removed += len(outcome.removed_fields)
            continue
        reason = outcome.reason.value
        tally.counts[reason] = tally.counts.get(reason, 0) + 1
        numbers = tally.lines.setdefault(reason, [])
        if max_lines_per_reason is None or len(numbers) < max_lines_per_reason:
            numbers.append(outcome.line_no)
        if len(tally.first) < max_examples:
            tally.first.append(outcome)
    return tally
