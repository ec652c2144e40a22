import csv
import io

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.http import content_disposition_header

from accounts.access import staff_required
from certificates.pdf import html_to_pdf

from . import tables
from .forms import PeriodForm
from .statistics import Period

CSV_BOM = "\ufeff"


def _chosen_period(request: HttpRequest) -> tuple[PeriodForm, Period]:
    """The period in the query string, or this year when none (or an invalid one) is given."""
    form = PeriodForm(request.GET or None)
    today = timezone.localdate()
    if form.is_valid():
        return form, form.to_period(request.user.organisation, today)
    return form, Period.this_year(today)


def _file_name(request: HttpRequest, what: str, period: Period, extension: str) -> str:
    code = request.user.organisation.code.lower()
    return f"statistik-{code}-{what}-{period.start:%Y%m%d}-{period.end:%Y%m%d}.{extension}"


@staff_required
def statistics(request: HttpRequest) -> HttpResponse:
    form, period = _chosen_period(request)
    return render(
        request,
        "reports/statistics.html",
        {
            "form": form,
            "period": period,
            "sections": tables.sections(request.user.organisation, period),
            "query": request.GET.urlencode(),
        },
    )


@staff_required
def table_csv(request: HttpRequest, table: str) -> HttpResponse:
    """One table as CSV for Danish Excel: UTF-8 with BOM, semicolons, decimal comma."""
    _form, period = _chosen_period(request)
    chosen = tables.table(request.user.organisation, period, table)
    if chosen is None:
        raise Http404
    buffer = io.StringIO()
    buffer.write(CSV_BOM)
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([tables.csv_text(header) for header in chosen.headers])
    writer.writerows([tables.csv_text(cell) for cell in row] for row in chosen.rows)
    response = HttpResponse(buffer.getvalue().encode(), content_type="text/csv; charset=utf-8")
    name = _file_name(request, table, period, "csv")
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response


@staff_required
def report_pdf(request: HttpRequest) -> HttpResponse:
    """The whole page as an A4 report in Danish, with the organisation's name and the period."""
    _form, period = _chosen_period(request)
    organisation = request.user.organisation
    with translation.override("da"):
        html = render_to_string(
            "reports/pdf/report.html",
            {
                "organisation": organisation,
                "period": period,
                "sections": tables.sections(organisation, period),
                "printed_on": timezone.localdate(),
            },
        )
    response = HttpResponse(html_to_pdf(html), content_type="application/pdf")
    name = _file_name(request, "rapport", period, "pdf")
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response
