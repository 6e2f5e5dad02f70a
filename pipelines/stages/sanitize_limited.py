"""Sanitize a batch of records within a time limit: a record whose detection does not finish is quarantined.

The batch runs under one limit (`time_limit`, sized by its text). When it passes the limit, its records
run again one by one, each under its own limit: those that finish are written as usual, and one that
does not is quarantined as `detection_timeout`, never passed through unscanned. Counts and excerpts of
an interrupted attempt are thrown away (each attempt counts into a scratch RunStats), so nothing is
counted twice.
"""

import logging
from collections.abc import Callable, Sequence

from pipelines.stages.run_stats import RunStats
from pipelines.stages.sanitize_records import RecordSanitizer, SanitizedRecord
from pipelines.stages.time_limit import DetectionTimeout, limit_for, time_limit
from pipelines.stages.validate_records import Rejected, ValidRecord
from schemas.reasons import Reason

logger = logging.getLogger(__name__)

TIMEOUT_MESSAGE = (
    "detection did not finish within its time limit (text that makes a detector backtrack, or a very "
    "long text); shorten or split the record, or raise FT_SANITIZER_DETECTION_TIMEOUT_S"
)

MakeSanitizer = Callable[[RunStats], RecordSanitizer]


def sanitize_limited(
    make_sanitizer: MakeSanitizer, batch: Sequence[ValidRecord], raw_lines: Sequence[str], stats: RunStats,
    base_timeout: float,
) -> list[SanitizedRecord | Rejected]:
    """Sanitize `batch` (see RecordSanitizer.sanitize_batch) within time limits; counts go into `stats`.

    `make_sanitizer(scratch_stats)` builds the sanitizer for one attempt. A timed-out record comes back
    as a Rejected (reason `detection_timeout`).
    """
    if not batch:
        return []
    scratch = RunStats()
    try:
        with time_limit(limit_for(sum(map(len, raw_lines)), base_timeout)):
            items = make_sanitizer(scratch).sanitize_batch(batch, raw_lines)
    except DetectionTimeout:
        logger.warning("lines %d-%d: detection passed the batch's time limit; retrying record by record",
                       batch[0].line_no, batch[-1].line_no)
        return [_one(make_sanitizer, record, raw, stats, base_timeout) for record, raw in zip(batch, raw_lines)]
    stats.absorb_batch(scratch)
    return items


def _one(make_sanitizer: MakeSanitizer, record: ValidRecord, raw: str, stats: RunStats,
         base_timeout: float) -> SanitizedRecord | Rejected:
    scratch = RunStats()
    try:
        with time_limit(limit_for(len(raw), base_timeout)):
            (item,) = make_sanitizer(scratch).sanitize_batch([record], [raw])
    except DetectionTimeout:
        logger.warning("line %d: detection passed its time limit; quarantined as %s", record.line_no,
                       Reason.DETECTION_TIMEOUT)
        return Rejected(record.line_no, Reason.DETECTION_TIMEOUT, "", TIMEOUT_MESSAGE)
    stats.absorb_batch(scratch)
    return item
