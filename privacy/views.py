"""The young person's right of access (GDPR art. 15): an export of everything held about
them and of who has looked at it, made by their caseworker."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from accounts.access import caseworker_required, staff_required
from accounts.selectors import access_log_for_youth
from accounts.services import access_log_for
from documents.services import document_request
from youth.selectors import get_youth_for_user

from .apps import GDPR_EXPORT, GDPR_EXPORT_JSON

ACCESS_LOG_PAGE_SIZE = 50


def _export_document(request: HttpRequest, pk: int, *, kind: str, label: str) -> HttpResponse:
    """An insight export grows with the course and the access log: it is prepared in the task
    queue (POST), and the caseworker waits on the document's page; each download is
    access-logged. GET is the page with the button."""
    youth = get_youth_for_user(request.user, pk)
    if request.method == "GET":
        access_log_for(user=request.user, about=youth, what=f"Indsigt: forbered {label}")
        return render(
            request,
            "documents/request.html",
            {
                "title": _("Insight export (%(format)s) – %(name)s")
                % {"format": label, "name": youth.full_name},
                "button": _("Prepare the %(format)s file") % {"format": label},
                "back_url": reverse("privacy:youth_access_log", args=[youth.pk]),
            },
        )
    document = document_request(
        kind=kind,
        owner=request.user,
        title=f"Indsigt: alle oplysninger og adgangslog ({label}) – {youth.full_name}",
        params={"youth_id": youth.pk},
        youth_id=youth.pk,
    )
    return redirect("documents:detail", pk=document.pk)


@never_cache
@require_http_methods(["GET", "POST"])
@caseworker_required
def youth_export_json(request: HttpRequest, pk: int) -> HttpResponse:
    return _export_document(request, pk, kind=GDPR_EXPORT_JSON, label="JSON")


@never_cache
@require_http_methods(["GET", "POST"])
@caseworker_required
def youth_export_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    return _export_document(request, pk, kind=GDPR_EXPORT, label="PDF")


@require_GET
@staff_required
def youth_access_log(request: HttpRequest, pk: int) -> HttpResponse:
    youth = get_youth_for_user(request.user, pk)
    access_log_for(
        user=request.user, about=youth, what="Adgangslog: hvem har set den unges oplysninger"
    )
    entries = access_log_for_youth(youth_id=youth.pk, organisation_id=youth.organisation_id)
    page = Paginator(entries, ACCESS_LOG_PAGE_SIZE).get_page(request.GET.get("side"))
    return render(request, "privacy/access_log.html", {"youth": youth, "page": page})
