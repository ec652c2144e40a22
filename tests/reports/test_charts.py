import datetime as dt

import pytest

from reports import tables
from reports.charts import bar_chart
from reports.counting import sections_counted
from reports.statistics import Period


def test_chart_is_accessible_svg_without_inline_styles():
    svg = bar_chart(
        chart_id="chart-x", title="Udfald <i alt>", labels=["Job & <b>uddannelse</b>", "Andet"],
        values=[4, 0], shown=["4", "0"],
    )  # fmt: skip
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert 'aria-labelledby="chart-x-title"' in svg and '<title id="chart-x-title">' in svg
    assert "Job &amp; &lt;b&gt;uddannelse&lt;/b&gt;" in svg and "<b>" not in svg
    assert "style=" not in svg and "<script" not in svg
    assert svg.count("<rect") == 2


@pytest.mark.django_db
def test_every_table_is_found_in_its_own_section(organisation):
    period = Period(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    for section in sections_counted(organisation, period):
        for table in section.tables:
            assert tables.TABLE_SECTIONS[table.slug] == section.slug
    assert len(tables.TABLE_SECTIONS) == sum(
        len(section.tables) for section in sections_counted(organisation, period)
    )
