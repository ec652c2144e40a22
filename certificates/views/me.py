"""The young person's own pages: my certificates first, then my goals by placement."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from accounts.access import youth_required
from accounts.services import access_log_for
from goals.models import LearningGoal, Level
from goals.selectors import goals_for_user, goals_with_progress
from placements.models import Placement
from youth.models import Youth
from youth.selectors import youth_for_user

from ..credentials.baking import baked_png
from ..models import Certificate, Credential
from ..selectors import certificates_for_user, get_certificate_for_user
from ..services.issuing import verification_url
from .certificates import certificate_file_response
from .credentials import credential_json_response


def _log_own_page(request: HttpRequest, youth: Youth | None, what: str) -> None:
    if youth is not None:
        access_log_for(user=request.user, about=youth, what=what)


@dataclass(frozen=True)
class CertificateCard:
    """What the young person needs to show a certificate to an employer, from its snapshot;
    the link is the one printed on the PDF."""

    certificate: Certificate
    workplaces: list[str]
    starts_on: dt.date | None
    ends_on: dt.date | None
    total_points: Decimal
    verify_url: str


def _certificate_card(certificate: Certificate) -> CertificateCard:
    placements = certificate.snapshot.get("placements", [])
    starts = [dt.date.fromisoformat(p["starts_on"]) for p in placements]
    ends = [dt.date.fromisoformat(p["ends_on"]) for p in placements if p["ends_on"]]
    return CertificateCard(
        certificate=certificate,
        workplaces=list(dict.fromkeys(p["company"] for p in placements)),
        starts_on=min(starts, default=None),
        ends_on=max(ends) if ends and len(ends) == len(placements) else None,
        total_points=Decimal(certificate.snapshot.get("total_points", "0")),
        verify_url=verification_url(certificate.verification_code),
    )


def _certificate_cards(request: HttpRequest) -> list[CertificateCard]:
    certificates = (
        certificates_for_user(request.user)
        .select_related("superseded_by", "credential")
        .order_by("-issued_on", "-pk")
    )
    return [_certificate_card(certificate) for certificate in certificates]


def _still_missing(goal: LearningGoal) -> str:
    """In plain words, what the young person still needs on a goal (from their side)."""
    target = Level(goal.target_level)
    if goal.assessed_level is not None:
        if goal.assessed_level >= goal.target_level:
            return _("Done: approved at the target level.")
        return _("Approved at %(reached)s. The target was %(target)s.") % {
            "reached": Level(goal.assessed_level).label,
            "target": target.label,
        }
    if goal.current_level is None:
        return _("Nothing is logged yet. The target is %(target)s.") % {"target": target.label}
    if goal.current_level >= goal.target_level:
        return _("You have reached the target level. Your contact person still has to approve it.")
    return _("Still missing: from %(now)s to %(target)s.") % {
        "now": Level(goal.current_level).label,
        "target": target.label,
    }


@dataclass(frozen=True)
class PlacementGoals:
    placement: Placement
    current: bool
    goals: list[LearningGoal]


def _goals_by_placement(request: HttpRequest) -> list[PlacementGoals]:
    """Goals grouped by placement: current placements first, then finished ones, newest first."""
    today = timezone.localdate()
    goals = goals_with_progress(goals_for_user(request.user)).order_by(
        "-placement__starts_on", "placement_id", "area", "pk"
    )
    groups: dict[int, PlacementGoals] = {}
    for goal in goals:
        goal.still_missing = _still_missing(goal)
        placement = goal.placement
        if placement.pk not in groups:
            groups[placement.pk] = PlacementGoals(placement, not placement.has_ended_on(today), [])
        groups[placement.pk].goals.append(goal)
    return sorted(groups.values(), key=lambda group: not group.current)


@youth_required
def me_home(request: HttpRequest) -> HttpResponse:
    youth = youth_for_user(request.user).first()
    _log_own_page(request, youth, "Min side: min drøm og mine mål")
    return render(
        request,
        "certificates/me/home.html",
        {
            "youth": youth,
            "certificate_cards": _certificate_cards(request),
            "placements": _goals_by_placement(request),
        },
    )


@youth_required
def me_certificates(request: HttpRequest) -> HttpResponse:
    _log_own_page(request, youth_for_user(request.user).first(), "Mine kompetencebeviser")
    return render(
        request,
        "certificates/me/certificates.html",
        {"certificate_cards": _certificate_cards(request)},
    )


@youth_required
def me_download(request: HttpRequest, pk: int) -> HttpResponse:
    return certificate_file_response(request, get_certificate_for_user(request.user, pk))


def _my_credential(request: HttpRequest, pk: int, *, what: str) -> Credential:
    certificate = get_certificate_for_user(request.user, pk)
    credential = getattr(certificate, "credential", None)
    if credential is None or certificate.status != Certificate.Status.ISSUED:
        raise Http404
    access_log_for(
        user=request.user, about=certificate, what=f"Kompetencebevis {certificate.number} ({what})"
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
