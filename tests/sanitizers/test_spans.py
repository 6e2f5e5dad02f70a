import pytest

from sanitizers.findings import Finding
from sanitizers.spans import merge_overlaps


def f(entity: str, start: int, end: int, score: float = 0.8) -> Finding:
    return Finding(entity, start, end, score, "test")


@pytest.mark.parametrize(
    ("findings", "expected"),
    [
        # disjoint findings stay as they are, sorted by start
        ([f("PERSON", 10, 14), f("EMAIL_ADDRESS", 0, 5)], [("EMAIL_ADDRESS", 0, 5), ("PERSON", 10, 14)]),
        # partial overlap becomes the union, typed by the surer finding
        ([f("PERSON", 0, 10, 0.85), f("EMAIL_ADDRESS", 5, 20, 1.0)], [("EMAIL_ADDRESS", 0, 20)]),
        # a secret names the union even when a PII finding scores higher
        ([f("PERSON", 0, 10, 0.99), f("GITHUB_TOKEN", 4, 30, 0.6)], [("GITHUB_TOKEN", 0, 30)]),
        # a finding inside another disappears into it
        ([f("URL_CREDENTIALS", 0, 40, 0.9), f("PERSON", 10, 15, 0.5)], [("URL_CREDENTIALS", 0, 40)]),
        # touching spans are not merged
        ([f("PERSON", 0, 5), f("PERSON", 5, 9)], [("PERSON", 0, 5), ("PERSON", 5, 9)]),
        # empty spans are dropped
        ([f("PERSON", 3, 3)], []),
        # a chain of overlaps collapses into one span
        ([f("PERSON", 0, 5), f("PERSON", 4, 9), f("PERSON", 8, 12)], [("PERSON", 0, 12)]),
    ],
)
def test_merges_overlaps_into_disjoint_spans_when_findings_overlap(findings, expected):
    assert [(m.entity_type, m.start, m.end) for m in merge_overlaps(findings)] == expected
