from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from accounts.access import require_write
from accounts.models import User

from .models import FollowUp, Placement, WeeklyHours


def placements_for_user(user: User) -> QuerySet[Placement]:
    placements = Placement.objects.select_related("youth", "company", "mentor")
    if user.is_staff_member:
        # Rows follow the young person: a youth handed over brings their placements along.
        return placements.filter(youth__organisation_id=user.organisation_id)
    if user.is_mentor:
        return placements.filter(mentor__user=user)
    if user.is_youth:
        return placements.filter(youth__user=user)
    return placements.none()


def get_placement_for_user(user: User, pk: int, *, write: bool = False) -> Placement:
    placement = get_object_or_404(placements_for_user(user), pk=pk)
    if write:
        require_write(user, made_in=placement.organisation_id)
    return placement


def follow_ups_for_user(user: User) -> QuerySet[FollowUp]:
    """Follow-up notes are sensitive: caseworkers and managers only."""
    if user.is_staff_member:
        return FollowUp.objects.filter(
            placement__youth__organisation_id=user.organisation_id
        ).select_related("author", "placement")
    return FollowUp.objects.none()


def weekly_hours_for_user(user: User) -> QuerySet[WeeklyHours]:
    """Every hours entry the user may read, corrections included (newest first per week)."""
    return WeeklyHours.objects.filter(
        placement__in=placements_for_user(user).values("pk")
    ).select_related("author")


def current_weeks(entries) -> list[WeeklyHours]:
    """The entry that counts for each week: the newest one. `entries` ordered by week
    descending, then newest first (the model's default order)."""
    seen: set = set()
    weeks = []
    for entry in entries:
        key = (entry.placement_id, entry.week_starts_on)
        if key not in seen:
            seen.add(key)
            weeks.append(entry)
    return weeks
