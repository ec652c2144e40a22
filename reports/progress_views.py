"""The progress report pages. Every page answers 404 to anyone who may not read the report
(mentors included), and every view and download writes an access-log row with its purpose."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.errors import domain_error_show
from accounts.models import User
from accounts.services import access_log_for
from youth.selectors import youth_for_user

from .portfolio import portfolio_zip
from .progress_forms import ProgressReportForm, ShareForm
from .progress_pdf import progress_report_pdf_render
from .selectors import (
    get_progress_report_for_user,
    get_youth_for_report,
    mentor_notes_for_report,
    progress_reports_for_user,
)
from .services import (
    ProgressReportError,
    progress_report_save,
    progress_report_share,
    progress_report_snapshot,
)

PURPOSE = "Forberedelse af sagen til rehabiliteringsteamet"


def _log(user: User, report_or_youth, what: str) -> None:
    access_log_for(
        user=user, about=report_or_youth, what=what, purpose="" if user.is_youth else PURPOSE
    )


@login_required
@require_GET
def youth_reports(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = get_youth_for_report(request.user, youth_pk)
    reports = progress_reports_for_user(request.user).filter(youth=youth)
    _log(request.user, youth, "Progressionsrapporter (oversigt)")
    return render(request, "reports/progress/list.html", {"youth": youth, "reports": reports})


@login_required
def report_create(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = get_youth_for_report(request.user, youth_pk, write=True)
    form = ProgressReportForm(
        request.POST or None,
        notes=mentor_notes_for_report(youth),
        initial={"period_starts_on": youth.started_on, "period_ends_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            report = progress_report_save(youth=youth, **form.cleaned_data, by=request.user)
        except ProgressReportError as error:
            domain_error_show(request, error, form)
        else:
            messages.success(request, _("The draft is saved. Preview it before you share it."))
            return redirect("progress:detail", pk=report.pk)
    _log(request.user, youth, "Ny progressionsrapport")
    return render(request, "reports/progress/form.html", {"youth": youth, "form": form})


@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A draft: edit it, preview it, share it. A shared report: when, by whom, to whom."""
    report = get_progress_report_for_user(request.user, pk)
    if not request.user.is_staff_member:
        raise Http404
    form = None
    if not report.is_shared and request.user.is_caseworker:
        form = ProgressReportForm(
            request.POST or None, instance=report, notes=mentor_notes_for_report(report.youth)
        )
        if request.method == "POST" and form.is_valid():
            try:
                progress_report_save(
                    youth=report.youth, report=report, **form.cleaned_data, by=request.user
                )
            except ProgressReportError as error:
                domain_error_show(request, error, form)
            else:
                messages.success(request, _("The draft is saved."))
                return redirect("progress:detail", pk=report.pk)
    elif request.method == "POST":
        raise Http404
    _log(request.user, report, "Progressionsrapport")
    return render(
        request,
        "reports/progress/detail.html",
        {"report": report, "youth": report.youth, "form": form, "share_form": ShareForm()},
    )


@login_required
@require_GET
def report_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """The draft as PDF, marked as a draft, rendered from today's data (nothing stored)."""
    report = get_progress_report_for_user(request.user, pk, write=True)
    if report.is_shared:
        return redirect("progress:pdf", pk=report.pk)
    pdf = progress_report_pdf_render(progress_report_snapshot(report), draft=True)
    _log(request.user, report, "Progressionsrapport, kladde (PDF)")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(False, "kladde.pdf")
    return response


@login_required
@require_POST
def report_share(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_progress_report_for_user(request.user, pk, write=True)
    form = ShareForm(request.POST)
    if form.is_valid():
        try:
            progress_report_share(report=report, by=request.user, **form.cleaned_data)
        except ProgressReportError as error:
            domain_error_show(request, error, form)
        else:
            messages.success(request, _("The report is frozen and recorded as shared."))
            return redirect("progress:detail", pk=report.pk)
    _log(request.user, report, "Progressionsrapport")
    return render(
        request,
        "reports/progress/detail.html",
        {"report": report, "youth": report.youth, "form": None, "share_form": form},
        status=400,
    )


@login_required
@require_GET
def report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The stored PDF of a shared report, byte for byte as it was given."""
    report = get_progress_report_for_user(request.user, pk)
    if not report.is_shared:
        raise Http404
    _log(request.user, report, "Progressionsrapport hentet (PDF)")
    with report.pdf.open("rb") as stored:
        response = HttpResponse(stored.read(), content_type="application/pdf")
    name = f"progressionsrapport-{report.shared_at:%Y%m%d}.pdf"
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response


@login_required
@require_GET
def my_reports(request: HttpRequest) -> HttpResponse:
    """The young person's own shared reports."""
    if not request.user.is_youth:
        raise Http404
    youth = youth_for_user(request.user).first()
    if youth is not None:
        _log(request.user, youth, "Egne progressionsrapporter")
    return render(
        request, "reports/progress/mine.html", {"reports": progress_reports_for_user(request.user)}
    )


@login_required
@require_GET
def portfolio(request: HttpRequest) -> HttpResponse:
    """ "Min kompetencemappe": the young person's own certificates, overview and JSON."""
    youth = youth_for_user(request.user).first() if request.user.is_youth else None
    if youth is None:
        raise Http404
    archive = portfolio_zip(request.user, youth)
    _log(request.user, youth, "Min kompetencemappe hentet (ZIP)")
    response = HttpResponse(archive, content_type="application/zip")
    name = f"kompetencemappe-{timezone.localdate():%Y%m%d}.zip"
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response
