import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanitizers.findings import Finding
from sanitizers.spans import by_length, by_priority, merge_overlaps


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


def g(entity: str, start: int, end: int, score: float, recognizer: str) -> Finding:
    return Finding(entity, start, end, score, recognizer)


def test_types_union_by_longest_member_when_ranked_by_length():
    findings = [g("PASSWORD_ASSIGNMENT", 0, 50, 0.7, "P"), g("JWT", 5, 20, 1.0, "J")]
    assert merge_overlaps(findings, by_length) == [g("PASSWORD_ASSIGNMENT", 0, 50, 1.0, "P")]
    # the default ranking lets the surer finding name it instead
    assert merge_overlaps(findings) == [g("JWT", 0, 50, 1.0, "J")]


def test_types_union_by_strongest_member_when_a_third_finding_joins_the_group():
    # Two secret findings chained through a PII one. The strongest member names the union: the
    # secret scored 0.85. (Until the two merges became one function, the pairwise merge compared each
    # new finding with the group so far, whose score the PERSON finding had raised to 1.0, so the
    # weaker 0.6 secret named it: the result depended on a PII finding that was not a candidate.)
    weak, strong = g("GITHUB_TOKEN", 4, 16, 0.6, "weak"), g("JWT", 14, 21, 0.85, "strong")
    person = g("PERSON", 2, 6, 1.0, "ner")
    assert merge_overlaps([person, weak, strong]) == [g("JWT", 2, 21, 1.0, "strong")]
    assert merge_overlaps([weak, strong]) == [g("JWT", 4, 21, 0.85, "strong")]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 12), st.sampled_from(["PERSON", "JWT", "EMAIL_ADDRESS"]),
                          st.sampled_from([0.5, 0.85, 1.0])), max_size=8))
def test_leaves_no_overlap_and_covers_every_finding_when_merging(rows):
    findings = [g(entity, start, start + length, score, "r") for start, length, entity, score in rows]
    for rank in (by_priority, by_length):
        merged = merge_overlaps(findings, rank)
        assert all(a.end <= b.start for a, b in itertools.pairwise(merged))
        for f in findings:
            if f.end > f.start:
                assert any(m.start <= f.start and f.end <= m.end for m in merged)
