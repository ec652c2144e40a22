"""The company page and the placement page: the company network as the caseworker sees it."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from accounts.access import staff_required
from accounts.services import access_log_for, access_log_record_many
from companies.selectors import get_company_for_user
from goals.selectors import goals_for_placement
from placements.selectors import get_placement_for_user

from ..network_selectors import company_mentors, company_placements, placement_follow_ups

PLACEMENTS_PER_PAGE = 20


@staff_required
def company_detail(request: HttpRequest, pk: int) -> HttpResponse:
    company = get_company_for_user(request.user, pk)
    placements = Paginator(company_placements(request.user, company), PLACEMENTS_PER_PAGE)
    page = placements.get_page(request.GET.get("side"))
    access_log_record_many(
        user=request.user,
        youths=[(placement.youth_id, placement.organisation_id) for placement in page],
        what=f"Virksomhed: praktikker hos {company.name}",
    )
    return render(
        request,
        "workspace/company_detail.html",
        {
            "company": company,
            "mentors": company_mentors(request.user, company),
            "placements": page,
            "now": timezone.now(),
        },
    )


@staff_required
def placement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    placement = get_placement_for_user(request.user, pk)
    access_log_for(
        user=request.user,
        about=placement,
        what="Praktik: aftaler, skånehensyn i praktikken, opfølgning og læringsmål",
    )
    return render(
        request,
        "workspace/placement_detail.html",
        {
            "placement": placement,
            "follow_ups": placement_follow_ups(request.user, placement),
            "goals": goals_for_placement(request.user, placement),
        },
    )
