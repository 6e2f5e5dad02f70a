"""approval_attempts.jsonl: who tried to decide on a run that someone else had already decided.

A second reviewer's approve (or an approve after a rejection) changes nothing, but it is not silent:
the command says so, and one line is appended here (time, reviewer, what they wanted, who had decided).
This file is a log, not part of the run the approval covers.
"""

import json
import logging
import os
from datetime import UTC, datetime
from pathlib import Path

log = logging.getLogger(__name__)

ATTEMPTS_FILE = "approval_attempts.jsonl"


def record_attempt(out_dir: Path, *, reviewer: str, wanted: str, decided_by: str, decision: str) -> None:
    """Append one refused attempt; a failure to write is logged, never hides the refusal itself."""
    line = json.dumps(
        {
            "at": datetime.now(UTC).isoformat(),
            "reviewer": reviewer,
            "wanted": wanted,
            "refused_because": f"already {decision} by {decided_by}",
        },
        ensure_ascii=True,
    )
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(out_dir / ATTEMPTS_FILE, flags, 0o644)
        try:
            os.write(fd, (line + "\n").encode())
        finally:
            os.close(fd)
    except OSError as e:
        log.warning("could not record the refused attempt in %s (%s)", ATTEMPTS_FILE, type(e).__name__)
