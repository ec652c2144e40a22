"""Reads across apps for the caseworker's pages, built on each app's scoped selectors.

Every function returns evaluated lists, so a page's query count is fixed by the code here
and does not grow with the number of rows.
"""

import datetime as dt
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet
from django.utils import timezone

from accounts.models import User
from certificates.models import Certificate
from certificates.selectors import certificates_for_user
from goals.models import AREA_HEADINGS, Area, LearningGoal, ProgressSeen
from goals.selectors import goals_for_user, goals_with_progress, progress_entries_for_user
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
    # An entry stays news until the user marks its goal seen (ProgressSeen) after it came in.
    seen_after = ProgressSeen.objects.filter(
        user=user, goal=OuterRef("goal_id"), seen_at__gte=OuterRef("created_at")
    )
    new_per_goal = list(
        progress_entries_for_user(user)
        .filter(
            _own(user, Q(), "goal__placement__youth__"),
            created_at__gt=progress_since,
            withdrawn_at__isnull=True,
            author__role=User.Role.MENTOR,
        )
        .exclude(Exists(seen_after))
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

    without_follow_up = _without_follow_up(
        placements.filter(status=Placement.Status.ACTIVE), quiet_since=quiet_since
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
        without_follow_up=without_follow_up,
        to_certify=to_certify,
    )


def _without_follow_up(active: QuerySet[Placement], *, quiet_since: dt.date) -> list[Placement]:
    """Running placements with no follow-up since `quiet_since` (that started before it),
    those never followed up first, then the longest quiet.

    The last follow-up of every running placement in one grouped query, the choice in
    Python, then only the rows shown: a manager's scope runs a thousand placements, and a
    subquery per placement in the filter and the sort costs several probes each."""
    last = dict(
        FollowUp.objects.filter(placement__in=active.values("pk"))
        .order_by()
        .values_list("placement_id")
        .annotate(last=Max("held_on"))
    )
    quiet = [
        (last.get(pk), starts_on, pk)
        for pk, starts_on in active.values_list("pk", "starts_on")
        if (last.get(pk) or starts_on) < quiet_since
    ]
    never_first = sorted(quiet, key=lambda row: (row[0] is not None, row[0] or row[1], row[1]))
    shown = [pk for _last, _starts_on, pk in never_first[:DASHBOARD_ROWS]]
    by_pk = active.in_bulk(shown)
    for pk in shown:
        by_pk[pk].last_follow_up = last.get(pk)
    return [by_pk[pk] for pk in shown]


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
