"""The young person's own pages: my goals and "Mine beviser"."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header

from accounts.access import youth_required
from accounts.services import access_log_record
from youth.selectors import youth_for_user

from ..credentials.baking import baked_png
from ..models import AREA_HEADINGS, Area, Certificate, Credential
from ..selectors import (
    certificates_for_user,
    get_certificate_for_user,
    goals_for_user,
    goals_with_progress,
)
from .certificates import certificate_file_response
from .credentials import credential_json_response


@youth_required
def me_home(request: HttpRequest) -> HttpResponse:
    youth = youth_for_user(request.user).first()
    goals = goals_with_progress(goals_for_user(request.user)).order_by(
        "-placement__starts_on", "area", "pk"
    )
    areas = {area: [] for area in Area}
    for goal in goals:
        areas[Area(goal.area)].append(goal)
    if youth is not None:
        access_log_record(
            user=request.user,
            youth_id=youth.pk,
            organisation_id=youth.organisation_id,
            what="Min side: min drøm og mine mål",
        )
    return render(
        request,
        "certificates/me/home.html",
        {
            "youth": youth,
            "areas": [(AREA_HEADINGS[area], shown) for area, shown in areas.items() if shown],
            "certificate_count": certificates_for_user(request.user).count(),
        },
    )


@youth_required
def me_certificates(request: HttpRequest) -> HttpResponse:
    certificates = certificates_for_user(request.user)
    return render(request, "certificates/me/certificates.html", {"certificates": certificates})


@youth_required
def me_download(request: HttpRequest, pk: int) -> HttpResponse:
    return certificate_file_response(request, get_certificate_for_user(request.user, pk))


def _my_credential(request: HttpRequest, pk: int, *, what: str) -> Credential:
    certificate = get_certificate_for_user(request.user, pk)
    credential = getattr(certificate, "credential", None)
    if credential is None or certificate.status != Certificate.Status.ISSUED:
        raise Http404
    access_log_record(
        user=request.user,
        youth_id=certificate.youth_id,
        organisation_id=certificate.organisation_id,
        what=f"Kompetencebevis {certificate.number} ({what})",
    )
    return credential


@youth_required
def me_credential_json(request: HttpRequest, pk: int) -> HttpResponse:
    credential = _my_credential(request, pk, what="digitalt bevis, JSON")
    return credential_json_response(
        credential.document, filename=f"{credential.certificate.number}.json"
    )


@youth_required
def me_credential_png(request: HttpRequest, pk: int) -> HttpResponse:
    credential = _my_credential(request, pk, what="digitalt bevis, billede")
    response = HttpResponse(baked_png(credential.jwt), content_type="image/png")
    response["Content-Disposition"] = content_disposition_header(
        True, f"{credential.certificate.number}.png"
    )
    return response
