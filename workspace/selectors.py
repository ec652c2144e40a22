"""Reads across apps for the caseworker's pages, built on each app's scoped selectors.

Every function returns evaluated lists, so a page's query count is fixed by the code here
and does not grow with the number of rows.
"""

import datetime as dt
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet, Subquery
from django.shortcuts import get_object_or_404
from django.utils import timezone

from accounts.models import User
from certificates.models import Certificate
from certificates.selectors import certificates_for_user
from goals.models import AREA_HEADINGS, Area, LearningGoal, ProgressSeen
from goals.selectors import goals_for_user, goals_with_progress, progress_entries_for_user
from placements.models import FollowUp, Placement
from placements.selectors import placements_for_user
from youth.models import Youth
from youth.selectors import youth_for_user, youth_of_organisation

from .models import ImportJob

# "Soon" on the dashboard, and how long an active placement may go without a follow-up.
DASHBOARD_DAYS = 14
# A dashboard list shows at most this many rows (five open, the rest behind "show more");
# the youth list and the tasks have the rest. Every row shown is a row in the access log.
DASHBOARD_ROWS = 20


class Capped(list):
    """The first DASHBOARD_ROWS of a list, and whether there were more: its queries ask for
    one row beyond, so the badge can say "20+" rather than count a list it cut short."""

    def __init__(self, rows):
        rows = list(rows)
        super().__init__(rows[:DASHBOARD_ROWS])
        self.more = len(rows) > DASHBOARD_ROWS

    @property
    def badge(self) -> str:
        return f"{len(self)}+" if self.more else str(len(self))


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
    placements_soon: Capped
    new_progress: Capped  # goals, each with new_entries and latest_entry_at
    without_follow_up: Capped
    to_certify: Capped

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


# What the dashboard's lists print of each row (and the access log reads): the page names
# up to five lists of DASHBOARD_ROWS, so full rows with every related model cost more to
# build than the page spends on anything else.
YOUTH_SHOWN = ("organisation_id", "first_name", "last_name", "started_on")
PLACEMENT_SHOWN = (
    "organisation_id", "youth_id", "kind", "starts_on", "ends_on",
    "youth__first_name", "youth__last_name", "company__name",
)  # fmt: skip


def dashboard_for_user(user: User, *, today: dt.date) -> Dashboard:
    soon = today + timedelta(days=DASHBOARD_DAYS)
    quiet_since = today - timedelta(days=DASHBOARD_DAYS)

    active_youth = _own(user, youth_for_user(user)).filter(status=Youth.Status.ACTIVE)
    placements = _own(user, placements_for_user(user), "youth__")
    placements_soon = (
        placements.filter(
            Q(
                status__in=Placement.OPEN_STATUSES,
                starts_on__range=(today, soon),
            )
            | Q(status=Placement.Status.ACTIVE, ends_on__range=(today, soon))
        )
        .select_related(None)
        .select_related("youth", "company")
        .only(*PLACEMENT_SHOWN)
        .order_by("starts_on", "pk")
    )
    return Dashboard(
        active_youth=list(active_youth.select_related(None).only(*YOUTH_SHOWN)[:DASHBOARD_ROWS]),
        active_youth_count=active_youth.count(),
        placements_soon=Capped(placements_soon[: DASHBOARD_ROWS + 1]),
        new_progress=_new_progress(user),
        without_follow_up=_without_follow_up(user, placements, quiet_since=quiet_since),
        to_certify=_to_certify(user),
    )


def _new_progress(user: User) -> Capped:
    """Goals with mentors' entries the user has not seen, newest first, each with
    new_entries and latest_entry_at.

    From the new entries (the created_at index) to their goals, not from every goal in
    scope to all of its entries: a manager's scope holds tens of thousands of entries. An
    entry stays news until the user marks its goal seen (ProgressSeen) after it came in."""
    since = user.progress_seen_at or timezone.now() - timedelta(days=DASHBOARD_DAYS)
    seen_after = ProgressSeen.objects.filter(
        user=user, goal=OuterRef("goal_id"), seen_at__gte=OuterRef("created_at")
    )
    # The author's role is looked up per new entry (a subquery the planner cannot turn into
    # a join): joined, PostgreSQL merges the few new entries with all 20,000 mentor users.
    author_role = User.objects.filter(pk=OuterRef("author_id")).values("role")[:1]
    new_per_goal = list(
        progress_entries_for_user(user)
        .alias(author_role=Subquery(author_role))
        .filter(
            _own(user, Q(), "goal__placement__youth__"),
            created_at__gt=since,
            withdrawn_at__isnull=True,
            author_role=User.Role.MENTOR,
        )
        .exclude(Exists(seen_after))
        .order_by()
        .values("goal_id")
        .annotate(n=Count("pk"), latest=Max("created_at"))
        .order_by("-latest", "-goal_id")[: DASHBOARD_ROWS + 1]
    )
    goals_by_pk = (
        goals_for_user(user)
        .select_related(None)
        .select_related("placement__youth", "placement__company")
        .only(
            "title",
            "placement__organisation_id",
            "placement__youth_id",
            "placement__youth__first_name",
            "placement__youth__last_name",
            "placement__company__name",
        )
        .in_bulk([row["goal_id"] for row in new_per_goal])
    )
    new_progress = []
    for row in new_per_goal:
        goal = goals_by_pk[row["goal_id"]]
        goal.new_entries, goal.latest_entry_at = row["n"], row["latest"]
        new_progress.append(goal)
    return Capped(new_progress)


def _without_follow_up(
    user: User, placements: QuerySet[Placement], *, quiet_since: dt.date
) -> Capped:
    """Running placements with no follow-up since `quiet_since` (that started before it),
    those never followed up first, then the longest quiet.

    Each running placement's last follow-up is one probe of the index (placement, held_on)
    in the same query, the choice in Python, then only the rows shown: a manager's scope
    runs a thousand placements. Grouping the follow-ups of all of them instead read the
    whole follow-up table; the same subquery in the filter and the sort runs once for each.
    A manager's running placements are also looked up by the organisation's youth ids
    (youth_of_organisation): scoped only through the join on the youth's organisation,
    PostgreSQL read all the country's running placements first."""
    active = placements.filter(status=Placement.Status.ACTIVE)
    running = (
        active
        if user.is_caseworker
        else active.filter(youth_of_organisation("youth_id", user.organisation_id))
    )
    last_held = (
        FollowUp.objects.filter(placement=OuterRef("pk")).order_by("-held_on").values("held_on")
    )
    quiet = [
        (last, starts_on, pk)
        for pk, starts_on, last in running.select_related(None)
        .order_by()
        .values_list("pk", "starts_on", Subquery(last_held[:1]))
        if (last or starts_on) < quiet_since
    ]
    never_first = sorted(
        quiet, key=lambda row: (row[0] is not None, row[0] or row[1], row[1], row[2])
    )
    shown = {pk: last for last, _starts_on, pk in never_first[: DASHBOARD_ROWS + 1]}
    by_pk = (
        active.select_related(None)
        .select_related("youth", "company")
        .only(*PLACEMENT_SHOWN)
        .in_bulk(list(shown))
    )
    for pk, last in shown.items():
        by_pk[pk].last_follow_up = last
    return Capped([by_pk[pk] for pk in shown])


def _to_certify(user: User) -> Capped:
    """Youth with assessed goals that are on no valid certificate yet, by name, each with
    goals_to_certify: the goals counted per youth in one grouped query."""
    uncertified = (
        goals_for_user(user)
        .filter(
            _own(user, Q(), "placement__youth__"),
            placement__youth__organisation_id=user.organisation_id,
            assessed_level__isnull=False,
        )
        .exclude(certificates__status=Certificate.Status.ISSUED)
    )
    rows = (
        uncertified.order_by()
        .values(
            "placement__youth_id",
            "placement__youth__organisation_id",
            "placement__youth__first_name",
            "placement__youth__last_name",
        )
        .annotate(n=Count("pk"))
        .order_by(
            "placement__youth__first_name", "placement__youth__last_name", "placement__youth_id"
        )
    )
    to_certify = []
    for row in rows[: DASHBOARD_ROWS + 1]:
        youth = Youth(
            pk=row["placement__youth_id"],
            organisation_id=row["placement__youth__organisation_id"],
            first_name=row["placement__youth__first_name"],
            last_name=row["placement__youth__last_name"],
        )
        youth.goals_to_certify = row["n"]
        to_certify.append(youth)
    return Capped(to_certify)


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


# The import page lists the caseworker's latest imports.
IMPORT_JOBS_SHOWN = 5


def import_jobs_for_user(user: User) -> list[ImportJob]:
    """The user's own latest imports: an import is private to the caseworker who made it."""
    return list(ImportJob.objects.filter(owner=user).defer("content")[:IMPORT_JOBS_SHOWN])


def get_import_job_for_user(user: User, pk: int) -> ImportJob:
    return get_object_or_404(ImportJob.objects.filter(owner=user).defer("content"), pk=pk)
