"""Artifact helpers: keys Prefect accepts, line counts for the progress bar, report links."""

from pathlib import Path

import pytest

from pipelines.artifacts import artifact_key, count_lines, report_link


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


def test_links_html_report_when_present_else_json(tmp_path: Path) -> None:
    (tmp_path / "report.json").write_text("{}")
    assert report_link(tmp_path).endswith("/report.json")
    (tmp_path / "report.html").write_text("<html></html>")
    assert report_link(tmp_path) == (tmp_path / "report.html").resolve().as_uri()
