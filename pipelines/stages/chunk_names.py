"""Stage: read a chunk once to learn its names, before it is sanitized (full detection only).

Detection judges one record at a time; `sanitizers.name_memory` carries a name found in some of a
chunk's records to its other mentions. This first read validates the chunk's lines, detects each text
once (batches of `batch_size` records, each under the same time limit as sanitizing) and votes. The
findings are kept, so the second read, which writes the chunk, does not detect the same texts again. A
batch that passes its time limit is left out of the vote: its records are detected again when they are
sanitized, each under its own limit, and quarantined there if they still do not finish.

Texts and names stay in this worker's memory: nothing here is written, logged or returned to Prefect.
"""

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from pipelines.stages.load_jsonl import iter_lines
from pipelines.stages.plan_chunks import Chunk
from pipelines.stages.time_limit import DetectionTimeout, limit_for, time_limit
from pipelines.stages.validate_records import RecordValidator, ValidRecord
from sanitizers.engine import Detector
from sanitizers.findings import Finding
from sanitizers.name_memory import NameMemory
from sanitizers.text_fields import slot_texts

logger = logging.getLogger(__name__)


@dataclass
class ChunkNames:
    """A chunk's name memory and the findings of its texts from the first read."""

    memory: NameMemory
    findings: dict[str, list[Finding]] = field(default_factory=dict)

    def detect_batch(self, detector: Detector, texts: Sequence[str]) -> list[list[Finding]]:
        """Findings for each text (from the first read where it has them) plus the remembered names."""
        todo = [text for text in dict.fromkeys(texts) if text not in self.findings]
        fresh = dict(zip(todo, detector.detect_batch(todo))) if todo else {}
        out = []
        for text in texts:
            found = self.findings.get(text)
            if found is None:
                found = fresh[text]
            extra = self.memory.findings(text, found)
            out.append(found + extra if extra else found)
        return out


def learn_chunk_names(input_path: str, chunk: Chunk, validator: RecordValidator, detector: Detector,
                      batch_size: int, base_timeout: float) -> ChunkNames:
    """Read `chunk` of `input_path`, detect its texts and learn which names to carry to all their mentions."""
    findings: dict[str, list[Finding]] = {}
    pending: dict[str, None] = {}  # texts of the current batch, each once, in order
    records = 0
    for raw in iter_lines(input_path, start=chunk.start, end=chunk.end, first_line=chunk.first_line):
        result = validator.validate(raw)
        if not isinstance(result, ValidRecord):
            continue  # blank or rejected: the second read counts and quarantines it
        texts = result.texts if result.texts is not None else slot_texts(result.record, result.format)
        pending.update((text, None) for text in texts if text not in findings)
        records += 1
        if records >= batch_size:
            _detect(list(pending), detector, base_timeout, findings, chunk)
            pending.clear()
            records = 0
    _detect(list(pending), detector, base_timeout, findings, chunk)
    return ChunkNames(NameMemory.learn(list(findings), list(findings.values())), findings)


def _detect(texts: list[str], detector: Detector, base_timeout: float, into: dict[str, list[Finding]],
            chunk: Chunk) -> None:
    if not texts:
        return
    try:
        with time_limit(limit_for(sum(map(len, texts)), base_timeout)):
            found = detector.detect_batch(texts)
    except DetectionTimeout:
        logger.warning("chunk %d: a batch of %d texts passed its time limit while learning names; those "
                       "records are judged alone", chunk.index, len(texts))
        return
    into.update(zip(texts, found))
