"""Horizontal bar charts drawn on the server as accessible inline SVG.

No styles, no scripts: only SVG presentation attributes, which the Content-Security-Policy
allows. Each bar has its label above it and its number after it, so the chart reads on a
phone too; the same numbers stand in a table beside the chart for screen readers.
"""

from collections.abc import Sequence

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

WIDTH = 360
ROW = 38
LABEL_SIZE = 13
BAR_HEIGHT = 14
NUMBER_SPACE = 50  # room after the longest bar for its number
BAR_COLOUR = "#0b4f6c"  # the brand colour: 9.3:1 against white
TEXT_COLOUR = "#212529"
MAX_LABEL = 48


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…"


def bar_chart(
    *,
    chart_id: str,
    title: str,
    labels: Sequence[str],
    values: Sequence[float],
    shown: Sequence[str],
) -> SafeString:
    """An SVG bar chart: `values` set the bar lengths, `shown` is each number as printed."""
    largest = max(values, default=0) or 1
    bar_space = WIDTH - NUMBER_SPACE
    rows = []
    for index, (label, value, text) in enumerate(zip(labels, values, shown, strict=True)):
        top = index * ROW
        length = round(bar_space * value / largest, 1)
        rows.append(
            (
                top + LABEL_SIZE,
                _short(label),
                top + LABEL_SIZE + 5,
                length,
                top + LABEL_SIZE + 5 + BAR_HEIGHT - 2,
                length + 6,
                text,
            )
        )
    height = max(len(rows), 1) * ROW
    body = format_html_join(
        "",
        '<text x="0" y="{}" font-size="{}" fill="{}">{}</text>'
        '<rect x="0" y="{}" width="{}" height="{}" fill="{}"></rect>'
        '<text x="{}" y="{}" font-size="{}" font-weight="bold" fill="{}">{}</text>',
        (
            (
                label_y,
                LABEL_SIZE,
                TEXT_COLOUR,
                label,
                bar_y,
                length,
                BAR_HEIGHT,
                BAR_COLOUR,
                number_x,
                number_y,
                LABEL_SIZE,
                TEXT_COLOUR,
                text,
            )
            for label_y, label, bar_y, length, number_y, number_x, text in rows
        ),
    )
    return format_html(
        '<svg class="bar-chart" xmlns="http://www.w3.org/2000/svg" role="img" '
        'aria-labelledby="{id}-title" viewBox="0 0 {width} {height}" '
        'width="{width}" height="{height}" font-family="system-ui, sans-serif">'
        '<title id="{id}-title">{title}</title>{body}</svg>',
        id=chart_id,
        width=WIDTH,
        height=height,
        title=title,
        body=body,
    )
