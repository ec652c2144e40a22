"""The statistics page as an A4 PDF report, prepared in the task queue."""

import datetime as dt

from django.template.loader import render_to_string
from django.utils import timezone, translation

from documents.models import PreparedDocument
from documents.pdf import html_to_pdf
from documents.services import RenderedDocument

from .counting import sections_counted
from .statistics import Period


def statistics_report_render(document: PreparedDocument) -> RenderedDocument:
    """The whole statistics page for the period, in Danish, with the organisation's name."""
    organisation = document.organisation
    period = Period(
        dt.date.fromisoformat(document.params["start"]),
        dt.date.fromisoformat(document.params["end"]),
    )
    with translation.override("da"):
        html = render_to_string(
            "reports/pdf/report.html",
            {
                "organisation": organisation,
                "period": period,
                "sections": sections_counted(organisation, period),
                "printed_on": timezone.localdate(),
            },
        )
    return RenderedDocument(html_to_pdf(html), document.params["filename"])
