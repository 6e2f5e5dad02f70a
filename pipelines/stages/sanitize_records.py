"""Sanitize validated records in batches: detect, replace, re-scan, and say where each record goes.

A batch's texts go through the detector together (one `nlp.pipe` pass), with the chunk's name memory
when there is one (`chunk_names`); each record gets its own ReplacementBook so a value keeps its
placeholder across turns. Changed texts are scanned again with the full detector set: a record that
still carries a secret is quarantined as `residual_secret`. Every other string of a record (ids, names, keys, JSON-schema values, image text) is scanned for
secrets too: one there cannot be replaced without breaking the record, which is quarantined as
`secret_in_structure`. A key split over two consecutive texts is found by `split_secrets`.
"""

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipelines.stages.run_stats import RunStats
from pipelines.stages.validate_records import ValidRecord
from sanitizers.anonymize import anonymize_text
from sanitizers.engine import Detector
from sanitizers.entities import is_secret_entity
from sanitizers.findings import Finding
from sanitizers.replacement_book import ReplacementBook
from sanitizers.split_secrets import split_findings
from sanitizers.structure_strings import iter_structure_strings
from sanitizers.text_fields import TextSlot, apply_replacements, iter_text_slots, slot_texts
from sanitizers.thing_names import drop_thing_names
from sanitizers.value_repeats import add_repeats
from schemas.formats import RecordFormat
from schemas.reasons import Reason

if TYPE_CHECKING:
    from pipelines.stages.chunk_names import ChunkNames

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SanitizedRecord:
    """Where one valid record goes: `json_line` to the output, or quarantine under `reason`."""

    line_no: int
    json_line: str | None
    reason: Reason | None = None
    field: str = ""
    message: str = ""


# json.dumps(value, ensure_ascii=False) with its encoder built once (dumps builds one per call): the same text.
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode

RESIDUAL_MESSAGE = "a secret was still found after sanitizing; report it as a bug"
STRUCTURE_MESSAGE = (
    "holds a secret where it cannot be replaced without breaking the record (an id, name, key, schema "
    "value or image data); remove the secret from the record and revoke it"
)


# A record and its text slots, or None for plain chat (validation handed its texts on: `ValidRecord.texts`).
_Where = tuple[ValidRecord, "list[TextSlot] | None"]


def _where(where: _Where, j: int) -> tuple[str, str | None]:
    """Field path and role of the record's slot j: what `iter_text_slots` gives it. In plain chat every
    message has a string role and content (`is_plain_chat`), so slot j is `messages[j].content`."""
    record, slots = where
    if slots is None:
        return f"messages[{j}].content", record.record["messages"][j]["role"]
    return slots[j].path, slots[j].role


class RecordSanitizer:
    """Detects and replaces sensitive values in batches of valid records."""

    def __init__(self, detector: Detector, stats: RunStats, book_factory=ReplacementBook,
                 names: "ChunkNames | None" = None):
        self.detector = detector
        self.stats = stats
        self.book_factory = book_factory
        self.names = names  # the chunk's name memory (full detection), see chunk_names
        # The last `tools` list found free of secrets: a dataset's records usually share one.
        self._clean_tools: list | None = None

    def sanitize_batch(self, batch: Sequence[ValidRecord], raw_lines: Sequence[str]) -> list[SanitizedRecord]:
        """Sanitize `batch`; `raw_lines[i]` is the decoded input line of `batch[i]` (reused when unchanged)."""
        texts_per_record = [r.texts if r.texts is not None else slot_texts(r.record, r.format) for r in batch]
        texts = [text for record_texts in texts_per_record for text in record_texts]
        if self.names is None:
            findings = self.detector.detect_records(texts_per_record)
        else:
            findings = self.names.detect_batch(self.detector, texts)
        self.stats.texts_scanned += len(texts)

        # Records with something to replace, by batch index: ((record, its slots), new texts, findings applied
        # per slot); the slots are None for plain chat (see `_where`).
        pending: dict[int, tuple[_Where, list[str], list[list[Finding]]]] = {}
        cursor = 0
        structure: dict[int, str] = {}  # batch index -> field path of a secret outside the text slots
        for i, (record, record_texts) in enumerate(zip(batch, texts_per_record)):
            raw_findings = findings[cursor : cursor + len(record_texts)]
            cursor += len(record_texts)
            if record.texts is None:  # plain chat (texts handed on by validation) has no other strings
                where = self._secret_in_structure(record)
                if where is not None:
                    structure[i] = where
                    continue
            if len(record_texts) > 1:
                split = split_findings(record_texts, self.detector.secret_findings, raw_findings)
                if split is not None:
                    raw_findings = [a + b for a, b in zip(raw_findings, split)]
            if not any(raw_findings):  # most records: nothing to replace, nothing to re-scan
                continue
            # Slots (paths, roles) only where a finding needs them: the same texts, in the same order. Plain
            # chat's slot j is messages[j].content (`_where`), without building its slots.
            slots = None if record.texts is not None else iter_text_slots(record.record, record.format)
            book = self.book_factory()
            new_texts: list[str] = []
            applied_per_slot: list[list[Finding]] = []
            # A value found in one slot is replaced in every slot of the record (value_repeats), unless the
            # record says that a lone name-like word names a thing there ("The Hugo job failed", thing_names).
            slot_strings = record_texts if slots is None else [slot.text for slot in slots]
            record_findings = add_repeats(slot_strings, drop_thing_names(slot_strings, raw_findings))
            # A part of a full name ("Bartholomew") shares the full name's placeholder, in any order.
            book.link_names(text[f.start : f.end] for text, found in zip(slot_strings, record_findings)
                            for f in found if f.entity_type == "PERSON")
            for j, (text, slot_findings) in enumerate(zip(slot_strings, record_findings)):
                new_text, applied = anonymize_text(text, slot_findings, book)
                new_texts.append(new_text)
                applied_per_slot.append(applied)
                if applied:
                    path, role = _where((record, slots), j)
                    for f in applied:
                        self.stats.found(f.entity_type, path, role)
                        self.stats.excerpt(record.line_no, path, f.entity_type, new_text, f.start, f.end)
            pending[i] = ((record, slots), new_texts, applied_per_slot)

        residual = self._rescan(pending)
        out: list[SanitizedRecord] = []
        for i, record in enumerate(batch):
            if i in structure:
                out.append(SanitizedRecord(record.line_no, None, Reason.SECRET_IN_STRUCTURE, structure[i],
                                           STRUCTURE_MESSAGE))
                continue
            work = pending.get(i)
            if work is None or not any(work[2]):
                if record.removed_fields:  # unknown fields were dropped from the dict: write what is left
                    line = _ENCODE(record.record)
                else:
                    line = raw_lines[i]
                out.append(SanitizedRecord(record.line_no, line))
                continue
            if i in residual:
                out.append(SanitizedRecord(record.line_no, None, Reason.RESIDUAL_SECRET, residual[i],
                                           RESIDUAL_MESSAGE))
                continue
            self.stats.records_changed += 1
            sanitized = apply_replacements(record.record, record.format, work[1])
            out.append(SanitizedRecord(record.line_no, _ENCODE(sanitized)))
        return out

    def _secret_in_structure(self, record: ValidRecord) -> str | None:
        """Field path of the first string outside the text slots that holds a secret, or None."""
        tools = record.record.get("tools") if record.format is RecordFormat.CONVERSATIONAL else None
        same_tools = tools is not None and tools == self._clean_tools  # equal lists: one C-level comparison
        seen: set[str] = set()
        for item in iter_structure_strings(record.record, record.format, skip_tools=same_tools):
            if item.text in seen:
                continue  # a tool-call id and the tool message's reference to it
            seen.add(item.text)
            if self.detector.secret_findings(item.text):
                return item.path
        if isinstance(tools, list):
            self._clean_tools = tools
        return None

    def _rescan(self, pending: dict[int, tuple[_Where, list[str], list[list[Finding]]]]) -> dict[int, str]:
        """Field path of the first residual secret per record that holds one; counts residual findings.

        Only changed texts are scanned again: an unchanged text had no findings, and detection is
        deterministic. Findings inside our own replacements are not residual.
        """
        changed: list[tuple[int, int, str, list[tuple[int, int]]]] = []
        for k, (_, new_texts, applied_per_slot) in pending.items():
            for j, (text, applied) in enumerate(zip(new_texts, applied_per_slot)):
                if applied:
                    changed.append((k, j, text, [(a.start, a.end) for a in applied]))
        result: dict[int, str] = {}
        if not changed:
            return result
        residuals = self.detector.findings_outside([(text, spans) for _, _, text, spans in changed])
        for (k, j, _, _), found in zip(changed, residuals):
            for f in found:
                self.stats.residual_findings[f.entity_type] += 1
                if is_secret_entity(f.entity_type) and k not in result:
                    result[k] = _where(pending[k][0], j)[0]
        return result

