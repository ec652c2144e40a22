from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from accounts.access import require_write
from accounts.models import User

from .models import Company, Mentor


def companies_for_user(user: User) -> QuerySet[Company]:
    if user.is_staff_member:
        return Company.objects.filter(organisation_id=user.organisation_id)
    return Company.objects.none()


def get_company_for_user(user: User, pk: int, *, write: bool = False) -> Company:
    company = get_object_or_404(companies_for_user(user), pk=pk)
    if write:
        require_write(user)
    return company


def mentors_for_user(user: User) -> QuerySet[Mentor]:
    mentors = Mentor.objects.select_related("company")
    if user.is_staff_member:
        return mentors.filter(company__organisation_id=user.organisation_id)
    if user.is_mentor:
        return mentors.filter(user=user)
    return mentors.none()


def get_mentor_for_user(user: User, pk: int, *, write: bool = False) -> Mentor:
    mentor = get_object_or_404(mentors_for_user(user), pk=pk)
    if write:
        require_write(user)
    return mentor


def company_list_for_user(
    user: User,
    *,
    search: str = "",
    industry: str = "",
    active: bool | None = None,
    with_running_placement: bool = False,
) -> QuerySet[Company]:
    """The company network as one page of rows: counts are annotated, never fetched per row."""
    active_mentors = (
        Mentor.objects.filter(company=OuterRef("pk"), is_active=True)
        .order_by()
        .values("company")
        .annotate(n=Count("pk"))
        .values("n")
    )
    # Counted per company on the page with a subquery (an index probe each), not by joining
    # and grouping every placement of the organisation; the paginator's COUNT skips them.
    # Placements through the reverse relation by name: companies does not import placements.
    Placement = Company.placements.rel.related_model
    running_here = Placement.objects.filter(company=OuterRef("pk"), status=Placement.Status.ACTIVE)
    running = running_here.order_by().values("company").annotate(n=Count("pk")).values("n")
    companies = companies_for_user(user).annotate(
        running_placements=Coalesce(Subquery(running), 0),
        active_mentors=Coalesce(Subquery(active_mentors), 0),
    )
    if search:
        words = Q()
        for word in search.split():
            words &= Q(name__icontains=word) | Q(cvr__startswith=word) | Q(city__icontains=word)
        companies = companies.filter(words)
    if industry:
        companies = companies.filter(industry=industry)
    if active is not None:
        companies = companies.filter(is_active=active)
    if with_running_placement:
        companies = companies.filter(Exists(running_here))
    return companies.order_by("name", "pk")
