"""Turn raw findings into disjoint spans: overlaps are merged so no part of a value survives.

One merge, two rankings: which member of an overlapping group names the merged span is a parameter.
`by_priority` (the default, for anonymizing PII and secrets together) lets a secret win over PII,
then the surer finding, then the longer one; `by_length` (the secret scanner's) lets the longest win.
"""

from collections.abc import Callable, Iterable

from sanitizers.entities import is_secret_entity
from sanitizers.findings import Finding

Rank = Callable[[Finding], tuple]


def by_priority(finding: Finding) -> tuple[bool, float, int]:
    """A secret always names the merged span; then the surer finding; then the longer one."""
    return (is_secret_entity(finding.entity_type), finding.score, finding.end - finding.start)


def by_length(finding: Finding) -> tuple[int, float, str, str]:
    """The longest finding names the merged span (it covers the whole value), then the surer one."""
    return (finding.end - finding.start, finding.score, finding.entity_type, finding.recognizer)


def merge_overlaps(findings: Iterable[Finding], rank: Rank = by_priority) -> list[Finding]:
    """Disjoint findings sorted by start; overlapping ones (a chain included) become their union.

    The union is typed by the member `rank` puts highest (on a tie, the first in (start, -end) order)
    and scored with the best score of the group. Empty findings are dropped.
    """
    merged: list[Finding] = []
    winner: Finding | None = None
    start = end = 0
    score = 0.0
    best: tuple = ()
    for finding in sorted(findings, key=lambda f: (f.start, -f.end)):
        if finding.end <= finding.start:
            continue
        if winner is not None and finding.start < end:
            end = max(end, finding.end)
            score = max(score, finding.score)
            key = rank(finding)
            if key > best:
                winner, best = finding, key
            continue
        if winner is not None:
            merged.append(Finding(winner.entity_type, start, end, score, winner.recognizer))
        winner, best, start, end, score = finding, rank(finding), finding.start, finding.end, finding.score
    if winner is not None:
        merged.append(Finding(winner.entity_type, start, end, score, winner.recognizer))
    return merged
