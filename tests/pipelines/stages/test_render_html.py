import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pipelines.reason_explanations import explain
from pipelines.stages.render_html import (
    MAX_LINES_SHOWN,
    MAX_TABLE_ROWS,
    TEMPLATE_DIR,
    human_bytes,
    placeholder_segments,
    render_report_html,
    write_report_html,
)
from schemas.report import Decision, Excerpt, FileFacts
from tests.pipelines.stages.sample_reports import sample_report

XSS = "<script>alert(1)</script>"
XSS_ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
# Breaks out of an attribute value if quotes were not escaped.
ATTR_BREAK = '"><img src=x onerror=alert(1)>'

# Every tag the page may contain: no script, link, img, iframe, object, embed, form, base.
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "main", "header", "footer", "section", "article", "nav",
    "div", "span", "p", "h1", "h2", "h3", "ul", "ol", "li", "strong", "b", "i", "code", "pre", "mark",
    "table", "thead", "tbody", "tr", "th", "td", "details", "summary", "svg", "g", "rect", "text",
}
URL_ATTRIBUTES = {"src", "href", "srcset", "action", "formaction", "poster", "data", "xlink:href", "background"}


class _Page(HTMLParser):
    """Tags, attributes and visible text of a rendered page."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text_parts: list[str] = []
        self._hidden = 0
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("style", "title", "head"):
            self._hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "title", "head"):
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.text_parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.text_parts).split())


def test_shows_key_figures_when_report_rendered() -> None:
    text = _Page(render_report_html(sample_report())).text
    for expected in (
        "Records total 1,284", "Written 1,247", "Quarantined 37", "Records changed 412",
        "Values replaced 698", "Residual findings 2", "3 blank lines skipped", "2.9% of total",
    ):
        assert expected in text


@pytest.mark.parametrize(
    ("decision", "badge", "css", "next_step"),
    [
        (Decision.APPROVED, "Approved", "approved", "ft-sanitizer approve DIR --reviewer NAME"),
        (Decision.NEEDS_REVIEW, "Needs review", "needs-review", "ft-sanitizer approve DIR --reviewer NAME"),
        (Decision.REJECTED, "Rejected", "rejected", "This run cannot be approved"),
    ],
)
def test_shows_decision_badge_and_next_step_when_decision_is_set(
    decision: Decision, badge: str, css: str, next_step: str
) -> None:
    html = render_report_html(sample_report(decision=decision, decision_reasons=["reason one", "reason two"]))
    page = _Page(html)
    assert f'class="card decision {css}"' in html
    assert page.text.startswith("ft-sanitizer · review report support_chats.jsonl")
    assert f"{badge} reason one reason two" in page.text
    assert next_step in page.text


def test_offers_no_approve_command_when_run_is_rejected() -> None:
    text = _Page(render_report_html(sample_report(decision=Decision.REJECTED))).text
    assert "ft-sanitizer approve DIR" not in text
    assert "nobody can override a rejection" in text


def test_loads_nothing_from_network_when_rendered() -> None:
    html = render_report_html(sample_report())
    page = _Page(html)
    assert "http://" not in html and "https://" not in html
    assert "url(" not in html and "@import" not in html
    assert {tag for tag, _ in page.tags} <= ALLOWED_TAGS
    for _, attrs in page.tags:
        for name, value in attrs.items():
            if name in URL_ATTRIBUTES:
                assert name == "href" and (value or "").startswith("#"), (name, value)
    csp = [a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in csp[0]


@pytest.mark.parametrize(
    "changes",
    [
        # Excerpt text and its field path: the only record-derived strings on the page.
        {"excerpts": [Excerpt(line=1, field=XSS, entity_type="PERSON", text=f"hi {XSS} <PERSON_1>")]},
        {"excerpts": [Excerpt(line=1, field="messages[].content", entity_type=XSS, text="x")]},
        # Entity types, field paths and roles as dictionary keys (charts and tables).
        {"findings": {XSS: 3}, "findings_by_field": {XSS: {XSS: 3}}, "findings_by_role": {XSS: {"PERSON": 1}}},
        {"residual_findings": {XSS: 1}},
        {"quarantine_by_reason": {XSS: 37}, "quarantine_lines": {XSS: [1, 2]}},
        {"input": FileFacts(name=XSS, bytes=1, sha256=XSS)},
        {"decision_reasons": [XSS]},
        {"config": {XSS: XSS}, "versions": {XSS: XSS}, "tool_version": XSS},
    ],
)
def test_escapes_markup_when_report_strings_hold_html(changes: dict[str, object]) -> None:
    html = render_report_html(sample_report(**changes))
    assert XSS not in html
    assert XSS_ESCAPED in html
    assert "script" not in {tag for tag, _ in _Page(html).tags}


@pytest.mark.parametrize(
    "changes",
    [
        {"excerpts": [Excerpt(line=1, field=ATTR_BREAK, entity_type=ATTR_BREAK, text=ATTR_BREAK)]},
        {"findings": {ATTR_BREAK: 2}, "findings_by_field": {ATTR_BREAK: {ATTR_BREAK: 2}}},
        {"sanitized": FileFacts(name=ATTR_BREAK, bytes=1, sha256="3f" * 32)},
    ],
)
def test_keeps_attributes_closed_when_strings_hold_quotes(changes: dict[str, object]) -> None:
    page = _Page(render_report_html(sample_report(**changes)))
    assert "img" not in {tag for tag, _ in page.tags}
    assert not any(name.startswith("on") for _, attrs in page.tags for name in attrs)


def test_shows_placeholders_as_text_when_excerpt_has_them() -> None:
    html = render_report_html(sample_report())
    assert '<mark class="ph">&lt;PERSON_1&gt;</mark>' in html
    assert '<mark class="ph secret">&lt;AWS_ACCESS_KEY_ID_1&gt;</mark>' in html
    assert "for order 5521 and sent a copy to" in _Page(html).text


@pytest.mark.parametrize(
    ("residual", "alert", "absent"),
    [
        # A secret found again: red alert, the page says it must not be uploaded.
        ({"GITHUB_TOKEN": 1, "PERSON": 2}, "Secrets were found again after sanitizing: GITHUB_TOKEN", "Values were"),
        # Near-miss: only PII found again: amber warning, no "must not be uploaded".
        ({"PERSON": 2}, "Values were found again after sanitizing", "must not be uploaded"),
        # Nothing found again.
        ({}, "None: the re-scan of the sanitized file found nothing", "found again after"),
    ],
)
def test_flags_residual_findings_when_re_scan_finds_values(
    residual: dict[str, int], alert: str, absent: str
) -> None:
    html = render_report_html(sample_report(residual_findings=residual))
    text = _Page(html).text
    assert alert in text
    assert absent not in text
    assert ('class="residual-secret"' in html) == ("GITHUB_TOKEN" in residual)


def test_cuts_line_numbers_when_reason_has_more_than_shown() -> None:
    html = render_report_html(sample_report())
    text = _Page(html).text
    shown = ", ".join(str(n) for n in range(101, 101 + MAX_LINES_SHOWN))
    assert f"invalid_json {explain('invalid_json')} 29 {shown} +9 more" in text
    # Near-miss: all lines of a reason shown, no "+k more".
    assert (f"role_order {explain('role_order')} 6 17, 230, 231, 998, 1002, 1200 "
            f"unknown_field {explain('unknown_field')} 2 44, 45 ") in text + " "


def test_explains_each_quarantine_code_when_lines_were_quarantined() -> None:
    text = _Page(render_report_html(sample_report())).text
    for reason in ("invalid_json", "role_order", "unknown_field"):
        assert f"{reason} {explain(reason)}" in text


def test_shows_sentence_once_with_every_type_when_it_has_several_findings() -> None:
    sentence = "Call <PERSON_1> on <PHONE_NUMBER_1> or write to <EMAIL_ADDRESS_1>."
    excerpts = [Excerpt(line=4, field="messages[].content", entity_type=t, text=sentence)
                for t in ("PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS", "PERSON")]
    # Near-miss: the same text on another line is another excerpt.
    excerpts.append(Excerpt(line=9, field="messages[].content", entity_type="PERSON", text=sentence))
    text = _Page(render_report_html(sample_report(excerpts=excerpts))).text
    assert text.count("Call <PERSON_1> on") == 2
    assert "PERSON, PHONE_NUMBER, EMAIL_ADDRESS" in text


def test_counts_hidden_lines_when_report_holds_capped_line_list() -> None:
    # run_stats keeps at most 200 line numbers per reason; the count is the truth.
    report = sample_report(
        records_total=5_000, records_written=1_000, records_quarantined=4_000,
        quarantine_by_reason={"invalid_json": 4_000}, quarantine_lines={"invalid_json": list(range(1, 201))},
    )
    assert f"+{4_000 - MAX_LINES_SHOWN:,} more" in _Page(render_report_html(report)).text


def test_cuts_field_table_when_more_fields_than_rows() -> None:
    fields = {f"messages[].f{i:02d}": {"PERSON": 100 - i} for i in range(MAX_TABLE_ROWS + 4)}
    text = _Page(render_report_html(sample_report(findings_by_field=fields))).text
    assert "+4 more fields in report.json" in text
    assert f"messages[].f{MAX_TABLE_ROWS - 1:02d}" in text
    assert f"messages[].f{MAX_TABLE_ROWS:02d}" not in text


def test_says_so_when_nothing_was_found_or_written() -> None:
    report = sample_report(
        format=None, records_total=4, records_written=0, records_quarantined=4, records_changed=0,
        quarantine_by_reason={"invalid_json": 4}, quarantine_lines={"invalid_json": [1, 2, 3, 4]},
        findings={}, findings_by_field={}, findings_by_role={}, residual_findings={}, excerpts=[],
        decision=Decision.REJECTED, decision_reasons=["no record passed validation; nothing would be uploaded"],
    )
    text = _Page(render_report_html(report)).text
    assert "format unknown (no valid line)" in text
    assert "Nothing was replaced" in text
    assert "No excerpt: nothing was replaced." in text
    assert "No record passed validation" in text


def test_shows_file_facts_when_report_rendered() -> None:
    text = _Page(render_report_html(sample_report())).text
    assert "support_chats.sanitized.jsonl sha256 " + "3f" * 32 + " 2.3 MiB 2,401,116 bytes" in text
    assert "Input support_chats.jsonl sha256 " + "a1" * 32 + " 2.4 MiB 2,483,917 bytes" in text
    assert "format conversational" in text


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, "0 B"),
        (1023, "1,023 B"),  # near-miss: one byte short of a KiB
        (1024, "1.0 KiB"),
        (1536, "1.5 KiB"),
        (5 * 1024**3, "5.0 GiB"),
        (3 * 1024**5, "3072.0 TiB"),  # no unit past TiB
    ],
)
def test_formats_size_when_bytes_given(n: int, expected: str) -> None:
    assert human_bytes(n) == expected


@pytest.mark.parametrize(
    ("text", "placeholders"),
    [
        ("hi <PERSON_1>!", ["<PERSON_1>"]),
        ("<TOGETHER_API_KEY_12><EMAIL_ADDRESS_2>", ["<TOGETHER_API_KEY_12>", "<EMAIL_ADDRESS_2>"]),
        ("<person_1>", []),  # near-miss: lower case is text, not a placeholder
        ("<PERSON>", []),  # near-miss: no number
        ("<PERSON_1 >", []),  # near-miss: space
        ("a < b > c", []),
    ],
)
def test_splits_placeholders_when_text_has_them(text: str, placeholders: list[str]) -> None:
    segments = placeholder_segments(text)
    assert "".join(piece for _, piece in segments) == text
    assert [piece for is_ph, piece in segments if is_ph] == placeholders


def test_renders_same_bytes_when_rendered_twice() -> None:
    assert render_report_html(sample_report()) == render_report_html(sample_report())


def test_writes_report_html_when_out_dir_given(tmp_path: Path) -> None:
    report = sample_report()
    path = write_report_html(report, tmp_path)
    assert path == tmp_path / "report.html"
    assert path.read_text(encoding="utf-8") == render_report_html(report)
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_renders_only_report_fields_when_run_folder_holds_other_files(tmp_path: Path) -> None:
    # Canaries: one planted in files next to the report (must never show), one in report fields (must).
    hidden = "canary-" + "f1le" + "-7c41d2"
    shown = "canary-" + "rep0rt" + "-93ab0e"
    for name in ("support_chats.jsonl", "support_chats.sanitized.jsonl", "support_chats.quarantine.jsonl",
                 "report.json"):
        (tmp_path / name).write_text(f'{{"note": "{hidden}"}}\n', encoding="utf-8")
    report = sample_report(
        quarantine_by_reason={shown: 37}, quarantine_lines={shown: [3]},
        findings_by_field={f"messages[].{shown}": {"PERSON": 1}},
    )
    html = write_report_html(report, tmp_path).read_text(encoding="utf-8")
    assert hidden not in html
    assert html.count(shown) == 2


def test_opens_only_the_template_when_rendering() -> None:
    opened: list[str] = []
    _recording.append(opened)
    try:
        render_report_html(sample_report())
    finally:
        _recording.pop()
    files = {Path(p).resolve() for p in opened if not p.endswith((".py", ".pyc")) and not p.startswith("/proc")}
    assert files == {(TEMPLATE_DIR / "report.html.j2").resolve()}, files


# An audit hook cannot be removed once added, so one hook records into whichever list is on the stack.
_recording: list[list[str]] = []


def _audit(event: str, args: tuple) -> None:
    if event == "open" and _recording and isinstance(args[0], str):
        _recording[-1].append(args[0])


sys.addaudithook(_audit)
