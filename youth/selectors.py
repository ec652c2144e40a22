"""Reads of young people, always scoped to the person asking.

Mentor scoping follows the reverse relation `placements__mentor__user` by name, so this
app reads placements without importing it (dependencies point one way).
"""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from accounts.access import require_write
from accounts.models import User

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


def get_youth_for_user(user: User, pk: int, *, write: bool = False) -> Youth:
    youth = get_object_or_404(youth_for_user(user), pk=pk)
    if write:
        require_write(user)
    return youth
