from html.parser import HTMLParser

import pytest

from pipelines.charts import MAX_LABEL_CHARS, Bar, hbar_chart, stacked_bar


class _Tags(HTMLParser):
    def __init__(self, markup: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(markup)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _bar_widths(markup: str) -> list[float]:
    return [float(a["width"]) for t, a in _Tags(markup).tags if t == "rect"]


def test_scales_longest_bar_to_track_when_values_differ() -> None:
    widths = _bar_widths(hbar_chart([Bar("PERSON", 100), Bar("EMAIL_ADDRESS", 25)], title="t"))
    assert widths[1] == pytest.approx(widths[0] / 4)


@pytest.mark.parametrize(
    ("value", "visible"),
    [
        (1, True),  # a tiny count still gets a sliver so it is seen
        (0, False),  # near-miss: zero draws nothing
    ],
)
def test_draws_sliver_when_value_is_tiny(value: int, visible: bool) -> None:
    widths = _bar_widths(hbar_chart([Bar("PERSON", 10_000), Bar("JWT", value, "secret")], title="t"))
    assert (widths[1] > 0) is visible


def test_escapes_labels_and_title_when_they_hold_markup() -> None:
    svg = str(hbar_chart([Bar('<script>"x"</script>', 1)], title='"><img src=x>'))
    assert "<script>" not in svg and "<img" not in svg
    assert "&lt;script&gt;" in svg


@pytest.mark.parametrize(
    ("tone", "css"),
    [
        ("secret", "bar secret"),
        ("pii", "bar pii"),
        ('pii" onload="x', "bar pii"),  # near-miss: an unknown tone never reaches the class attribute
    ],
)
def test_uses_known_tone_class_when_tone_given(tone: str, css: str) -> None:
    rects = [a for t, a in _Tags(str(hbar_chart([Bar("A", 1, tone)], title="t"))).tags if t == "rect"]
    assert rects[0]["class"] == css


def test_cuts_label_and_keeps_full_title_when_label_is_long() -> None:
    label = "messages[].tool_calls[].function.arguments$.config.nested"
    svg = str(hbar_chart([Bar(label, 1)], title="t"))
    assert label[: MAX_LABEL_CHARS - 1] + "…</text>" in svg
    assert f"<title>{label}: 1</title>" in svg


def test_returns_nothing_when_no_bars() -> None:
    assert str(hbar_chart([], title="t")) == ""


def test_stacks_segments_in_order_when_parts_given() -> None:
    svg = str(stacked_bar([Bar("PII", 30), Bar("secrets", 10, "secret")], scale=80))
    rects = [a for t, a in _Tags(svg).tags if t == "rect"]
    assert [(r["class"], r["x"], r["width"]) for r in rects] == [
        ("track", "0", "100%"),
        ("bar pii", "0.00%", "37.50%"),
        ("bar secret", "37.50%", "12.50%"),
    ]


def test_draws_empty_track_when_total_is_zero() -> None:
    assert "rect" not in str(stacked_bar([Bar("PII", 0)], scale=0))
