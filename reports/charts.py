"""Horizontal bar charts drawn on the server as accessible inline SVG.

No styles, no scripts: only SVG presentation attributes, which the Content-Security-Policy
allows. Each bar has its label above it and its number after it, so the chart reads on a
phone too; the same numbers stand in a table beside the chart for screen readers.
"""

from collections.abc import Sequence
from datetime import date

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

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


# A goal's progression over time: a step line through the levels observed ----------------

STEP_TOP = 6
STEP_ROW = 16  # between two levels
STEP_DOT = 3


def progression_chart(
    *,
    chart_id: str,
    title: str,
    points: Sequence[tuple[date, int]],
    start: date,
    end: date,
    level_names: Sequence[str],
    labelled: bool = True,
) -> SafeString:
    """A small step chart of the levels observed on a goal between `start` and `end`.

    `points` are (day, level) in date order; `level_names` the names of levels 1–3. The
    SVG's <title> names the goal and its <desc> lists every point in words, for screen
    readers on the page. Without `labelled` it draws no text at all (a sparkline beside a
    table's words: text in SVG is what makes a PDF with sixty charts slow), and the points
    go into the <title>, which is all the tagged PDF reads as the figure's alternative text
    (one element less in each of sixty charts)."""
    left = 72 if labelled else 4
    width = 360 if labelled else 150
    height = STEP_TOP * 2 + 2 * STEP_ROW + (16 if labelled else 0)
    span = max((end - start).days, 1)

    def x(day: date) -> float:
        share = min(max((day - start).days / span, 0), 1)
        return round(left + share * (width - left - 6), 1)

    def y(level: int) -> int:
        return STEP_TOP + (3 - level) * STEP_ROW

    path = ""
    for index, (day, level) in enumerate(points):
        path += f"M{x(day)} {y(level)}" if index == 0 else f" H{x(day)} V{y(level)}"
    if path:
        path += f" H{x(end)}"
    described = ", ".join(
        f"{level_names[level - 1]} {day.day}.{day.month}.{day.year}" for day, level in points
    )
    # The grid and the dots are one path each (a dot is a zero-length round-capped stroke):
    # every SVG element is styled, laid out and tagged on its own, and the report has sixty.
    grid = "".join(f"M{left} {y(level)}H{width - 6}" for level in (3, 2, 1))
    dots = (
        format_html(
            '<path d="{}" stroke="{}" stroke-width="{}" stroke-linecap="round"></path>',
            "".join(f"M{x(day)} {y(level)}h0" for day, level in points),
            BAR_COLOUR,
            STEP_DOT * 2,
        )
        if points
        else ""
    )
    labels = ""
    if labelled:
        axis = y(1) + 16
        labels = format_html_join(
            "",
            '<text x="{}" y="{}" font-size="11" fill="{}"{}>{}</text>',
            [(0, y(level) + 4, TEXT_COLOUR, "", level_names[level - 1]) for level in (3, 2, 1)]
            + [
                (left, axis, TEXT_COLOUR, "", f"{start.day}.{start.month}.{start.year}"),
                (
                    width - 6,
                    axis,
                    TEXT_COLOUR,
                    mark_safe(' text-anchor="end"'),  # a constant, no user text
                    f"{end.day}.{end.month}.{end.year}",
                ),
            ],
        )
    desc = described or "–"
    if labelled:
        text = format_html(
            '<title id="{0}-title">{1}</title><desc id="{0}-desc">{2}</desc>', chart_id, title, desc
        )
        labelled_by = f"{chart_id}-title {chart_id}-desc"
    else:
        text = format_html('<title id="{0}-title">{1}: {2}</title>', chart_id, title, desc)
        labelled_by = f"{chart_id}-title"
    return format_html(
        '<svg class="progression-chart" xmlns="http://www.w3.org/2000/svg" role="img" '
        'aria-labelledby="{labelled_by}" viewBox="0 0 {width} {height}" '
        'width="{width}" height="{height}" font-family="system-ui, sans-serif">{text}'
        '<path d="{grid}" stroke="#ced4da" stroke-width="1"></path>'
        '<path d="{path}" fill="none" stroke="{colour}" stroke-width="2"></path>'
        "{dots}{labels}</svg>",
        labelled_by=labelled_by,
        width=width,
        height=height,
        text=text,
        grid=grid,
        path=path or "M0 0",
        colour=BAR_COLOUR,
        dots=dots,
        labels=labels,
    )
