"""report.html in a real headless Chromium: offline, no console error, readable, printable."""

import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, Route, sync_playwright

from pipelines.stages.render_html import write_report_html
from schemas.report import Decision, Excerpt
from tests.pipelines.stages.sample_reports import sample_report

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@dataclass
class _Watch:
    """What a page tried while it was open: network requests refused, console errors, dialogs."""

    blocked: list[str] = field(default_factory=list)
    requested: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} not found: the browser tests need Debian's chromium; run `make system-deps`")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


def _open(browser: Browser, html_path: Path, watch: _Watch, *, width: int = 1200) -> Page:
    page = browser.new_page(viewport={"width": width, "height": 900})

    def refuse_network(route: Route) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            watch.blocked.append(route.request.url)
            route.abort()

    def console(msg: ConsoleMessage) -> None:
        if msg.type == "error":
            watch.errors.append(msg.text)

    def request(req: Request) -> None:
        watch.requested.append(req.url)

    page.route("**/*", refuse_network)
    page.on("request", request)
    page.on("console", console)
    page.on("pageerror", lambda exc: watch.errors.append(str(exc)))
    page.on("dialog", lambda d: (watch.dialogs.append(d.message), d.dismiss()))
    page.goto(html_path.as_uri(), wait_until="load")
    return page


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE, "not a PNG"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_shows_decision_and_figures_offline_when_opened_in_chromium(browser: Browser, tmp_path: Path) -> None:
    html_path = write_report_html(sample_report(), tmp_path)
    watch = _Watch()
    page = _open(browser, html_path, watch)
    text = page.inner_text("body")
    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot), full_page=True)
    page.close()

    assert "Needs review" in text
    for label, value in (("Records total", "1,284"), ("Written", "1,247"), ("Quarantined", "37"),
                         ("Records changed", "412"), ("Values replaced", "698"), ("Residual findings", "2")):
        assert f"{label}\n{value}" in text, label
    assert "ft-sanitizer approve DIR --reviewer NAME" in text
    assert "<PERSON_1>" in text  # the placeholder is shown as text, not eaten as a tag
    assert watch.blocked == []
    assert watch.requested == [html_path.as_uri()]
    assert watch.errors == []
    data = shot.read_bytes()
    width, height = _png_size(data)
    assert width == 1200 and height > 1500
    assert len(data) > 50_000  # a blank page compresses to a few KB


@pytest.mark.parametrize(
    ("decision", "badge", "colour"),
    [
        (Decision.APPROVED, "Approved", "rgb(26, 127, 55)"),
        (Decision.NEEDS_REVIEW, "Needs review", "rgb(154, 103, 0)"),
        (Decision.REJECTED, "Rejected", "rgb(207, 34, 46)"),
    ],
)
def test_colours_badge_when_decision_is_set(browser: Browser, tmp_path: Path, decision: Decision, badge: str,
                                            colour: str) -> None:
    html_path = write_report_html(sample_report(decision=decision), tmp_path)
    watch = _Watch()
    page = _open(browser, html_path, watch)
    badge_el = page.locator(".badge")
    assert badge_el.inner_text().strip().endswith(badge)
    assert badge_el.evaluate("e => getComputedStyle(e).backgroundColor") == colour
    page.close()
    assert watch.errors == [] and watch.blocked == []


def test_runs_no_script_when_excerpt_holds_markup(browser: Browser, tmp_path: Path) -> None:
    payload = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    report = sample_report(excerpts=[Excerpt(line=7, field=payload, entity_type="PERSON", text=payload)])
    html_path = write_report_html(report, tmp_path)
    watch = _Watch()
    page = _open(browser, html_path, watch)
    shown = page.locator(".excerpt .text").inner_text()
    scripts = page.locator("script").count()
    images = page.locator("img").count()
    page.close()
    assert shown == payload
    assert (scripts, images) == (0, 0)
    assert watch.dialogs == [] and watch.blocked == [] and watch.errors == []


def test_draws_charts_when_findings_exist(browser: Browser, tmp_path: Path) -> None:
    html_path = write_report_html(sample_report(), tmp_path)
    page = _open(browser, html_path, _Watch())
    chart = page.locator("svg.chart").bounding_box()
    bars = page.locator("svg.chart rect.bar").count()
    minibars = page.locator("svg.minibar").count()
    page.close()
    assert chart is not None and chart["width"] > 500 and chart["height"] > 100
    assert bars == 6  # the sample's non-zero entity types
    assert minibars == 6  # 4 fields + 2 roles


def test_prints_collapsed_sections_when_printing(browser: Browser, tmp_path: Path) -> None:
    html_path = write_report_html(sample_report(), tmp_path)
    page = _open(browser, html_path, _Watch())
    closed_on_screen = page.locator("details pre").is_visible()
    page.emulate_media(media="print")
    open_in_print = page.locator("details pre").is_visible()
    pdf = page.pdf(format="A4")
    page.close()
    assert (closed_on_screen, open_in_print) == (False, True)
    assert pdf.startswith(b"%PDF") and len(pdf) > 20_000


def test_stays_readable_when_window_is_narrow(browser: Browser, tmp_path: Path) -> None:
    html_path = write_report_html(sample_report(), tmp_path)
    page = _open(browser, html_path, _Watch(), width=420)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    page.close()
    assert overflow <= 0  # no sideways scrolling on a phone-sized window
