import csv
import io

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.access import staff_required
from documents.services import document_request

from . import tables
from .apps import STATISTICS_REPORT
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
    sections, as_of = tables.sections_as_of(request.user.organisation, period)
    return render(
        request,
        "reports/statistics.html",
        {
            "form": form,
            "period": period,
            "sections": sections,
            "as_of": as_of,
            "cache_minutes": settings.STATISTICS_CACHE_SECONDS // 60,
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
@require_http_methods(["GET", "POST"])
def report_pdf(request: HttpRequest) -> HttpResponse:
    """The whole page as an A4 report, prepared in the task queue (POST); the manager waits
    on the document's page. The period comes from the query string, as on the page."""
    _form, period = _chosen_period(request)
    if request.method == "GET":
        back = reverse("reports:statistics")
        return render(
            request,
            "documents/request.html",
            {
                "title": _("Statistics report (PDF) %(period)s") % {"period": period},
                "back_url": f"{back}?{request.GET.urlencode()}",
            },
        )
    document = document_request(
        kind=STATISTICS_REPORT,
        owner=request.user,
        title=f"Statistik {period}",
        params={
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
            "filename": _file_name(request, "rapport", period, "pdf"),
        },
    )
    return redirect("documents:detail", pk=document.pk)
