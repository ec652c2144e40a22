"""Reads across apps for the caseworker's pages, built on each app's scoped selectors.

Every function returns evaluated lists, so a page's query count is fixed by the code here
and does not grow with the number of rows.
"""

import datetime as dt
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, F, Max, Q, QuerySet
from django.utils import timezone

from accounts.models import User
from certificates.models import AREA_HEADINGS, Area, Certificate, LearningGoal
from certificates.selectors import (
    certificates_for_user,
    goals_for_user,
    goals_with_news,
    goals_with_progress,
)
from placements.models import Placement
from placements.selectors import placements_for_user
from youth.models import Youth
from youth.selectors import youth_for_user

# "Soon" on the dashboard, and how long an active placement may go without a follow-up.
DASHBOARD_DAYS = 14
# A dashboard list shows at most this many rows; the youth list has the rest.
DASHBOARD_ROWS = 50


def _own(user: User, queryset: QuerySet, youth_path: str = "") -> QuerySet:
    """A caseworker's dashboard shows their own youth; a manager's the whole organisation."""
    if user.is_caseworker:
        return queryset.filter(**{f"{youth_path}caseworker": user})
    return queryset


@dataclass(frozen=True)
class Dashboard:
    active_youth: list[Youth]
    active_youth_count: int
    placements_soon: list[Placement]
    new_progress: list[LearningGoal]
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

    new_progress = goals_with_news(
        _own(user, goals_for_user(user), "placement__youth__"), user, since=progress_since
    )

    without_follow_up = (
        placements.filter(status=Placement.Status.ACTIVE)
        .annotate(last_follow_up=Max("follow_ups__held_on"))
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
        new_progress=list(new_progress[:DASHBOARD_ROWS]),
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
