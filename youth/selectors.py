"""Reads of young people, always scoped to the person asking.

Mentor scoping follows the reverse relation `placements__mentor__user` by name, so this
app reads placements without importing it (dependencies point one way).
"""

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404

from accounts.access import require_write
from accounts.models import User
from accounts.queries import InIds

from .models import Youth


def youth_for_user(user: User) -> QuerySet[Youth]:
    youth = Youth.objects.select_related("caseworker", "organisation")
    if user.is_staff_member:
        return youth.filter(organisation_id=user.organisation_id)
    if user.is_mentor:
        return youth.filter(placements__mentor__user=user).distinct()
    if user.is_youth:
        return youth.filter(user=user)
    return youth.none()


def youth_of_organisation(path: str, organisation_id: int) -> InIds:
    """The condition "the row's young person (`path` to the youth's id) is the organisation's
    now": how staff scope rows that follow the young person after a handover. The youth's
    ids are looked up in the row's index (see InIds); a join on youth__organisation_id made
    PostgreSQL scan the whole country's rows of the other conditions first."""
    return InIds(path, Youth.objects.filter(organisation_id=organisation_id).values("pk"))


def get_youth_for_user(user: User, pk: int, *, write: bool = False) -> Youth:
    youth = get_object_or_404(youth_for_user(user), pk=pk)
    if write:
        require_write(user)
    return youth


YOUTH_SORTS = {
    "name": ("first_name", "last_name", "pk"),
    "-started_on": ("-started_on", "first_name", "pk"),
    "started_on": ("started_on", "first_name", "pk"),
    "status": ("status", "first_name", "last_name", "pk"),
}


def youth_list_for_user(
    user: User,
    *,
    q: str = "",
    status: str = "",
    caseworker: User | None = None,
    company: str = "",
    sort: str = "name",
) -> QuerySet[Youth]:
    """The youth list: search by name, filter by status, caseworker and the name of a
    company they have been placed at, sorted."""
    youth = youth_for_user(user)
    for word in q.split():
        youth = youth.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word))
    if status:
        youth = youth.filter(status=status)
    if caseworker is not None:
        youth = youth.filter(caseworker=caseworker)
    if company.split():
        # A placement at a company with every word in its name (EXISTS, no DISTINCT), among
        # the unit's youth's placements (looked up by their ids: unbounded, PostgreSQL read
        # the whole country's placements to count a page). Through the reverse relation by
        # name: youth does not import placements.
        placed = Youth._meta.get_field("placements").related_model.objects.filter(
            youth_of_organisation("youth_id", user.organisation_id), youth=OuterRef("pk")
        )
        for word in company.split():
            placed = placed.filter(company__name__icontains=word)
        youth = youth.filter(Exists(placed))
    return youth.order_by(*YOUTH_SORTS.get(sort, YOUTH_SORTS["name"]))
