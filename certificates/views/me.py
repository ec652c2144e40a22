"""The young person's own pages: my goals and "Mine beviser"."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accounts.access import youth_required
from accounts.services import access_log_record
from youth.models import Youth
from youth.selectors import youth_for_user

from ..models import AREA_HEADINGS, Area
from ..selectors import (
    certificates_for_user,
    get_certificate_for_user,
    goals_for_user,
    goals_with_progress,
)
from .certificates import certificate_file_response


def _log_own_page(request: HttpRequest, youth: Youth | None, what: str) -> None:
    if youth is not None:
        access_log_record(
            user=request.user, youth_id=youth.pk, organisation_id=youth.organisation_id, what=what
        )


@youth_required
def me_home(request: HttpRequest) -> HttpResponse:
    youth = youth_for_user(request.user).first()
    goals = goals_with_progress(goals_for_user(request.user)).order_by(
        "-placement__starts_on", "area", "pk"
    )
    areas = {area: [] for area in Area}
    for goal in goals:
        areas[Area(goal.area)].append(goal)
    _log_own_page(request, youth, "Min side: min drøm og mine mål")
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
    _log_own_page(request, youth_for_user(request.user).first(), "Mine kompetencebeviser")
    return render(request, "certificates/me/certificates.html", {"certificates": certificates})


@youth_required
def me_download(request: HttpRequest, pk: int) -> HttpResponse:
    return certificate_file_response(request, get_certificate_for_user(request.user, pk))
