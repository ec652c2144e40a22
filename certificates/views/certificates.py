"""The caseworker's certificate pages: list, choose goals, preview, issue, revoke, correct."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import caseworker_required, staff_required
from accounts.errors import domain_error_show
from accounts.forms import request_id
from accounts.models import User
from accounts.services import access_log_for, access_log_record_many
from goals.selectors import assessed_goals_for_youth
from youth.selectors import get_youth_for_user

from ..forms.issuing import CertificateFilterForm, CertificateGoalsForm, RevokeForm, default_goals
from ..models import Certificate
from ..selectors import (
    certificates_for_user,
    certificates_listed_for_user,
    certificates_search,
    get_certificate_for_user,
)
from ..services.issuing import (
    CertificateError,
    certificate_correction_start,
    certificate_draft_discard,
    certificate_draft_save,
    certificate_issue,
    certificate_preview,
    certificate_revoke,
)
from ..stamp import certificate_pdf_stamped, certificate_stamp_text

PAGE_SIZE = 25


def certificate_file_response(request: HttpRequest, certificate: Certificate) -> HttpResponse:
    """The stored PDF, byte for byte, with a log row of who downloaded it.

    A revoked or replaced certificate downloads as a stamped copy; storage is never touched.
    """
    access_log_for(
        user=request.user, about=certificate, what=f"Kompetencebevis {certificate.number} (PDF)"
    )
    filename = f"{certificate.number}.pdf"
    stamp = certificate_stamp_text(certificate)
    if not stamp:
        return FileResponse(
            certificate.pdf.open("rb"),
            as_attachment=True,
            filename=filename,
            content_type="application/pdf",
        )
    pdf = certificate_pdf_stamped(certificate, stamp=stamp)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@staff_required
def certificate_list(request: HttpRequest) -> HttpResponse:
    form = CertificateFilterForm(request.GET or None)
    certificates = certificates_listed_for_user(request.user)
    if form.is_valid():
        certificates = certificates_search(
            certificates,
            q=form.cleaned_data["q"],
            status=form.cleaned_data["status"],
            year=form.cleaned_data["year"],
        )
    youth = None
    if youth_pk := request_id(request.GET, "youth"):
        youth = get_youth_for_user(request.user, youth_pk)
        certificates = certificates_search(certificates, youth_pk=youth.pk)
    page = Paginator(certificates.order_by("-created_at", "-pk"), PAGE_SIZE).get_page(
        request.GET.get("side")
    )
    shown = [(certificate.youth_id, certificate.organisation_id) for certificate in page]
    access_log_record_many(
        user=request.user,
        youths=shown + ([(youth.pk, youth.organisation_id)] if youth else []),
        what="Liste over kompetencebeviser",
    )
    return render(
        request,
        "certificates/issuing/list.html",
        {"form": form, "page": page, "youth": youth},
    )


@caseworker_required
def certificate_new(request: HttpRequest, youth_pk: int) -> HttpResponse:
    """Choose the goals for a new certificate (or change a draft's goals), then preview."""
    youth = get_youth_for_user(request.user, youth_pk, write=True)
    goals = assessed_goals_for_youth(request.user, youth.pk)
    draft = None
    if draft_pk := request_id(request.GET, "kladde"):
        draft = get_object_or_404(
            certificates_for_user(request.user).filter(
                youth=youth, status=Certificate.Status.DRAFT
            ),
            pk=draft_pk,
        )
    if request.method == "POST":
        form = CertificateGoalsForm(request.POST, goals=goals)
        if form.is_valid():
            try:
                draft = certificate_draft_save(
                    youth=youth, goals=form.cleaned_data["goals"], by=request.user, draft=draft
                )
            except CertificateError as error:
                domain_error_show(request, error, form)
            else:
                return redirect("certificates:detail", pk=draft.pk)
    else:
        initial = list(draft.goals.all()) if draft else default_goals(goals)
        form = CertificateGoalsForm(initial={"goals": initial}, goals=goals)
    access_log_for(user=request.user, about=youth, what="Mål til kompetencebevis")
    return render(
        request,
        "certificates/issuing/new.html",
        {"youth": youth, "form": form, "draft": draft, "has_goals": goals.exists()},
    )


@staff_required
def certificate_detail(request: HttpRequest, pk: int) -> HttpResponse:
    certificate = get_certificate_for_user(request.user, pk)
    return _detail(request, certificate, revoke_form=RevokeForm())


def _detail(request: HttpRequest, certificate: Certificate, *, revoke_form: RevokeForm):
    access_log_for(user=request.user, about=certificate, what=f"Kompetencebevis {certificate}")
    goals = certificate.goals.select_related("placement__company").order_by("area", "pk")
    return render(
        request,
        "certificates/issuing/detail.html",
        {
            "certificate": certificate,
            "goals": goals if not certificate.is_issued else None,
            "snapshot": certificate.snapshot,
            # The reverse one-to-one: the correction that replaced this certificate, if any.
            "replacement": getattr(certificate, "superseded_by", None),
            "revoke_form": revoke_form,
            "can_write": request.user.role == User.Role.CASEWORKER,
        },
        status=400 if revoke_form.errors else 200,
    )


@staff_required
def certificate_preview_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The draft as PDF, marked as a draft, shown in the browser. Nothing is issued."""
    certificate = get_certificate_for_user(request.user, pk)
    if certificate.is_issued:
        return redirect("certificates:download", pk=certificate.pk)
    try:
        pdf = certificate_preview(certificate=certificate, by=request.user)
    except CertificateError as error:
        domain_error_show(request, error)
        return redirect("certificates:detail", pk=certificate.pk)
    access_log_for(user=request.user, about=certificate, what="Kladde til kompetencebevis (PDF)")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(False, "kladde.pdf")
    return response


@require_POST
@caseworker_required
def certificate_issue_draft(request: HttpRequest, pk: int) -> HttpResponse:
    certificate = get_certificate_for_user(request.user, pk, write=True)
    try:
        certificate = certificate_issue(certificate=certificate, issued_by=request.user)
    except CertificateError as error:
        domain_error_show(request, error)
    else:
        messages.success(
            request,
            _("Certificate %(number)s is issued.") % {"number": certificate.number},
        )
    return redirect("certificates:detail", pk=certificate.pk)


@require_POST
@caseworker_required
def certificate_discard(request: HttpRequest, pk: int) -> HttpResponse:
    certificate = get_certificate_for_user(request.user, pk, write=True)
    youth_pk = certificate.youth_id
    try:
        certificate_draft_discard(certificate=certificate, by=request.user)
    except CertificateError as error:
        domain_error_show(request, error)
        return redirect("certificates:detail", pk=certificate.pk)
    messages.success(request, _("The draft is deleted."))
    return redirect("workspace:youth_detail", pk=youth_pk)


@staff_required
def certificate_download(request: HttpRequest, pk: int) -> HttpResponse:
    certificate = get_certificate_for_user(request.user, pk)
    if not certificate.is_issued:
        return redirect("certificates:preview", pk=certificate.pk)
    return certificate_file_response(request, certificate)


@require_POST
@caseworker_required
def certificate_revoke_view(request: HttpRequest, pk: int) -> HttpResponse:
    certificate = get_certificate_for_user(request.user, pk, write=True)
    form = RevokeForm(request.POST)
    if not form.is_valid():
        return _detail(request, certificate, revoke_form=form)
    try:
        certificate_revoke(
            certificate=certificate, reason=form.cleaned_data["reason"], by=request.user
        )
    except CertificateError as error:
        domain_error_show(request, error)
    else:
        messages.success(request, _("The certificate is revoked."))
    return redirect("certificates:detail", pk=certificate.pk)


@require_POST
@caseworker_required
def certificate_reissue(request: HttpRequest, pk: int) -> HttpResponse:
    """Correct a certificate: a new draft that replaces the old one when it is issued."""
    certificate = get_certificate_for_user(request.user, pk, write=True)
    try:
        draft = certificate_correction_start(certificate=certificate, by=request.user)
    except CertificateError as error:
        domain_error_show(request, error)
        return redirect("certificates:detail", pk=certificate.pk)
    messages.info(
        request,
        _("A corrected draft is ready. Change the goals if needed, then preview and issue it."),
    )
    new_url = reverse("certificates:issue", kwargs={"youth_pk": certificate.youth_id})
    return redirect(f"{new_url}?kladde={draft.pk}")
