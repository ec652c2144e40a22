"""Reads across apps for the caseworker's pages, built on each app's scoped selectors.

Every function returns evaluated lists, so a page's query count is fixed by the code here
and does not grow with the number of rows.
"""

import datetime as dt
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, F, Max, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from accounts.models import User
from certificates.models import AREA_HEADINGS, Area, Certificate, LearningGoal
from certificates.selectors import (
    certificates_for_user,
    goals_for_user,
    goals_with_progress,
    progress_entries_for_user,
)
from placements.models import FollowUp, Placement
from placements.selectors import placements_for_user
from youth.models import Youth
from youth.selectors import youth_for_user

# "Soon" on the dashboard, and how long an active placement may go without a follow-up.
DASHBOARD_DAYS = 14
# A dashboard list shows at most this many rows; the youth list has the rest.
DASHBOARD_ROWS = 50


def _own(user: User, queryset: QuerySet | Q, youth_path: str = "") -> QuerySet | Q:
    """A caseworker's dashboard shows their own youth; a manager's the whole organisation.
    Narrows a queryset, or builds the condition (a Q) for one."""
    if not user.is_caseworker:
        return queryset
    own = Q(**{f"{youth_path}caseworker": user})
    return queryset & own if isinstance(queryset, Q) else queryset.filter(own)


@dataclass(frozen=True)
class Dashboard:
    active_youth: list[Youth]
    active_youth_count: int
    placements_soon: list[Placement]
    new_progress: list[LearningGoal]  # each with new_entries and latest_entry_at
    progress_since: dt.datetime
    without_follow_up: list[Placement]
    to_certify: list[Youth]

    def youth_shown(self) -> list[tuple[int, int]]:
        """(youth_id, organisation_id) of everyone the dashboard names, for the access log."""
        placements = self.placements_soon + self.without_follow_up
        return (
            [(youth.pk, youth.organisation_id) for youth in self.active_youth + self.to_certify]
            + [(placement.youth_id, placement.organisation_id) for placement in placements]
            + [
                (goal.placement.youth_id, goal.placement.organisation_id)
                for goal in self.new_progress
            ]
        )


def dashboard_for_user(user: User, *, today: dt.date) -> Dashboard:
    soon = today + timedelta(days=DASHBOARD_DAYS)
    quiet_since = today - timedelta(days=DASHBOARD_DAYS)
    progress_since = user.progress_seen_at or timezone.now() - timedelta(days=DASHBOARD_DAYS)

    active_youth = _own(user, youth_for_user(user)).filter(status=Youth.Status.ACTIVE)
    placements = _own(user, placements_for_user(user), "youth__")
    placements_soon = placements.filter(
        Q(
            status__in=Placement.OPEN_STATUSES,
            starts_on__range=(today, soon),
        )
        | Q(status=Placement.Status.ACTIVE, ends_on__range=(today, soon))
    ).order_by("starts_on", "pk")

    # From the new entries (the created_at index) to their goals, not from every goal in
    # scope to all of its entries: a manager's scope holds tens of thousands of entries.
    new_per_goal = list(
        progress_entries_for_user(user)
        .filter(
            _own(user, Q(), "goal__placement__youth__"),
            created_at__gt=progress_since,
            withdrawn_at__isnull=True,
            author__role=User.Role.MENTOR,
        )
        .order_by()
        .values("goal_id")
        .annotate(n=Count("pk"), latest=Max("created_at"))
        .order_by("-latest", "-goal_id")[:DASHBOARD_ROWS]
    )
    goals_by_pk = goals_for_user(user).in_bulk([row["goal_id"] for row in new_per_goal])
    new_progress = []
    for row in new_per_goal:
        goal = goals_by_pk[row["goal_id"]]
        goal.new_entries, goal.latest_entry_at = row["n"], row["latest"]
        new_progress.append(goal)

    last_follow_up = FollowUp.objects.filter(placement=OuterRef("pk")).order_by("-held_on")
    without_follow_up = (
        placements.filter(status=Placement.Status.ACTIVE)
        .annotate(last_follow_up=Subquery(last_follow_up.values("held_on")[:1]))
        .filter(
            Q(last_follow_up__lt=quiet_since)
            | Q(last_follow_up__isnull=True, starts_on__lt=quiet_since)
        )
        .order_by(F("last_follow_up").asc(nulls_first=True), "starts_on")
    )

    # Assessed goals that are on no valid certificate yet.
    uncertified = (
        goals_for_user(user)
        .filter(assessed_level__isnull=False)
        .exclude(certificates__status=Certificate.Status.ISSUED)
    )
    to_certify = list(
        _own(user, youth_for_user(user)).filter(pk__in=uncertified.values("placement__youth_id"))[
            :DASHBOARD_ROWS
        ]
    )
    counts = dict(
        uncertified.filter(placement__youth__in=[youth.pk for youth in to_certify])
        .order_by()
        .values_list("placement__youth_id")
        .annotate(n=Count("pk"))
    )
    for youth in to_certify:
        youth.goals_to_certify = counts.get(youth.pk, 0)

    return Dashboard(
        active_youth=list(active_youth[:DASHBOARD_ROWS]),
        active_youth_count=active_youth.count(),
        placements_soon=list(placements_soon[:DASHBOARD_ROWS]),
        new_progress=new_progress,
        progress_since=progress_since,
        without_follow_up=list(without_follow_up[:DASHBOARD_ROWS]),
        to_certify=to_certify,
    )


@dataclass(frozen=True)
class GoalArea:
    area: str
    heading: str
    goals: list[LearningGoal]


@dataclass(frozen=True)
class YouthProfile:
    placements: list[Placement]
    goal_areas: list[GoalArea]
    certificates: list[Certificate]


def youth_profile(user: User, youth: Youth) -> YouthProfile:
    """A young person's placements, goals with their latest progress by area, certificates.

    `youth` has already been fetched through `get_youth_for_user`.
    """
    placements = list(placements_for_user(user).filter(youth=youth).order_by("-starts_on", "-pk"))
    goals = list(
        goals_with_progress(goals_for_user(user).filter(placement__youth=youth)).order_by(
            "placement__starts_on", "pk"
        )
    )
    goal_areas = [
        GoalArea(area=area, heading=AREA_HEADINGS[area], goals=in_area)
        for area in Area
        if (in_area := [goal for goal in goals if goal.area == area])
    ]
    certificates = list(
        certificates_for_user(user).filter(youth=youth).order_by("-created_at", "-pk")
    )
    return YouthProfile(placements=placements, goal_areas=goal_areas, certificates=certificates)
