"""What made the progress report and the overview PDF slow to render is gone, and the
documents still say the same: each goal once, grouped by area, with its levels and dates
under its title; the chart's dots where the observations are; the workplace beside the goal."""

import datetime as dt
import gc
import re

import pytest
import weasyprint

from documents.pdf import PdfRenderError, html_to_pdf
from reports.charts import progression_chart
from tests.reports.test_portfolio import _download, _youth_client, record  # noqa: F401
from tests.reports.test_progress_report import (  # noqa: F401
    _create,
    _share,
    _stored,
    course,
    pdf_text,
)

LEVELS = ["Kendskab", "Kundskab", "Mestring"]


def test_each_goal_is_printed_once_under_its_area_with_levels_and_dates(
    caseworker_client,
    course,  # noqa: F811
):
    report = _create(caseworker_client, course)
    _share(caseworker_client, report)
    _before, can_do = pdf_text(_stored(report)).split("Det kan jeg nu")
    assert can_do.count("Kan møde til tiden") == 1 and can_do.count("Kan betjene kassen") == 1
    professional = can_do.index("Faglige kompetencer")
    social = can_do.index("Sociale kompetencer")
    till = can_do.index("Kan betjene kassen (3,0 point) Kendskab 5.5.2026 → Mestring 20.6.2026")
    on_time = can_do.index("Kan møde til tiden (2,0 point) Kendskab 10.2.2026 → Kundskab 15.3.2026")
    assert professional < till < social < on_time


def test_chart_puts_a_dot_at_each_observation_and_names_them_in_its_title():
    svg = progression_chart(
        chart_id="goal-1",
        title="Kan møde til tiden",
        points=[(dt.date(2026, 1, 1), 1), (dt.date(2026, 7, 2), 3)],
        start=dt.date(2026, 1, 1),
        end=dt.date(2026, 12, 31),
        level_names=LEVELS,
        labelled=False,
    )
    dots = re.search(r'<path d="([^"]*)"[^>]*stroke-linecap="round"', svg).group(1)
    # start of the year at the left edge on level 1 (bottom), mid-year halfway on level 3 (top)
    assert dots == "M4.0 38h0M74.0 6h0"
    # the tagged PDF reads only the <title> as the figure's alternative text
    assert ">Kan møde til tiden: Kendskab 1.1.2026, Mestring 2.7.2026</title>" in svg
    assert "<desc" not in svg and "<circle" not in svg and "<line" not in svg


def test_chart_without_observations_draws_no_dot():
    svg = progression_chart(
        chart_id="goal-2",
        title="Kan betjene kassen",
        points=[],
        start=dt.date(2026, 1, 1),
        end=dt.date(2026, 12, 31),
        level_names=LEVELS,
    )
    assert "stroke-linecap" not in svg and '<desc id="goal-2-desc">–</desc>' in svg


def test_overview_prints_the_workplace_beside_each_goal(youth_user, record):  # noqa: F811
    overview = _download(_youth_client(youth_user)).read("oversigt.pdf")
    company = record.youth.placements.get().company.name
    assert f"Kan fylde varer på hylderne · {company}" in pdf_text(overview)


def test_render_pauses_the_cycle_collector_and_turns_it_back_on(monkeypatch):
    seen = []
    write_pdf = weasyprint.HTML.write_pdf

    def spy(self, *args, **kwargs):
        seen.append(gc.isenabled())
        return write_pdf(self, *args, **kwargs)

    monkeypatch.setattr(weasyprint.HTML, "write_pdf", spy)
    assert gc.isenabled()
    pdf = html_to_pdf('<html lang="da"><title>Prøve</title><p>Hej</p></html>')
    assert pdf.startswith(b"%PDF") and seen == [False] and gc.isenabled()


def test_collector_is_back_on_after_a_failed_render():
    with pytest.raises(PdfRenderError, match="example.com"):
        html_to_pdf('<link rel="stylesheet" href="https://example.com/x.css"><p>Hej</p>')
    assert gc.isenabled()
