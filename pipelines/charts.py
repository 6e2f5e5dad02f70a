"""Inline SVG bar charts for the HTML review report: no script, no external resource, every label escaped.

Charts are returned as `markupsafe.Markup` so a Jinja template with autoescape inserts them as is; every
piece of text that goes into them (labels, titles) is escaped here, once.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

# Geometry of the entity-type chart, in SVG user units (the SVG scales to the page width).
CHART_WIDTH = 720
ROW_HEIGHT = 26
BAR_HEIGHT = 16
# Labels are set in a monospace font so their width can be computed: 0.6 em per character at 12 px.
LABEL_FONT_PX = 12
CHAR_WIDTH = 7.2
MAX_LABEL_CHARS = 32
COUNT_GUTTER = 64

TONES = ("pii", "secret")


@dataclass(frozen=True)
class Bar:
    """One row of a chart: a label, a count and a tone (`pii` or `secret`)."""

    label: str
    value: int
    tone: str = "pii"


def hbar_chart(bars: Sequence[Bar], *, title: str) -> Markup:
    """A horizontal bar chart, one labelled row per bar, longest bar = full width.

    Labels longer than MAX_LABEL_CHARS are cut with an ellipsis; the full label stays in the row's
    <title> (shown as a tooltip).
    """
    if not bars:
        return Markup("")
    longest = max(len(b.label) for b in bars)
    label_width = min(longest, MAX_LABEL_CHARS) * CHAR_WIDTH + 12
    track = CHART_WIDTH - label_width - COUNT_GUTTER
    top = max(b.value for b in bars) or 1
    height = len(bars) * ROW_HEIGHT + 4
    rows = []
    for i, bar in enumerate(bars):
        y = i * ROW_HEIGHT + 2
        width = max(bar.value / top * track, 2.0 if bar.value else 0.0)
        text_y = y + BAR_HEIGHT / 2 + LABEL_FONT_PX * 0.35
        rows.append(
            Markup(
                '<g class="row"><title>{full}: {count}</title>'
                '<text class="label" x="{lx:.1f}" y="{ty:.1f}" text-anchor="end">{label}</text>'
                '<rect class="bar {tone}" x="{bx:.1f}" y="{y}" width="{w:.1f}" height="{h}" rx="2"/>'
                '<text class="count" x="{cx:.1f}" y="{ty:.1f}">{count}</text></g>'
            ).format(
                full=bar.label,
                count=f"{bar.value:,}",
                lx=label_width - 8,
                ty=text_y,
                label=_cut(bar.label),
                tone=_tone(bar.tone),
                bx=label_width,
                y=y,
                w=width,
                h=BAR_HEIGHT,
                cx=label_width + width + 6,
            )
        )
    return Markup(
        '<svg class="chart" role="img" aria-label="{title}" viewBox="0 0 {w} {h}" '
        'width="100%" preserveAspectRatio="xMinYMin meet">'
        "<title>{title}</title>{rows}</svg>"
    ).format(title=title, w=CHART_WIDTH, h=height, rows=Markup("").join(rows))


def stacked_bar(parts: Sequence[Bar], *, scale: int) -> Markup:
    """A slim bar whose segments (one per tone) add up to sum(parts) out of `scale`, for table cells."""
    total = sum(p.value for p in parts)
    if total <= 0 or scale <= 0:
        return Markup('<svg class="minibar" width="100%" height="10" aria-hidden="true"></svg>')
    segments = []
    x = 0.0
    for part in parts:
        if part.value <= 0:
            continue
        share = part.value / scale * 100
        segments.append(
            Markup('<rect class="bar {tone}" x="{x:.2f}%" y="0" width="{w:.2f}%" height="10"/>').format(
                tone=_tone(part.tone), x=x, w=share
            )
        )
        x += share
    label = ", ".join(f"{p.label} {p.value:,}" for p in parts if p.value > 0)
    return Markup(
        '<svg class="minibar" width="100%" height="10" role="img" aria-label="{label}">'
        '<rect class="track" x="0" y="0" width="100%" height="10"/>{segments}</svg>'
    ).format(label=label, segments=Markup("").join(segments))


def _cut(label: str) -> str:
    return label if len(label) <= MAX_LABEL_CHARS else label[: MAX_LABEL_CHARS - 1] + "…"


def _tone(tone: str) -> str:
    # The tone becomes a CSS class: only known names, so it can never carry markup or other classes.
    return tone if tone in TONES else "pii"

