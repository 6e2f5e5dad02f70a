"""Artifact helpers: keys Prefect accepts, line counts for the progress bar, report links."""

from pathlib import Path

import pytest

from pipelines.artifacts import artifact_key, count_lines, review_markdown
from tests.pipelines.stages.sample_reports import SANITIZED_SHA, sample_report


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (("sanitize-summary", "nightly"), "sanitize-summary-nightly"),  # already valid
        (("sanitize-summary", "Weekly_Chats"), "sanitize-summary-weekly-chats"),  # capitals, underscore
        (("report", "a..b//c"), "report-a-b-c"),  # path characters collapse to one dash
        (("--", "--"), "ft-sanitizer"),  # nothing usable left: a fixed key, never empty
    ],
)
def test_makes_valid_key_when_parts_contain_other_characters(parts: tuple[str, ...], expected: str) -> None:
    assert artifact_key(*parts) == expected


@pytest.mark.parametrize(
    ("data", "lines"),
    [
        (b"", 0),  # empty file
        (b"a\n", 1),
        (b"a\nb", 2),  # no final newline: the last line still counts
        (b"a\n\nb\n", 3),  # a blank line counts, as the stage reads it
    ],
)
def test_counts_lines_when_file_read_in_blocks(tmp_path: Path, data: bytes, lines: int) -> None:
    path = tmp_path / "x.jsonl"
    path.write_bytes(data)
    assert count_lines(path) == lines


def test_review_form_shows_counts_reasons_and_short_hash_with_link_when_ui_known(tmp_path: Path) -> None:
    report = sample_report()
    link = "http://127.0.0.1:4200/artifacts/artifact/1234"
    text = review_markdown([(report, tmp_path)], [link])
    assert f"**{report.input.name}**" in text and report.decision.value in text
    assert f"{report.records_total} lines: {report.records_written} written" in text
    assert all(f"why: {reason}" in text for reason in report.decision_reasons)
    assert f"`{SANITIZED_SHA[:12]}…`" in text and SANITIZED_SHA not in text  # the full hash is one click away
    assert f"]({link})" in text
    assert "file://" not in text and "ft-sanitizer" not in text  # no worker-only link, no CLI advice


def test_review_form_says_where_full_hash_is_when_ui_unknown(tmp_path: Path) -> None:
    text = review_markdown([(sample_report(), tmp_path)], [None])
    assert "full sha256 in the run's report artifacts" in text and "](" not in text
