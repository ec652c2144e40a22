"""Reads across apps for the company page and the placement page.

Each function returns a queryset with everything a row shows already joined or prefetched,
so the pages' query counts do not grow with the number of mentors, placements or notes.
"""

from django.db.models import Case, IntegerField, Max, Q, QuerySet, Value, When

from accounts.models import User
from companies.models import Company, Mentor
from companies.selectors import mentors_for_user
from placements.models import FollowUp, Placement
from placements.selectors import follow_ups_for_user, placements_for_user


def company_mentors(user: User, company: Company) -> QuerySet[Mentor]:
    """The company's mentors, active first, with when they last signed in and whether a
    sign-in link is still usable (`link_valid_until`)."""
    usable = Q(user__signin_links__revoked_at__isnull=True)
    return (
        mentors_for_user(user)
        .filter(company=company)
        .annotate(
            last_signed_in=Max("user__signin_links__last_used_at"),
            link_valid_until=Max("user__signin_links__expires_at", filter=usable),
        )
        .order_by("-is_active", "name")
    )


def company_placements(user: User, company: Company) -> QuerySet[Placement]:
    """The company's placements, running and planned first, then the newest."""
    open_first = Case(
        When(status__in=Placement.OPEN_STATUSES, then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    return (
        placements_for_user(user).filter(company=company).order_by(open_first, "-starts_on", "-pk")
    )


def placement_follow_ups(user: User, placement: Placement) -> QuerySet[FollowUp]:
    return follow_ups_for_user(user).filter(placement=placement).order_by("-held_on", "-created_at")
