import csv
import io

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from accounts.access import staff_required
from documents.services import document_request

from . import tables
from .apps import STATISTICS_REPORT
from .counting import statistics_for_page, table_counted
from .forms import PeriodForm
from .statistics import Period

CSV_BOM = "\ufeff"
# How often the page asks whether figures being counted for the first time are ready.
POLL_SECONDS = 2


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


def _figures_context(request: HttpRequest, period: Period) -> dict:
    figures = statistics_for_page(request.user.organisation, period)
    return {
        "figures": figures,
        "sections": figures.sections,
        "cache_minutes": settings.STATISTICS_CACHE_SECONDS // 60,
        "query": request.GET.urlencode(),
        "poll_seconds": POLL_SECONDS,
    }


@staff_required
def statistics(request: HttpRequest) -> HttpResponse:
    """The figures as counted in the background: fresh, older ones (with their time) while
    they are counted again, or "being counted" until the first count is done."""
    form, period = _chosen_period(request)
    context = _figures_context(request, period)
    return render(request, "reports/statistics.html", {"form": form, "period": period, **context})


@never_cache
@staff_required
@require_GET
def statistics_sections(request: HttpRequest) -> HttpResponse:
    """Polled (htmx) by the page while the figures are counted for the first time: the same
    "being counted" state again, or the sections (and their as-of line) when they are ready."""
    _form, period = _chosen_period(request)
    context = _figures_context(request, period)
    return render(request, "reports/_sections.html", {**context, "polled": True})


@staff_required
def table_csv(request: HttpRequest, table: str) -> HttpResponse:
    """One table as CSV for Danish Excel: UTF-8 with BOM, semicolons, decimal comma."""
    _form, period = _chosen_period(request)
    chosen = table_counted(request.user.organisation, period, table)
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
