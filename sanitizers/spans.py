"""Turn raw findings into disjoint spans: overlaps are merged so no part of a value survives."""

from collections.abc import Iterable

from sanitizers.entities import is_secret_entity
from sanitizers.findings import Finding


def _priority(finding: Finding) -> tuple[bool, float, int]:
    # A secret always names the merged span; then the surer finding; then the longer one.
    return (is_secret_entity(finding.entity_type), finding.score, finding.end - finding.start)


def merge_overlaps(findings: Iterable[Finding]) -> list[Finding]:
    """Disjoint findings sorted by start; overlapping ones become their union, typed by the strongest."""
    merged: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (f.start, -f.end)):
        if finding.end <= finding.start:
            continue
        if merged and finding.start < merged[-1].end:
            last = merged[-1]
            winner = max(last, finding, key=_priority)
            merged[-1] = Finding(
                winner.entity_type,
                last.start,
                max(last.end, finding.end),
                max(last.score, finding.score),
                winner.recognizer,
            )
        else:
            merged.append(finding)
    return merged
